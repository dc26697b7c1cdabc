/**
 * What `npm run portfolio` does, as a function of its arguments, its folder and its two output
 * streams, so that tests run it in-process as a user runs it (scripts/portfolio.ts is the
 * command itself: it passes the process's own). See scripts/portfolio.ts for the command line.
 *
 * @example await portfolioCommand(["counts.csv", "--json"], { cwd: "/data", stdout: console.log, stderr: console.error }) // 0
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PortfolioOptionsError, readPortfolioOptions } from "../src/data/portfolioOptions";
import { readPortfolioCsv } from "../src/data/seriesCsv";
import { SeriesError } from "../src/data/seriesProblems";
import { describeDate } from "../src/data/textValues";
import { formatCount } from "../src/model/format";
import { analysePortfolio, type PortfolioAnalysis } from "../src/model/portfolio/analysis";
import { portfolioSentences } from "../src/model/portfolio/sentences";
import type { CommandContext } from "./forecastCommand";
import { ArgumentError, PORTFOLIO_HELP, PORTFOLIO_USAGE, parsePortfolioArguments } from "./portfolioArguments";
import { portfolioJson } from "./portfolioJson";

/** A failure the user can act on: printed as it is, with exit status 1. */
class CommandError extends Error {}

/** A file's text, or a CommandError saying why it cannot be read. */
function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    throw new CommandError(`Cannot read ${shown}: ${why}.`);
  }
}

/** The PCTs as a plain table, lowest chance first. */
function tableLines(analysis: PortfolioAnalysis): string[] {
  const header = ["PCT", "GPs", "latest", "at deadline", "incentive £", "target", "forecast", "range", "chance", "as likely as not by"];
  const rows = analysis.rows.map((row) => [
    row.pct,
    formatCount(row.gps),
    row.latestCount === null ? "" : formatCount(row.latestCount),
    row.registeredAtDeadline === null ? "n/a" : formatCount(row.registeredAtDeadline),
    row.incentivePayable === null ? "n/a" : formatCount(row.incentivePayable),
    formatCount(row.targetGPs),
    row.forecastAtTargetDate === null ? "" : formatCount(row.forecastAtTargetDate),
    row.lowerAtTargetDate === null ? "" : `${formatCount(row.lowerAtTargetDate)}-${formatCount(row.upperAtTargetDate!)}`,
    row.chanceOfTarget === null ? "" : `${Math.round(100 * row.chanceOfTarget)}%`,
    row.dateTargetLikely === null ? (row.chanceOfTarget === null ? "" : "not within 50 years") : describeDate(row.dateTargetLikely),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

async function run(args: readonly string[], context: CommandContext): Promise<void> {
  const command = parsePortfolioArguments(args);
  if (command.help) {
    context.stdout(PORTFOLIO_HELP);
    return;
  }
  const options = readPortfolioOptions(command.options);
  const portfolio = readPortfolioCsv(readText(resolve(context.cwd, command.data), command.data));
  for (const warning of portfolio.warnings) context.stderr(`Warning: ${warning.message}`);
  const analysis = analysePortfolio(portfolio.pcts, options);
  if (command.json) {
    context.stdout(JSON.stringify(portfolioJson(analysis)));
    return;
  }
  for (const sentence of portfolioSentences(analysis, options)) context.stdout(sentence);
  context.stdout("");
  for (const line of tableLines(analysis)) context.stdout(line);
  for (const row of analysis.rows) for (const problem of row.problems) context.stdout(`${row.pct}: ${problem}`);
}

/** What to print for a failure: the message of one the user can act on, the stack of any other. */
function failureText(error: unknown): string {
  if (error instanceof ArgumentError) return `${error.message}\nUsage: ${PORTFOLIO_USAGE}`;
  if (error instanceof SeriesError || error instanceof PortfolioOptionsError) return `${error.message}\nNothing was written.`;
  if (error instanceof CommandError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs the command with `args`; resolves to its exit status: 0 when done, 1 after printing what went wrong. */
export async function portfolioCommand(args: readonly string[], context: CommandContext): Promise<number> {
  try {
    await run(args, context);
    return 0;
  } catch (error) {
    context.stderr(failureText(error));
    return 1;
  }
}
