/**
 * Serves the built add-in (dist/) on the loopback interface and opens it in headless Chromium,
 * for the task pane's browser test, its benchmark and its screenshot. Office.js is answered
 * from the @microsoft/office-js package in place of Microsoft's CDN, and every other request
 * that would leave the machine is refused, so nothing reaches the network.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { OFFICE_JS_CDN } from "../../scripts/build/officeJs";
import { EXCEL_ERROR_CODES } from "../../src/functions/errors";

export const DIST = resolve(fileURLToPath(new URL("../../dist", import.meta.url)));
export const CHROMIUM = "/usr/bin/chromium";

/** Where Office.js and the scripts it loads from beside itself live on the CDN. */
export const OFFICE_JS_CDN_FOLDER = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);

/** The npm package's copy of what the CDN serves (the same files, as Microsoft publishes them). */
const OFFICE_JS_PACKAGE = join(dirname(createRequire(import.meta.url).resolve("@microsoft/office-js/package.json")), "dist");

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

/** Requests a context answered from the Office.js package, and those it refused: any other foreign URL. */
export interface PaneContext {
  readonly context: BrowserContext;
  /** CDN URLs answered from the package. */
  readonly answeredFromPackage: string[];
  /** Foreign URLs the page asked for and did not get: none should be asked for. */
  readonly refused: string[];
}

/**
 * A fresh browser context (its own cookies and storage) where Microsoft's Office.js CDN is
 * answered from the @microsoft/office-js package, and every other request that is not to the
 * loopback interface is refused and recorded.
 */
export async function newPaneContext(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<PaneContext> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 360, height: 900 } });
  const answeredFromPackage: string[] = [];
  const refused: string[] = [];
  await context.route(
    (url) => !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname),
    async (route) => {
      const url = route.request().url();
      const file = url.startsWith(OFFICE_JS_CDN_FOLDER) ? join(OFFICE_JS_PACKAGE, normalize(new URL(url).pathname.slice(new URL(OFFICE_JS_CDN_FOLDER).pathname.length))) : null;
      if (file && file.startsWith(OFFICE_JS_PACKAGE + sep) && existsSync(file)) {
        answeredFromPackage.push(url);
        await route.fulfill({ contentType: "text/javascript; charset=utf-8", body: await readFile(file) });
        return;
      }
      refused.push(url);
      await route.abort("blockedbyclient");
    },
  );
  return { context, answeredFromPackage, refused };
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
 * waits `window.syncDelay` ms per round trip, or fails with `window.syncFailure` (an AccessDenied
 * error) if set: every round trip, or only the `window.syncFailureAt`-th if that is set.
 * `Office.context.officeTheme` is `window.stubOfficeTheme` (set it before the stub runs: with an
 * init script, or ahead of it in the script served), and `window.changeOfficeTheme(theme)` plays
 * Office's theme-changed event. A range read gives `window.stubRange` if set ({ address, values, numberFormat, valueTypes }:
 * the counts a forecast reads), and the rows below a range its `below` values.
 */
export const EXCEL_HOST_STUB = `
(() => {
  window.syncCount = 0;
  window.syncDelay = 0;
  window.syncFailure = null;
  window.syncFailureAt = 0;
  const anything = (below = false) => {
    const proxy = new Proxy(function () {}, {
      get: (_, key) => {
        if (key === "items") return [];
        if (key === "then") return undefined;
        const range = window.stubRange;
        if (range && key === "getRowsBelow") return () => anything(true);
        if (range && key in range) return below && key === "values" ? range.below : range[key];
        return proxy;
      },
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
              setTimeout(() => {
                const count = window.syncCount;
                const fails = window.syncFailure && (!window.syncFailureAt || count === window.syncFailureAt);
                if (fails) reject(Object.assign(new Error(window.syncFailure), { code: "AccessDenied" }));
                else resolve();
              }, window.syncDelay),
            );
          }
        : anything(),
  });
  window.Office = {
    HostType: { Excel: "Excel" },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      requirements: { isSetSupported: () => true },
      officeTheme: window.stubOfficeTheme,
      document: {
        addHandlerAsync: (type, handler) => {
          if (type === "officeThemeChanged") window.changeOfficeTheme = (officeTheme) => handler({ type, officeTheme });
        },
      },
    },
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

/**
 * Makes the simulated Excel's range reads give `cells` at 'GP counts'!A1 (numbers in the first
 * column formatted as dates), the 24 rows below them empty. Run in the page, with
 * `page.evaluate(stubCounts, cells)`.
 */
export function stubCounts(cells: readonly (readonly (string | number)[])[]): void {
  const types = cells.map((row) => row.map((cell) => (typeof cell === "number" ? "Double" : "String")));
  const formats = cells.map((row, r) => row.map((_, c) => (r > 0 && c === 0 ? "dd/mm/yyyy" : "General")));
  const width = cells[0].length;
  const below = Array.from({ length: 24 }, () => Array.from({ length: width }, () => ""));
  // Runs in the page, so the last column's letter is worked out here (up to Z).
  const last = String.fromCharCode(64 + width);
  (window as unknown as { stubRange: unknown }).stubRange = { address: `'GP counts'!A1:${last}${cells.length}`, values: cells, numberFormat: formats, valueTypes: types, below };
}
