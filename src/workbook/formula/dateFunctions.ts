/**
 * Excel's date serials for the date functions of the formula evaluator: the calendar of
 * `src/excel/dates.ts`, with a date outside Excel's range given as `#NUM!`, as Excel gives it.
 */
import * as calendar from "../../excel/dates";
import type { CalendarDate } from "../../excel/dates";
import { UnsupportedFormulaError, raise } from "./values";

/** `compute()`, or #NUM! where it leaves Excel's dates. */
function orNum<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return raise("#NUM!");
    throw error;
  }
}

/** The calendar date of a serial (YEAR, MONTH, DAY); #NUM! outside Excel's dates. */
export const serialToDate = (serial: number): CalendarDate => orNum(() => calendar.serialToDate(serial));

/** Excel's DATE; #NUM! outside Excel's dates. */
export const dateToSerial = (year: number, month: number, day: number): number => orNum(() => calendar.dateToSerial(year, month, day));

/** EDATE (`endOfMonth` false) or EOMONTH (true); #NUM! outside Excel's dates. */
export const addMonths = (serial: number, months: number, endOfMonth: boolean): number => orNum(() => calendar.addMonths(serial, months, endOfMonth));

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
