/**
 * The columns of the model sheet, FAST-style: every row keeps its label, value and unit in the
 * same columns, and the monthly timeline runs across the columns to their right, one month a
 * column, so that each line item of the timeline is one row with one formula copied across.
 */
import { columnLetters } from "../a1";
import type { ColumnWidthPlan } from "../plan";

/** Column A: the label of each row. */
export const LABEL_COLUMN = 1;
/** Column B: a row's value (an input, a calculation or an output). */
export const VALUE_COLUMN = 2;
/** Column C: the unit of the row's value. */
export const UNIT_COLUMN = 3;
/** Column D: a note (an input's source), or a check's message; long texts run on to the right. */
export const NOTE_COLUMN = 4;
/** Column E: a fourth measure where a table needs one (the scenarios' date reached). */
export const EXTRA_COLUMN = 5;
/** Column F: the first month of the timeline. */
export const TIMELINE_FIRST_COLUMN = 6;

/**
 * Months on the timeline: the default history's 10 months to its target date and six months
 * past it take 24; 36 leave room for a history of up to 24 monthly counts.
 */
export const TIMELINE_MONTHS = 36;
/** The timeline's last column. */
export const TIMELINE_LAST_COLUMN = TIMELINE_FIRST_COLUMN + TIMELINE_MONTHS - 1;

/**
 * Widths in characters: labels, values, units, two more measures, then narrow months, just wide
 * enough for "Sep", "2005", "150", "#N/A" and a flag's one-word heading, so that the sheet
 * prints one A4 page wide at about half size.
 */
const FIXED_WIDTHS = [42, 12, 11, 11, 11.5] as const;
const TIMELINE_COLUMN_WIDTH = 5;

/** The width of every column the sheet uses. */
export function columnWidths(): ColumnWidthPlan[] {
  const fixed = FIXED_WIDTHS.map((characters, index) => ({ column: columnLetters(index + 1), characters }));
  const months = Array.from({ length: TIMELINE_MONTHS }, (_, index) => ({
    column: columnLetters(TIMELINE_FIRST_COLUMN + index),
    characters: TIMELINE_COLUMN_WIDTH,
  }));
  return [...fixed, ...months];
}

/** The width in characters of a column of the sheet. */
export function widthOf(column: number): number {
  return column < TIMELINE_FIRST_COLUMN ? FIXED_WIDTHS[column - 1] : TIMELINE_COLUMN_WIDTH;
}
