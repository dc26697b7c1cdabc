/**
 * Reads a user's own adoption counts from a grid of cells into a checked series: the task pane
 * passes a worksheet range as Excel gives it, the command line a CSV file's fields.
 *
 * The rules:
 * - two columns: first the times (dates, or plain numbers such as months since the launch),
 *   then the cumulative counts (0 or more); columns with nothing in them are ignored;
 * - an optional header row: the first row with data, when its count is a text that is not a
 *   number and its time is not a date or number;
 * - rows blank in both columns are skipped; a row with only one of the two is an error;
 * - at least 4 and at most 10,000 points, all dates or all numbers, in rising order with no
 *   time twice;
 * - a count lower than the one before is a warning (real counts have the odd correction, and
 *   the fit tolerates it), not an error.
 *
 * Every problem names the cell ("Sheet1!B7") or line ("line 7") and says what to do; all the
 * errors found are reported together in one `SeriesError`.
 */
import { placeOf, type GridOrigin } from "./places";
import { SeriesError, type SeriesProblem, type SeriesProblemCode } from "./seriesProblems";
import { LAST_SERIAL } from "../excel/dates";
import { DATE_FORMS, describeDate, EXCEL_DATES, FIRST_SERIAL, readDateText, readNumberText } from "./textValues";
import { formatCount } from "../model/format";
import { getFormatDateInfo, isDateFormat } from "numfmt";

/** The fewest points a forecast takes: three fitted parameters and one degree of freedom. */
export const MIN_SERIES_POINTS = 4;
/** The most points a series may have. */
export const MAX_SERIES_POINTS = 10_000;
/** The most errors one read collects before it stops looking for more. */
const MAX_PROBLEMS = 100;

/**
 * A grid of cells to read a series from. `values` holds the cells row by row: as Excel's
 * `Range.values` gives them (numbers, date serials, texts, booleans, "" for a blank cell,
 * error texts such as "#N/A"), or a CSV file's fields (all texts). Rows may differ in length;
 * a cell past a row's end is blank.
 */
export interface SeriesGrid {
  readonly values: readonly (readonly unknown[])[];
  /** `Range.numberFormat` of the same cells, which tells a date serial from a number. */
  readonly numberFormat?: readonly (readonly unknown[])[];
  /** `Range.valueTypes` of the same cells, which tells an error from a text that looks like one. */
  readonly valueTypes?: readonly (readonly unknown[])[];
  readonly origin: GridOrigin;
}

/** Where one point's time and count are: two cells ("Sheet1!A7", "Sheet1!B7"), or one line twice. */
export interface PointPlace {
  readonly time: string;
  readonly count: string;
}

/** A checked series: times in rising order and their cumulative counts, and where each came from. */
export interface Series {
  /** Excel date serials when `timesAreDates`, else the numbers as given. */
  readonly times: readonly number[];
  readonly counts: readonly number[];
  readonly timesAreDates: boolean;
  /** The header row's two texts, or null when the data has no header row. */
  readonly header: { readonly time: string; readonly count: string } | null;
  /** The grid columns (counted from 0) the times and counts were read from. */
  readonly columns: { readonly time: number; readonly count: number };
  /** For each point, the grid row (counted from 0) it was read from. */
  readonly rows: readonly number[];
  /** For each point, where its time and count are, for messages. */
  readonly places: readonly PointPlace[];
  /** Counts lower than the one before: reported, not fatal. */
  readonly warnings: readonly SeriesProblem[];
}

/** A cell as read: its kind and value. */
export type Cell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "date"; readonly value: number }
  | { readonly kind: "text"; readonly text: string; readonly looksLike?: "number" | "date" }
  | { readonly kind: "bad-date"; readonly text: string; readonly problem: string }
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "other"; readonly text: string };

const BLANK: Cell = { kind: "blank" };

