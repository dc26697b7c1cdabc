/**
 * Excel's date serials (the 1900 date system) for the date functions of the formula evaluator:
 * a serial is a count of days in which 1 is 1 Jan 1900, and 60 is the 29 Feb 1900 that Excel
 * keeps for compatibility with Lotus 1-2-3; from 61 (1 Mar 1900) on, it is days since
 * 30 Dec 1899, as LibreOffice counts too.
 */
import { EXCEL_EPOCH_UTC, MS_PER_DAY } from "../data/dates";
import { UnsupportedFormulaError, raise } from "./formulaValue";

/** 31 Dec 9999, the last date Excel has. */
const LAST_SERIAL = 2_958_465;
/** The serial of 29 Feb 1900, the day that never was. */
const PHANTOM_LEAP_DAY = 60;

/** A calendar date; `day` may be 0 for Excel's serial 0 ("0 Jan 1900"). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The calendar date of a serial (its fraction, a time of day, is dropped); #NUM! outside
 * Excel's dates.
 *
 * @example serialToDate(38533) // { year: 2005, month: 6, day: 30 }
 */
export function serialToDate(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (whole < 0 || whole > LAST_SERIAL) return raise("#NUM!");
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === PHANTOM_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  const date = new Date(EXCEL_EPOCH_UTC + (whole < PHANTOM_LEAP_DAY ? whole + 1 : whole) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Excel's DATE: the serial of a year, month and day, where months and days beyond their range
 * carry into the next (DATE(2005,13,1) is 1 Jan 2006, DATE(2005,3,0) is 28 Feb 2005) and a year
 * below 1900 is counted from 1900. #NUM! outside Excel's dates.
 *
 * @example dateToSerial(2005, 6, 30) // 38533
 */
export function dateToSerial(year: number, month: number, day: number): number {
  const fullYear = year < 1900 ? year + 1900 : year;
  if (year < 0 || fullYear > 9999) return raise("#NUM!");
  const utc = new Date(0);
  utc.setUTCFullYear(fullYear, month - 1, day);
  const days = Math.round((utc.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  const serial = days <= PHANTOM_LEAP_DAY ? days - 1 : days;
  return serial < 0 || serial > LAST_SERIAL ? raise("#NUM!") : serial;
}

/** The number of days in a month. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Excel's EDATE and EOMONTH: the date `months` whole months after `serial`, on the same day of
 * the month (or the month's last day, if it is shorter) or, with `endOfMonth`, on its last day.
 *
 * @example addMonths(38503, 1, false) // 38533: 31 May 2005 + 1 month is 30 Jun 2005
 */
export function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const start = serialToDate(serial);
  const index = start.year * 12 + start.month - 1 + Math.trunc(months);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return dateToSerial(year, month, endOfMonth ? last : Math.min(Math.max(start.day, 1), last));
}

/**
 * Excel's DATEDIF for the units it documents as reliable: "D" days, "M" whole months, "Y" whole
 * years, "YM" months beyond the whole years. #NUM! if the start is after the end. ("MD" and "YD"
 * are left out: Excel's own documentation warns that "MD" can give wrong results.)
 *
 * @example datedif(38533, 38897, "M") // 11 (30 Jun 2005 to 29 Jun 2006)
 */
export function datedif(startSerial: number, endSerial: number, unit: string): number {
  const start = Math.floor(startSerial);
  const end = Math.floor(endSerial);
  if (start > end) return raise("#NUM!");
  const upper = unit.toUpperCase();
  if (upper === "D") return end - start;
  const from = serialToDate(start);
  const to = serialToDate(end);
  const months = (to.year - from.year) * 12 + to.month - from.month - (to.day < from.day ? 1 : 0);
  if (upper === "M") return months;
  if (upper === "Y") return Math.floor(months / 12);
  if (upper === "YM") return months % 12;
  if (upper === "MD" || upper === "YD") throw new UnsupportedFormulaError(`DATEDIF's unit "${unit}" is not supported: Excel documents that it can give wrong results.`);
  return raise("#NUM!");
}
