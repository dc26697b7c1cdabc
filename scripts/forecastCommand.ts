/**
 * What `npm run forecast` does, as a function of its arguments, its folder and its two output
 * streams, so that tests run it in-process as a user runs it (scripts/forecast.ts is the
 * command itself: it passes the process's own). See scripts/forecast.ts for the command line.
 *
 * @example await forecastCommand(["gps.csv", "--json"], { cwd: "/data", stdout: console.log, stderr: console.error }) // 0
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { readSeriesCsv } from "../src/data/seriesCsv";
import { SeriesError } from "../src/data/seriesProblems";
import { ModelError } from "../src/model/errors";
import { ForecastOptionsError, readForecastOptions, SENTENCE_CELLS, planForecast, computeForecast, forecastFigures, noCurveMessage } from "../src/workbook/sheets";
import { cellKey, computeFormulaValues } from "../src/workbook/formula";
import { NO_TAKEN_NAMES } from "../src/workbook/plan";
import { writeXlsx } from "../src/workbook/xlsx";
import { ArgumentError, FORECAST_HELP, FORECAST_USAGE, parseForecastArguments } from "./forecastArguments";
import { forecastJson } from "./forecastJson";
import { CommandError, type CommandContext, exitStatus, outputBeside, readText, writeOutput } from "./commandFiles";

/** The workbook written by default: next to the CSV, "<name>-forecast.xlsx". */
export function defaultOutput(data: string): string {
  return outputBeside(data, "forecast");
}

async function run(args: readonly string[], context: CommandContext): Promise<void> {
  const command = parseForecastArguments(args);
  if (command.help) {
    context.stdout(FORECAST_HELP);
    return;
  }
  const dataPath = resolve(context.cwd, command.data);
  const outputPath = resolve(context.cwd, command.output ?? defaultOutput(command.data));
  // --json prints and writes nothing, so the same command gives the same output every time.
  if (!command.json && !command.force && existsSync(outputPath)) {
    throw new CommandError(`${outputPath} exists and is kept: pass --force to overwrite it, or name another file.`);
  }
  const series = readSeriesCsv(readText(dataPath, command.data));
  for (const warning of series.warnings) context.stderr(`Warning: ${warning.message}`);
  const options = readForecastOptions(command.options, series);
  const results = computeForecast(series, options);
  if (command.json) {
    context.stdout(JSON.stringify(forecastJson(series, options, results)));
    return;
  }
  const plan = planForecast({ flavour: "portable", series, options, source: { kind: "file", name: basename(command.data) }, figures: forecastFigures(results, options) }, NO_TAKEN_NAMES);
  writeOutput(outputPath, await writeXlsx(plan), command.force);
  const values = computeFormulaValues(plan);
  const sheet = plan.sheets[0].name;
  context.stdout(`Wrote ${outputPath} (sheet '${sheet}').`);
  for (const address of SENTENCE_CELLS) context.stdout(String(values.get(cellKey(sheet, address))));
  // The sheet says why no curve fits beside its fit; the terminal shows only the sentences.
  if (results.chosen instanceof ModelError) context.stdout(noCurveMessage(results.chosen));
}

/** What to print for a failure: the message of one the user can act on, the stack of any other. */
function failureText(error: unknown): string {
  if (error instanceof ArgumentError) return `${error.message}\nUsage: ${FORECAST_USAGE}`;
  if (error instanceof ModelError) return `No forecast can be made from these counts: ${error.message} Nothing was written.`;
  if (error instanceof CommandError || error instanceof SeriesError || error instanceof ForecastOptionsError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs the command with `args`; resolves to its exit status: 0 when done, 1 after printing what went wrong. */
export function forecastCommand(args: readonly string[], context: CommandContext): Promise<number> {
  return exitStatus(() => run(args, context), failureText, context);
}
