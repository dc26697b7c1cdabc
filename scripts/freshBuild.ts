/**
 * Keeps dist/ in step with its sources for the tests and benchmarks that load the built add-in:
 * builds when dist/ is missing, older than anything the build reads, or built with other
 * options (a deployment address, a local Office.js), and otherwise leaves it alone, so that one
 * build serves a whole test run. A test run starts that build in the background
 * (`startFreshBuild`) and runs the tests that do not load dist/ meanwhile; every reader of dist/
 * waits for it in `ensureFreshBuild`.
 *
 * Runs that share a clone build one at a time (a lock directory, taken atomically by mkdir, and
 * given up when its holder has died), and each build is written beside dist/ and then renamed
 * into place, so no run ever reads a half-written dist/.
 */
import { execFileSync, spawn } from "node:child_process";
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

/** webpack's command, run by this Node.js: one process, which a test run can stop. */
const WEBPACK = join(ROOT, "node_modules", "webpack", "bin", "webpack.js");

/**
 * The setting through which a test run's build in the background tells the run's tests where
 * its error is if it failed (see `startFreshBuild`): they throw it rather than each build again.
 */
const FAILURE_SETTING = "CRS_BUILD_FAILURE";

/** The newest modification time under a file or folder, in ms (0 if it does not exist). */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** When anything the build reads last changed, in ms. */
function newestInput(): number {
  return Math.max(...INPUTS.map((input) => newestChange(join(ROOT, input))));
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

/** Gives up the build lock. */
function unlock(): void {
  rmSync(LOCK, { recursive: true, force: true });
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

/** Where a production build into `folder` is written before it is renamed into place. */
const stagingOf = (folder: string): string => `${folder}.building-${process.pid}`;

/** webpack's arguments for a production build into `staging`. */
const webpackArgs = (staging: string): string[] => [WEBPACK, "--mode", "production", "--output-path", staging];

/** The error of a failed build, with what webpack printed. */
const buildFailure = (stdout: unknown, stderr: unknown): Error => new Error(`The build failed:\n${String(stdout ?? "")}${String(stderr ?? "")}`);

/** Puts a finished build in the place of `folder` (a folder already there is replaced). */
function moveIntoPlace(staging: string, folder: string): void {
  const previous = `${folder}.previous-${process.pid}`;
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(staging, folder);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * A production build into `folder`, with the build settings of `env`: written beside it and then
 * renamed into place (a folder already there is replaced), so no reader sees it half-written.
 */
export function buildInto(folder: string, env: NodeJS.ProcessEnv): void {
  const staging = stagingOf(folder);
  try {
    execFileSync(process.execPath, webpackArgs(staging), { cwd: ROOT, env, stdio: "pipe" });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw buildFailure(output.stdout, output.stderr);
  }
  moveIntoPlace(staging, folder);
}

/** Builds the default dist/ (see `defaultBuildEnv`). */
function build(): void {
  buildInto(DIST, defaultBuildEnv(process.env));
}

/**
 * Builds dist/ if it is stale (see `staleness`), waiting first for a build another process is
 * making; returns why it built, or null if it did not. In a test run whose build in the
 * background failed, throws that build's error instead.
 */
export function ensureFreshBuild(): string | null {
  if (staleness() === null) return null;
  lock();
  try {
    // Another process may have built while this one waited.
    const reason = staleness();
    if (reason !== null) {
      // The run's build in the background failed on these same sources: its error, not another try.
      const failure = process.env[FAILURE_SETTING];
      if (failure !== undefined && existsSync(failure) && statSync(failure).mtimeMs >= newestInput()) throw new Error(readFileSync(failure, "utf8"));
      build();
    }
    return reason;
  } finally {
    unlock();
  }
}

/** A build of dist/ in the background: why it was needed, and how to stop it if it still runs. */
export interface BackgroundBuild {
  readonly reason: string;
  /** Ends the build if it has not finished, leaving dist/ as it was; resolves once it has ended. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts building dist/ in a child process if it is stale, holding the build lock for this
 * process until the build is in place, so that `ensureFreshBuild` anywhere waits for it rather
 * than building too. If the build fails, its error is written to `failureFile`, whose name the
 * processes started after this one inherit (FAILURE_SETTING): their `ensureFreshBuild` throws it.
 * Returns null when dist/ is current.
 */
export function startFreshBuild(failureFile: string): BackgroundBuild | null {
  if (staleness() === null) return null;
  lock();
  const reason = staleness();
  if (reason === null) {
    unlock();
    return null;
  }
  process.env[FAILURE_SETTING] = failureFile;
  const staging = stagingOf(DIST);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let stopped = false;
  const child = spawn(process.execPath, webpackArgs(staging), { cwd: ROOT, env: defaultBuildEnv(process.env), stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const ended = new Promise<void>((done) => {
    let finished = false;
    const finish = (failure: Error | null) => {
      if (finished) return;
      finished = true;
      try {
        if (failure !== null) throw failure;
        moveIntoPlace(staging, DIST);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        if (!stopped) writeFileSync(failureFile, (error as Error).message);
      } finally {
        unlock();
        done();
      }
    };
    child.on("error", (error) => finish(buildFailure("", error.message)));
    child.on("close", (code) => finish(code === 0 && !stopped ? null : buildFailure(Buffer.concat(stdout), Buffer.concat(stderr))));
  });
  return {
    reason,
    stop: () => {
      stopped = true;
      child.kill();
      return ended;
    },
  };
}
