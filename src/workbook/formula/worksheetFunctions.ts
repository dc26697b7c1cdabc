/**
 * Excel's worksheet functions for the formula evaluator: those the model's native formulas use
 * and those a model or forecast sheet built to the FAST standard needs, all of them read by
 * every Excel since 2007 without an `_xlfn.` prefix. IF and IFERROR are in the evaluator
 * itself, as they evaluate only the branch they take.
 *
 * Each follows Excel's rules for its arguments: a value typed into the call is converted
 * ("3" is 3, TRUE is 1), while texts, logical values and empty cells inside a range are skipped
 * by the aggregates; an error in an argument is the result, unless the function is about errors.
 */
import { format as formatNumber } from "numfmt";
import { addMonths, dateToSerial, datedif, serialToDate } from "./dateFunctions";
import type { FormulaFunction, FunctionCall, FunctionTable } from "./evaluate";
import { lift, power, single } from "./evaluate";
import {
  EXCEL_ERROR_CODES,
  ExcelErrorSignal,
  UnsupportedFormulaError,
  compareValues,
  errorValue,
  finite,
  isArrayValue,
  isExcelError,
  raise,
  toBoolean,
  numberValue,
  toText,
} from "./values";
import type { ArrayValue, FormulaValue, ScalarValue } from "./values";

/** Every value of an argument, row by row; a single value is one. */
function valuesOf(arg: FormulaValue): readonly ScalarValue[] {
  return isArrayValue(arg) ? arg.flat() : [arg];
}

/** An argument as an array: a single value is a 1×1 array. */
function asArray(arg: FormulaValue): ArrayValue {
  return isArrayValue(arg) ? arg : [[arg]];
}

/** Raises the value if it is an error. */
function noError(value: ScalarValue): ScalarValue {
  if (isExcelError(value)) throw new ExcelErrorSignal(value);
  return value;
}

/** Checks how many arguments a call has. */
function arity(args: readonly FormulaValue[], call: FunctionCall, least: number, most = least): void {
  if (args.length < least || args.length > most) {
    const expected = least === most ? `${least}` : most === Infinity ? `at least ${least}` : `${least} to ${most}`;
    throw new UnsupportedFormulaError(`${call.name} takes ${expected} argument${most === 1 ? "" : "s"}, not ${args.length}.`);
  }
}

/**
 * A function of single numbers (or other single values), applied element by element over arrays
 * in an array context.
 */
function scalarFunction(least: number, most: number, compute: (values: ScalarValue[]) => ScalarValue): FormulaFunction {
  return (args, call) => {
    arity(args, call, least, most);
    return lift(args, call.arrayContext, call.name, compute);
  };
}

/** A function of numbers: each argument read as a number, an empty or left-out one as 0. */
function numericFunction(least: number, most: number, compute: (...numbers: number[]) => number): FormulaFunction {
  return scalarFunction(least, most, (values) => finite(compute(...values.map(numberValue))));
}

/** A number snapped to 15 significant digits, as spreadsheets do before rounding: 1.005*100 is 100.5. */
function approxValue(value: number): number {
  return Number(value.toPrecision(15));
}

/**
 * ROUND, ROUNDUP and ROUNDDOWN: `value` to `digits` decimals (tens, hundreds, … if negative),
 * halves and rounding up going away from zero, on the value as 15 significant digits show it.
 *
 * @example roundTo(2.675, 2, "nearest") // 2.68
 */
export function roundTo(value: number, digits: number, mode: "nearest" | "up" | "down"): number {
  const places = Math.trunc(digits);
  const scale = 10 ** Math.abs(places);
  const scaled = places >= 0 ? Math.abs(value) * scale : Math.abs(value) / scale;
  if (!Number.isFinite(scaled)) return value;
  const snapped = approxValue(scaled);
  const whole = mode === "nearest" ? Math.floor(snapped + 0.5) : mode === "up" ? Math.ceil(snapped) : Math.floor(snapped);
  const magnitude = places >= 0 ? whole / scale : whole * scale;
  return magnitude === 0 ? 0 : Math.sign(value) * magnitude;
}

