import { ModelError, type ModelErrorKind } from "../model/errors";

const ERROR_CODES: Readonly<Record<ModelErrorKind, CustomFunctions.ErrorCode>> = {
  value: CustomFunctions.ErrorCode.invalidValue,
  num: CustomFunctions.ErrorCode.invalidNumber,
  na: CustomFunctions.ErrorCode.notAvailable,
};

/**
 * The Excel error for anything a function threw: a `ModelError` keeps its kind and message;
 * anything else is a bug, shown as #VALUE! with its message rather than a bare error.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof ModelError) return new CustomFunctions.Error(ERROR_CODES[error.kind], error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected error: ${message}`);
}
