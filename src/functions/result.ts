import { isExcelError, toExcelError } from "./errors";

/**
 * What a custom function hands Excel: the table `compute` spills, or an Excel error thrown.
 *
 * Every function's result is a matrix. When it is a single cell holding an error, or when
 * `compute` throws, the error is thrown rather than returned as `[[error]]`: some Excel builds
 * show an error inside a returned array as a bare #VALUE! without its message (office-js
 * #2174), while a thrown `CustomFunctions.Error` keeps its code and message everywhere. A larger
 * table (FIT's #N/A standard errors, FORECAST's bounds, COMPARE's Bass row) keeps its errors in
 * their own cells, the only way to show them beside the figures that are there: on those builds
 * such a table shows a bare #VALUE! until Excel is updated.
 *
 * @example excelResult(() => [[0.732]]) // [[0.732]]
 * @example excelResult(() => [[new CustomFunctions.Error(ErrorCode.notAvailable, "Never reached.")]]) // throws that error
 */
export function excelResult<T>(compute: () => T[][]): T[][] {
  let table: T[][];
  try {
    table = compute();
  } catch (error) {
    throw toExcelError(error);
  }
  if (table.length === 1 && table[0].length === 1 && isExcelError(table[0][0])) throw table[0][0];
  return table;
}