/**
 * The numbers of aggregate arguments, as SUM, MAX and MIN read them: numbers in ranges (their
 * texts, logical values and empty cells skipped), and typed values converted. Errors are raised.
 */
function numbersOf(args: readonly FormulaValue[]): number[] {
  const numbers: number[] = [];
  for (const arg of args) {
    if (isArrayValue(arg)) {
      for (const value of arg.flat()) if (typeof noError(value) === "number") numbers.push(value as number);
    } else {
      numbers.push(numberValue(arg));
    }
  }
  return numbers;
}

/** MAX or MIN of numbers: 0 when there are none, as in Excel. */
function extreme(numbers: readonly number[], pick: (a: number, b: number) => number): number {
  return numbers.length === 0 ? 0 : numbers.reduce((a, b) => pick(a, b));
}

/** The logical values of AND and OR: numbers and logical values in ranges, typed values converted. */
function logicalsOf(args: readonly FormulaValue[]): boolean[] {
  const logicals: boolean[] = [];
  for (const arg of args) {
    if (isArrayValue(arg)) {
      for (const value of arg.flat()) {
        const checked = noError(value);
        if (typeof checked === "number" || typeof checked === "boolean") logicals.push(checked !== 0 && checked !== false);
      }
    } else {
      logicals.push(toBoolean(arg));
    }
  }
  return logicals.length > 0 ? logicals : raise("#VALUE!");
}

/** Whether a typed value counts as a number for COUNT: numbers, logical values and texts that spell one. */
function countsAsNumber(value: ScalarValue): boolean {
  if (typeof value === "number" || typeof value === "boolean") return true;
  if (typeof value !== "string") return false;
  try {
    numberValue(value);
    return true;
  } catch (error) {
    if (error instanceof ExcelErrorSignal) return false;
    throw error;
  }
}

/** A text with Excel's wildcards (* any run, ? any one character, ~ escaping them) as a whole-text pattern. */
function wildcardPattern(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "~" && i + 1 < text.length && "*?~".includes(text[i + 1])) source += `\\${text[++i]}`;
    else if (char === "*") source += "[\\s\\S]*";
    else if (char === "?") source += "[\\s\\S]";
    else source += char.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

/** Whether a range cell equals a looked-up value exactly (texts ignoring case and with wildcards). */
function matchesExactly(cell: ScalarValue, wanted: ScalarValue): boolean {
  if (isExcelError(cell) || cell === null || typeof cell !== typeof wanted) return false;
  if (typeof wanted === "string") return wildcardPattern(wanted).test(cell as string);
  return compareValues(cell, wanted) === 0;
}

const CRITERION = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;
const PLAIN_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A COUNTIF criterion as a test of a cell: a number or logical value matches equal cells; a text
 * may start with a comparison (">=5", "<>done"); "" matches empty cells and empty texts, "="
 * empty cells only, "<>" any cell that is not empty; a text is matched ignoring case, with wildcards.
 *
 * @example criterion(">1")(2) // true
 */
export function criterion(wanted: ScalarValue): (cell: ScalarValue) => boolean {
  if (isExcelError(wanted)) throw new ExcelErrorSignal(wanted);
  if (wanted === null) throw new UnsupportedFormulaError("A criterion is an empty cell; Excel's reading of it differs from version to version.");
  if (typeof wanted !== "string") return (cell) => matchesExactly(cell, wanted);
  const [, operator = "", operand] = CRITERION.exec(wanted)!;
  const upper = operand.toUpperCase();
  const target: ScalarValue = PLAIN_NUMBER.test(operand) ? Number(operand) : upper === "TRUE" || upper === "FALSE" ? upper === "TRUE" : operand;
  if (operand === "") {
    if (operator === "") return (cell) => cell === null || cell === "";
    if (operator === "=") return (cell) => cell === null;
    if (operator === "<>") return (cell) => cell !== null;
  }
  if (operator === "" || operator === "=") return (cell) => matchesExactly(cell, target);
  if (operator === "<>") return (cell) => !matchesExactly(cell, target);
  return (cell) => {
    if (isExcelError(cell) || cell === null || typeof cell !== typeof target) return false;
    const order = compareValues(cell, target);
    return operator === "<" ? order < 0 : operator === ">" ? order > 0 : operator === "<=" ? order <= 0 : order >= 0;
  };
}

