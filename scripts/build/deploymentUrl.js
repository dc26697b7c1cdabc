// Where the add-in is served from: https://localhost:3000/ while developing (or another port,
// see devPort.js), or the address a deployment build is given in ADDIN_URL, which then replaces
// the development address in the manifest.

/** The address manifest.xml names: the development server on its usual port. */
const DEV_URL = "https://localhost:3000/";

/**
 * The address the add-in is built for: `addinUrl` (normally the ADDIN_URL environment variable)
 * with a trailing slash, or the development server on `port` when it is unset or empty.
 *
 * @param {string | undefined} addinUrl
 * @param {number} [port] the development server's port
 * @returns {string}
 * @example deploymentUrl("https://addins.example.nhs.uk/crs") // "https://addins.example.nhs.uk/crs/"
 * @example deploymentUrl(undefined, 3443) // "https://localhost:3443/"
 */
function deploymentUrl(addinUrl, port = 3000) {
  if (!addinUrl) return `https://localhost:${port}/`;
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(addinUrl)) {
    throw new Error(`ADDIN_URL must be an https URL such as https://addins.example.nhs.uk/crs/ (got ${addinUrl})`);
  }
  return addinUrl.endsWith("/") ? addinUrl : `${addinUrl}/`;
}

/**
 * The manifest for a deployment: every development address replaced by `baseUrl`.
 *
 * @param {string} manifest the text of manifest.xml
 * @param {string} baseUrl what `deploymentUrl` returned
 * @returns {string}
 * @example rewriteManifest('<Url DefaultValue="https://localhost:3000/functions.json"/>', "https://a.nhs.uk/crs/") // '<Url DefaultValue="https://a.nhs.uk/crs/functions.json"/>'
 */
function rewriteManifest(manifest, baseUrl) {
  return manifest.split(DEV_URL).join(baseUrl);
}

module.exports = { DEV_URL, deploymentUrl, rewriteManifest };
