/**
 * The command line of `npm run forecast`, read with Node's own strict parser:
 *
 *   npm run forecast -- data.csv [out.xlsx] [--model M] [--market N] [--target N --by DATE]
 *                       [--launch DATE] [--horizon N] [--unit U] [--confidence C] [--force] [--json]
 *
 * It checks the shape of the command (which options, given once, with a value where one is
 * needed; one or two files); the options' values are checked against the data afterwards by
 * `readForecastOptions`, which the task pane shares.
 */
import { ArgumentError, parseDataCommand } from "./commandLine";
import type { ForecastOptionsInput } from "../src/workbook/sheets";

export { ArgumentError };

/** How to run the command, for messages. */
export const FORECAST_USAGE =
  "npm run forecast -- data.csv [out.xlsx] [--model M] [--market N] [--target N --by DATE] [--launch DATE] [--horizon N] [--unit U] [--confidence C] [--force] [--json]";

/** What --help prints: the usage, then each option. */
export const FORECAST_HELP = [
  `Usage: ${FORECAST_USAGE}`,
  "",
  "Writes a forecast sheet of the counts in data.csv (two columns: dates or times, then cumulative counts;",
  "an optional header row; commas or semicolons) to out.xlsx, or to <data>-forecast.xlsx beside it, and",
  "prints what it means.",
  "",
  "  --model M       auto (the lowest AICc, the default), bass, logistic or gompertz",
  "  --market N      a known market size, held fixed (fitted if not given)",
  "  --target N      a count to reach, with --by: the date (2005-06-30 or 30/06/2005) or time to reach it by",
  "  --launch DATE   with dates, the launch Bass counts time from, in --unit periods (the first count's date)",
  "  --horizon N     periods to forecast past the last count (12)",
  "  --unit U        day, week, month, quarter or year (month for dates; period for numbers)",
  "  --confidence C  of the bounds, between 0 and 1 or a percentage (80%)",
  "  --force         overwrite out.xlsx if it exists",
  "  --json          print one JSON object of the forecast instead of the sentences, and write no file",
].join("\n");

/** The command line, read. Paths are as given (relative to the caller's folder). */
export interface ForecastArguments {
  /** The CSV file of counts. */
  readonly data: string;
  /** The workbook to write, or null when not given. */
  readonly output: string | null;
  /** Whether an existing output may be overwritten. */
  readonly force: boolean;
  /** Whether to print one JSON object instead of sentences. */
  readonly json: boolean;
  /** Whether the user asked how to use the command (--help or -h); nothing else is read then. */
  readonly help: boolean;
  /** The forecast's options as texts, for `readForecastOptions`. */
  readonly options: ForecastOptionsInput;
}

/** Examples of values, for messages about an option given without one. */
const EXAMPLES: Record<keyof ForecastOptionsInput, string> = {
  model: "logistic",
  market: "150",
  target: "45",
  by: "30/06/2005",
  launch: "31/03/2005",
  horizon: "12",
  unit: "month",
  confidence: "0.8",
};

/**
 * Reads the arguments after `npm run forecast --`. Throws an `ArgumentError` that names the
 * argument: an unknown option, an option without its value or given twice, a flag given a
 * value, no data file, a third file, or files in the wrong order.
 *
 * @example parseForecastArguments(["gps.csv", "--target", "45", "--by", "30/06/2005"])
 *   // { data: "gps.csv", output: null, force: false, json: false, help: false, options: { target: "45", by: "30/06/2005" } }
 */
export function parseForecastArguments(args: readonly string[]): ForecastArguments {
  const command = parseDataCommand(args, { examples: EXAMPLES, usage: FORECAST_USAGE, data: "your counts" });
  // The command offers a launch (empty: the first count's date), so Bass takes dates.
  return command.help ? command : { ...command, options: { launch: "", ...command.options } };
}