/** Excel's error values, as `Range.values` and CSV exports write them. */
const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/**
 * Reads and checks a series. Returns it with its warnings, or throws a `SeriesError` listing
 * every error found, each naming its cell or line.
 *
 * @example readSeries({ values: [["Month", "GPs"], [1, 12], [2, 23], [3, 44], [4, 78]], origin: { kind: "range", row: 1, column: 1 } })
 *   // { times: [1, 2, 3, 4], counts: [12, 23, 44, 78], timesAreDates: false, header: { time: "Month", count: "GPs" }, … }
 */
export function readSeries(grid: SeriesGrid): Series {
  const cells = grid.values.map((row, r) => Array.from(row, (value, c) => readCell(grid, r, c, value)));
  const problems = new ProblemList();
  const columns = dataColumns(cells, grid.origin, problems);
  if (!columns) throw problems.error();

  const place = (row: number, column: number) => placeOf(grid.origin, row, column);
  const cellAt = (row: number, column: number) => cells[row][column] ?? BLANK;
  const points = { times: [] as number[], counts: [] as number[], rows: [] as number[], places: [] as PointPlace[] };
  let header: Series["header"] = null;
  let timesAreDates: boolean | undefined;
  let firstTimePlace = "";
  let firstRowOfData = true;

  for (let row = 0; row < cells.length; row++) {
    const timeCell = cellAt(row, columns.time);
    const countCell = cellAt(row, columns.count);
    if (timeCell.kind === "blank" && countCell.kind === "blank") continue;
    const mayBeHeader = firstRowOfData;
    firstRowOfData = false;
    if (mayBeHeader && isHeader(timeCell, countCell)) {
      header = { time: cellText(timeCell), count: cellText(countCell) };
      continue;
    }
    const at: PointPlace = { time: place(row, columns.time), count: place(row, columns.count) };
    if (points.rows.length + problems.dataRows >= MAX_SERIES_POINTS) {
      problems.add("too-many", at.time, row, `${at.time}: more than ${formatCount(MAX_SERIES_POINTS)} rows of data; a forecast takes at most ${formatCount(MAX_SERIES_POINTS)}. Use fewer rows (monthly rather than daily counts, say).`);
      break;
    }
    const time = readTime(timeCell, countCell, at, row, problems);
    const count = readCount(countCell, timeCell, at, row, problems, grid.origin.kind === "range");
    if (time === undefined || count === undefined) {
      problems.dataRows += 1;
      continue;
    }
    const isDate = timeCell.kind === "date";
    if (timesAreDates === undefined) {
      timesAreDates = isDate;
      firstTimePlace = at.time;
    } else if (isDate !== timesAreDates) {
      const [these, those] = isDate ? ["a date", "numbers"] : ["a number", "dates"];
      problems.add("mixed-times", at.time, row, `${at.time}: ${isDate ? describeDate(time) : formatCount(time)} is ${these}, but the times from ${firstTimePlace} on are ${those}. Make all the times dates, or all numbers.`);
      problems.dataRows += 1;
      continue;
    }
    points.times.push(time);
    points.counts.push(count);
    points.rows.push(row);
    points.places.push(at);
  }

  const dates = timesAreDates ?? false;
  checkOrder(points, dates, problems);
  if (problems.isEmpty() && points.times.length < MIN_SERIES_POINTS) {
    problems.add("too-few", points.places[0]?.time ?? null, points.rows[0] ?? null, tooFewMessage(points.places, grid.origin.kind));
  }
  if (!problems.isEmpty()) throw problems.error();
  return { ...points, timesAreDates: dates, header, columns, warnings: fallingCounts(points, dates) };
}

/** The errors of one read, kept up to a limit, with a count of all of them. */
export class ProblemList {
  readonly kept: SeriesProblem[] = [];
  total = 0;
  /** Rows of data that had an error, for the row limit. */
  dataRows = 0;

  add(code: SeriesProblemCode, place: string | null, row: number | null, message: string): void {
    this.total += 1;
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ code, severity: "error", place, row, message });
  }

  isEmpty(): boolean {
    return this.total === 0;
  }

  error(): SeriesError {
    return new SeriesError(this.kept, this.total);
  }
}

