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
 * does an existing output file, unless --force. Counts no curve fits yet (their market not yet
 * determined) are forecast from their recent pace, and the command says why there is no curve.
 * Warnings (a count lower than the one before) go to standard error, so that standard output
 * holds only the sentences (and why no curve fits) or the JSON. The
 * command's work is scripts/forecastCommand.ts; this file gives it the process's folder and
 * streams.
 */
import { forecastCommand } from "./forecastCommand";

// npm runs scripts from the package folder; a relative path means the caller's folder.
const cwd = process.env.INIT_CWD ?? process.cwd();
forecastCommand(process.argv.slice(2), { cwd, stdout: (line) => console.log(line), stderr: (line) => console.error(line) }).then((status) => {
  process.exitCode = status;
});
