/**
 * Rectangles of cells on a sheet, on top of the A1 helpers of the plans: where a block of cells
 * lands, how big a range is, and whether an address fits on an Excel sheet at all.
 * Rows and columns count from 1, as in `a1.ts`.
 */
import { cellAddress, parseRange } from "./a1";

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
 * The full address of a block of `rows` × `columns` cells written at `address`: either the
 * block's top-left cell, or the whole block, whose size must then match.
 */
export function blockAddress(address: string, rows: number, columns: number): string {
  if (rows < 1 || columns < 1) throw new Error(`The block at ${address} has no cells.`);
  const at = box(address);
  const size = boxSize(at);
  const isCell = size.rows === 1 && size.columns === 1;
  if (!isCell || rows * columns === 1) {
    if (size.rows !== rows || size.columns !== columns) {
      throw new Error(`The block at ${address} is ${size.rows}×${size.columns} but has ${rows}×${columns} cells.`);
    }
    return boxAddress(at);
  }
  const block = { top: at.top, left: at.left, bottom: at.top + rows - 1, right: at.left + columns - 1 };
  if (block.bottom > LAST_ROW || block.right > LAST_COLUMN) throw new Error(`The block at ${address} runs off the sheet.`);
  return boxAddress(block);
}