/** One cell as read, by the rules of its origin: a worksheet's typed values, or a file's texts. */
export function readCell(grid: SeriesGrid, row: number, column: number, value: unknown): Cell {
  if (grid.origin.kind === "csv") return readField(value);
  if (value === null || value === undefined || value === "") return BLANK;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "other", text: "a value Excel cannot hold" };
    return isDateFormatted(grid.numberFormat?.[row]?.[column]) ? { kind: "date", value } : { kind: "number", value };
  }
  if (typeof value === "boolean") return { kind: "other", text: value ? "TRUE" : "FALSE" };
  if (typeof value !== "string") return { kind: "other", text: "an unknown value" };
  const valueType = grid.valueTypes?.[row]?.[column];
  if (valueType === "Error" || (valueType === undefined && EXCEL_ERRORS.has(value.trim()))) return { kind: "error", text: value };
  const date = readDateText(value);
  if (date && "serial" in date) return { kind: "text", text: value, looksLike: "date" };
  return { kind: "text", text: value, looksLike: readNumberText(value) === undefined ? undefined : "number" };
}

/** A CSV field: blank when only spaces, else a date, a number, an Excel error or a text. */
function readField(value: unknown): Cell {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return BLANK;
  if (EXCEL_ERRORS.has(text)) return { kind: "error", text };
  const date = readDateText(text);
  if (date) return "serial" in date ? { kind: "date", value: date.serial } : { kind: "bad-date", text, problem: date.problem };
  const number = readNumberText(text);
  return number === undefined ? { kind: "text", text } : { kind: "number", value: number };
}

/**
 * Whether a cell's number format shows a date: a format with a year or a day, or a month without
 * hours or seconds ("mm:ss" is minutes). A time of day alone is a number. A range has few
 * formats, so each is parsed once.
 */
function isDateFormatted(format: unknown): boolean {
  if (typeof format !== "string") return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    const info = isDateFormat(format) ? getFormatDateInfo(format) : undefined;
    known = info !== undefined && (info.year || info.day || (info.month && !info.hours && !info.seconds));
    DATE_FORMATS.set(format, known);
  }
  return known;
}

/** Number formats already parsed, and whether each shows a date. */
const DATE_FORMATS = new Map<string, boolean>();

/**
 * The two columns with data, as grid columns. Fewer or more than two is an error: none names
 * nothing, one or three name a cell to look at.
 */
function dataColumns(cells: readonly Cell[][], origin: GridOrigin, problems: ProblemList): Series["columns"] | undefined {
  const firstRowOf: number[] = [];
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.kind !== "blank" && firstRowOf[c] === undefined) firstRowOf[c] = r;
    }),
  );
  const used = firstRowOf.flatMap((row, column) => (row === undefined ? [] : [column]));
  const file = origin.kind === "csv";
  if (used.length === 0) {
    problems.add("columns", null, null, file ? "The file has no data: it needs two columns, the dates or times, then the counts." : "The selection is empty: select two columns, the dates or times, then the counts.");
  } else if (used.length === 1) {
    const row = firstRowOf[used[0]];
    const at = placeOf(origin, row, used[0]);
    const tab = file && cells.some((line) => line.some((cell) => "text" in cell && cell.text.includes("\t"))) ? " (tabs do not separate them)" : "";
    const fix = file ? `separate the date or time and the count on each line with a comma or a semicolon${tab}` : "select the column of dates or times and the column of counts";
    problems.add("columns", at, row, `${at}: the data has one column only; it needs two, the dates or times, then the counts. ${capitalise(fix)}.`);
  } else if (used.length > 2) {
    const column = used[2];
    const row = firstRowOf[column];
    const at = placeOf(origin, row, column);
    const fix = file ? "Keep two columns in the file" : "Select two columns only";
    problems.add("columns", at, row, `${at}: ${quote(cells[row][column])} is a third column of data. ${fix}: the dates or times, then the counts.`);
  } else {
    return { time: used[0], count: used[1] };
  }
  return undefined;
}

