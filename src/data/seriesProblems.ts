/**
 * What can be wrong with a user's series of counts, as typed records that the task pane shows
 * and the command line prints: each names the cell or line it is about, says what is wrong and
 * what to do.
 */

/**
 * The kinds of problem:
 * - `columns`: not exactly two columns with data (or none at all);
 * - `csv`: a file the CSV reader cannot split (an unclosed quote, say);
 * - `not-a-number`, `not-a-date`: a cell that cannot be read as a count, or as a time;
 * - `text-value`: a worksheet cell holding a number or date as text, which formulas cannot use;
 * - `error-value`: a worksheet cell holding an Excel error such as #N/A;
 * - `missing`: a row with a time but no count, or a count but no time;
 * - `negative`: a negative count;
 * - `mixed-times`: dates and plain numbers among the times;
 * - `repeated-time`: the same time on two rows;
 * - `out-of-order`: a time earlier than the one above it;
 * - `too-few`: fewer than four points; `too-many`: more than 10,000;
 * - `falling` (a warning): a count lower than the one before;
 * - `header`: a portfolio's header row lacks a column, or names one twice;
 * - `totals`: a PCT's GPs or practices missing, invalid, or different on two of its rows.
 */
export type SeriesProblemCode =
  | "columns"
  | "csv"
  | "not-a-number"
  | "not-a-date"
  | "text-value"
  | "error-value"
  | "missing"
  | "negative"
  | "mixed-times"
  | "repeated-time"
  | "out-of-order"
  | "too-few"
  | "too-many"
  | "falling"
  | "header"
  | "totals";

/** One problem: an error stops the series being used; a warning is reported and the series used. */
export interface SeriesProblem {
  readonly code: SeriesProblemCode;
  readonly severity: "error" | "warning";
  /** The cell ("Sheet1!B7") or line ("line 7") it is about, or null when it is about the whole series. */
  readonly place: string | null;
  /** The grid row (counted from 0) it is about, or null. */
  readonly row: number | null;
  /** A full sentence for the user, starting with the place: what is wrong and what to do. */
  readonly message: string;
}

/** How many problems an error's message lists before it says how many more there are. */
const LISTED_PROBLEMS = 10;

/**
 * The error of a series that cannot be used. It carries every problem found (up to a limit),
 * and its message lists the first ten, one a line, so that a command can print it as it is.
 */
export class SeriesError extends Error {
  constructor(
    readonly problems: readonly SeriesProblem[],
    /** How many errors there were in all, when more were found than `problems` keeps. */
    readonly total = problems.length,
  ) {
    super(describeProblems(problems, total));
    this.name = "SeriesError";
  }
}

/** The problems as lines of text: the first ten, then how many more there are. */
function describeProblems(problems: readonly SeriesProblem[], total = problems.length): string {
  const lines = problems.slice(0, LISTED_PROBLEMS).map((problem) => problem.message);
  const more = total - lines.length;
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? "" : "s"} like these.`);
  return lines.join("\n");
}
