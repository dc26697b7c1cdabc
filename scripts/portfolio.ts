/**
 * `npm run portfolio`: many PCTs' counts from one CSV file in long form (pct, date, registered,
 * gps, practices), fitted together so that PCTs with few counts borrow the others' pattern; prints
 * the portfolio's sentences and its PCTs lowest chance first, or with --json one JSON object of
 * every PCT's figures and the totals.
 *
 *   npm run portfolio -- counts.csv [out.xlsx] [--threshold 0.3] [--payment 6000] [--deadline 2005-06-30]
 *                        [--target-share S --target-date D] [--model M] [--confidence C] [--force] [--json]
 *
 * A bad file or option exits with status 1 and a message naming the line or option, and writes
 * nothing. Warnings (a count lower than the one before) go to standard error, so that standard
 * output holds only the sentences or the JSON. The command's work is scripts/portfolioCommand.ts.
 */
import { portfolioCommand } from "./portfolioCommand";

// npm runs scripts from the package folder; a relative path means the caller's folder.
const cwd = process.env.INIT_CWD ?? process.cwd();
portfolioCommand(process.argv.slice(2), { cwd, stdout: (line) => console.log(line), stderr: (line) => console.error(line) }).then((status) => {
  process.exitCode = status;
});
