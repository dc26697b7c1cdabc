/**
 * Reads many PCTs' counts at once from a table in long form, one row per PCT and count date,
 * for the portfolio: the task pane passes a worksheet range as Excel gives it, the command line a
 * CSV file's fields (`readPortfolioCsv`).
 *
 * The rules:
 * - a header row first, naming the columns `pct`, `date`, `registered`, `gps` and `practices` in
 *   any case and any order (other columns are ignored);
 * - on each row a PCT's name, the date of a count (a real date) and the GPs registered by then
 *   (cumulative, 0 or more); a row may instead give only a PCT's `gps` and `practices`, with no
 *   date and no count;
 * - `gps` (above 0) and `practices` (0 or more) on at least one row of each PCT, the same
 *   wherever repeated;
 * - one count per PCT and date; the rows of a PCT need not be together or in date order;
 * - rows blank throughout are skipped; at most 250,000 rows.
 *
 * Every problem names its cell ("Sheet1!C7") or line and column ("line 7, registered") and says
 * what to do; all the errors found are reported together in one `SeriesError`. A count lower than
 * the one before it is a warning, as in a single series.
 */
import { formatCount } from "../model/format";
import { placeOf } from "./places";
import { ProblemList, readCell, type Cell, type SeriesGrid } from "./series";
import { SeriesError, type SeriesProblem } from "./seriesProblems";
import { DATE_FORMS, describeDate, EXCEL_DATES, FIRST_SERIAL } from "./textValues";
import { LAST_SERIAL } from "../excel/dates";

/** The columns a portfolio needs, as its header names them (any case). */
export const PORTFOLIO_COLUMNS = ["pct", "date", "registered", "gps", "practices"] as const;
export type PortfolioColumn = (typeof PORTFOLIO_COLUMNS)[number];

/** The most rows of data a portfolio may have: some 8,000 practices with three years of months. */
export const MAX_PORTFOLIO_ROWS = 250_000;

/** One dated count of a PCT, and where it was read from. */
export interface PortfolioCount {
  /** An Excel date serial. */
  readonly date: number;
  /** GPs registered by then (cumulative). */
  readonly registered: number;
  /** The cell or line of the count, for messages. */
  readonly place: string;
  /** The grid row (counted from 0) it was read from. */
  readonly row: number;
}

/** One PCT: its name, size, and counts in date order. */
export interface PortfolioPct {
  readonly name: string;
  readonly gps: number;
  readonly practices: number;
  /** Oldest first; none when its rows give only its totals. */
  readonly counts: readonly PortfolioCount[];
  /** The cell or line of its first row, for messages. */
  readonly place: string;
}

/** A checked portfolio: its PCTs in the order they first appear, and the warnings found. */
export interface Portfolio {
  readonly pcts: readonly PortfolioPct[];
  /** Counts lower than the one before them: reported, not fatal. */
  readonly warnings: readonly SeriesProblem[];
}

/** A PCT as its rows are read. */
interface PctRows {
  readonly name: string;
  readonly place: string;
  gps?: { value: number; place: string };
  practices?: { value: number; place: string };
  /** Columns a row gave a value for that was not valid (already reported). */
  readonly invalid: Set<"gps" | "practices">;
  readonly counts: PortfolioCount[];
}

/**
 * Reads and checks a portfolio. Returns it with its warnings, or throws a `SeriesError` listing
 * every error found, each naming its cell or line.
 *
 * @example readPortfolio({ values: [["PCT", "Date", "Registered", "GPs", "Practices"], ["Ashfield", "2005-06-30", "45", "150", "40"]], origin: { kind: "csv", lines: [1, 2] } })
 *   // { pcts: [{ name: "Ashfield", gps: 150, practices: 40, counts: [{ date: 38533, registered: 45, place: "line 2, registered" }], place: "line 2" }], warnings: [] }
 */
