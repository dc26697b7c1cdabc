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
import { ensureFreshBuild } from "../../scripts/freshBuild";
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

/** Brings dist/ up to date (see scripts/freshBuild.ts), and fails with what to do when the build or the browser is missing. */
export function requirePrerequisites(): void {
  ensureFreshBuild();
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
 * Office supports every requirement set, or ExcelApi only up to `window.stubExcelApi` if set (before the stub runs).
 * `Office.context.officeTheme` is `window.stubOfficeTheme` (set it before the stub runs: with an
 * init script, or ahead of it in the script served), and `window.changeOfficeTheme(theme)` plays
 * Office's theme-changed event. A range read gives `window.stubRange` if set ({ address, values, numberFormat, valueTypes }:
 * the counts a forecast reads), and the rows below a range its `below` values.
 * `Office.addin.setStartupBehavior` records each behaviour asked for in `window.startupBehaviors`.
 *
 * Sheets the pane adds are kept: what it writes to them through `Range.formulas` or
 * `Range.values` is recorded, in order, in `window.excelWrites` ({ sheet, address, grid }), and a
 * range of such a sheet reads back its values, a `=CRS.…(…)` formula of constants and references
 * calculated by the functions the page associated (the built functions.js, as Excel runs them),
 * its table spilled, empty cells passed as null as Excel on the web does. `workbook.functions.date`
 * is Excel's DATE in the 1900 date system (1904 if `window.stubDateSystem` is 1904).
 */
