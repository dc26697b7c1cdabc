/**
 * The columns of the model's timeline sheet, FAST-style: each line item's label and unit, then
 * one month a column, so that each line item is one row with one formula copied across.
 */
import { cellAddress } from "../../../excel/a1";

/** Column A: the label of each line item. */
export const TIMELINE_LABEL_COLUMN = 1;
/** Column B: the unit of its months' values. */
export const TIMELINE_UNIT_COLUMN = 2;
/** Column C: the first month of the timeline. */
export const TIMELINE_FIRST_COLUMN = 3;

/**
 * Months on the timeline: the default history's 10 months to its target date and six months
 * past it take 24; 36 leave room for a history of up to 24 monthly counts.
 */
export const TIMELINE_MONTHS = 36;
/** The timeline's last column. */
export const TIMELINE_LAST_COLUMN = TIMELINE_FIRST_COLUMN + TIMELINE_MONTHS - 1;

/**
 * Widths in characters: labels wrapped in two lines at most, short units, then months just wide
 * enough for "Sep", "2005", "35.0", a PCT's count of GPs and "#N/A", so that the 36 months print
 * one A4 landscape page wide (at 60% of full size: the months take the width).
 */
export const TIMELINE_WIDTHS: readonly number[] = [32, 7, ...Array<number>(TIMELINE_MONTHS).fill(5)];

/** The whole timeline span of a row, e.g. "C9:AL9". */
export function timelineRange(row: number): string {
  return `${cellAddress(row, TIMELINE_FIRST_COLUMN)}:${cellAddress(row, TIMELINE_LAST_COLUMN)}`;
}
