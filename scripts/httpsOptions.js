/* eslint-disable @typescript-eslint/no-require-imports */
// The dev server's https certificate: a development CA and a localhost certificate it issued, in
// ~/.office-addin-dev-certs (office-addin-dev-certs' files). Valid certificates are reused, so
// the trust a user gave the CA (by importing ca.crt, where it cannot be installed for them) holds
// from one `npm start` to the next; new ones are made only when they are missing, do not belong
// together, or expire within a week. A new CA is installed as trusted; CRS_DEV_CERTS_TRUST=0 (or
// the `trust: false` option) leaves the machine's trust store alone, as the tests do.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
const { installCaCertificate } = require("office-addin-dev-certs/lib/install");
const { isCaCertificateInstalled } = require("office-addin-dev-certs/lib/verify");

/** Certificates that expire within this many days are replaced. */
const RENEW_DAYS_BEFORE_EXPIRY = 7;
/** How long new certificates are valid for (office-addin-dev-certs' own default). */
const VALID_DAYS = defaults.daysUntilCertificateExpires;
const DAY_MS = 86_400_000;

const FILES = { ca: defaults.caCertificatePath, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath };

/**
 * Why a set of certificate files cannot be used, or null if it can: the localhost certificate
 * must be for localhost, issued by the CA, match the key, and neither may expire before `renewBy`.
 *
 * @param {{ ca: Buffer, cert: Buffer, key: Buffer }} pem
 * @param {Date} renewBy
 * @returns {string | null}
 */
function certificateProblem(pem, renewBy) {
  let ca;
  let cert;
  try {
    ca = new crypto.X509Certificate(pem.ca);
    cert = new crypto.X509Certificate(pem.cert);
    if (!cert.checkPrivateKey(crypto.createPrivateKey(pem.key))) return "the key does not match the certificate";
  } catch (error) {
    return `they cannot be read (${error.message})`;
  }
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "the certificate was not issued by the CA";
  if (!cert.checkHost("localhost")) return "the certificate is not for localhost";
  const expiry = new Date(Math.min(Date.parse(ca.validTo), Date.parse(cert.validTo)));
  if (expiry < renewBy) return `they expire on ${expiry.toDateString()}`;
  return null;
}

/** The certificate files, or null if any is missing. */
function readFiles() {
  try {
    return { ca: fs.readFileSync(FILES.ca), cert: fs.readFileSync(FILES.cert), key: fs.readFileSync(FILES.key) };
  } catch {
    return null;
  }
}

/** Why the files on disk must be replaced, or null if they can be reused. */
function replacementReason() {
  const pem = readFiles();
  if (!pem) return "there are none";
  return certificateProblem(pem, new Date(Date.now() + RENEW_DAYS_BEFORE_EXPIRY * DAY_MS));
}

/** Runs `work` holding a lock directory beside the certificates, so two starts never make them at once. */
async function withLock(work) {
  const lock = path.join(defaults.certificateDirectory, ".lock");
  fs.mkdirSync(defaults.certificateDirectory, { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // Making certificates takes seconds; a lock this old was left by a process that died.
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes a new CA and localhost certificate in a folder of their own, then renames each into place. */
async function makeCertificates() {
  const staging = fs.mkdtempSync(path.join(defaults.certificateDirectory, ".new-"));
  try {
    const made = { ca: path.join(staging, "ca.crt"), cert: path.join(staging, "localhost.crt"), key: path.join(staging, "localhost.key") };
    await generateCertificates(made.ca, made.cert, made.key, VALID_DAYS, defaults.domain);
    fs.chmodSync(made.key, 0o600);
    // The key first and the CA last: a reader that finds the new CA finds its certificate and key too.
    for (const file of ["key", "cert", "ca"]) fs.renameSync(made[file], FILES[file]);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The environment variable that, set to 0, keeps the CA out of the machine's trust store. */
const TRUST_SETTING = "CRS_DEV_CERTS_TRUST";

/**
 * Installs the CA as trusted where that is possible; elsewhere says how to trust it by hand. A
 * CA just made is always installed: the installed check finds any unexpired development CA in
 * the system store, not necessarily this one, so after a renewal it would still find the old.
 *
 * @param {boolean} made whether the CA was made (or remade) by this start
 * @param {{ isInstalled?: () => boolean, install?: (caPath: string) => Promise<void> }} [store] the trust store (office-addin-dev-certs')
 * @returns {Promise<boolean>} whether it installed the CA
 */
async function trustCa(made, { isInstalled = isCaCertificateInstalled, install = installCaCertificate } = {}) {
  try {
    if (!made && isInstalled()) return false;
    await install(FILES.ca);
    return true;
  } catch (error) {
    console.warn(
      `The development CA could not be installed as trusted (${String(error.message).split("\n")[0]}).\n` +
        `Trust ${FILES.ca} in your browser once (import it as a certificate authority); it is kept from one npm start to the next.`,
    );
    return false;
  }
}

/**
 * The dev server's https options ({ ca, cert, key }): the certificates on disk if they can be
 * reused, else new ones (made under a lock, by atomic renames), and the CA installed as trusted
 * where possible unless `trust` is false (CRS_DEV_CERTS_TRUST=0). Says which it did.
 *
 * @param {{ trust?: boolean }} [options]
 */
async function httpsServerOptions({ trust = process.env[TRUST_SETTING] !== "0" } = {}) {
  const made = await withLock(async () => {
    const reason = replacementReason();
    if (reason === null) return false;
    console.log(`Making a new development certificate, as ${reason === "there are none" ? "there is none" : `the one in ${defaults.certificateDirectory}: ${reason}`}.`);
    await makeCertificates();
    return true;
  });
  const pem = readFiles();
  const expiry = new crypto.X509Certificate(pem.cert).validTo;
  console.log(`${made ? "Made" : "Reusing"} the development certificate ${FILES.cert} (valid until ${expiry}).`);
  if (trust) await trustCa(made);
  else console.log(`Left the trust store as it is (${TRUST_SETTING}=0): trust ${FILES.ca} by hand to open the pane.`);
  return pem;
}

module.exports = { certificateProblem, httpsServerOptions, trustCa };