/** Whether a first row of data is a header: a count that is a plain text, beside a time that is a text or blank. */
function isHeader(time: Cell, count: Cell): boolean {
  return (time.kind === "blank" || time.kind === "text") && count.kind === "text" && count.looksLike === undefined;
}

/** The time of a row, or undefined after adding the problem with it. */
function readTime(cell: Cell, count: Cell, at: PointPlace, row: number, problems: ProblemList): number | undefined {
  switch (cell.kind) {
    case "number":
      return cell.value;
    case "date":
      if (cell.value >= FIRST_SERIAL && cell.value < LAST_SERIAL + 1) return cell.value;
      problems.add("not-a-date", at.time, row, `${at.time}: ${formatCount(cell.value)} is formatted as a date, but ${EXCEL_DATES}. Type the date again.`);
      return undefined;
    case "blank":
      problems.add("missing", at.time, row, `${at.time}: no date or time for the count ${describeCount(count)}. Type the date, or clear the row.`);
      return undefined;
    case "bad-date":
      problems.add("not-a-date", at.time, row, `${at.time}: cannot read the date "${cell.text}": ${cell.problem}.`);
      return undefined;
    default:
      problems.add(...valueProblem(cell, at.time, row, "date or time", `The first column holds the dates (${DATE_FORMS}) or times (numbers).`));
      return undefined;
  }
}

/** The count of a row, or undefined after adding the problem with it. */
function readCount(cell: Cell, time: Cell, at: PointPlace, row: number, problems: ProblemList, datesAreNumbers: boolean): number | undefined {
  // A worksheet cell formatted as a date still holds a number; a date written in a file is no count.
  if (cell.kind === "number" || (cell.kind === "date" && datesAreNumbers)) {
    if (cell.value >= 0) return cell.value;
    problems.add("negative", at.count, row, `${at.count}: the count ${formatCount(cell.value)} is negative. Counts are cumulative totals, 0 or more.`);
    return undefined;
  }
  if (cell.kind === "blank") {
    const when = time.kind === "date" || time.kind === "number" ? ` for ${describeTime(time.value, time.kind === "date")}` : "";
    problems.add("missing", at.count, row, `${at.count}: no count${when}. Type the count, or clear the row.`);
    return undefined;
  }
  const decimalComma = "text" in cell && /^\d+,\d{1,2}$/.test(cell.text.trim()) ? " (write decimals with a point: 1.5)" : "";
  problems.add(...valueProblem(cell, at.count, row, "count", `The second column holds the counts, numbers 0 or more${decimalComma}.`));
  return undefined;
}

/** The problem with a cell that is text, an error or another value where a number or date belongs. */
function valueProblem(cell: Cell, place: string, row: number, what: string, rule: string): [SeriesProblemCode, string, number, string] {
  if (cell.kind === "error") return ["error-value", place, row, `${place}: the ${what} is the error ${cell.text}. Correct that cell, or clear the row.`];
  if (cell.kind === "text" && cell.looksLike === "number") {
    return ["text-value", place, row, `${place}: the ${what} "${cell.text}" is a number stored as text, which formulas cannot use. Convert it to a number (select it, then the warning sign beside it, then Convert to Number).`];
  }
  if (cell.kind === "text" && cell.looksLike === "date") {
    return ["text-value", place, row, `${place}: the ${what} "${cell.text}" is a date stored as text, which formulas cannot use. Type it again as a date, or convert the column with Data > Text to Columns.`];
  }
  const code = what === "count" ? "not-a-number" : "not-a-date";
  const expected = what === "count" ? "a number" : "a date or a number";
  const wrong = cell.kind === "other" ? `the ${what} is ${cell.text}, not ${expected}` : `${quote(cell)} is not ${expected}`;
  return [code, place, row, `${place}: ${wrong}. ${rule}`];
}

