/**
 * Where a value of a user's data came from, named so that the user can find it: a cell of a
 * worksheet ("B7", "Sheet1!B7", "'GP counts'!B7") or a line of a file ("line 7").
 */
import { columnLetters, sheetReference } from "../excel/a1";

/**
 * Where a grid of cells was read from:
 * - `range`: a worksheet range whose top-left cell is at `row`, `column` (counted from 1, as
 *   Excel counts them), on `sheet` if known;
 * - `csv`: a file, whose grid row i starts on line `lines[i]` (counted from 1).
 */
export type GridOrigin =
  | { readonly kind: "range"; readonly sheet?: string; readonly row: number; readonly column: number }
  | { readonly kind: "csv"; readonly lines: readonly number[] };

/**
 * The name of the cell at a grid's `row` and `column` (counted from 0): its A1 address, with
 * the sheet when known, or the line of the file it is on.
 *
 * @example placeOf({ kind: "range", sheet: "Sheet1", row: 2, column: 1 }, 5, 1) // "Sheet1!B7"
 * @example placeOf({ kind: "csv", lines: [1, 2, 4] }, 2, 1) // "line 4"
 */
export function placeOf(origin: GridOrigin, row: number, column: number): string {
  if (origin.kind === "csv") return `line ${origin.lines[row]}`;
  const address = `${columnLetters(origin.column + column)}${origin.row + row}`;
  return origin.sheet === undefined ? address : `${sheetReference(origin.sheet)}!${address}`;
}