export const EXCEL_HOST_STUB = `
(() => {
  window.syncCount = 0;
  window.syncDelay = 0;
  window.syncFailure = null;
  window.syncFailureAt = 0;
  window.startupBehaviors = [];
  window.excelWrites = [];
  const ERROR_CODES = ${JSON.stringify(Object.values(EXCEL_ERROR_CODES))};
  const associated = new Map();
  const sheets = new Map();
  const columnOf = (letters) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const lettersOf = (column) => { let s = ""; for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  const boxOf = (address) => {
    const [a, b = a] = address.replace(/\\$/g, "").split(":").map((part) => { const m = /^([A-Z]+)(\\d+)$/i.exec(part); return { row: Number(m[2]), column: columnOf(m[1]) }; });
    return { top: a.row, left: a.column, bottom: b.row, right: b.column };
  };
  const cellsIn = (box, each) => Array.from({ length: box.bottom - box.top + 1 }, (_, r) => Array.from({ length: box.right - box.left + 1 }, (_, c) => each(box.top + r, box.left + c)));
  const valueOf = (sheet, row, column) => {
    const computed = calculate(sheet);
    const key = lettersOf(column) + row;
    return key in computed ? computed[key] : (sheet.cells[key] ?? "");
  };
  /** Splits a call's arguments at the commas outside texts and braces. */
  const splitArgs = (text) => {
    const args = []; let depth = 0, quoted = false, current = "";
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      if (!quoted && ch === "{") depth++;
      if (!quoted && ch === "}") depth--;
      if (!quoted && depth === 0 && ch === ",") { args.push(current); current = ""; } else current += ch;
    }
    args.push(current);
    return args.map((arg) => arg.trim());
  };
  const constant = (text) => (/^".*"$/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : Number(text));
  const argument = (sheet, text) => {
    if (text === "") return null;
    if (text.startsWith("{")) return text.slice(1, -1).split(";").map((row) => row.split(",").map(constant));
    if (/^\\$?[A-Z]+\\$?\\d+(:\\$?[A-Z]+\\$?\\d+)?$/i.test(text)) return cellsIn(boxOf(text), (row, column) => { const value = valueOf(sheet, row, column); return value === "" ? null : value; });
    return [[constant(text)]];
  };
  const shown = (value) => (value instanceof window.CustomFunctions.Error ? value.code : value ?? "");
  /** Every formula of a sheet computed and spilled: the cells it gives, by address. */
  const calculate = (sheet) => {
    if (sheet.computed) return sheet.computed;
    sheet.computed = {};
    for (const [address, input] of Object.entries(sheet.cells)) {
      const call = typeof input === "string" && /^=CRS\\.([A-Z]+)\\((.*)\\)$/i.exec(input);
      if (!call) continue;
      const fn = associated.get(call[1].toUpperCase());
      let result;
      try {
        result = fn ? fn(...splitArgs(call[2]).map((text) => argument(sheet, text))) : [["#NAME?"]];
      } catch (error) {
        result = [[error]];
      }
      const anchor = boxOf(address);
      result.forEach((cells, r) => cells.forEach((value, c) => (sheet.computed[lettersOf(anchor.left + c) + (anchor.top + r)] = shown(value))));
    }
    return sheet.computed;
  };
  const typeOf = (value) => (value === "" ? "Empty" : typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : ERROR_CODES.includes(value) ? "Error" : "String");
  const rangeOn = (sheet, address) => {
    const write = (grid) => {
      window.excelWrites.push({ sheet: sheet.name, address, grid });
      const box = boxOf(address);
      grid.forEach((cells, r) => cells.forEach((input, c) => {
        const key = lettersOf(box.left + c) + (box.top + r);
        if (input === "" || input === null) delete sheet.cells[key]; else sheet.cells[key] = input;
      }));
      sheet.computed = null;
    };
    let loaded = null;
    const range = {
      set formulas(grid) { write(grid); },
      set values(grid) { write(grid); },
      get values() { return loaded.values; },
      get valueTypes() { return loaded.valueTypes; },
      load() { loaded = { values: cellsIn(boxOf(address), (row, column) => valueOf(sheet, row, column)) }; loaded.valueTypes = loaded.values.map((cells) => cells.map(typeOf)); return range; },
    };
    return new Proxy(range, { get: (target, key) => (key in target ? Reflect.get(target, key) : anything()), set: (target, key, value) => (key in target ? Reflect.set(target, key, value) : true) });
  };
  const sheetNamed = (name) => {
    const sheet = sheets.get(name.toUpperCase());
    if (!sheet) return anything();
    return new Proxy({}, {
      get: (_, key) => (key === "getRange" ? (address) => rangeOn(sheet, address) : key === "delete" ? () => sheets.delete(name.toUpperCase()) : anything()),
      set: () => true,
    });
  };
  const worksheets = new Proxy({}, {
    get: (_, key) => {
      if (key === "add") return (name) => { sheets.set(name.toUpperCase(), { name, cells: {}, computed: null }); return sheetNamed(name); };
      if (key === "getItem") return sheetNamed;
      if (key === "load") return () => worksheets;
      // Loaded, the workbook's sheets read as none, as every collection of the stub does.
      if (key === "items") return [];
      return anything();
    },
  });
  const functions = {
    date: (year, month, day) => {
      const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000 - (window.stubDateSystem === 1904 ? 1462 : 0);
      return { load() { return this; }, value: serial };
    },
  };
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
  const workbook = new Proxy({}, {
    get: (_, key) => (key === "worksheets" ? worksheets : key === "functions" ? functions : anything()),
  });
  const context = new Proxy({}, {
    get: (_, key) =>
      key === "workbook"
        ? workbook
        : key === "sync"
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
    addin: {
      setStartupBehavior: (behavior) => {
        window.startupBehaviors.push(behavior);
        return Promise.resolve();
      },
    },
    context: {
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.19127.42000" },
      // Every set, or with \`window.stubExcelApi\` ("1.8") ExcelApi up to that version only.
      requirements: {
        isSetSupported: (name, version) =>
          name !== "ExcelApi" || !window.stubExcelApi || Number(String(version ?? "1.1").split(".")[1]) <= Number(window.stubExcelApi.split(".")[1]),
      },
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
    associate: (id, fn) => associated.set(id.toUpperCase(), fn),
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
