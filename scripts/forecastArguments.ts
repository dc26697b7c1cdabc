/**
 * The command line of `npm run forecast`, read with Node's own strict parser:
 *
 *   npm run forecast -- data.csv [out.xlsx] [--model M] [--market N] [--target N --by DATE]
 *                       [--horizon N] [--unit U] [--confidence C] [--force] [--json]
 *
 * It checks the shape of the command (which options, given once, with a value where one is
 * needed; one or two files); the options' values are checked against the data afterwards by
 * `readForecastOptions`, which the task pane shares.
 */
import { parseArgs } from "node:util";
import type { ForecastOptionsInput } from "../src/workbook/sheets";

/** How to run the command, for messages. */
export const FORECAST_USAGE =
  "npm run forecast -- data.csv [out.xlsx] [--model M] [--market N] [--target N --by DATE] [--horizon N] [--unit U] [--confidence C] [--force] [--json]";

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
  "  --horizon N     periods to forecast past the last count (12)",
  "  --unit U        day, week, month, quarter or year (month for dates; period for numbers)",
  "  --confidence C  of the bounds, between 0 and 1 or a percentage (80%)",
  "  --force         overwrite out.xlsx if it exists",
  "  --json          print one JSON object of the forecast instead of the sentences",
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

/** A command line that cannot be read; the message names the argument and what is wrong. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

const VALUE_OPTIONS = ["model", "market", "target", "by", "horizon", "unit", "confidence"] as const;
const FLAG_OPTIONS = ["force", "json", "help"] as const;

const OPTIONS = {
  model: { type: "string" },
  market: { type: "string" },
  target: { type: "string" },
  by: { type: "string" },
  horizon: { type: "string" },
  unit: { type: "string" },
  confidence: { type: "string" },
  force: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Examples of values, for messages about an option given without one. */
const EXAMPLES: Record<(typeof VALUE_OPTIONS)[number], string> = {
  model: "logistic",
  market: "150",
  target: "45",
  by: "30/06/2005",
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
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new ArgumentError(describeParseError(error));
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return { data: "", output: null, force: false, json: false, help: true, options: {} };

  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new ArgumentError(`--${token.name} is given twice; give it once.`);
    seen.add(token.name);
  }
  const [data, output, ...extra] = positionals;
  if (data === undefined) throw new ArgumentError(`Give the CSV file of your counts: ${FORECAST_USAGE}`);
  if (extra.length > 0) throw new ArgumentError(`Unexpected argument "${extra[0]}": give the CSV file and, if you like, the .xlsx file to write.`);
  if (/\.xlsx$/i.test(data)) throw new ArgumentError(`"${data}" is a workbook: give the CSV file of your counts first, then the .xlsx file to write.`);
  if (output !== undefined && !/\.xlsx$/i.test(output)) throw new ArgumentError(`"${output}" must end in .xlsx: it names the workbook to write.`);

  const options: Record<string, string> = {};
  for (const name of VALUE_OPTIONS) {
    const value = values[name];
    if (typeof value === "string") options[name] = value;
  }
  return { data, output: output ?? null, force: values.force === true, json: values.json === true, help: false, options };
}

/** Node's message for a command line it rejects, said in the command's terms. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? "")?.[1] ?? "";
  const name = option.replace(/^-+/, "").split("=")[0];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const known = [...VALUE_OPTIONS, ...FLAG_OPTIONS].map((known) => `--${known}`).join(", ");
    return `Unknown option ${option}. The options are ${known}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) return `--${name} takes no value.`;
    const example = EXAMPLES[name as keyof typeof EXAMPLES] ?? "…";
    return `--${name} needs a value, such as --${name} ${example} (for a value that starts with "-", write --${name}=-5).`;
  }
  return message ?? String(error);
}
