/**
 * Excel's A1 spelling, knowing nothing of the add-in: column letters, cell addresses, rectangles
 * of cells (boxes) and sheet names in references. Rows and columns are counted from 1, as Excel
 * counts them.
 */

/** The letters of a column: 1 → "A", 27 → "AA", 16384 → "XFD". */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The number of a column from its letters: "A" → 1, "AA" → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((sum, char) => sum * 26 + char.charCodeAt(0) - 64, 0);
}

/** A cell's A1 address, e.g. `cellAddress(4, 2)` → "B4". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A cell's row and column. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** The row and column of an A1 cell address such as "B4" or "$B$4". */
export function parseCell(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** The first and last cells of an address ("B4" is a range of one cell). */
export function parseRange(address: string): { readonly start: CellPosition; readonly end: CellPosition } {
  const [first, last = first] = address.split(":");
  return { start: parseCell(first), end: parseCell(last) };
}

/** An address made absolute, as defined names and charts want it: "B4:C9" → "$B$4:$C$9". */
export function absoluteAddress(address: string): string {
  return address
    .split(":")
    .map((cell) => {
      const { row, column } = parseCell(cell);
      return `$${columnLetters(column)}$${row}`;
    })
    .join(":");
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

/** Excel's last row and column (XFD). */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/** A rectangle of cells, corners included. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangle of "B2", "$B$2" or "B2:D9" (corners in any order); throws if it is off the sheet. */
export function box(address: string): Box {
  const { start, end } = parseRange(address);
  const result = {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
  if (result.top < 1 || result.left < 1 || result.bottom > LAST_ROW || result.right > LAST_COLUMN) {
    throw new Error(`${address} is outside the sheet.`);
  }
  return result;
}

/** The top-left and bottom-right cells of a rectangle, e.g. ["H2", "P20"]. */
export function corners(b: Box): [string, string] {
  return [cellAddress(b.top, b.left), cellAddress(b.bottom, b.right)];
}

/** The A1 text of a rectangle: "B2:D9", or "B2" for one cell. */
export function boxAddress(b: Box): string {
  const [start, end] = corners(b);
  return start === end ? start : `${start}:${end}`;
}

/** The number of rows and columns of a rectangle. */
export function boxSize(b: Box): { readonly rows: number; readonly columns: number } {
  return { rows: b.bottom - b.top + 1, columns: b.right - b.left + 1 };
}

/**
 * The full address of `rows` × `columns` cells written at `address`: either their top-left
 * cell, or the whole box, whose size must then match.
 *
 * @example spanAddress("A4", 3, 2) // "A4:B6"
 */
export function spanAddress(address: string, rows: number, columns: number): string {
  if (rows < 1 || columns < 1) throw new Error(`The range written at ${address} has no cells.`);
  const at = box(address);
  const size = boxSize(at);
  const isCell = size.rows === 1 && size.columns === 1;
  if (!isCell || rows * columns === 1) {
    if (size.rows !== rows || size.columns !== columns) {
      throw new Error(`The box ${address} is ${size.rows}×${size.columns} but has ${rows}×${columns} cells.`);
    }
    return boxAddress(at);
  }
  const span = { top: at.top, left: at.left, bottom: at.top + rows - 1, right: at.left + columns - 1 };
  if (span.bottom > LAST_ROW || span.right > LAST_COLUMN) throw new Error(`The range written at ${address} runs off the sheet.`);
  return boxAddress(span);
}
