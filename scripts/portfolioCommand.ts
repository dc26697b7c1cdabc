/**
 * What `npm run portfolio` does, as a function of its arguments, its folder and its two output
 * streams, so that tests run it in-process as a user runs it (scripts/portfolio.ts is the
 * command itself: it passes the process's own). See scripts/portfolio.ts for the command line.
 *
 * @example await portfolioCommand(["counts.csv", "--json"], { cwd: "/data", stdout: console.log, stderr: console.error }) // 0
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { isoToExcelSerial } from "../src/data/dates";
import type { IsoDate } from "../src/data/types";
import { PortfolioOptionsError, readPortfolioOptions } from "../src/data/portfolioOptions";
import { readPortfolioCsv } from "../src/data/seriesCsv";
import { SeriesError } from "../src/data/seriesProblems";
import { describeDate } from "../src/data/textValues";
import { analysePortfolio } from "../src/model/portfolio/analysis";
import { cellKey, computeFormulaValues } from "../src/workbook/formula";
import { NO_TAKEN_NAMES } from "../src/workbook/plan";
import { PORTFOLIO_SENTENCE_CELLS, planPortfolio } from "../src/workbook/sheets";
import { writeXlsx } from "../src/workbook/xlsx";
import { ArgumentError, PORTFOLIO_HELP, PORTFOLIO_USAGE, parsePortfolioArguments } from "./portfolioArguments";
import { portfolioJson } from "./portfolioJson";
import { CommandError, type CommandContext, exitStatus, outputBeside, readText, writeOutput } from "./commandFiles";

/** The workbook written by default: next to the CSV, "<name>-portfolio.xlsx". */
export function defaultPortfolioOutput(data: string): string {
  return outputBeside(data, "portfolio");
}

async function run(args: readonly string[], context: CommandContext): Promise<void> {
  const command = parsePortfolioArguments(args);
  if (command.help) {
    context.stdout(PORTFOLIO_HELP);
    return;
  }
  const options = readPortfolioOptions(command.options);
  const outputPath = resolve(context.cwd, command.output ?? defaultPortfolioOutput(command.data));
  if (!command.json && !command.force && existsSync(outputPath)) {
    throw new CommandError(`${outputPath} exists and is kept: pass --force to overwrite it, or name another file.`);
  }
  const portfolio = readPortfolioCsv(readText(resolve(context.cwd, command.data), command.data));
  for (const warning of portfolio.warnings) context.stderr(`Warning: ${warning.message}`);
  const analysis = analysePortfolio(portfolio.pcts, options);
  if (command.json) {
    context.stdout(JSON.stringify(portfolioJson(analysis)));
    return;
  }
  const fittedOn = describeDate(isoToExcelSerial(new Date().toISOString().slice(0, 10) as IsoDate));
  const plan = planPortfolio({ flavour: "portable", analysis, options, pcts: portfolio.pcts, source: basename(command.data), fittedOn }, NO_TAKEN_NAMES);
  writeOutput(outputPath, await writeXlsx(plan), command.force);
  const values = computeFormulaValues(plan);
  const sheet = plan.sheets[0].name;
  context.stdout(`Wrote ${outputPath} (sheets '${sheet}' and '${plan.sheets[1].name}').`);
  for (const address of PORTFOLIO_SENTENCE_CELLS) context.stdout(String(values.get(cellKey(sheet, address))));
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
export function portfolioCommand(args: readonly string[], context: CommandContext): Promise<number> {
  return exitStatus(() => run(args, context), failureText, context);
}
