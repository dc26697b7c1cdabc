// Where the task pane loads Office.js from, and the Content-Security-Policy that allows exactly
// that: Microsoft's CDN by default (as Office requires of published add-ins), or, with
// OFFICE_JS=local, a copy from the @microsoft/office-js package served beside the pane, for
// networks that block the CDN.

/** Office.js on Microsoft's CDN: the one reference Office supports for add-ins in production. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The CDN's origin: office.js loads the host's own scripts (excel-*.js, strings) from beside itself. */
const OFFICE_JS_CDN_ORIGIN = new URL(OFFICE_JS_CDN).origin;

/** Where a local build serves Office.js, relative to the pane. */
const LOCAL_OFFICE_JS_DIRECTORY = "office-js/";

/** The parts of @microsoft/office-js that Excel needs, copied by a local build. */
const LOCAL_OFFICE_JS_FILES = Object.freeze([
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel-*.js",
  "*/office_strings.js",
]);

/**
 * Where Office.js comes from: "cdn" unless `setting` (normally the OFFICE_JS environment
 * variable) says "local".
 *
 * @param {string | undefined} setting
 * @returns {"cdn" | "local"}
 */
function officeJsSource(setting) {
  if (!setting || setting === "cdn") return "cdn";
  if (setting === "local") return "local";
  throw new Error(`OFFICE_JS must be "cdn" (the default) or "local" (got ${setting})`);
}

/**
 * The `src` of the pane's Office.js script.
 *
 * @param {"cdn" | "local"} source
 * @returns {string}
 */
function officeJsScriptUrl(source) {
  return source === "cdn" ? OFFICE_JS_CDN : `${LOCAL_OFFICE_JS_DIRECTORY}office.js`;
}

/**
 * The pane's Content-Security-Policy: its own files only (no inline script or style, no eval),
 * and for scripts also the Office.js CDN when Office.js comes from there.
 *
 * @param {"cdn" | "local"} source
 * @returns {string}
 * @example contentSecurityPolicy("local") // "default-src 'self'; script-src 'self'; …"
 */
function contentSecurityPolicy(source) {
  const scripts = source === "cdn" ? `'self' ${OFFICE_JS_CDN_ORIGIN}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = {
  LOCAL_OFFICE_JS_DIRECTORY,
  LOCAL_OFFICE_JS_FILES,
  OFFICE_JS_CDN,
  OFFICE_JS_CDN_ORIGIN,
  contentSecurityPolicy,
  officeJsScriptUrl,
  officeJsSource,
};
