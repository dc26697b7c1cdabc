/**
 * Where a value of a user's data came from, named so that the user can find it: a cell of a
 * worksheet ("B7", "Sheet1!B7", "'GP counts'!B7") or a line of a file ("line 7").
 */

/**
 * Where a grid of cells was read from:
 * - `range`: a worksheet range whose top-left cell is at `row`, `column` (counted from 1, as
 *   Excel counts them), on `sheet` if known;
 * - `csv`: a file, whose grid row i starts on line `lines[i]` (counted from 1).
 */
export type GridOrigin =
  | { readonly kind: "range"; readonly sheet?: string; readonly row: number; readonly column: number }
  | { readonly kind: "csv"; readonly lines: readonly number[] };

/** The letters of a column: 1 → "A", 26 → "Z", 27 → "AA". */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A sheet name as a reference writes it before the "!": as it is when Excel would accept it
 * so (letters, digits, underscores and points, not starting with a digit and not itself like a
 * cell reference), otherwise in apostrophes with any apostrophe doubled.
 *
 * @example sheetReference("Sheet1") // "Sheet1"
 * @example sheetReference("GP counts") // "'GP counts'"
 */
export function sheetReference(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^(R|C|RC|R\d+C\d+)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

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
