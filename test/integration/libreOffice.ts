/**
 * Recalculating an .xlsx file with LibreOffice Calc headless, for the tests that compare
 * formulas with a real spreadsheet engine (see `scripts/libreOffice.ts`: a fresh profile per
 * run that recalculates every formula on load). LibreOffice is required: without it the tests
 * fail rather than skip.
 */
import { convertWithLibreOffice } from "../../scripts/libreOffice";

/**
 * The bytes of an .xlsx file as LibreOffice recalculates and saves it. `purpose` says in the
 * error what LibreOffice was needed for, should it be missing.
 */
export function recalculateWithLibreOffice(bytes: Uint8Array, purpose: string): Uint8Array {
  return convertWithLibreOffice([bytes], "xlsx", purpose)[0];
}
