/**
 * The runner of bundled commands: it makes a command's bundle once, makes it again when a file
 * it was made from is newer, and refuses a command that does not exist. Its bundles go to a
 * folder of its own (CRS_BUNDLE_CACHE), so that other tests running commands at the same time
 * neither remake them under it nor see them aged.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../functions/host";

const RUNNER = join(ROOT, "scripts", "runBundled.mjs");
const CACHE = mkdtempSync(join(tmpdir(), "crs-bundles-"));
const BUNDLE = join(CACHE, "forecast.cjs");
afterAll(() => rmSync(CACHE, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, [RUNNER, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, CRS_BUNDLE_CACHE: CACHE } });
}

describe("scripts/runBundled.mjs", { timeout: 120_000 }, () => {
  it("runs a command from its bundle, made again only when a file it was made from changes", () => {
    expect(existsSync(BUNDLE)).toBe(false);
    expect(run("forecast", "--help").status).toBe(0);
    const made = statSync(BUNDLE).mtimeMs;
    expect(run("forecast", "--help").status).toBe(0);
    expect(statSync(BUNDLE).mtimeMs).toBe(made);

    // A bundle older than the files it was made from, as after a change to one of them.
    utimesSync(BUNDLE, new Date(0), new Date(0));
    const again = run("forecast", "--help");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Usage: npm run forecast/);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(0);
  });

  it("refuses a command that is not in scripts/", () => {
    const missing = run("no-such-command");
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe("Usage: node scripts/runBundled.mjs <command> [arguments]: scripts/<command>.ts must exist.");
  });
});
