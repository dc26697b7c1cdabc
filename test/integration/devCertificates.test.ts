/**
 * The development certificate `npm start` serves https with (scripts/httpsOptions.js), each case
 * in a home folder of its own: made where there is none, reused while valid (so a CA the user
 * trusted by hand stays trusted), replaced when it expires within a week or its files do not
 * belong together, and made once when two starts race for it. Every start is told to leave the
 * machine's trust store alone (CRS_DEV_CERTS_TRUST=0), and says it did.
 */
import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { certificateProblem } from "../../scripts/httpsOptions.js";

const run = promisify(execFile);
const HTTPS_OPTIONS = resolve("scripts/httpsOptions.js");
const GENERATE = resolve("node_modules/office-addin-dev-certs/lib/generate.js");
const DAY_MS = 86_400_000;

/** Runs httpsServerOptions() in a process whose home is `home`; its output and the files it returned. */
async function start(home: string): Promise<{ output: string; returned: { ca: string; cert: string; key: string } }> {
  const code = `require(${JSON.stringify(HTTPS_OPTIONS)}).httpsServerOptions().then((o) => console.log("RETURNED" + JSON.stringify({ ca: String(o.ca), cert: String(o.cert), key: String(o.key) })))`;
  const { stdout, stderr } = await run("node", ["-e", code], { env: { ...process.env, HOME: home, CRS_DEV_CERTS_TRUST: "0" }, encoding: "utf8" });
  expect(stdout).toMatch(/Left the trust store as it is \(CRS_DEV_CERTS_TRUST=0\)/);
  const returned = JSON.parse(stdout.slice(stdout.indexOf("RETURNED") + "RETURNED".length));
  return { output: stdout + stderr, returned };
}

/** Makes certificates valid for `days` days in `home`, as an older run would have left them. */
async function makeCertificates(home: string, days: number): Promise<void> {
  const dir = join(home, ".office-addin-dev-certs");
  const code = `require(${JSON.stringify(GENERATE)}).generateCertificates(${JSON.stringify(join(dir, "ca.crt"))}, ${JSON.stringify(join(dir, "localhost.crt"))}, ${JSON.stringify(join(dir, "localhost.key"))}, ${days}, ["localhost"])`;
  await run("node", ["-e", code], { env: { ...process.env, HOME: home } });
}

const files = (home: string) => {
  const dir = join(home, ".office-addin-dev-certs");
  return { ca: readFileSync(join(dir, "ca.crt"), "utf8"), cert: readFileSync(join(dir, "localhost.crt"), "utf8"), key: readFileSync(join(dir, "localhost.key"), "utf8") };
};

const expiry = (pem: string) => Date.parse(new X509Certificate(pem).validTo);

const homes: string[] = [];
const freshHome = () => {
  homes.push(mkdtempSync(join(tmpdir(), "crs-certs-")));
  return homes[homes.length - 1];
};
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe("the development certificate", () => {
  it("is made where there is none, then reused as it is", async () => {
    const home = freshHome();
    const first = await start(home);
    expect(first.output).toMatch(/Making a new development certificate, as there is none\./);
    expect(first.output).toMatch(/Made the development certificate/);
    const made = files(home);
    expect(first.returned).toEqual(made);
    expect(certificateProblem({ ca: Buffer.from(made.ca), cert: Buffer.from(made.cert), key: Buffer.from(made.key) }, new Date())).toBeNull();
    expect(expiry(made.cert)).toBeGreaterThan(Date.now() + 29 * DAY_MS);

    const second = await start(home);
    expect(second.output).toMatch(/Reusing the development certificate/);
    expect(second.output).not.toMatch(/Making a new/);
    expect(files(home)).toEqual(made);
  }, 60_000);

  it("is replaced when it expires within a week", async () => {
    const home = freshHome();
    await makeCertificates(home, 3);
    const old = files(home);
    const { output } = await start(home);
    expect(output).toMatch(/Making a new development certificate, as the one in .*: they expire on /);
    expect(files(home).ca).not.toBe(old.ca);
    expect(expiry(files(home).cert)).toBeGreaterThan(Date.now() + 29 * DAY_MS);
  }, 60_000);

  it("is replaced when its files do not belong together", async () => {
    const home = freshHome();
    await makeCertificates(home, 30);
    const other = freshHome();
    await makeCertificates(other, 30);
    writeFileSync(join(home, ".office-addin-dev-certs", "ca.crt"), files(other).ca);
    const { output } = await start(home);
    expect(output).toMatch(/the certificate was not issued by the CA/);
    const now = files(home);
    expect(certificateProblem({ ca: Buffer.from(now.ca), cert: Buffer.from(now.cert), key: Buffer.from(now.key) }, new Date())).toBeNull();
  }, 60_000);

  it("is made once when two starts race for it, and both serve with the same one", async () => {
    const home = freshHome();
    const [a, b] = await Promise.all([start(home), start(home)]);
    expect([a.output, b.output].filter((output) => /Made the development certificate/.test(output))).toHaveLength(1);
    expect([a.output, b.output].filter((output) => /Reusing the development certificate/.test(output))).toHaveLength(1);
    expect(a.returned).toEqual(files(home));
    expect(b.returned).toEqual(files(home));
  }, 60_000);
});