export function readPortfolio(grid: SeriesGrid): Portfolio {
  const problems = new ProblemList();
  const cellAt = (row: number, column: number): Cell => {
    const values = grid.values[row];
    return column < values.length ? readCell(grid, row, column, values[column]) : { kind: "blank" };
  };
  const isBlankRow = (row: number): boolean => grid.values[row].every((_, column) => cellAt(row, column).kind === "blank");
  let headerRow = 0;
  // The header is the first row with anything in it; after it, a row is blank when its five columns are.
  while (headerRow < grid.values.length && isBlankRow(headerRow)) headerRow += 1;
  const columns = headerColumns(grid, headerRow, cellAt, problems);
  if (!columns) throw inRowOrder(problems);

  const placeAt = (row: number, column: PortfolioColumn): string => {
    const at = placeOf(grid.origin, row, columns[column]);
    return grid.origin.kind === "csv" ? `${at}, ${column}` : at;
  };
  const pcts = new Map<string, PctRows>();
  let dataRows = 0;
  for (let row = headerRow + 1; row < grid.values.length; row++) {
    const cells = {} as Record<PortfolioColumn, Cell>;
    let blank = true;
    for (const column of PORTFOLIO_COLUMNS) {
      cells[column] = cellAt(row, columns[column]);
      if (cells[column].kind !== "blank") blank = false;
    }
    if (blank) continue;
    dataRows += 1;
    if (dataRows > MAX_PORTFOLIO_ROWS) {
      problems.add("too-many", placeOf(grid.origin, row, 0), row, `${placeOf(grid.origin, row, 0)}: more than ${formatCount(MAX_PORTFOLIO_ROWS)} rows of data; a portfolio takes at most ${formatCount(MAX_PORTFOLIO_ROWS)}. Split it by region.`);
      break;
    }
    // Places are named only when a message or a count needs them: most rows need one.
    const at = (column: PortfolioColumn): string => placeAt(row, column);
    const name = readName(cells.pct, () => at("pct"), row, problems);
    const gps = readTotal(cells.gps, () => at("gps"), row, "gps", problems);
    const practices = readTotal(cells.practices, () => at("practices"), row, "practices", problems);
    const onlyTotals = cells.date.kind === "blank" && cells.registered.kind === "blank";
    const count = onlyTotals ? undefined : readCount(cells, at, row, grid.origin.kind === "range", problems);
    if (name === undefined) continue;
    let pct = pcts.get(name);
    if (!pct) {
      pct = { name, place: placeOf(grid.origin, row, columns.pct), counts: [], invalid: new Set() };
      pcts.set(name, pct);
    }
    if (onlyTotals && gps === null && practices === null) {
      problems.add("missing", at("date"), row, `${at("date")}: the row of ${name} has no date, count, GPs or practices. Complete it, or clear the row.`);
    }
    agree(pct, "gps", gps, () => at("gps"), row, problems);
    agree(pct, "practices", practices, () => at("practices"), row, problems);
    if (count) pct.counts.push(count);
  }
  if (problems.isEmpty() && pcts.size === 0) {
    problems.add("too-few", null, null, `${grid.origin.kind === "csv" ? "The file" : "The selection"} has a header row but no rows of data: add a row per PCT and count date.`);
  }
  const result: PortfolioPct[] = [];
  const warnings: SeriesProblem[] = [];
  for (const pct of pcts.values()) {
    if (!pct.gps || !pct.practices) {
      const missing = (["gps", "practices"] as const).filter((column) => !pct[column] && !pct.invalid.has(column)).join(" and ");
      if (missing) problems.add("totals", pct.place, null, `${pct.place}: ${pct.name} has no ${missing} on any of its rows. Give the PCT's ${missing} on at least one of its rows.`);
      continue;
    }
    const counts = [...pct.counts].sort((a, b) => a.date - b.date);
    for (let i = 1; i < counts.length; i++) {
      if (counts[i].date === counts[i - 1].date) {
        const [first, second] = [counts[i - 1], counts[i]].sort((a, b) => a.row - b.row);
        problems.add("repeated-time", second.place, second.row, `${second.place}: ${pct.name} has a count for ${describeDate(counts[i].date)} on ${first.place} too. Keep one count per PCT and date.`);
      } else if (counts[i].registered < counts[i - 1].registered) {
        warnings.push({
          code: "falling",
          severity: "warning",
          place: counts[i].place,
          row: counts[i].row,
          message: `${counts[i].place}: ${pct.name}'s count ${formatCount(counts[i].registered)} (${describeDate(counts[i].date)}) is lower than ${formatCount(counts[i - 1].registered)} before it (${counts[i - 1].place}). Cumulative counts should not fall: check it is not a typing error.`,
        });
      }
    }
    result.push({ name: pct.name, gps: pct.gps.value, practices: pct.practices.value, counts, place: pct.place });
  }
  if (!problems.isEmpty()) throw inRowOrder(problems);
  return { pcts: result, warnings };
}

