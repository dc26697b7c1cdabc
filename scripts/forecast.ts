/**
 * `npm run forecast`: a forecast sheet from a CSV file of cumulative counts, written as a
 * portable .xlsx (the same sheet the task pane adds, with values where only the add-in
 * computes), and its sentences printed; or, with --json, one JSON object of the forecast.
 *
 *   npm run forecast -- data.csv [out.xlsx] [--model M] [--market N] [--target N --by DATE]
 *                       [--horizon N] [--unit U] [--confidence C] [--force] [--json]
 *
 * Without out.xlsx the file is written next to the CSV as <name>-forecast.xlsx. A bad file or
 * option exits with status 1, a message naming the line or option, and nothing written; so
 * does an existing output file, unless --force. Warnings (a count lower than the one before)
 * go to standard error, so that standard output holds only the sentences or the JSON.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { readSeriesCsv } from "../src/data/seriesCsv";
import { SeriesError } from "../src/data/seriesProblems";
import { ModelError } from "../src/model/errors";
import { ForecastOptionsError, readForecastOptions } from "../src/workbook/forecastOptions";
import { SENTENCE_CELLS, planForecast } from "../src/workbook/forecastPlan";
import { computeForecast, forecastFigures } from "../src/workbook/forecastResults";
import { cellKey, computeFormulaValues } from "../src/workbook/formulaValues";
import { NO_TAKEN_NAMES } from "../src/workbook/names";
import { writeXlsx } from "../src/workbook/xlsxWriter";
import { ArgumentError, FORECAST_HELP, FORECAST_USAGE, parseForecastArguments } from "./forecastArguments";
import { forecastJson } from "./forecastJson";

/** A failure the user can act on: printed as it is, with exit status 1. */
class CommandError extends Error {}

/** The workbook written by default: next to the CSV, "<name>-forecast.xlsx". */
export function defaultOutput(data: string): string {
  return join(dirname(data), `${basename(data, extname(data))}-forecast.xlsx`);
}

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

async function main(args: readonly string[]): Promise<void> {
  const command = parseForecastArguments(args);
  if (command.help) {
    console.log(FORECAST_HELP);
    return;
  }
  // npm runs scripts from the package folder; a relative path means the caller's folder.
  const here = process.env.INIT_CWD ?? process.cwd();
  const dataPath = resolve(here, command.data);
  const outputPath = resolve(here, command.output ?? defaultOutput(command.data));
  if (!command.force && existsSync(outputPath)) {
    throw new CommandError(`${outputPath} exists and is kept: pass --force to overwrite it, or name another file.`);
  }
  const series = readSeriesCsv(readText(dataPath, command.data));
  for (const warning of series.warnings) console.error(`Warning: ${warning.message}`);
  const options = readForecastOptions(command.options, series);
  const results = computeForecast(series, options);
  const plan = planForecast({ flavour: "portable", series, options, source: { kind: "file", name: basename(command.data) }, figures: forecastFigures(results, options) }, NO_TAKEN_NAMES);
  const bytes = await writeXlsx(plan);
  try {
    writeFileSync(outputPath, bytes, { flag: command.force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new CommandError(`${outputPath} exists and is kept: pass --force to overwrite it.`);
    throw new CommandError(`Cannot write ${outputPath}: ${(error as Error).message}.`);
  }
  if (command.json) {
    console.log(JSON.stringify(forecastJson(series, options, results)));
    return;
  }
  const values = computeFormulaValues(plan);
  const sheet = plan.sheets[0].name;
  console.log(`Wrote ${outputPath} (sheet '${sheet}').`);
  for (const address of SENTENCE_CELLS) console.log(String(values.get(cellKey(sheet, address))));
}

/** What to print for a failure: the message of one the user can act on, the stack of any other. */
function failureText(error: unknown): string {
  if (error instanceof ArgumentError) return `${error.message}\nUsage: ${FORECAST_USAGE}`;
  if (error instanceof ModelError) return `No curve can be fitted to these counts: ${error.message} Nothing was written.`;
  if (error instanceof CommandError || error instanceof SeriesError || error instanceof ForecastOptionsError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(failureText(error));
  process.exitCode = 1;
});
