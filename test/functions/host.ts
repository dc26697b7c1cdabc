/**
 * A stand-in for Excel's custom-functions runtime: loads the BUILT functions bundle
 * (dist/functions.js, after the chunk it shares with the pane, exactly as taskpane.html loads
 * them in Excel) in a fresh V8 context whose `CustomFunctions` global records each `associate`
 * call, so tests and benchmarks call the functions as Excel does.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { EXCEL_ERROR_CODES } from "../../src/functions/errors";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");

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

const BUILD_LOCK = join(ROOT, "node_modules", ".cache", "crs-functions-build.lock");

function isBuilt(): boolean {
  return ["taskpane.html", "functions.js", "functions.json"].every((file) => existsSync(join(DIST, file)));
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

/** Blocks the thread for `ms` milliseconds (the test files load the bundle synchronously). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ unless the functions bundle and its metadata are already there (`npm test`
 * builds first). Test files run in parallel, so one builds and the others wait for it: two
 * builds at once would clean each other's output.
 */
export function ensureBuilt(): void {
  if (isBuilt()) return;
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  try {
    mkdirSync(BUILD_LOCK);
  } catch {
    for (let waited = 0; existsSync(BUILD_LOCK); waited += 250) {
      if (waited > 180_000) throw new Error(`Waited 3 minutes for another build of dist/; if none is running, delete ${BUILD_LOCK}.`);
      sleep(250);
    }
    if (isBuilt()) return;
    mkdirSync(BUILD_LOCK);
  }
  try {
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * The functions the bundle associates, by id, after running it as Excel's runtime would.
 *
 * By default the bundle runs in its own `node:vm` context, isolated as in Excel. A benchmark
 * passes `sameContext`: a vm context's globals are looked up through an interceptor that makes
 * every `Math.…` in the bundle far slower than in Excel, so timings there would measure the
 * stand-in, not the functions. There the bundle runs as a function of `CustomFunctions`.
 */
export function loadFunctions({ sameContext = false } = {}): Map<string, CustomFunction> {
  ensureBuilt();
  const associated = new Map<string, CustomFunction>();
  const CustomFunctions = {
    associate: (id: string, fn: CustomFunction) => void associated.set(id, fn),
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
  ensureBuilt();
  return (JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
}
