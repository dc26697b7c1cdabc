/**
 * Where the counts of a forecast sheet come from, and how the sheet's formulas refer to them:
 *
 * - a worksheet range: each count linked cell by cell (=Sheet1!A2), and the fits taking the
 *   range from its first count down to the empty rows found below it, so that counts typed there
 *   flow into the fits;
 * - an Excel table: the same links, and the fits taking the table's columns by structured
 *   reference (Table1[Date]), so that the sheet follows the table as it grows;
 * - a file: the counts written as values on the sheet itself, which the formulas then take.
 */
import type { Series } from "../../../data/series";
import { columnLetters, sheetReference, cellAddress, box } from "../../../excel/a1";

/** Counts on a worksheet, in a plain range. */
export interface RangeSource {
  readonly kind: "range";
  readonly sheet: string;
  /** The range read, whose top-left cell is grid cell (0, 0) of the series, e.g. "A1:B40". */
  readonly address: string;
  /** Empty rows found right below the range: the fits reach down over them too. */
  readonly spareRows: number;
}

/** Counts in an Excel table, which the fits take by its columns. */
export interface TableSource {
  readonly kind: "table";
  readonly sheet: string;
  readonly table: string;
  /**
   * The range read, whose top-left cell is grid cell (0, 0) of the series: the table's data
   * body, or a selection of the table from its header row.
   */
  readonly address: string;
  /** The table's name of each column of the range read, from its first ("" for one not in the table). */
  readonly columns: readonly string[];
}

/** Counts read from a file, written on the sheet as values. */
export interface FileSource {
  readonly kind: "file";
  /** The file's name as the user gave it, for the sheet's note. */
  readonly name: string;
}

/** Counts on a worksheet, which a live (CRS) sheet links to. */
export type WorksheetSource = RangeSource | TableSource;

export type ForecastSource = WorksheetSource | FileSource;

/** The times and counts as ranges a formula takes, e.g. "Sheet1!$A$2:$A$64" or "Table1[Date]". */
export interface SeriesRanges {
  readonly times: string;
  readonly counts: string;
}

/** The top-left cell of a worksheet source's range. */
function origin(source: WorksheetSource): { row: number; column: number } {
  const { top, left } = box(source.address);
  return { row: top, column: left };
}

/**
 * The cell of each point's time and count on the source sheet, with the sheet, as a link to it
 * is written: "Sheet1!A7" or "'GP counts'!A7".
 *
 * @example sourceCells(series, { kind: "range", sheet: "Sheet1", address: "A1:B5", spareRows: 0 })[0] // { time: "Sheet1!A2", count: "Sheet1!B2" }
 */
export function sourceCells(series: Series, source: WorksheetSource): { time: string; count: string }[] {
  const { row, column } = origin(source);
  const sheet = sheetReference(source.sheet);
  return series.rows.map((gridRow) => ({
    time: `${sheet}!${cellAddress(row + gridRow, column + series.columns.time)}`,
    count: `${sheet}!${cellAddress(row + gridRow, column + series.columns.count)}`,
  }));
}

/**
 * The times and counts as the fits take them. A range: from the first count's row to the last
 * row read plus the spare rows below, absolute, so that blank rows (which the fits skip) can take
 * new counts. A table: its two columns by structured reference.
 */
export function seriesRanges(series: Series, source: WorksheetSource): SeriesRanges {
  if (source.kind === "table") {
    return {
      times: structuredReference(source.table, source.columns[series.columns.time]),
      counts: structuredReference(source.table, source.columns[series.columns.count]),
    };
  }
  const read = box(source.address);
  const first = read.top + series.rows[0];
  const last = read.bottom + source.spareRows;
  const sheet = sheetReference(source.sheet);
  const column = (offset: number): string => {
    const letters = columnLetters(read.left + offset);
    return `${sheet}!$${letters}$${first}:$${letters}$${last}`;
  };
  return { times: column(series.columns.time), counts: column(series.columns.count) };
}

/**
 * A structured reference to a table's column: the column's name in brackets, with the
 * characters Excel reserves there (' # [ ]) escaped by an apostrophe.
 *
 * @example structuredReference("Table1", "GPs [registered]") // "Table1[GPs '[registered']]"
 */
export function structuredReference(table: string, column: string): string {
  return `${table}[${column.replace(/['#[\]]/g, "'$&")}]`;
}

/** The source as the sheet's note names it: "Sheet1!A1:B40", "table Table1 (Sheet1!A2:B40)", "gps.csv". */
export function describeSource(source: ForecastSource): string {
  switch (source.kind) {
    case "range":
      return `${sheetReference(source.sheet)}!${source.address}`;
    case "table":
      return `table ${source.table} (${sheetReference(source.sheet)}!${source.address})`;
    case "file":
      return source.name;
  }
}

/** The rows below a range source that the fits take in, e.g. "Sheet1!A41:B64", or null if none. */
export function spareRowsAddress(source: RangeSource): string | null {
  if (source.spareRows === 0) return null;
  const read = box(source.address);
  return `${sheetReference(source.sheet)}!${cellAddress(read.bottom + 1, read.left)}:${cellAddress(read.bottom + source.spareRows, read.right)}`;
}
