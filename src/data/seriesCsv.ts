/**
 * Reads a series of counts from a CSV file's text, for `npm run forecast`: the file is split
 * into fields by csv-parse, and the fields are read and checked by the same rules as a
 * worksheet range (`readSeries`), with problems named by line.
 *
 * The file may start with a byte-order mark, end its lines with CRLF, LF or CR, quote fields
 * ("1,234", "a ""quoted"" word"), and be comma- or semicolon-separated: semicolons when its
 * first line that is not blank has a semicolon outside quotes, commas otherwise.
 */
import { CsvError, parse } from "csv-parse/sync";
import { readPortfolio, type Portfolio } from "./portfolio";
import { readSeries, type Series, type SeriesGrid } from "./series";
import { SeriesError } from "./seriesProblems";

/** The separator of a file's fields. */
export type CsvDelimiter = "," | ";";

/**
 * Reads and checks the series a CSV file holds. Throws a `SeriesError` naming each line that
 * is wrong.
 *
 * @example readSeriesCsv("date,GPs\n2005-03-31,120\n2005-04-30,410\n2005-05-31,1500\n2005-06-30,3500\n")
 *   // { times: [38442, 38472, 38503, 38533], counts: [120, 410, 1500, 3500], timesAreDates: true, … }
 */
export function readSeriesCsv(text: string): Series {
  return readSeries(csvGrid(text));
}

/**
 * The fields of a CSV file as a grid, each row with the line it starts on. A file that cannot
 * be split (a quote never closed, a quote inside an unquoted field) is a `SeriesError` naming
 * the line.
 */
export function csvGrid(text: string): SeriesGrid {
  // One line ending throughout, so that every line break is one "\n", inside quotes too, and lines can be counted.
  const normalised = text.replace(/\r\n?/g, "\n");
  let records: string[][];
  try {
    records = parse(normalised, { delimiter: csvDelimiter(normalised), bom: true, relax_column_count: true, record_delimiter: "\n" });
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(error, normalised);
    throw error;
  }
  // Every line ends a record (a blank one too) unless it is inside a quoted field, which keeps its
  // line breaks: so each record starts one line after the line breaks of those before it.
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1;
    for (const field of record) for (let at = field.indexOf("\n"); at !== -1; at = field.indexOf("\n", at + 1)) line += 1;
  }
  return { values: records, origin: { kind: "csv", lines } };
}

/**
 * The separator of a file: a semicolon when the first line that is not blank has one outside
 * quotes, else a comma.
 *
 * @example csvDelimiter("30/06/2005;1,234\n") // ";"
 */
export function csvDelimiter(text: string): CsvDelimiter {
  let quoted = false;
  let content = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ";") return ";";
    else if (!quoted && (char === "\n" || char === "\r") && content) break;
    // trim() counts a byte-order mark as white space too.
    if (char.trim() !== "") content = true;
  }
  return ",";
}

/** The line of the quote that is still open at the end of a text (lines counted from 1, "\n" ends a line). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  for (const char of text) {
    if (char === "\n") line += 1;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) openedOn = line;
    }
  }
  return openedOn;
}

/**
 * A CSV syntax error as a problem that names its line and says how to fix it. A quote never
 * closed is named by the line it opens on, not the end of the file, where csv-parse notices it.
 */
function syntaxError(error: CsvError, text: string): SeriesError {
  const line = error.code === "CSV_QUOTE_NOT_CLOSED" ? unclosedQuoteLine(text) : (error as CsvError & { lines?: number }).lines;
  const place = line === undefined ? null : `line ${line}`;
  const fixes: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quote (") opens a field that never closes. Close the quote, or remove it',
    INVALID_OPENING_QUOTE: 'a quote (") stands inside a field. Put the whole field in quotes and double the quote inside it, or remove it',
    CSV_INVALID_CLOSING_QUOTE: 'text follows a quoted field before the next comma or semicolon. Put the whole field in quotes, or remove the quotes',
  };
  const what = fixes[error.code] ?? `the file cannot be read as CSV (${error.message})`;
  return new SeriesError([{ code: "csv", severity: "error", place, row: null, message: `${place ?? "The file"}: ${what}.` }]);
}

/**
 * Reads and checks a portfolio (many PCTs' counts in long form) a CSV file holds. Throws a
 * `SeriesError` naming each line that is wrong.
 *
 * @example readPortfolioCsv("pct,date,registered,gps,practices\nAshfield,2005-06-30,45,150,40\n").pcts[0].gps // 150
 */
export function readPortfolioCsv(text: string): Portfolio {
  return readPortfolio(csvGrid(text));
}
