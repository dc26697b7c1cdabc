/**
 * The add-in's `CRS.` functions as a function table for the formula evaluator, taken from the
 * BUILT bundle (dist/functions.js) and called as Excel calls them: each argument a matrix
 * ([[x]] for one value) or a single value, as functions.json declares the parameter; an empty
 * cell or a left-out argument as null; an error in an argument as the runtime's error object.
 * So a `CRS.` formula in a plan is computed by exactly the code Excel runs, and a formula
 * dialect that passes the arguments in the wrong order fails the tests.
 */
import type { FormulaFunction, FunctionTable } from "../../../src/workbook/formula/evaluate";
import { errorValue, isArrayValue, isExcelError } from "../../../src/workbook/formula/values";
import type { ExcelErrorCode, FormulaValue, ScalarValue } from "../../../src/workbook/formula/values";
import { type CustomFunction, ExcelError, type FunctionMetadata, loadFunctions, loadMetadata } from "../../functions/host";

let table: FunctionTable | undefined;

/** The built `CRS.` functions, by their full names in capitals ("CRS.GROWTH"). */
export function builtCrsFunctions(): FunctionTable {
  if (table === undefined) {
    const functions = loadFunctions();
    table = new Map(loadMetadata().map((metadata) => [`CRS.${metadata.name.toUpperCase()}`, asFormulaFunction(functions.get(metadata.id)!, metadata)]));
  }
  return table;
}

/** A value as the custom-functions runtime passes it: errors as its error objects. */
function toRuntime(value: ScalarValue): unknown {
  return isExcelError(value) ? new ExcelError(value.error) : value;
}

/** A value a custom function returned, as the evaluator holds it. */
function fromRuntime(value: unknown): ScalarValue {
  if (value instanceof ExcelError) return errorValue(value.code as ExcelErrorCode);
  if (value === undefined || value === "") return null;
  return value as ScalarValue;
}

function asFormulaFunction(fn: CustomFunction, metadata: FunctionMetadata): FormulaFunction {
  return (args) => {
    if (args.length > metadata.parameters.length) throw new Error(`CRS.${metadata.name} takes ${metadata.parameters.length} arguments, not ${args.length}.`);
    const passed = metadata.parameters.map((parameter, index) => {
      const arg: FormulaValue = args[index] ?? null;
      if (parameter.dimensionality === "matrix") return (isArrayValue(arg) ? arg : [[arg]]).map((row) => row.map(toRuntime));
      if (!isArrayValue(arg)) return toRuntime(arg);
      if (arg.length === 1 && arg[0].length === 1) return toRuntime(arg[0][0]);
      throw new Error(`CRS.${metadata.name}'s ${parameter.name} takes one value, not a range.`);
    });
    const result = fn(...passed);
    return Array.isArray(result) ? (result as unknown[][]).map((row) => row.map(fromRuntime)) : fromRuntime(result);
  };
}