/** The errors of a read in the order of their rows (those about no one row last). */
function inRowOrder(problems: ProblemList): SeriesError {
  const { kept, total } = problems;
  const order = (problem: SeriesProblem): number => problem.row ?? Infinity;
  return new SeriesError([...kept].sort((a, b) => order(a) - order(b)), total);
}

/** The grid column of each needed header, or undefined after adding the problems with the header row. */
function headerColumns(
  grid: SeriesGrid,
  row: number,
  cellAt: (row: number, column: number) => Cell,
  problems: ProblemList,
): Record<PortfolioColumn, number> | undefined {
  const wanted = PORTFOLIO_COLUMNS.join(", ");
  if (row >= grid.values.length) {
    const what = grid.origin.kind === "csv" ? "The file has no data" : "The selection is empty";
    problems.add("columns", null, null, `${what}: it needs a header row naming the columns ${wanted}, then a row per PCT and count date.`);
    return undefined;
  }
  const found = new Map<string, number>();
  grid.values[row].forEach((_, column) => {
    const cell = cellAt(row, column);
    const text = "text" in cell ? cell.text.trim().toLowerCase() : "";
    if (!(PORTFOLIO_COLUMNS as readonly string[]).includes(text)) return;
    const first = found.get(text);
    if (first === undefined) found.set(text, column);
    else {
      const at = placeOf(grid.origin, row, column);
      problems.add("header", at, row, `${at}: the header names the column ${text} twice (${placeOf(grid.origin, row, first)} too). Name each column once.`);
    }
  });
  const missing = PORTFOLIO_COLUMNS.filter((column) => !found.has(column));
  const at = placeOf(grid.origin, row, 0);
  if (found.size === 0) {
    problems.add("header", at, row, `${at}: the first row is not a header: it names none of the columns. Add a first row naming the columns ${wanted}, in any order.`);
  } else if (missing.length > 0) {
    const list = missing.length === 1 ? `column ${missing[0]}` : `columns ${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    problems.add("header", at, row, `${at}: the header row has no ${list}. The first row names the columns ${wanted}, in any order.`);
  }
  if (!problems.isEmpty()) return undefined;
  return Object.fromEntries(found) as Record<PortfolioColumn, number>;
}

/** A PCT's name: a text or number, trimmed. */
function readName(cell: Cell, place: () => string, row: number, problems: ProblemList): string | undefined {
  if (cell.kind === "text" || cell.kind === "bad-date") return cell.text.trim();
  if (cell.kind === "number") return String(cell.value);
  const at = place();
  if (cell.kind === "blank") problems.add("missing", at, row, `${at}: no PCT named on this row. Name the PCT, or clear the row.`);
  else problems.add("not-a-number", at, row, `${at}: ${cell.kind === "date" ? `the PCT's name is the date ${describeDate(cell.value)}` : notA(cell, "the PCT's name", "a name")}. Name the PCT.`);
  return undefined;
}

/** A PCT's GPs or practices on a row: a number, null when blank, undefined after adding its problem. */
function readTotal(cell: Cell, place: () => string, row: number, column: "gps" | "practices", problems: ProblemList): number | null | undefined {
  if (cell.kind === "blank") return null;
  // GPs may be counted as full-time equivalents (40.5); a practice is whole.
  if (cell.kind === "number" && (column === "gps" ? cell.value > 0 : cell.value >= 0 && Number.isInteger(cell.value))) return cell.value;
  const at = place();
  const rule = column === "gps" ? "a number above 0" : "a whole number, 0 or more";
  if (cell.kind !== "number") {
    problems.add("totals", at, row, `${at}: ${notA(cell, `the ${column}`, "a number")}. The PCT's ${column} is ${rule}.`);
    return undefined;
  }
  problems.add("totals", at, row, `${at}: the ${column} ${formatCount(cell.value)} is not ${rule}. Correct it.`);
  return undefined;
}

