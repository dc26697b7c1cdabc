// Shared by start.mjs and stop.mjs: where the dev server's process id is kept, and its URL.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");
export const PID_FILE = join(ROOT, ".dev-server.pid");
export const LOG_FILE = join(ROOT, "dev-server.log");
export const PANE_URL = "https://localhost:3000/taskpane.html";
/** Where desktop Excel can be sideloaded by office-addin-debugging. */
export const DESKTOP_PLATFORMS = ["win32", "darwin"];
