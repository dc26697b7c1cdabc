/**
 * The values formulas work with, as Excel has them: numbers, texts, logical values, the empty
 * cell and the error values, and the arrays that ranges and array constants make; with
 * Excel's rules for turning one kind into another and for comparing them.
 */
import type { CellValue } from "../plan";

/** Excel's error values, in the order of their `ERROR.TYPE` numbers. */
export const EXCEL_ERROR_CODES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;

export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

/** An Excel error value, in the shape exceljs reads and writes a cell's error: `{ error: "#N/A" }`. */
export interface ExcelErrorValue {
  readonly error: ExcelErrorCode;
}

/** One value: a cell's literal value (null: an empty cell) or an error. */
export type ScalarValue = CellValue | ExcelErrorValue;

/** A rectangle of values by rows: what a range or an array constant gives. */
export type ArrayValue = readonly (readonly ScalarValue[])[];

/** What an expression gives: one value, or an array (a reference gives an array, even of one cell). */
export type FormulaValue = ScalarValue | ArrayValue;

const ERROR_VALUES = Object.fromEntries(EXCEL_ERROR_CODES.map((code) => [code, Object.freeze({ error: code })])) as Readonly<
  Record<ExcelErrorCode, ExcelErrorValue>
>;

/**
 * The error value of a code.
 *
 * @example errorValue("#N/A") // { error: "#N/A" }
 */
export function errorValue(code: ExcelErrorCode): ExcelErrorValue {
  return ERROR_VALUES[code];
}

/** Whether a value is an Excel error. */
export function isExcelError(value: unknown): value is ExcelErrorValue {
  return value !== null && typeof value === "object" && !Array.isArray(value) && EXCEL_ERROR_CODES.includes((value as ExcelErrorValue).error);
}

/** Whether a value is an array (a range or an array constant) rather than one value. */
export function isArrayValue(value: FormulaValue): value is ArrayValue {
  return Array.isArray(value);
}

/**
 * An Excel error raised while evaluating, to be caught where Excel would show it (a cell, or
 * IFERROR): the functions below throw it rather than thread every error through by hand.
 */
export class ExcelErrorSignal extends Error {
  constructor(readonly value: ExcelErrorValue) {
    super(value.error);
  }
}

/** Raises an Excel error. */
export function raise(code: ExcelErrorCode): never {
  throw new ExcelErrorSignal(errorValue(code));
}

/**
 * A formula this evaluator cannot compute faithfully (an unknown function, a text Excel may read
 * as a date, an array where old and new Excel differ). Always a bug to fix in the plan or the
 * evaluator, never a value to write.
 */
export class UnsupportedFormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedFormulaError";
  }
}

/** A text that reads as a plain decimal number, with an optional exponent and percent sign. */
const NUMBER_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/;

/**
 * A value as a number, as Excel's arithmetic reads it: TRUE is 1, an empty cell 0, a text that
 * spells a number that number; an error is raised, and other text is #VALUE!. A text with digits
 * that is not a plain number ("1/2", "30 Jun 2005", "£5") is one Excel would read by the locale's
 * rules, so it is refused rather than guessed.
 *
 * @example numberValue("50%") // 0.5
 */
export function numberValue(value: ScalarValue): number {
  if (typeof value === "number") return value;
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return textToNumber(value);
  throw new ExcelErrorSignal(value);
}

function textToNumber(text: string): number {
  const match = NUMBER_TEXT.exec(text);
  if (match) return Number(match[1]) / (match[2] ? 100 : 1);
  if (/\d/.test(text)) {
    throw new UnsupportedFormulaError(`The text "${text}" is used as a number; Excel reads such text by the locale's rules, which this evaluator does not guess.`);
  }
  return raise("#VALUE!");
}

/**
 * A value as a logical value: a number is TRUE unless 0, an empty cell FALSE; a text is #VALUE!
 * (but "TRUE" and "FALSE", which Excel's functions read differently from one another, are
 * refused rather than guessed), and an error is raised.
 */
export function toBoolean(value: ScalarValue): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (value === null) return false;
  if (typeof value === "string") {
    if (/^\s*(TRUE|FALSE)\s*$/i.test(value)) {
      throw new UnsupportedFormulaError(`The text "${value}" is used as a logical value; write TRUE or FALSE without quotes.`);
    }
    return raise("#VALUE!");
  }
  throw new ExcelErrorSignal(value);
}

/**
 * A value as text, as `&` and TEXT read it: a number with up to 15 significant digits ("1E+20"
 * and "1E-07" beyond the plain range), TRUE and FALSE in capitals, an empty cell as "".
 *
 * @example toText(1 / 3) // "0.333333333333333"
 */
export function toText(value: ScalarValue): string {
  if (typeof value === "string") return value;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberToText(value);
  throw new ExcelErrorSignal(value);
}

function numberToText(value: number): string {
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(15));
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e-5 && magnitude < 1e15) return String(rounded);
  const [mantissa, exponent] = rounded.toExponential(14).split("e");
  const digits = mantissa.replace(/\.?0+$/, "");
  const power = Number(exponent);
  return `${digits}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** 2^-48: how close two numbers must be, relative to their size, for a spreadsheet to call them equal. */
const EQUALITY_TOLERANCE = 2 ** -48;

/**
 * Whether two numbers are equal as spreadsheets compare them: within 2^-48 of each other
 * relative to their size, so that 0.1 + 0.2 = 0.3 (LibreOffice's `approxEqual`; Excel compares
 * to 15 significant digits, which agrees but for the last digit).
 */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const difference = Math.abs(a - b);
  return difference < Math.abs(a) * EQUALITY_TOLERANCE && difference < Math.abs(b) * EQUALITY_TOLERANCE;
}

/**
 * a + b as spreadsheets add: a sum that cancels to within rounding of its operands is exactly 0,
 * so that 0.3 − 0.1 − 0.2 is 0 and not 2.8E-17.
 */
export function approxAdd(a: number, b: number): number {
  return Math.sign(a) === -Math.sign(b) && approxEqual(a, -b) ? 0 : a + b;
}

/** The order of kinds in a comparison: every number is below every text, below every logical value. */
function kindRank(value: CellValue): number {
  return typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;
}

/** Compares texts as Excel does: ignoring case. */
const TEXT_COLLATOR = new Intl.Collator("en", { sensitivity: "accent" });

/**
 * Compares two values as Excel's comparison operators do: −1, 0 or 1. An empty cell stands for
 * 0, "" or FALSE, whichever the other side is; numbers < texts < logical values; texts ignore
 * case; numbers are equal within `approxEqual`. Errors are raised.
 *
 * @example compareValues("a", "A") // 0
 */
export function compareValues(left: ScalarValue, right: ScalarValue): number {
  if (isExcelError(left)) throw new ExcelErrorSignal(left);
  if (isExcelError(right)) throw new ExcelErrorSignal(right);
  const a = left ?? emptyLike(right);
  const b = right ?? emptyLike(a);
  const rankDifference = kindRank(a) - kindRank(b);
  if (rankDifference !== 0) return Math.sign(rankDifference);
  if (typeof a === "number") return approxEqual(a, b as number) ? 0 : Math.sign(a - (b as number));
  if (typeof a === "string") return Math.sign(TEXT_COLLATOR.compare(a, b as string));
  return Number(a) - Number(b);
}

/** The empty cell as the kind of the value it is compared with. */
function emptyLike(other: CellValue): CellValue {
  return typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
}

/** A finite number as a result; NaN and infinities (an overflow) are #NUM!, as in Excel. */
export function finite(value: number): number {
  return Number.isFinite(value) ? value : raise("#NUM!");
}
