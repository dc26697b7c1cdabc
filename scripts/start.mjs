// `npm start`: builds the add-in, serves dist/ over https on localhost:3000 (or DEV_SERVER_PORT)
// with a development certificate (reused while valid, see httpsOptions.js), and sideloads it
// into desktop Excel on Windows and Mac (through office-addin-debugging). Elsewhere it starts the
// server in the background and prints how to sideload the manifest into Excel on the web.
// `npm stop` ends it.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DESKTOP_PLATFORMS, DEV_MANIFEST, LOG_FILE, PANE_URL, PID_FILE, PORT, ROOT } from "./devServer.mjs";

const { httpsServerOptions } = createRequire(import.meta.url)("./httpsOptions.js");

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Whether the pane's URL answers 200 (self-signed certificates accepted: it is our own server). */
function answers(url) {
  return new Promise((resolve) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

async function waitUntilAnswering(url, seconds) {
  for (let waited = 0; waited < seconds; waited += 1) {
    if (await answers(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

if (DESKTOP_PLATFORMS.includes(process.platform)) {
  run(npx, ["webpack", "--mode", "development"]);
  // Starts `npm run dev-server` in the background, registers the manifest with desktop Excel
  // and opens Excel with the add-in; `npm stop` undoes both.
  run(npx, ["office-addin-debugging", "start", DEV_MANIFEST, "desktop", "--app", "excel", "--dev-server-port", String(PORT)]);
  process.exit(0);
}

if (await answers(PANE_URL)) {
  console.log(`The add-in is already being served at ${PANE_URL}.`);
} else {
  // Make or reuse (and trust, where it can) the certificate here, in the foreground, where sudo
  // can ask for a password; the server runs detached, with no terminal, and finds it ready.
  await httpsServerOptions();
  // The server builds the add-in into dist/ as it starts: one build, whose outcome this run's
  // part of the log tells.
  const logStart = statSync(LOG_FILE, { throwIfNoEntry: false })?.size ?? 0;
  const log = openSync(LOG_FILE, "a");
  const server = spawn(npx, ["webpack", "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
  });
  server.unref();
  closeSync(log);
  writeFileSync(PID_FILE, String(server.pid));
  if (!(await waitUntilAnswering(PANE_URL, 180))) {
    console.error(`The dev server did not answer at ${PANE_URL} within 3 minutes; see ${LOG_FILE}.`);
    process.exit(1);
  }
  const thisRun = readFileSync(LOG_FILE).subarray(logStart).toString();
  if (/compiled with \d+ errors?/.test(thisRun)) {
    console.error(`The add-in is served at ${PANE_URL}, but the build has errors; see ${LOG_FILE}.`);
    process.exit(1);
  }
  console.log(`The add-in is served at ${PANE_URL} (process ${server.pid}, log in dev-server.log).`);
}

console.log(`
There is no desktop Excel on this system. To use the add-in in Excel on the web:
  1. Trust the development certificate in your browser, once: import
     ~/.office-addin-dev-certs/ca.crt as a trusted authority (or open ${PANE_URL}
     and accept it), so that Excel can load https://localhost:${PORT}. It is kept from one
     npm start to the next while it is valid.
  2. Open a workbook at https://www.office.com/launch/excel.
  3. Home > Add-ins > More Add-ins (or Insert > Office Add-ins) > My Add-ins >
     Upload My Add-in, and choose ${join(ROOT, DEV_MANIFEST)}.
  4. The "CRS Modeller" button appears on the Home tab; type =CRS. in a cell for the functions.
Run "npm stop" to stop the server.`);
