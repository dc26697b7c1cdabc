/**
 * Reading cells back from an .xlsx file with exceljs, for the tests: exceljs turns numbers in
 * date formats into Date objects and keeps a formula's computed value apart from its text.
 */
import ExcelJS from "exceljs";
import { isExcelError } from "../../../src/workbook/formula/values";
import type { ScalarValue } from "../../../src/workbook/formula/values";

const MS_PER_DAY = 86_400_000;
/** 1 Jan 1970 as an Excel serial. */
const UNIX_EPOCH_SERIAL = 25_569;

/** A cell's value, or for a formula its computed value (`cell.result`, which exceljs keeps even when 0). */
export function shownValue(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

/** A value as a number: dates back to Excel serials; anything else is not a number. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return undefined;
}

/** The Excel error a value is, such as "#N/A", or undefined. */
export function errorOf(value: unknown): string | undefined {
  if (value !== null && typeof value === "object" && "error" in value) return String((value as { error: unknown }).error);
  if (typeof value === "string" && /^#(N\/A|NAME\?|NUM!|VALUE!|DIV\/0!|REF!|NULL!)$/.test(value)) return value;
  return undefined;
}

/** A workbook loaded from bytes. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/**
 * Whether a value read back from a file (`shownValue`) is a computed value: the same text,
 * logical value or error, or a number within 1e-9 of it, relatively (absolutely near 0).
 */
export function sameValue(shown: unknown, expected: ScalarValue): boolean {
  if (isExcelError(expected)) return errorOf(shown) === expected.error;
  if (typeof expected === "number") {
    const actual = asNumber(shown);
    return actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3);
  }
  // exceljs reads an empty text result back as no value.
  if (expected === "") return shown === "" || shown === undefined;
  // LibreOffice keeps a logical value as 1 or 0 in a cell whose format spells TRUE and FALSE.
  if (typeof expected === "boolean") return shown === expected || shown === Number(expected);
  return shown === expected;
}
