/**
 * The files of a command that turns a CSV file into a workbook: reading the CSV, where the
 * workbook goes by default, and writing it without ever overwriting a file unless told to.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";

/** A failure the user can act on: printed as it is, with exit status 1. */
export class CommandError extends Error {}

/** Where a command runs: the folder relative paths start from, and where its lines go. */
export interface CommandContext {
  /** The caller's folder (npm runs scripts from the package folder and gives the caller's as INIT_CWD). */
  readonly cwd: string;
  /** Standard output, a line at a time: the sentences, the JSON or the help. */
  readonly stdout: (line: string) => void;
  /** Standard error, a line at a time: warnings and what went wrong. */
  readonly stderr: (line: string) => void;
}

/**
 * Runs a command's work and resolves to its exit status: 0 when done, 1 after printing what went
 * wrong, in the words `failureText` gives the error.
 */
export async function exitStatus(work: () => Promise<void>, failureText: (error: unknown) => string, context: CommandContext): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    context.stderr(failureText(error));
    return 1;
  }
}

/**
 * The workbook written by default: next to the CSV, "<name>-<suffix>.xlsx".
 *
 * @example outputBeside("data/gps.csv", "forecast") // "data/gps-forecast.xlsx"
 */
export function outputBeside(data: string, suffix: string): string {
  return join(dirname(data), `${basename(data, extname(data))}-${suffix}.xlsx`);
}

/** A file's text, or a CommandError saying why it cannot be read. */
export function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new CommandError(`Cannot read ${shown}: ${why}.`);
  }
}

/** Writes the workbook, failing rather than overwriting an existing file unless `force`. */
export function writeOutput(path: string, bytes: Uint8Array, force: boolean): void {
  try {
    writeFileSync(path, bytes, { flag: force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new CommandError(`${path} exists and is kept: pass --force to overwrite it.`);
    throw new CommandError(`Cannot write ${path}: ${(error as Error).message}.`);
  }
}
