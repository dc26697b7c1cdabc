// Shared by start.mjs and stop.mjs: where the dev server's process id is kept, and its URL.
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const { devServerPort } = createRequire(import.meta.url)("./build/devPort.js");

export const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
export const PID_FILE = join(ROOT, ".dev-server.pid");
export const LOG_FILE = join(ROOT, "dev-server.log");
/** The port the dev server listens on: DEV_SERVER_PORT, else package.json's config.dev_server_port (3000). */
export const PORT = devServerPort(process.env);
export const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
/**
 * The manifest Excel is given: the development build's, in dist/, which names PORT (the one at
 * the root names the usual 3000).
 */
export const DEV_MANIFEST = join("dist", "manifest.xml");
/** Where desktop Excel can be sideloaded by office-addin-debugging. */
export const DESKTOP_PLATFORMS = ["win32", "darwin"];
