/**
 * The one walk over a range of a plan: where each cell of a `RangeWrite` lands and what it
 * receives (its input, formula, number format and style). The Office.js adapter writes the
 * range view (one 2D array per range, one request), the .xlsx writer and the tests read the
 * cell view; both come from this walk, so every writer puts the same thing in the same cell.
 */
import { cellAddress, spanAddress, box } from "../../excel/a1";
import type { Cell, CellStyle, RangeWrite } from "./plan";
import { PlanError } from "./planError";

/** What `Range.formulas` receives for a cell: a formula with its "=", a literal, or "" for none. */
export type CellInput = string | number | boolean;

/** One cell a range writes. */
export interface PlannedCell {
  /** Its A1 address on the sheet, e.g. "B4". */
  readonly address: string;
  /** Its row and column on the sheet, counted from 1. */
  readonly row: number;
  readonly column: number;
  /** The cell as planned: a literal or a formula. */
  readonly value: Cell;
  /** The formula with its leading "=", or null for a literal. */
  readonly formula: string | null;
  /** What Excel is given to type into the cell (texts Excel would convert carry the text prefix). */
  readonly input: CellInput;
  /** The cell's number format, or null to leave it General. */
  readonly numberFormat: string | null;
  readonly style: CellStyle | undefined;
}

/** A range of a plan walked: the whole range at once, and cell by cell. */
export interface RangeCells {
  /** The range's full address, e.g. "A4:C9" (or "A4" for one cell). */
  readonly address: string;
  readonly rows: number;
  readonly columns: number;
  /** One input per cell, row by row: what `Range.formulas` receives in a single request. */
  readonly inputs: CellInput[][];
  /** One number format per cell ("General" where none is planned), or null if the range sets none. */
  readonly numberFormats: string[][] | null;
  readonly style: CellStyle | undefined;
  /** Every cell, row by row. */
  readonly cells: readonly PlannedCell[];
}

/**
 * Whether a text would be read by Excel as something other than text when typed into a cell:
 * a formula (=, +, -, @), an error (#N/A), a number, date, time, percentage or amount (anything
 * with a digit, such as "Aug 2005" or "30%"), or a logical value. Such a text is written with
 * Excel's text prefix, an apostrophe, which Excel keeps out of the cell's value.
 *
 * @example needsTextPrefix("Aug 2005") // true
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return /^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** A formula as Excel takes it: trimmed, with its leading "=". */
function normalisedFormula(formula: string): string {
  const trimmed = formula.trim();
  return trimmed.startsWith("=") ? trimmed : `=${trimmed}`;
}

/**
 * What `Range.formulas` receives for one planned cell: formulas with their "=", numbers and
 * logical values as they are, texts kept text, nothing as "". Throws a PlanError for a number
 * a cell cannot hold (NaN, ±Infinity).
 *
 * @example cellInput("30%") // "'30%"
 */
export function cellInput(cell: Cell): CellInput {
  if (cell === null) return "";
  if (typeof cell === "object") return normalisedFormula(cell.formula);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new PlanError(`A cell cannot hold ${cell}.`);
    return cell;
  }
  if (typeof cell === "string") return needsTextPrefix(cell) ? `'${cell}` : cell;
  return cell;
}

/** The planned number format of the cell at (r, c) of a range, or null. */
function formatAt(write: RangeWrite, r: number, c: number): string | null {
  const format = write.numberFormat;
  if (format === undefined) return null;
  return typeof format === "string" ? format : (format[r][c] ?? null);
}

/**
 * Walks a range of a plan: checks its shape (rows of one length, on the sheet, number formats
 * of the cells' shape, numbers a cell can hold) and gives its cells, as a range and one by one.
 * Throws a PlanError (or, for an address that is not A1, an Error) for a malformed range.
 *
 * @example rangeCells({ address: "B2", cells: [[1, { formula: "B2*2" }]] }).address // "B2:C2"
 * @example rangeCells({ address: "B2", cells: [[1, { formula: "B2*2" }]] }).cells[1] // { address: "C2", formula: "=B2*2", … }
 */
export function rangeCells(write: RangeWrite): RangeCells {
  const rows = write.cells.length;
  const columns = rows > 0 ? write.cells[0].length : 0;
  if (write.cells.some((row) => row.length !== columns)) {
    throw new PlanError(`The range at ${write.address} has rows of different lengths.`);
  }
  const address = spanAddress(write.address, rows, columns);
  const format = write.numberFormat;
  if (format !== undefined && typeof format !== "string") {
    if (format.length !== rows || format.some((row) => row.length !== columns)) {
      throw new PlanError(`The number formats of the range at ${write.address} do not match its cells.`);
    }
  }
  const { top, left } = box(address);
  const cells: PlannedCell[] = [];
  const inputs = write.cells.map((row, r) =>
    row.map((value, c) => {
      const at = cellAddress(top + r, left + c);
      if (typeof value === "number" && !Number.isFinite(value)) throw new PlanError(`Cell ${at} cannot hold ${value}.`);
      const input = cellInput(value);
      cells.push({
        address: at,
        row: top + r,
        column: left + c,
        value,
        formula: value !== null && typeof value === "object" ? (input as string) : null,
        input,
        numberFormat: formatAt(write, r, c),
        style: write.style,
      });
      return input;
    }),
  );
  const numberFormats = format === undefined ? null : write.cells.map((row, r) => row.map((_, c) => formatAt(write, r, c) ?? "General"));
  return { address, rows, columns, inputs, numberFormats, style: write.style, cells };
}