/** A one-row or one-column array as its cells, or null if it is neither. */
function vectorOf(array: ArrayValue): readonly ScalarValue[] | null {
  if (array.length === 1) return array[0];
  return array.every((row) => row.length === 1) ? array.map((row) => row[0]) : null;
}

/**
 * The position (from 1) of `wanted` in a vector, as MATCH finds it: type 0 the first equal cell;
 * 1 the last cell not above it in an ascending vector; −1 the last not below it in a descending
 * one. Cells of another kind (numbers, texts, logical values) and errors are passed over.
 */
export function matchPosition(wanted: ScalarValue, vector: readonly ScalarValue[], type: number): number {
  if (isExcelError(wanted)) throw new ExcelErrorSignal(wanted);
  if (wanted === null) return raise("#N/A");
  if (type === 0) {
    const index = vector.findIndex((cell) => matchesExactly(cell, wanted));
    return index >= 0 ? index + 1 : raise("#N/A");
  }
  let found = -1;
  for (let i = 0; i < vector.length; i++) {
    const cell = vector[i];
    if (isExcelError(cell) || cell === null || typeof cell !== typeof wanted) continue;
    const order = compareValues(cell, wanted) * Math.sign(type);
    if (order > 0) break;
    found = i;
  }
  return found >= 0 ? found + 1 : raise("#N/A");
}

/** A whole number from a value, as Excel truncates positions and counts. */
function wholeNumber(value: FormulaValue, what: string): number {
  return Math.trunc(numberValue(single(value, what)));
}

function index(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  arity(args, call, 2, 3);
  const array = asArray(args[0]);
  let row = wholeNumber(args[1], "INDEX's row");
  let column = args.length > 2 && args[2] !== null ? wholeNumber(args[2], "INDEX's column") : 0;
  // A single row indexed by one number is indexed along the row.
  if (array.length === 1 && args.length === 2) [row, column] = [1, row];
  else if (array[0].length === 1 && column === 0) column = 1;
  if (row < 0 || column < 0) return raise("#VALUE!");
  if (row > array.length || column > array[0].length) return raise("#REF!");
  if (row === 0) return array.map((cells) => [cells[column - 1]]);
  if (column === 0) return [array[row - 1]];
  return array[row - 1][column - 1];
}

function match(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  arity(args, call, 2, 3);
  const vector = vectorOf(asArray(args[1]));
  if (vector === null) return raise("#N/A");
  const type = args.length > 2 ? Math.sign(numberValue(single(args[2], "MATCH's type"))) : 1;
  return matchPosition(single(args[0], "MATCH's value"), vector, type);
}

function lookup(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  arity(args, call, 2, 3);
  const wanted = single(args[0], "LOOKUP's value");
  const searched = asArray(args[1]);
  if (args.length === 3) {
    const position = matchPosition(wanted, vectorOf(searched) ?? raise("#N/A"), 1);
    const results = vectorOf(asArray(args[2])) ?? raise("#N/A");
    return position <= results.length ? results[position - 1] : raise("#N/A");
  }
  // The array form: a wide array is searched along its first row, a tall one down its first column.
  const wide = searched[0].length > searched.length;
  const keys = wide ? searched[0] : searched.map((cells) => cells[0]);
  const position = matchPosition(wanted, keys, 1);
  return wide ? searched[searched.length - 1][position - 1] : searched[position - 1][searched[0].length - 1];
}

