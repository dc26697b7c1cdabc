import { ModelError, type ModelErrorKind } from "../model/errors";

/**
 * Excel's error codes: the values of the runtime's `CustomFunctions.ErrorCode` enum, written
 * out because Office.js defines that enum only once the host's script has loaded, after this
 * module runs. (A test checks them against the enum's published typings.)
 */
export const EXCEL_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** The Excel error code of each kind of model error. */
export const ERROR_CODES: Readonly<Record<ModelErrorKind, CustomFunctions.ErrorCode>> = {
  value: EXCEL_ERROR_CODES.invalidValue as CustomFunctions.ErrorCode.invalidValue,
  num: EXCEL_ERROR_CODES.invalidNumber as CustomFunctions.ErrorCode.invalidNumber,
  na: EXCEL_ERROR_CODES.notAvailable as CustomFunctions.ErrorCode.notAvailable,
};

/** Whether a value is an Excel error: one a function made, or an error cell Excel passed in. */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  // `instanceof` on a number is slow in V8; the typeof test keeps numbers off it.
  return typeof value === "object" && value !== null && value instanceof CustomFunctions.Error;
}

/**
 * The Excel error for anything a function threw: an Excel error (such as an error cell of an
 * argument) as it is; a `ModelError` keeps its kind and message; anything else is a bug, shown
 * as #VALUE! with its message rather than a bare error.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (isExcelError(error)) return error;
  if (error instanceof ModelError) return excelError(error.kind, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return excelError("value", `Unexpected error: ${message}`);
}

/** An Excel error of a kind, with the message Excel shows on the cell. */
export function excelError(kind: ModelErrorKind, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(ERROR_CODES[kind], message);
}
