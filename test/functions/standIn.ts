/**
 * Installs the stand-in for the `CustomFunctions` global of Excel's runtime, so the functions'
 * source can run under the tests: import this module before `src/functions/fitting.ts`.
 */
import { ErrorCode, ExcelError } from "./host";

export { ErrorCode, ExcelError };

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: ExcelError, ErrorCode };
