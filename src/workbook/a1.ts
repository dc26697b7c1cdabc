/**
 * A1 addresses: the column letters and cell references a plan is written in.
 * Rows and columns are counted from 1, as Excel counts them.
 */

import { columnLetters } from "../data/places";

// The letters of a column live with the data readers, which name the cells they read.
export { columnLetters };

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

/** A sheet name as formulas quote it: 'CRS model' (apostrophes doubled). */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
