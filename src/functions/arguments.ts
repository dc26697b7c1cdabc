import { ModelError } from "../model/errors";
import { excelError, isExcelError, toExcelError } from "./errors";

/** Whether Excel sent nothing for a cell: an omitted argument or an empty cell. */
export function isEmpty(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/**
 * An optional argument that cannot be 0, with a 0 read as omitted. Desktop Excel may pass an
 * empty cell as 0 where Excel on the web passes null (office-js #1951, #4702), so a market size,
 * a confidence, a ceiling or a number of periods of 0 is taken for the empty cell it most likely
 * is: the function gives the same result on every Excel. Arguments where 0 is a value (a
 * threshold, a payment) keep it.
 *
 * @example zeroAsOmitted(0) // null
 * @example zeroAsOmitted(150) // 150
 */
export function zeroAsOmitted(value: unknown): unknown {
  return value === 0 ? null : value;
}

/**
 * Reads one cell as a number. An empty cell is `whenEmpty` (Excel's functions read a blank
 * cell as 0; an omitted optional argument takes its default). An error cell is thrown as it is,
 * so that it comes through, as in Excel's own functions. Text, booleans, NaN and infinities are
 * a #VALUE!-kind error that names the argument.
 */
export function toNumber(value: unknown, argument: string, whenEmpty = 0): number {
  if (isEmpty(value)) return whenEmpty;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isExcelError(value)) throw value;
  throw new ModelError("value", `${argument} must be a number, not ${describe(value)}.`);
}

/**
 * Reads one cell as a text (a dataset or model name, a unit); an empty cell is `whenEmpty`, and
 * so is a 0, which no text argument takes and desktop Excel may pass for an empty cell (see
 * `zeroAsOmitted`). An error cell is thrown as it is.
 */
export function toText(value: unknown, argument: string, whenEmpty = ""): string {
  if (isEmpty(zeroAsOmitted(value))) return whenEmpty;
  if (typeof value === "string") return value;
  if (isExcelError(value)) throw value;
  throw new ModelError("value", `${argument} must be a text, not ${describe(value)}.`);
}

/** A short description of a wrong value for an error message. */
export function describe(value: unknown): string {
  if (isEmpty(value)) return "empty";
  if (typeof value === "string") return `the text "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "not a number";
    return Number.isFinite(value) ? `the number ${value}` : "an infinite number";
  }
  if (Array.isArray(value)) return "a range";
  return "an error or an unknown value";
}

/** One cell of a custom function's result: a number, or that cell's Excel error. */
export type CellResult = number | CustomFunctions.Error;

/** What `elementwise` computes for a cell: a number, or "" for a cell left empty (PERIODS of an empty date). */
type CellValue = number | "";

/**
 * Applies a scalar function element by element over its arguments, as Excel lifts its own
 * functions over ranges, and returns the spilled result (1×1 when every argument is one value).
 *
 * Each argument is a single value (an omitted optional one arrives as null or undefined) or a
 * rectangular range. The result has as many rows as the tallest range and as many columns as
 * the widest. A single value, a single row or a single column repeats along the dimension it
 * lacks; a range too small to reach a cell gives #N/A there, as Excel does. `compute` reads the
 * cells (one per argument, in order) and returns a number (or "" for a cell it leaves empty);
 * whatever it throws becomes that cell's Excel error only, and an Excel error in an argument's
 * cell passes through unchanged.
 *
 * @example elementwise([[[1], [2]], [[10, 20]]], ([a, b]) => Number(a) * Number(b)) // [[10, 20], [20, 40]]
 */
export function elementwise<R extends CellValue = number>(args: readonly unknown[], compute: (cells: unknown[]) => R): (R | CustomFunctions.Error)[][] {
  // Fast path for the usual call, every argument one cell ([[x]]) or omitted: no shapes to work out.
  const cells: unknown[] = new Array(args.length);
  let k = 0;
  for (; k < args.length; k++) {
    const arg = args[k];
    if (!Array.isArray(arg)) cells[k] = arg;
    else if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) cells[k] = arg[0][0];
    else break;
  }
  return k === args.length ? [[evaluate(compute, cells)]] : spill(args, compute, cells);
}

/**
 * The most cells an element-wise result may have: 16 full columns of a sheet. Crossing a long
 * column with a long row (A:A against 1:1) would otherwise compute billions of cells and hang.
 */
const MAX_SPILL_CELLS = 16 * 1_048_576;

/** `elementwise` where an argument is a range (or not a proper one); `cells` is scratch space, a slot per argument. */
function spill<R extends CellValue>(args: readonly unknown[], compute: (cells: unknown[]) => R, cells: unknown[]): (R | CustomFunctions.Error)[][] {
  let rows = 1;
  let columns = 1;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (!Array.isArray(arg)) continue;
    const width = rectangularWidth(arg);
    if (width === 0) {
      return [[excelError("value", `Argument ${k + 1} must be a single value or a rectangular range.`)]];
    }
    if (arg.length > rows) rows = arg.length;
    if (width > columns) columns = width;
  }
  if (rows * columns > MAX_SPILL_CELLS) {
    const message = `The ranges make a result of ${rows} × ${columns} cells, more than can be spilled; pass a row and a column only if both are short.`;
    return [[excelError("num", message)]];
  }
  const result: (R | CustomFunctions.Error)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: (R | CustomFunctions.Error)[] = new Array(columns);
    for (let j = 0; j < columns; j++) row[j] = gather(args, i, j, cells) ? evaluate(compute, cells) : mismatch();
    result[i] = row;
  }
  return result;
}

/** The width of a rectangular, non-empty range (a list of equally long rows), else 0. */
function rectangularWidth(range: unknown[]): number {
  const first = range[0];
  if (!Array.isArray(first) || first.length === 0) return 0;
  for (let i = 1; i < range.length; i++) {
    const row = range[i];
    if (!Array.isArray(row) || row.length !== first.length) return 0;
  }
  return first.length;
}

/**
 * Fills `cells` with each argument's value at row i, column j of the result; false where a
 * range is too small to reach that cell.
 */
function gather(args: readonly unknown[], i: number, j: number, cells: unknown[]): boolean {
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (!Array.isArray(arg)) {
      cells[k] = arg;
      continue;
    }
    const row = arg.length === 1 ? 0 : i;
    if (row >= arg.length) return false;
    const cellsOfRow = arg[row] as unknown[];
    const column = cellsOfRow.length === 1 ? 0 : j;
    if (column >= cellsOfRow.length) return false;
    cells[k] = cellsOfRow[column];
  }
  return true;
}

/** One cell of the result: compute's number, or the Excel error of its inputs or of its failure. */
function evaluate<R extends CellValue>(compute: (cells: unknown[]) => R, cells: unknown[]): R | CustomFunctions.Error {
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    if (isExcelError(cell)) return cell;
  }
  try {
    return compute(cells);
  } catch (error) {
    return toExcelError(error);
  }
}

/** The #N/A of a cell that a range too small does not reach, as Excel shows it. */
function mismatch(): CustomFunctions.Error {
  return excelError("na", "The ranges differ in size: no value for this cell.");
}
