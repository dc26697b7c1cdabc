/**
 * The workbook's date system. Excel counts dates from 1900, or from 1904 in a workbook set so
 * (File > Options > Advanced > "Use 1904 date system", or one from an old Mac): there the same
 * serial number is a date 1,462 days later. The add-in's own dates (the article's, the model's
 * inputs, a forecast's) are serials of the 1900 system, so the pane reads the workbook's system
 * in the round trip that reads the names in use (Excel's DATE(1904, 1, 2) is 1 or 1,463), writes
 * every number it formats as a date in that system, and reads the user's dates back into 1900's.
 * Formulas need nothing: DATE, EDATE and EOMONTH count in the workbook's own system.
 */
import { isDateFormat } from "numfmt";

/** The year a workbook counts its dates from. */
export type DateSystem = 1900 | 1904;

/** Days from 1 Jan 1900 to 1 Jan 1904 as Excel counts them: what a 1904 serial lacks. */
export const DAYS_FROM_1900_TO_1904 = 1_462;

/** Excel's DATE(1904, 1, 2) in each system. */
const SECOND_OF_1904: Readonly<Record<DateSystem, number>> = { 1904: 1, 1900: 1 + DAYS_FROM_1900_TO_1904 };

/**
 * Queues the read of the workbook's date system (ExcelApi 1.2's `Workbook.functions`); after the
 * context syncs, the function returned gives it, or null when Excel answered neither.
 */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem | null {
  const date = context.workbook.functions.date(1904, 1, 2);
  date.load("value");
  return () => (date.value === SECOND_OF_1904[1904] ? 1904 : date.value === SECOND_OF_1904[1900] ? 1900 : null);
}

/** Number formats already parsed, and whether each shows a date. */
const DATE_FORMATS = new Map<string, boolean>();

/** Whether a cell's number format shows a date (or a time of day). */
function showsDate(format: unknown): boolean {
  if (typeof format !== "string") return false;
  let known = DATE_FORMATS.get(format);
  if (known === undefined) DATE_FORMATS.set(format, (known = isDateFormat(format)));
  return known;
}

/**
 * A grid of cells with each number formatted as a date moved by `days`: −1,462 to write the
 * add-in's dates into a 1904 workbook, +1,462 to read a 1904 workbook's dates into 1900's. Any
 * other cell, and every cell of a 1900 workbook, stays as it is.
 *
 * @example shiftDates([[38533, 45]], [["d mmm yyyy", "#,##0"]], -1462) // [[37071, 45]]
 */
export function shiftDates<T>(cells: readonly (readonly T[])[], formats: readonly (readonly unknown[])[] | null | undefined, days: number): T[][] {
  return cells.map((row, r) => row.map((cell, c) => (typeof cell === "number" && showsDate(formats?.[r]?.[c]) ? ((cell + days) as T) : cell)));
}

/** The days to add to the add-in's 1900 serials to write them in `system`: 0 or −1,462. */
export function writeShift(system: DateSystem | null): number {
  return system === 1904 ? -DAYS_FROM_1900_TO_1904 : 0;
}