/** Records a PCT's GPs or practices read at `at`, or the problem that they differ from an earlier row's. */
function agree(pct: PctRows, column: "gps" | "practices", value: number | null | undefined, place: () => string, row: number, problems: ProblemList): void {
  if (value === undefined) pct.invalid.add(column);
  if (value === null || value === undefined) return;
  const known = pct[column];
  if (!known) pct[column] = { value, place: place() };
  else if (known.value !== value) {
    const at = place();
    problems.add("totals", at, row, `${at}: ${pct.name}'s ${column} is ${formatCount(value)} here but ${formatCount(known.value)} at ${known.place}. A PCT's ${column} must be the same on every row that gives it.`);
  }
}

/** The count of a row, or undefined after adding the problems with its date and count. */
function readCount(
  cells: Record<PortfolioColumn, Cell>,
  at: (column: PortfolioColumn) => string,
  row: number,
  fromRange: boolean,
  problems: ProblemList,
): PortfolioCount | undefined {
  const date = readDate(cells.date, at("date"), row, problems);
  const registered = readRegistered(cells.registered, at("registered"), row, fromRange, problems);
  if (date === undefined || registered === undefined) return undefined;
  return { date, registered, place: at("registered"), row };
}

/** The date of a count, or undefined after adding its problem. */
function readDate(cell: Cell, at: string, row: number, problems: ProblemList): number | undefined {
  switch (cell.kind) {
    case "date":
      if (cell.value >= FIRST_SERIAL && cell.value < LAST_SERIAL + 1) return Math.floor(cell.value);
      problems.add("not-a-date", at, row, `${at}: ${formatCount(cell.value)} is formatted as a date, but ${EXCEL_DATES}. Type the date again.`);
      return undefined;
    case "blank":
      problems.add("missing", at, row, `${at}: no date for the count. Type the date, or clear the row.`);
      return undefined;
    case "bad-date":
      problems.add("not-a-date", at, row, `${at}: cannot read the date "${cell.text}": ${cell.problem}.`);
      return undefined;
    case "number":
      problems.add("not-a-date", at, row, `${at}: ${formatCount(cell.value)} is a number, not a date. Give the date of the count (${DATE_FORMS}${cell.value > FIRST_SERIAL ? ", or format the column as dates" : ""}).`);
      return undefined;
    default:
      problems.add("not-a-date", at, row, `${at}: ${notA(cell, "the date", "a date")}. Give the date of the count (${DATE_FORMS}).`);
      return undefined;
  }
}

/**
 * The GPs registered on a row, or undefined after adding its problem. A worksheet cell formatted
 * as a date still holds a number; a date written in a file is no count.
 */
function readRegistered(cell: Cell, at: string, row: number, fromRange: boolean, problems: ProblemList): number | undefined {
  if (cell.kind === "number" || (cell.kind === "date" && fromRange)) {
    if (cell.value >= 0 && Number.isInteger(cell.value)) return cell.value;
    if (cell.value >= 0) {
      problems.add("not-a-number", at, row, `${at}: the count ${formatCount(cell.value)} is not a whole number. Counts are cumulative GPs registered, whole GPs.`);
    } else {
      problems.add("negative", at, row, `${at}: the count ${formatCount(cell.value)} is negative. Counts are cumulative GPs registered, 0 or more.`);
    }
    return undefined;
  }
  if (cell.kind === "blank") {
    problems.add("missing", at, row, `${at}: no count of GPs registered. Type the count, or clear the row.`);
    return undefined;
  }
  problems.add("not-a-number", at, row, `${at}: ${notA(cell, "the count", "a number")}. The registered column holds cumulative GPs registered, 0 or more.`);
  return undefined;
}

/**
 * What is wrong with a cell that is not what its column holds: "the count "abc" is not a number",
 * "the count is the error #N/A", "the count "1,234" is a number stored as text, which formulas
 * cannot use".
 */
function notA(cell: Cell, what: string, expected: string): string {
  switch (cell.kind) {
    case "error":
      return `${what} is the error ${cell.text}`;
    case "other":
      return `${what} is ${cell.text}, not ${expected}`;
    case "number":
    case "date":
      return `${what} ${formatCount(cell.value)} is not ${expected}`;
    case "blank":
      return `${what} is missing`;
    default: {
      const text = cell.text.length > 30 ? `${cell.text.slice(0, 30)}…` : cell.text;
      const stored = "looksLike" in cell && cell.looksLike ? ` is a ${cell.looksLike} stored as text, which formulas cannot use (convert it)` : ` is not ${expected}`;
      return `${what} "${text}"${stored}`;
    }
  }
}
