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

/** Hosts that are this computer: a development address, never one to deploy to. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The address a production package is served from: an https URL of a folder on a web server
 * (query, fragment, user name and password refused, a trailing slash added), or an Error that
 * says what is wrong with it and gives an example.
 *
 * @param {string | undefined} text
 * @returns {string}
 * @example productionUrl("https://addins.example.nhs.uk/crs") // "https://addins.example.nhs.uk/crs/"
 * @example productionUrl("http://addins.example.nhs.uk/crs/") // throws: not https
 */
function productionUrl(text) {
  const example = "for example --url https://addins.example.nhs.uk/crs/";
  if (!text) throw new Error(`Give the https address the add-in's files will be served from, ${example}.`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--url ${text} is not a web address; give the full https address of the folder the files will be served from, ${example}.`);
  }
  if (url.protocol !== "https:" || !/^https:\/\//i.test(text)) {
    throw new Error(`--url ${text} is not an https:// address: Office loads add-ins only over https; ${example}.`);
  }
  if (url.username || url.password) throw new Error(`--url ${text} carries a user name or password: give the plain address, which every user's Excel loads, ${example}.`);
  if (url.search || url.hash) throw new Error(`--url ${text} has a query (?…) or a fragment (#…): give the address of the folder the files are served from, ${example}.`);
  if (LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`--url ${text} is this computer, which only you can reach: npm start serves the add-in for development; to deploy, give the address of the web server that will host it, ${example}.`);
  }
  return deploymentUrl(url.href);
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

module.exports = { DEV_URL, deploymentUrl, productionUrl, rewriteManifest };
