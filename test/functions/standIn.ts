/**
 * Installs the stand-in for the `CustomFunctions` global of Excel's runtime, so the functions'
 * source can run under the tests: import this module before `src/functions/fitting.ts`.
 */
import { asShownInCell, ErrorCode, ExcelError } from "./host";

export { asShownInCell, ErrorCode, ExcelError };

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: ExcelError, ErrorCode };
