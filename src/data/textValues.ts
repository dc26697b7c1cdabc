/**
 * Numbers and dates written as text, as a CSV file or a command line gives them, read by one
 * set of rules:
 *
 * - Numbers use a decimal point. Commas may group thousands (1,234 or 12,345,678.5), but only
 *   in groups of exactly three digits, so "1,5" (a decimal comma) is not read as anything. In
 *   a comma-separated file such a number must be quoted ("1,234"), or the comma splits it.
 * - Dates are ISO (2005-06-30) or UK, day first (30/06/2005, 30/6/2005), with the year in full.
 *   They become Excel date serials, like a date typed into a cell.
 */
import { LAST_SERIAL } from "../excel/dates";
import { excelSerialToIso, isoToExcelSerial } from "./dates";
import type { IsoDate } from "./types";

/** A plain decimal number: an optional sign, digits with an optional point, an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A number whose whole part has commas between groups of three digits: 1,234 or 12,345,678.5. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The number a text holds, or undefined if it holds none (or one too large for a double).
 * Spaces around it are ignored.
 *
 * @example readNumberText(" 1,234.5 ") // 1234.5
 * @example readNumberText("1,5") // undefined: a decimal comma is not read
 */
export function readNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  let value: number;
  if (PLAIN_NUMBER.test(trimmed)) value = Number(trimmed);
  else if (GROUPED_NUMBER.test(trimmed)) value = Number(trimmed.replace(/,/g, ""));
  else return undefined;
  return Number.isFinite(value) ? value : undefined;
}

/** What a text that looks like a date reads as: its Excel serial, or why it is no date. */
export type DateTextReading = { readonly serial: number } | { readonly problem: string };

/** The forms of date the readers accept, for messages. */
export const DATE_FORMS = "2005-06-30 or 30/06/2005";

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Text shaped like a date in a form that is not accepted: other separators, a two-digit year, a time of day. */
const OTHER_DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Excel's first date that serials count correctly, 1 Mar 1900 (the last is `LAST_SERIAL`, 31 Dec 9999). */
export const FIRST_SERIAL = 61;
export const EXCEL_DATES = "Excel holds dates from 1 March 1900 to 31 December 9999 only";

/**
 * Reads a date written as 2005-06-30 or 30/06/2005 (30/6/2005 too), ignoring spaces around it.
 * Returns undefined for a text that does not look like a date at all (a number, a word); for
 * one that does but cannot be read (31/02/2005, 06/30/2005, 30/06/05, 30.06.2005), the problem.
 *
 * @example readDateText("30/06/2005") // { serial: 38533 }
 * @example readDateText("31/02/2005") // { problem: "there is no 31 February 2005" }
 */
export function readDateText(text: string): DateTextReading | undefined {
  // A file of many series repeats its dates thousands of times: each text is read once.
  if (DATE_READINGS.has(text)) return DATE_READINGS.get(text);
  if (DATE_READINGS.size >= MAX_DATE_READINGS) DATE_READINGS.clear();
  const reading = readDateTextOnce(text);
  DATE_READINGS.set(text, reading);
  return reading;
}

/** The date texts read so far, and what each read as (a bounded memo: cleared when full). */
const DATE_READINGS = new Map<string, DateTextReading | undefined>();
const MAX_DATE_READINGS = 10_000;

function readDateTextOnce(text: string): DateTextReading | undefined {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK_DATE.exec(trimmed);
  if (uk) return calendarDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  if (OTHER_DATE.test(trimmed)) return { problem: `write dates as ${DATE_FORMS}, with the year in full and no time of day` };
  return undefined;
}

/** The serial of a year, month and day, or why they make no date Excel can hold. */
function calendarDate(year: number, month: number, day: number): DateTextReading {
  // Checked first: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  if (year < 1900) return { problem: EXCEL_DATES };
  if (month < 1 || month > 12) {
    return { problem: `${month} is not a month (dates are read as year-month-day or day/month/year, as ${DATE_FORMS})` };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { problem: `there is no ${day} ${MONTHS[month - 1]} ${year}` };
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
  const serial = isoToExcelSerial(iso);
  if (serial < FIRST_SERIAL || serial > LAST_SERIAL) return { problem: EXCEL_DATES };
  return { serial };
}

/**
 * A date serial as a message writes it, day, short month and year, which no reader can take for
 * another date; a serial outside Excel's dates as the number it is.
 *
 * @example describeDate(38533) // "30 Jun 2005"
 */
export function describeDate(serial: number): string {
  if (!(serial >= FIRST_SERIAL && serial < LAST_SERIAL + 1)) return String(serial);
  const [year, month, day] = excelSerialToIso(serial).split("-").map(Number);
  return `${day} ${MONTHS[month - 1].slice(0, 3)} ${year}`;
}