function vlookup(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  arity(args, call, 3, 4);
  const wanted = single(args[0], "VLOOKUP's value");
  const table = asArray(args[1]);
  const column = wholeNumber(args[2], "VLOOKUP's column");
  const approximate = args.length > 3 && args[3] !== null ? toBoolean(single(args[3], "VLOOKUP's range_lookup")) : true;
  if (column < 1) return raise("#VALUE!");
  if (column > table[0].length) return raise("#REF!");
  const row = matchPosition(wanted, table.map((cells) => cells[0]), approximate ? 1 : 0);
  return table[row - 1][column - 1];
}

function sumproduct(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  arity(args, call, 1, Infinity);
  const arrays = args.map(asArray);
  const [rows, columns] = [arrays[0].length, arrays[0][0].length];
  if (arrays.some((array) => array.length !== rows || array[0].length !== columns)) return raise("#VALUE!");
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let product = 1;
      for (const array of arrays) {
        const value = noError(array[r][c]);
        product *= typeof value === "number" ? value : 0;
      }
      sum += product;
    }
  }
  return finite(sum);
}

function countifs(args: readonly FormulaValue[], call: FunctionCall): FormulaValue {
  if (args.length < 2 || args.length % 2 !== 0) {
    throw new UnsupportedFormulaError(`${call.name} takes pairs of a range and a criterion, not ${args.length} arguments.`);
  }
  const pairs = Array.from({ length: args.length / 2 }, (_, i) => ({
    cells: asArray(args[2 * i]).flat(),
    test: criterion(single(args[2 * i + 1], `${call.name}'s criterion`)),
  }));
  if (pairs.some((pair) => pair.cells.length !== pairs[0].cells.length)) return raise("#VALUE!");
  let count = 0;
  for (let i = 0; i < pairs[0].cells.length; i++) if (pairs.every((pair) => pair.test(pair.cells[i]))) count++;
  return count;
}

/** From here on, numfmt writes a number's digits in exponent form whatever the format says. */
const LARGEST_FORMATTED = 1e21;

/**
 * TEXT: a value shown in a number format, as Excel's TEXT does (with English month names), a
 * number to the 15 significant digits Excel shows.
 */
const text = scalarFunction(2, 2, ([value, pattern]) => {
  noError(value);
  const code = toText(pattern);
  if (typeof value === "number" && Math.abs(value) >= LARGEST_FORMATTED) {
    throw new UnsupportedFormulaError(`TEXT of ${value}: numbers of 1E+21 or more are not formatted as Excel formats them.`);
  }
  try {
    return formatNumber(code, typeof value === "number" ? approxValue(value) : (value ?? 0));
  } catch {
    return raise("#VALUE!");
  }
});

/** A date function's serial: a number of at least 0. */
function serialOf(value: ScalarValue): number {
  const serial = numberValue(value);
  return serial < 0 ? raise("#NUM!") : serial;
}

