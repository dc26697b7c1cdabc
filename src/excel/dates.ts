/**
 * Excel's date serials, knowing nothing of the add-in: the days counted from 30 Dec 1899 with
 * Lotus 1-2-3's phantom 29 Feb 1900 (serial 60), the last day Excel knows (31 Dec 9999) and the
 * month steps of EDATE and EOMONTH. A date outside Excel's range throws a `RangeError`, which
 * the formula evaluator reports as `#NUM!`, as Excel does.
 */

/** The milliseconds of a day. */
export const MS_PER_DAY = 86_400_000;
/** Serial 0, as a UTC time: serials count whole days from here. */
export const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** 31 Dec 9999, Excel's last date. */
export const LAST_SERIAL = 2_958_465;
/** 29 Feb 1900, the day Excel keeps so as to agree with Lotus 1-2-3. */
const PHANTOM_LEAP_DAY = 60;

/** A day of the calendar as Excel reads a serial; serial 0 is 0 Jan 1900. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Why a date cannot be a serial: it lies outside 0 Jan 1900 to 31 Dec 9999. */
function outOfRange(what: string): never {
  throw new RangeError(`${what} is outside Excel's dates, 0 Jan 1900 to 31 Dec 9999.`);
}

/**
 * The calendar date of a serial, as Excel's YEAR, MONTH and DAY read it (fractions dropped).
 *
 * @example serialToDate(38533) // { year: 2005, month: 6, day: 30 }
 * @example serialToDate(60) // { year: 1900, month: 2, day: 29 }
 */
export function serialToDate(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (whole < 0 || whole > LAST_SERIAL) return outOfRange(`Serial ${serial}`);
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === PHANTOM_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  const date = new Date(EXCEL_EPOCH_UTC + (whole < PHANTOM_LEAP_DAY ? whole + 1 : whole) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The serial of a date, as Excel's DATE computes it: years below 1900 add 1900, months and days
 * out of range roll over.
 *
 * @example dateToSerial(2005, 6, 30) // 38533
 * @example dateToSerial(2005, 13, 1) // 38718 (1 Jan 2006)
 */
export function dateToSerial(year: number, month: number, day: number): number {
  const fullYear = year < 1900 ? year + 1900 : year;
  if (year < 0 || fullYear > 9999) return outOfRange(`The year ${year}`);
  const utc = new Date(0);
  utc.setUTCFullYear(fullYear, month - 1, day);
  const days = Math.round((utc.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  const serial = days <= PHANTOM_LEAP_DAY ? days - 1 : days;
  return serial < 0 || serial > LAST_SERIAL ? outOfRange(`${year}-${month}-${day}`) : serial;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * EDATE (`endOfMonth` false) or EOMONTH (true): the serial `months` months on from `serial`
 * (fractions of a month dropped), on the same day (or the month's last, if shorter) or on the
 * month's last day.
 *
 * @example addMonths(38383, 1, false) // 38411 (31 Jan 2005 → 28 Feb 2005)
 * @example addMonths(38383, 2, true) // 38442 (→ 31 Mar 2005)
 */
export function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const start = serialToDate(serial);
  const index = start.year * 12 + start.month - 1 + Math.trunc(months);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return dateToSerial(year, month, endOfMonth ? last : Math.min(Math.max(start.day, 1), last));
}
