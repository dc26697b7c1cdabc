/* eslint-disable @typescript-eslint/no-require-imports */
// The dev server's https certificate, from office-addin-dev-certs (~/.office-addin-dev-certs).
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

/**
 * Certificates for https://localhost. office-addin-dev-certs makes them and then installs its CA
 * as trusted, which takes `sudo` on Linux; where that fails (a root shell without sudo, a
 * container) the certificates it made still serve https, and the browser has to trust the CA
 * by hand (see README, "Troubleshooting").
 */
async function httpsServerOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!files.every((file) => fs.existsSync(file))) throw error;
    console.warn(
      `The development CA could not be installed as trusted (${String(error.message).split("\n")[0]}).\n` +
        `Serving https with ${defaults.localhostCertificatePath}; trust ${defaults.caCertificatePath} in your browser.`,
    );
    const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
    return { ca, cert, key };
  }
}

module.exports = { httpsServerOptions };
