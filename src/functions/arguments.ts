import { ModelError } from "../model/errors";

/** Whether Excel sent nothing for a cell: an omitted argument or an empty cell. */
export function isEmpty(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/**
 * Reads one cell as a number. An empty cell is `whenEmpty` (Excel's functions read a blank
 * cell as 0; an omitted optional argument takes its default). Text, booleans, NaN and
 * infinities are a #VALUE!-kind error that names the argument.
 */
export function toNumber(value: unknown, argument: string, whenEmpty = 0): number {
  if (isEmpty(value)) return whenEmpty;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ModelError("value", `${argument} must be a number, not ${describe(value)}.`);
}

/** Reads one cell as a text (a dataset or model name); an empty cell is `whenEmpty`. */
export function toText(value: unknown, argument: string, whenEmpty = ""): string {
  if (isEmpty(value)) return whenEmpty;
  if (typeof value === "string") return value;
  throw new ModelError("value", `${argument} must be a text, not ${describe(value)}.`);
}

/**
 * Reads a one-row or one-column range (or a single value) as a list of numbers, in reading
 * order. A range of several rows and columns, or a cell that is not a number, is a
 * #VALUE!-kind error naming the argument and the cell's position (1-based).
 */
export function toVector(range: unknown, argument: string): number[] {
  const rows = Array.isArray(range) ? range : [[range]];
  const width = rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
  if (!rows.every((row) => Array.isArray(row) && row.length === width) || (rows.length > 1 && width > 1)) {
    throw new ModelError("value", `${argument} must be a single row or a single column of numbers.`);
  }
  return (rows as unknown[][]).flat().map((cell, index) => {
    if (typeof cell === "number" && Number.isFinite(cell)) return cell;
    throw new ModelError("value", `${argument} must hold only numbers: item ${index + 1} is ${describe(cell)}.`);
  });
}

/** A short description of a wrong value for an error message. */
export function describe(value: unknown): string {
  if (isEmpty(value)) return "empty";
  if (typeof value === "string") return `the text "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return Number.isNaN(value) ? "not a number" : "an infinite number";
  if (Array.isArray(value)) return "a range";
  return "an error or an unknown value";
}
