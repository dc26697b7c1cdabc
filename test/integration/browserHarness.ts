/**
 * Serves the built add-in (dist/) on the loopback interface and opens it in headless Chromium,
 * for the task pane's browser test and benchmark.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { EXCEL_ERROR_CODES } from "../../src/functions/errors";

export const DIST = resolve(fileURLToPath(new URL("../../dist", import.meta.url)));
export const CHROMIUM = "/usr/bin/chromium";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Fails with what to do when the build or the browser is missing. */
export function requirePrerequisites(): void {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error(`dist/taskpane.html is missing: run npm run build first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed at ${CHROMIUM} for the task pane browser test (apt-get install chromium).`);
  }
}

/** A static file server for dist/ on 127.0.0.1 and a free port. */
export async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname));
    const file = join(DIST, path);
    if (!file.startsWith(DIST + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Headless Chromium with a fresh profile and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A stand-in for Office.js inside Excel, served in place of office.js: `Office.onReady` says
 * Excel, and `Excel.run` hands the batch a context that accepts every Office.js request,
 * answers every collection load with no items, counts round trips in `window.syncCount`, and
 * waits `window.syncDelay` ms per round trip, or fails with `window.syncFailure` if set.
 */
export const EXCEL_HOST_STUB = `
(() => {
  window.syncCount = 0;
  window.syncDelay = 0;
  window.syncFailure = null;
  const anything = () => {
    const proxy = new Proxy(function () {}, {
      get: (_, key) => (key === "items" ? [] : key === "then" ? undefined : proxy),
      set: () => true,
      apply: () => proxy,
    });
    return proxy;
  };
  const context = new Proxy({}, {
    get: (_, key) =>
      key === "sync"
        ? () => {
            window.syncCount += 1;
            return new Promise((resolve, reject) =>
              setTimeout(() => (window.syncFailure ? reject(new Error(window.syncFailure)) : resolve()), window.syncDelay),
            );
          }
        : anything(),
  });
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    context: { requirements: { isSetSupported: () => true } },
  };
  window.Excel = { run: (batch) => batch(context) };
  class CustomFunctionError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate: () => {},
    Error: CustomFunctionError,
    ErrorCode: ${JSON.stringify(EXCEL_ERROR_CODES)},
  };
})();
`;