/**
 * Adds an error for each time that is on an earlier row too, and for each time lower than the
 * one above it, saying whether sorting the rows would fix the order.
 */
function checkOrder(points: { times: number[]; places: PointPlace[]; rows: number[] }, dates: boolean, problems: ProblemList): void {
  const unit = dates ? "date" : "time";
  const seen = new Map<number, number>();
  const repeats = new Set<number>();
  points.times.forEach((time, i) => {
    const first = seen.get(time);
    if (first === undefined) {
      seen.set(time, i);
      return;
    }
    repeats.add(i);
    problems.add("repeated-time", points.places[i].time, points.rows[i], `${points.places[i].time}: ${describeTime(time, dates)} is also on ${points.places[first].time}. Keep one count per ${unit}.`);
  });
  const fix = repeats.size === 0 ? "which fixes this" : `and keep one count per ${unit}`;
  for (let i = 1; i < points.times.length; i++) {
    if (points.times[i] >= points.times[i - 1]) continue;
    const [place, before] = [points.places[i].time, points.places[i - 1].time];
    const message = `${place}: ${describeTime(points.times[i], dates)} comes after ${describeTime(points.times[i - 1], dates)} (${before}); the ${unit}s must rise down the column. Sort the rows by ${unit}, oldest first, ${fix}.`;
    problems.add("out-of-order", place, points.rows[i], message);
  }
}

/** A warning for each count lower than the one before it. */
function fallingCounts(points: { times: number[]; counts: number[]; places: PointPlace[]; rows: number[] }, dates: boolean): SeriesProblem[] {
  const warnings: SeriesProblem[] = [];
  for (let i = 1; i < points.counts.length; i++) {
    if (points.counts[i] >= points.counts[i - 1]) continue;
    const place = points.places[i].count;
    warnings.push({
      code: "falling",
      severity: "warning",
      place,
      row: points.rows[i],
      message: `${place}: the count ${formatCount(points.counts[i])} (${describeTime(points.times[i], dates)}) is lower than ${formatCount(points.counts[i - 1])} before it (${points.places[i - 1].count}). Cumulative counts should not fall: the fit allows the odd correction, but check it is not a typing error.`,
    });
  }
  return warnings;
}

/** The message for fewer than four points. */
function tooFewMessage(places: readonly PointPlace[], origin: GridOrigin["kind"]): string {
  const needs = `a forecast needs at least ${MIN_SERIES_POINTS} ${origin === "csv" ? "lines" : "rows"} of a time and a count.`;
  if (places.length === 0) return `The data has only a header row; ${needs}`;
  const span = places.length === 1 ? places[0].time : `${places[0].time} to ${places[places.length - 1].count}`;
  return `${places[0].time}: only ${places.length} point${places.length === 1 ? "" : "s"} (${span}); ${needs}`;
}

/** A time for a message: a date as "30 Jun 2005", a number as "time 7". */
function describeTime(time: number, isDate: boolean): string {
  return isDate ? describeDate(time) : `time ${formatCount(time)}`;
}

/** A count cell for a message: its number, or its text in quotes. */
function describeCount(cell: Cell): string {
  return cell.kind === "number" || cell.kind === "date" ? formatCount(cell.value) : quote(cell);
}

/** A cell's own text, for a header. */
function cellText(cell: Cell): string {
  return "text" in cell ? cell.text.trim() : "";
}

/** A cell's text in quotes (TRUE and FALSE without), shortened past 30 characters. */
function quote(cell: Cell): string {
  if (cell.kind === "number" || cell.kind === "date") return formatCount(cell.value);
  if (cell.kind === "blank") return "an empty cell";
  if (cell.kind === "other") return cell.text;
  const text = cell.text.length > 30 ? `${cell.text.slice(0, 30)}…` : cell.text;
  return `"${text}"`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
