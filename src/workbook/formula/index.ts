/**
 * The formula evaluator: computes every formula of a plan as Excel would (the .xlsx file's
 * cached values), and refuses a formula that Excel versions compute differently rather than
 * guess. Node-only in practice: the pane never needs it.
 */
export { type FormulaValueOptions, cellKey, computeFormulaValues } from "./recalc";
export { type ArrayValue, type ExcelErrorCode, type FormulaValue, type ScalarValue, UnsupportedFormulaError, errorValue, isExcelError } from "./values";
