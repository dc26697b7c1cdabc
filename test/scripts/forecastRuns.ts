/**
 * Runs of `npm run forecast` for the tests: in-process (its entry function, with the output
 * captured) or as a user runs it (the bundled command in a child process), each giving its exit
 * status and what it printed as a terminal shows it, every line ended by a newline.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { forecastCommand } from "../../scripts/forecastCommand";
import { ROOT } from "../../scripts/freshBuild";

export interface ForecastRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command's entry function with `args`, from the folder `cwd`. */
export async function forecastInProcess(cwd: string, ...args: string[]): Promise<ForecastRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await forecastCommand(args, { cwd, stdout: (line) => stdout.push(`${line}\n`), stderr: (line) => stderr.push(`${line}\n`) });
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** Runs the bundled command in a child process with `args`, as `npm run forecast -- args` does from the folder `cwd`. */
export function forecastInChild(cwd: string, ...args: string[]): ForecastRun {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "runBundled.mjs"), "forecast", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
