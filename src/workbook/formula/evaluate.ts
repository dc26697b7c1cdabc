/**
 * Evaluates one formula as Excel would, given the values of the cells and names it refers to
 * and a table of functions: Excel's operators with their precedence and coercions, errors
 * that pass from operand to result, IF and IFERROR that evaluate only the branch they take,
 * and arrays where every Excel since 2007 evaluates them (inside SUMPRODUCT).
 *
 * A range or an expression over one anywhere else is refused: Excel before 365 reads it by
 * implicit intersection and Excel 365 spills it, so no single cached value would be right.
 */
import type { CellsNode, FormulaNode } from "./syntax";
import { parseFormula } from "./syntax";
import {
  ExcelErrorSignal,
  UnsupportedFormulaError,
  approxAdd,
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

/** How a function is called: whether its arguments are evaluated as arrays (inside SUMPRODUCT). */
export interface FunctionCall {
  readonly name: string;
  readonly arrayContext: boolean;
}

/**
 * A worksheet function: its evaluated arguments (a reference or array constant as an array, even
 * of one cell; an argument left out as null) in, a value or an array out. It may throw an
 * `ExcelErrorSignal` for an Excel error.
 */
export type FormulaFunction = (args: readonly FormulaValue[], call: FunctionCall) => FormulaValue;

/** Functions by name in capitals, e.g. "ROUND" or "CRS.GROWTH". */
export type FunctionTable = ReadonlyMap<string, FormulaFunction>;

/** A rectangle of cells on a named sheet. */
export interface CellRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What a formula can see: its sheet, the values of cells, the defined names and the functions. */
export interface EvaluationContext {
  /** The sheet the formula is on: references without a sheet name are to it. */
  readonly sheet: string;
  /** The values of a rectangle of cells, by rows (an empty cell is null). */
  values(range: CellRange): ArrayValue;
  /** The cells a workbook-scoped defined name refers to, or undefined if there is no such name. */
  name(name: string): CellRange | undefined;
  readonly functions: FunctionTable;
  /** Functions whose arguments are evaluated as arrays. */
  readonly arrayFunctions: ReadonlySet<string>;
}

/**
 * The value a formula cell shows: one value (an empty result is 0, as in Excel), or the Excel
 * error it gives.
 *
 * @example evaluateFormula("=-2^2", context) // 4
 */
export function evaluateFormula(formula: string, context: EvaluationContext): ScalarValue {
  const value = single(evaluate(parseFormula(formula), context, false), `=${formula.replace(/^=/, "")}`);
  return value ?? 0;
}

/**
 * What a formula gives in Excel 365, which spills an array over the cells below and to the right
 * of its own: one value (an empty result is 0), or the whole array. For a stand-in of Excel that
 * shows spilled tables; the cached values of a file use `evaluateFormula`, which refuses them.
 *
 * @example evaluateSpilling("={1;2}", context) // [[1], [2]]
 */
export function evaluateSpilling(formula: string, context: EvaluationContext): FormulaValue {
  const value = evaluate(parseFormula(formula), context, false);
  if (!isArrayValue(value)) return value ?? 0;
  return value.length === 1 && value[0].length === 1 ? (value[0][0] ?? 0) : value;
}

/** The cells a reference node is to, its sheet resolved against the formula's own. */
export function rangeOf(node: CellsNode, sheet: string): CellRange {
  return { sheet: node.sheet ?? sheet, top: node.top, left: node.left, bottom: node.bottom, right: node.right };
}

/**
 * One value from what an expression gives: a one-cell array is its cell; a larger one, where
 * Excel versions disagree, is refused.
 */
export function single(value: FormulaValue, where: string): ScalarValue {
  if (!isArrayValue(value)) return value;
  if (value.length === 1 && value[0].length === 1) return value[0][0];
  throw new UnsupportedFormulaError(
    `${where} gives ${value.length}×${value[0]?.length ?? 0} values where one is wanted: Excel 365 would spill them and ` +
      "older Excel would take one by implicit intersection. Use SUMPRODUCT, INDEX or a single cell.",
  );
}

/** Evaluates a node; an Excel error anywhere below becomes the node's value. */
function evaluate(node: FormulaNode, context: EvaluationContext, arrayContext: boolean): FormulaValue {
  try {
    return evaluateUnguarded(node, context, arrayContext);
  } catch (error) {
    if (error instanceof ExcelErrorSignal) return error.value;
    throw error;
  }
}

function evaluateUnguarded(node: FormulaNode, context: EvaluationContext, arrayContext: boolean): FormulaValue {
  switch (node.kind) {
    case "value":
      return node.value;
    case "array":
      return node.rows;
    case "cells":
      return context.values(rangeOf(node, context.sheet));
    case "name": {
      const range = context.name(node.name);
      return range === undefined ? errorValue("#NAME?") : context.values(range);
    }
    case "unary":
      return lift([evaluate(node.operand, context, arrayContext)], arrayContext, node.operator, ([value]) => unary(node.operator, value));
    case "binary": {
      const operands = [evaluate(node.left, context, arrayContext), evaluate(node.right, context, arrayContext)];
      return lift(operands, arrayContext, node.operator, ([left, right]) => binary(node.operator, left, right));
    }
    case "call":
      return call(node.name, node.args, context, arrayContext);
  }
}

function unary(operator: "+" | "-" | "%", value: ScalarValue): ScalarValue {
  // Excel's unary plus changes nothing, not even a text.
  if (operator === "+") return value;
  return operator === "-" ? -numberValue(value) : numberValue(value) / 100;
}

function binary(operator: string, left: ScalarValue, right: ScalarValue): ScalarValue {
  switch (operator) {
    case "&":
      return toText(left) + toText(right);
    case "=":
      return compareValues(left, right) === 0;
    case "<>":
      return compareValues(left, right) !== 0;
    case "<":
      return compareValues(left, right) < 0;
    case ">":
      return compareValues(left, right) > 0;
    case "<=":
      return compareValues(left, right) <= 0;
    case ">=":
      return compareValues(left, right) >= 0;
  }
  const a = numberValue(left);
  const b = numberValue(right);
  switch (operator) {
    case "+":
      return finite(approxAdd(a, b));
    case "-":
      return finite(approxAdd(a, -b));
    case "*":
      return finite(a * b);
    case "/":
      return b === 0 ? raise("#DIV/0!") : finite(a / b);
    default:
      return power(a, b);
  }
}

/**
 * Excel's ^ and POWER: 0^0, a negative number to a fractional power and a power too large to
 * hold are #NUM!, 0 to a negative power #DIV/0!. A power too small to hold is 0.
 */
export function power(base: number, exponent: number): number {
  if (base === 0 && exponent === 0) return raise("#NUM!");
  if (base === 0 && exponent < 0) return raise("#DIV/0!");
  if (base < 0 && !Number.isInteger(exponent)) return raise("#NUM!");
  return finite(Math.pow(base, exponent));
}

/**
 * Applies a scalar operation to its operands, element by element if any is an array larger than
 * one cell (in an array context only), as Excel does: a single value or a single row or column
 * repeats along the dimension it lacks, and cells beyond a smaller array are #N/A. Each
 * element's error stays in its element.
 */
export function lift(
  operands: readonly FormulaValue[],
  arrayContext: boolean,
  what: string,
  operation: (values: ScalarValue[]) => ScalarValue,
): FormulaValue {
  let rows = 1;
  let columns = 1;
  for (const operand of operands) {
    if (!isArrayValue(operand)) continue;
    rows = Math.max(rows, operand.length);
    columns = Math.max(columns, operand[0].length);
  }
  if (rows === 1 && columns === 1) return operation(operands.map((operand) => single(operand, what)));
  if (!arrayContext) single(operands.find((operand) => isArrayValue(operand) && (operand.length > 1 || operand[0].length > 1))!, `${what} over a range`);
  // Plain loops and one scratch array: inside SUMPRODUCT this runs for every cell of every row.
  const values: ScalarValue[] = new Array(operands.length);
  const result: ScalarValue[][] = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const line: ScalarValue[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      for (let k = 0; k < operands.length; k++) values[k] = elementAt(operands[k], row, column);
      try {
        line[column] = operation(values);
      } catch (error) {
        if (!(error instanceof ExcelErrorSignal)) throw error;
        line[column] = error.value;
      }
    }
    result[row] = line;
  }
  return result;
}

