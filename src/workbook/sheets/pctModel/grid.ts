/**
 * The columns of the model sheet, FAST-style: every row keeps its label, value and unit in the
 * same columns, a note (an input's source, a check's message) in the wide column beside them,
 * and tables of several measures (the history, the scenarios) run on to the right. The monthly
 * timeline is on a sheet of its own (`timelineGrid.ts`), so that this sheet is only as wide as
 * an A4 landscape page at a readable scale.
 */
import { columnLetters } from "../../../excel/a1";
import type { ColumnWidthPlan } from "../../plan";

/** Column A: the label of each row. */
export const LABEL_COLUMN = 1;
/** Column B: a row's value (an input, a calculation or an output). */
export const VALUE_COLUMN = 2;
/** Column C: the unit of the row's value. */
export const UNIT_COLUMN = 3;
/** Column D: a note (an input's source, wrapped in its width), or a check's message. */
export const NOTE_COLUMN = 4;
/** Column E: a further measure where a table needs one (the scenarios' date reached). */
export const EXTRA_COLUMN = 5;
/** Columns F to K: the history's flags, one narrow column each. */
export const FLAG_COLUMNS = 6;
/** The last column the sheet uses: the last flag's. */
export const LAST_COLUMN = EXTRA_COLUMN + FLAG_COLUMNS;

/**
 * Widths in characters of the default font's digits. Labels, values and units as wide as their
 * texts; a note column wide enough that a quote wraps in three or four lines; the flags just wide
 * enough for their one-word headings. The sum (155.5) prints one A4 landscape page wide at about
 * 85% of full size (LibreOffice chooses 84.5%), where 11-point text prints at about 9.3 points.
 */
export const MODEL_WIDTHS: readonly number[] = [42, 12, 11, 46, 11.5, ...Array<number>(FLAG_COLUMNS).fill(5.5)];

/**
 * The width plan of a sheet whose columns from A have `widths`.
 *
 * @example columnWidths([42, 12]) // [{ column: "A", characters: 42 }, { column: "B", characters: 12 }]
 */
export function columnWidths(widths: readonly number[]): ColumnWidthPlan[] {
  return widths.map((characters, index) => ({ column: columnLetters(index + 1), characters }));
}
