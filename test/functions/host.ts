/**
 * A stand-in for Excel's custom-functions runtime: loads the BUILT functions bundle
 * (dist/functions.js, after the chunk it shares with the pane, exactly as taskpane.html loads
 * them in Excel) in a fresh V8 context whose `CustomFunctions` global records each `associate`
 * call, so tests and benchmarks call the functions as Excel does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { DIST, ensureFreshBuild } from "../../scripts/freshBuild";
import { EXCEL_ERROR_CODES } from "../../src/functions/errors";

export { DIST, ROOT } from "../../scripts/freshBuild";

/** Excel's error codes, as the runtime's `CustomFunctions.ErrorCode` enum has them. */
export const ErrorCode = EXCEL_ERROR_CODES;

/** The runtime's `CustomFunctions.Error`: an Excel error code with an optional message. */
export class ExcelError extends Error {
  constructor(
    readonly code: string = ErrorCode.invalidValue,
    message?: string,
  ) {
    super(message ?? "");
  }
}

/** A custom function as Excel calls it. */
export type CustomFunction = (...args: unknown[]) => unknown;

/** One entry of functions.json. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}

/**
 * The add-in's own scripts the page loads up to and including functions.js, in its order: the
 * chunk the functions share with the pane, then the functions (not Office.js, which this
 * stand-in replaces).
 */
export function functionScripts(): string[] {
  const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const sources = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((match) => match[1]);
  const own = sources.filter((source) => !source.startsWith("office-js/") && !/^https?:/.test(source));
  const functions = own.indexOf("functions.js");
  if (functions < 0) throw new Error("dist/taskpane.html does not load functions.js: the shared runtime would have no functions.");
  return own.slice(0, functions + 1);
}

/**
 * A function as a cell shows what it gives: a `CustomFunctions.Error` it throws shows in the
 * calling cell as that error, so it comes back here as `[[error]]`, as a returned one-cell error
 * would. Any other exception is a bug (Excel would show a bare #VALUE!) and is thrown on.
 */
export function asShownInCell<F extends (...args: never[]) => unknown>(fn: F): F {
  const shown = (...args: Parameters<F>) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof ExcelError) return [[error]];
      throw error;
    }
  };
  return shown as F;
}

/**
 * The functions the bundle associates, by id, after running it as Excel's runtime would: as
 * the runtime receives them with `raw`, else as a cell shows their results (`asShownInCell`).
 *
 * By default the bundle runs in its own `node:vm` context, isolated as in Excel. A benchmark
 * passes `sameContext`: a vm context's globals are looked up through an interceptor that makes
 * every `Math.…` in the bundle far slower than in Excel, so timings there would measure the
 * stand-in, not the functions. There the bundle runs as a function of `CustomFunctions`.
 */
export function loadFunctions({ sameContext = false, raw = false } = {}): Map<string, CustomFunction> {
  ensureFreshBuild();
  const associated = new Map<string, CustomFunction>();
  const CustomFunctions = {
    associate: (id: string, fn: CustomFunction) => void associated.set(id, raw ? fn : asShownInCell(fn)),
    Error: ExcelError,
    ErrorCode,
  };
  const scripts = functionScripts().map((file) => ({ file, source: readFileSync(join(DIST, file), "utf8") }));
  if (sameContext) {
    // The page's global, where the scripts leave the chunks they share.
    const self = {};
    for (const { source } of scripts) new Function("CustomFunctions", "self", source)(CustomFunctions, self);
  } else {
    const context = createContext({ CustomFunctions, console });
    runInContext("globalThis.self = globalThis;", context);
    for (const { file, source } of scripts) runInContext(source, context, { filename: file });
  }
  return associated;
}

/** The generated functions.json. */
export function loadMetadata(): FunctionMetadata[] {
  return loadMetadataFile().functions;
}

/** The whole generated functions.json: its top-level options and its functions. */
export function loadMetadataFile(): { functions: FunctionMetadata[] } & Record<string, unknown> {
  ensureFreshBuild();
  return JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[] } & Record<string, unknown>;
}