/** The value an operand gives at a position of a lifted result: a single row or column repeats, beyond an array is #N/A. */
function elementAt(operand: FormulaValue, row: number, column: number): ScalarValue {
  if (!isArrayValue(operand)) return operand;
  const r = operand.length === 1 ? 0 : row;
  const c = operand[0].length === 1 ? 0 : column;
  return r < operand.length && c < operand[0].length ? operand[r][c] : errorValue("#N/A");
}

/**
 * Functions that Excel 2007 and 2010 do not know: a file must write them with an `_xlfn.`
 * prefix, which Office.js does not take, so a plan cannot use them in both writers.
 */
const NEWER_FUNCTIONS: Readonly<Record<string, string>> = {
  IFNA: "IF(ISNA(x),alternative,x)",
};

/** A call: IF and IFERROR evaluate only what they need; other functions get every argument. */
function call(name: string, args: readonly (FormulaNode | null)[], context: EvaluationContext, arrayContext: boolean): FormulaValue {
  const argument = (index: number): FormulaValue => {
    const node = args[index];
    return node === undefined || node === null ? null : evaluate(node, context, arrayContext);
  };
  const scalarArgument = (index: number): ScalarValue => single(argument(index), `${name}'s argument ${index + 1}`);
  switch (name) {
    case "IF": {
      expectArguments(name, args, 2, 3);
      const condition = scalarArgument(0);
      if (isExcelError(condition)) return condition;
      if (toBoolean(condition)) return args[1] === null ? 0 : argument(1);
      return args.length < 3 ? false : args[2] === null ? 0 : argument(2);
    }
    case "IFERROR": {
      expectArguments(name, args, 2, 2);
      const value = scalarArgument(0);
      return isExcelError(value) ? (argument(1) ?? 0) : value;
    }
  }
  if (name in NEWER_FUNCTIONS) {
    throw new UnsupportedFormulaError(`${name} needs Excel 2013 or later (an _xlfn. prefix in a file); write ${NEWER_FUNCTIONS[name]} instead.`);
  }
  const fn = context.functions.get(name);
  if (fn === undefined) {
    throw new UnsupportedFormulaError(`The function ${name} is not one the formula evaluator knows; add it to its function table.`);
  }
  const inArrays = arrayContext || context.arrayFunctions.has(name);
  const values = args.map((node) => (node === null ? null : evaluate(node, context, inArrays)));
  return fn(values, { name, arrayContext: inArrays });
}

/** Checks the number of arguments of a function evaluated here. */
function expectArguments(name: string, args: readonly unknown[], least: number, most: number): void {
  if (args.length < least || args.length > most) {
    throw new UnsupportedFormulaError(`${name} takes ${least === most ? least : `${least} to ${most}`} arguments, not ${args.length}.`);
  }
}
