/**
 * The command line of `npm run portfolio`, read with Node's own strict parser:
 *
 *   npm run portfolio -- counts.csv [out.xlsx] [--threshold 0.3] [--payment 6000] [--deadline 2005-06-30]
 *                        [--target-share S --target-date D] [--model M] [--confidence C] [--force] [--json]
 *
 * It checks the shape of the command (`parseDataCommand`, as the forecast's); the options'
 * values are checked by `readPortfolioOptions`, which the task pane shares.
 */
import type { PortfolioOptionsInput } from "../src/data/portfolioOptions";
import { ArgumentError, parseDataCommand } from "./commandLine";

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

/** Examples of values, for messages about an option given without one. */
const EXAMPLES: Record<keyof PortfolioOptionsInput, string> = {
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
  return parseDataCommand(args, { examples: EXAMPLES, usage: PORTFOLIO_USAGE, data: "your PCTs' counts" });
}
