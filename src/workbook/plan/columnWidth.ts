import { PlanError } from "./planError";

/** Excel's widest column, in characters of the default font. */
const MAX_CHARACTERS = 255;

/** Refuses a column width Excel cannot show: it must be 0 to 255 characters. */
export function checkColumnWidth(characters: number): void {
  if (!Number.isFinite(characters) || characters < 0 || characters > MAX_CHARACTERS) {
    throw new PlanError(`A column width of ${characters} characters is outside Excel's 0 to ${MAX_CHARACTERS}.`);
  }
}

/**
 * The width in points of a column `characters` wide, as Office.js sets widths.
 *
 * Excel measures column widths in characters of the default font (Calibri 11: a digit is 7 px
 * wide at 96 dpi) and shows a column of N characters as N × 7 px plus 5 px of cell padding.
 * Office.js sets widths in points (0.75 pt per px at 96 dpi), so
 *
 *     points = (N × 7 + 5) × 0.75 = N × 5.25 + 3.75
 *
 * rounded to whole pixels (multiples of 0.75 pt) so Excel shows exactly that many characters.
 *
 * @example columnWidthPoints(12) // 66.75: 89 px, which Excel reports as a width of 12
 */
export function columnWidthPoints(characters: number): number {
  checkColumnWidth(characters);
  const pixels = Math.round(characters * 7 + (characters > 0 ? 5 : 0));
  return pixels * 0.75;
}