/** The Excel functions the evaluator knows, by name. */
export const EXCEL_FUNCTIONS: FunctionTable = new Map<string, FormulaFunction>([
  // Logical
  ["AND", (args, call) => (arity(args, call, 1, Infinity), logicalsOf(args).every(Boolean))],
  ["OR", (args, call) => (arity(args, call, 1, Infinity), logicalsOf(args).some(Boolean))],
  ["NOT", scalarFunction(1, 1, ([value]) => !toBoolean(value))],
  // Information
  ["ISNUMBER", scalarFunction(1, 1, ([value]) => typeof value === "number")],
  ["ISBLANK", scalarFunction(1, 1, ([value]) => value === null)],
  ["ISERROR", scalarFunction(1, 1, ([value]) => isExcelError(value))],
  ["ISNA", scalarFunction(1, 1, ([value]) => isExcelError(value) && value.error === "#N/A")],
  ["NA", (args, call) => (arity(args, call, 0), errorValue("#N/A"))],
  // An error's number (1 #NULL! … 6 #NUM!, 7 #N/A); #N/A for a value that is no error.
  ["ERROR.TYPE", scalarFunction(1, 1, ([value]) => (isExcelError(value) ? EXCEL_ERROR_CODES.indexOf(value.error) + 1 : raise("#N/A")))],
  // Mathematics
  ["ABS", numericFunction(1, 1, Math.abs)],
  ["INT", numericFunction(1, 1, (x) => Math.floor(approxValue(x)))],
  ["EXP", numericFunction(1, 1, Math.exp)],
  ["LN", numericFunction(1, 1, (x) => (x > 0 ? Math.log(x) : raise("#NUM!")))],
  ["SQRT", numericFunction(1, 1, (x) => (x >= 0 ? Math.sqrt(x) : raise("#NUM!")))],
  ["POWER", numericFunction(2, 2, power)],
  ["ROUND", numericFunction(2, 2, (x, digits) => roundTo(x, digits, "nearest"))],
  ["ROUNDUP", numericFunction(2, 2, (x, digits) => roundTo(x, digits, "up"))],
  ["ROUNDDOWN", numericFunction(2, 2, (x, digits) => roundTo(x, digits, "down"))],
  ["SUM", (args, call) => (arity(args, call, 1, Infinity), finite(numbersOf(args).reduce((sum, x) => sum + x, 0)))],
  ["MAX", (args, call) => (arity(args, call, 1, Infinity), extreme(numbersOf(args), Math.max))],
  ["MIN", (args, call) => (arity(args, call, 1, Infinity), extreme(numbersOf(args), Math.min))],
  ["SUMPRODUCT", sumproduct],
  // Counting
  [
    "COUNT",
    (args, call) => {
      arity(args, call, 1, Infinity);
      return args.reduce<number>(
        (count, arg) => count + (isArrayValue(arg) ? arg.flat().filter((value) => typeof value === "number").length : Number(countsAsNumber(arg))),
        0,
      );
    },
  ],
  ["COUNTA", (args, call) => (arity(args, call, 1, Infinity), args.flatMap(valuesOf).filter((value) => value !== null).length)],
  [
    "COUNTBLANK",
    (args, call) => {
      arity(args, call, 1);
      if (!isArrayValue(args[0])) throw new UnsupportedFormulaError("COUNTBLANK takes a range.");
      return args[0].flat().filter((value) => value === null || value === "").length;
    },
  ],
  ["COUNTIF", (args, call) => (arity(args, call, 2), countifs(args, call))],
  ["COUNTIFS", countifs],
  // Lookup
  ["INDEX", index],
  ["MATCH", match],
  ["LOOKUP", lookup],
  ["VLOOKUP", vlookup],
  // Dates
  ["DATE", numericFunction(3, 3, (year, month, day) => dateToSerial(Math.trunc(year), Math.trunc(month), Math.trunc(day)))],
  ["YEAR", numericFunction(1, 1, (serial) => serialToDate(serial).year)],
  ["MONTH", numericFunction(1, 1, (serial) => serialToDate(serial).month)],
  ["DAY", numericFunction(1, 1, (serial) => serialToDate(serial).day)],
  ["EDATE", numericFunction(2, 2, (serial, months) => addMonths(serial, months, false))],
  ["EOMONTH", numericFunction(2, 2, (serial, months) => addMonths(serial, months, true))],
  ["DATEDIF", scalarFunction(3, 3, ([start, end, unit]) => datedif(serialOf(start), serialOf(end), toText(unit)))],
  // Text
  ["TEXT", text],
  ["LOWER", scalarFunction(1, 1, ([value]) => toText(value).toLowerCase())],
]);

/** The functions whose arguments every Excel evaluates as arrays, without Ctrl+Shift+Enter. */
export const ARRAY_FUNCTIONS: ReadonlySet<string> = new Set(["SUMPRODUCT"]);
