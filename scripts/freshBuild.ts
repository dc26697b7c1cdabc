/**
 * Keeps dist/ in step with its sources for the tests and benchmarks that load the built add-in:
 * builds when dist/ is missing, older than anything the build reads, or built with other
 * options (a deployment address, a local Office.js), and otherwise leaves it alone, so that one
 * build serves a whole test run.
 *
 * Runs that share a clone build one at a time (a lock directory, taken atomically by mkdir, and
 * given up when its holder has died), and each build is written beside dist/ and then renamed
 * into place, so no run ever reads a half-written dist/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_URL } from "./build/deploymentUrl";
import { OFFICE_JS_CDN } from "./build/officeJs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");

/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ["src", "assets", "scripts/build", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];

/** What the build writes that the tests load; dist/ is as old as the oldest of them. */
const OUTPUTS = ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "taskpane.css", "manifest.xml"];

/**
 * Texts only a default build has: the development address on its usual port in the manifest,
 * Office.js from the CDN in the pane.
 */
const DEFAULT_BUILD_MARKS: Readonly<Record<string, string>> = { "manifest.xml": DEV_URL, "taskpane.html": OFFICE_JS_CDN };

const LOCK = join(ROOT, "node_modules", ".cache", "crs-build.lock");
const LOCK_WAIT_MS = 300_000;

/** The newest modification time under a file or folder, in ms (0 if it does not exist). */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** Why dist/ must be built again, or null when it is current. */
export function staleness(): string | null {
  const missing = OUTPUTS.filter((file) => !existsSync(join(DIST, file)));
  if (missing.length > 0) return `dist/ lacks ${missing.join(", ")}`;
  const built = Math.min(...OUTPUTS.map((file) => statSync(join(DIST, file)).mtimeMs));
  const changed = INPUTS.filter((input) => newestChange(join(ROOT, input)) > built);
  if (changed.length > 0) return `${changed.join(", ")} changed since dist/ was built`;
  for (const [file, mark] of Object.entries(DEFAULT_BUILD_MARKS)) {
    if (!readFileSync(join(DIST, file), "utf8").includes(mark)) return `dist/ was built with ADDIN_URL, OFFICE_JS or DEV_SERVER_PORT set`;
  }
  return null;
}

/** Blocks the thread for `ms` milliseconds (callers load the bundle synchronously). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process id of the build lock's holder, or null if it has not written it (yet). */
function lockHolder(): number | null {
  try {
    const pid = Number(readFileSync(join(LOCK, "pid"), "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the build lock, waiting while another live process holds it. */
function lock(): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder();
    // A holder that died (or that has not written its id 5 s on) leaves the lock to the next.
    if ((holder !== null && !isAlive(holder)) || (holder === null && waited > 5_000)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (waited > LOCK_WAIT_MS) throw new Error(`Waited 5 minutes for another build of dist/ (process ${holder}); if none runs, delete ${LOCK}.`);
    sleep(200);
  }
}

/** The settings that change what the build writes (see `DEFAULT_BUILD_MARKS`). */
const BUILD_SETTINGS = ["ADDIN_URL", "OFFICE_JS", "DEV_SERVER_PORT"] as const;

/**
 * The environment for the tests' build: `env` without the settings that make a build other than
 * the default one, so a setting exported in the shell neither changes the add-in under test nor
 * makes every run rebuild.
 *
 * @example defaultBuildEnv({ PATH: "/usr/bin", DEV_SERVER_PORT: "3443" }) // { PATH: "/usr/bin" }
 */
export function defaultBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const setting of BUILD_SETTINGS) delete clean[setting];
  return clean;
}

/**
 * A production build into `folder`, with the build settings of `env`: written beside it and then
 * renamed into place (a folder already there is replaced), so no reader sees it half-written.
 */
export function buildInto(folder: string, env: NodeJS.ProcessEnv): void {
  const staging = `${folder}.building-${process.pid}`;
  const previous = `${folder}.previous-${process.pid}`;
  try {
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", staging], { cwd: ROOT, env, stdio: "pipe" });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`The build failed:\n${String(output.stdout ?? "")}${String(output.stderr ?? "")}`);
  }
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(staging, folder);
  rmSync(previous, { recursive: true, force: true });
}

/** Builds the default dist/ (see `defaultBuildEnv`). */
function build(): void {
  buildInto(DIST, defaultBuildEnv(process.env));
}

/** Builds dist/ if it is stale (see `staleness`); returns why it built, or null if it did not. */
export function ensureFreshBuild(): string | null {
  if (staleness() === null) return null;
  lock();
  try {
    // Another run may have built while this one waited.
    const reason = staleness();
    if (reason !== null) build();
    return reason;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
