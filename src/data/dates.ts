import { EXCEL_EPOCH_UTC, MS_PER_DAY } from "../excel/dates";
import type { ColumnKind, DatasetValue, IsoDate } from "./types";

/**
 * The Excel (1900 date system) serial number of a calendar date.
 *
 * serial = days since 30 Dec 1899, which matches Excel for every date from 1 Mar 1900 on.
 *
 * @example isoToExcelSerial("2005-08-01") // 38565
 */
export function isoToExcelSerial(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/**
 * The calendar date of a whole Excel serial number (the inverse of `isoToExcelSerial`).
 *
 * @example excelSerialToIso(38565) // "2005-08-01"
 */
export function excelSerialToIso(serial: number): IsoDate {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

/** Whether a text is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(text: string): text is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A dataset value as a spreadsheet holds it: a date column's `YYYY-MM-DD` as an Excel serial
 * number (so Excel sees a real date), anything else as it is.
 *
 * @example sheetValue("2005-08-01", "date") // 38565
 */
export function sheetValue(value: DatasetValue, kind: ColumnKind): number | string | null {
  return kind === "date" && typeof value === "string" && isIsoDate(value) ? isoToExcelSerial(value) : value;
}
