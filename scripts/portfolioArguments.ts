/**
 * The command line of `npm run portfolio`, read with Node's own strict parser:
 *
 *   npm run portfolio -- counts.csv [out.xlsx] [--threshold 0.3] [--payment 6000] [--deadline 2005-06-30]
 *                        [--target-share S --target-date D] [--model M] [--confidence C] [--force] [--json]
 *
 * It checks the shape of the command (which options, given once, with a value where one is
 * needed; one or two files); the options' values are checked by `readPortfolioOptions`, which
 * the task pane shares.
 */
import { parseArgs } from "node:util";
import type { PortfolioOptionsInput } from "../src/data/portfolioOptions";
import { ArgumentError } from "./forecastArguments";

export { ArgumentError };

/** How to run the command, for messages. */
export const PORTFOLIO_USAGE =
  "npm run portfolio -- counts.csv [out.xlsx] [--threshold 0.3] [--payment 6000] [--deadline 2005-06-30] [--target-share S --target-date D] [--model M] [--confidence C] [--force] [--json]";

/** What --help prints: the usage, then each option. */
export const PORTFOLIO_HELP = [
  `Usage: ${PORTFOLIO_USAGE}`,
  "",
  "Reads many PCTs' counts from counts.csv (a header row naming the columns pct, date, registered, gps and",
  "practices in any order; a row per PCT and count date; gps and practices on at least one row of each PCT),",
  "fits their curves together so that PCTs with few counts borrow the others' pattern, and prints what the",
  "portfolio means: the incentive paid, how many PCTs will meet the later target, and which are least likely to.",
  "",
  "  --threshold S     share of a PCT's GPs to register by the deadline (0.3 or 30%)",
  "  --payment P       pounds per practice paid to a PCT that reached the threshold (6000)",
  "  --deadline D      the date the threshold had to be met by (2005-06-30; or 30/06/2005)",
  "  --target-share S  the later target's share of each PCT's GPs (0.8)",
  "  --target-date D   the date to reach the later target by (2006-03-31)",
  "  --model M         logistic (the default), gompertz, or auto (the one the counts favour)",
  "  --confidence C    of the bounds and of the range of PCTs meeting the target, 0 to 1 or a percentage (80%)",
  "  --force           overwrite out.xlsx if it exists",
  "  --json            print one JSON object of every PCT's figures and the totals; write no file",
].join("\n");

/** The command line, read. Paths are as given (relative to the caller's folder). */
export interface PortfolioArguments {
  readonly data: string;
  readonly output: string | null;
  readonly force: boolean;
  readonly json: boolean;
  readonly help: boolean;
  readonly options: PortfolioOptionsInput;
}

const VALUE_OPTIONS = ["threshold", "payment", "deadline", "target-share", "target-date", "model", "confidence"] as const;
const FLAG_OPTIONS = ["force", "json", "help"] as const;

const OPTIONS = {
  threshold: { type: "string" },
  payment: { type: "string" },
  deadline: { type: "string" },
  "target-share": { type: "string" },
  "target-date": { type: "string" },
  model: { type: "string" },
  confidence: { type: "string" },
  force: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Examples of values, for messages about an option given without one. */
const EXAMPLES: Record<(typeof VALUE_OPTIONS)[number], string> = {
  threshold: "0.3",
  payment: "6000",
  deadline: "2005-06-30",
  "target-share": "0.8",
  "target-date": "2006-03-31",
  model: "logistic",
  confidence: "0.8",
};

/**
 * Reads the arguments after `npm run portfolio --`. Throws an `ArgumentError` that names the
 * argument: an unknown option, an option without its value or given twice, a flag given a
 * value, no data file, a third file, or files in the wrong order.
 *
 * @example parsePortfolioArguments(["counts.csv", "--target-share", "80%"])
 *   // { data: "counts.csv", output: null, force: false, json: false, help: false, options: { "target-share": "80%" } }
 */
export function parsePortfolioArguments(args: readonly string[]): PortfolioArguments {
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
  if (data === undefined) throw new ArgumentError(`Give the CSV file of your PCTs' counts: ${PORTFOLIO_USAGE}`);
  if (extra.length > 0) throw new ArgumentError(`Unexpected argument "${extra[0]}": give the CSV file and, if you like, the .xlsx file to write.`);
  if (/\.xlsx$/i.test(data)) throw new ArgumentError(`"${data}" is a workbook: give the CSV file of your PCTs' counts first, then the .xlsx file to write.`);
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
    return `--${name} needs a value, such as --${name} ${example}.`;
  }
  return message ?? String(error);
}
