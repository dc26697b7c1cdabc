/**
 * The times of a forecast's horizon: one period after another past the last count, as a
 * formula of the sheet writes them and as the add-in computes them, the same both ways.
 *
 * - Dates by month, quarter or year step by calendar months, as Excel's EDATE does (31 May
 *   2005 + 1 month is 30 Jun 2005); when every count is dated on a month's last day, by month
 *   ends, as EOMONTH does (30 Jun 2005 + 1 month is 31 Jul 2005), so that month-end counts
 *   stay month-end.
 * - Dates by day or week step by 1 or 7 days.
 * - Plain numbers step by 1: the period is one unit of the times.
 */
import { excelSerialToIso } from "../../../data/dates";
import type { Series } from "../../../data/series";
import type { ForecastOptions, ForecastUnit } from "./options";
import { addMonths } from "../../../excel/dates";

/** How the horizon steps from the last count. */
export interface HorizonStep {
  readonly unit: ForecastUnit;
  readonly timesAreDates: boolean;
  /** Whether every count is dated on the last day of its month. */
  readonly monthEnds: boolean;
}

/** Calendar months in a unit that steps by months, or undefined for one that steps by days. */
const MONTHS_IN: Partial<Record<ForecastUnit, number>> = { month: 1, quarter: 3, year: 12 };
const DAYS_IN: Partial<Record<ForecastUnit, number>> = { day: 1, week: 7 };

/**
 * How a series' horizon steps in `unit`.
 *
 * @example horizonStep([38503, 38533], "month", true) // { unit: "month", timesAreDates: true, monthEnds: true }
 */
export function horizonStep(times: readonly number[], unit: ForecastUnit, timesAreDates: boolean): HorizonStep {
  const monthEnds = timesAreDates && times.every((time) => isMonthEnd(time));
  return { unit, timesAreDates, monthEnds };
}

/** Whether a date serial is the last day of its month. */
function isMonthEnd(serial: number): boolean {
  return excelSerialToIso(serial + 1).endsWith("-01");
}

/**
 * The formula (without "=") of the time `periods` steps after the time in `anchor`.
 *
 * @example stepFormula("$B$22", 3, { unit: "month", timesAreDates: true, monthEnds: true }) // "EOMONTH($B$22,3)"
 */
export function stepFormula(anchor: string, periods: number, step: HorizonStep): string {
  const months = step.timesAreDates ? MONTHS_IN[step.unit] : undefined;
  if (months !== undefined) return `${step.monthEnds ? "EOMONTH" : "EDATE"}(${anchor},${periods * months})`;
  const days = step.timesAreDates ? (DAYS_IN[step.unit] ?? 1) : 1;
  return `${anchor}+${periods * days}`;
}

/**
 * The time `periods` steps after `time`, as `stepFormula` computes it.
 *
 * @example stepTime(38503, 1, { unit: "month", timesAreDates: true, monthEnds: false }) // 38533: 30 Jun 2005
 */
export function stepTime(time: number, periods: number, step: HorizonStep): number {
  const months = step.timesAreDates ? MONTHS_IN[step.unit] : undefined;
  if (months !== undefined) return addMonths(time, periods * months, step.monthEnds);
  const days = step.timesAreDates ? (DAYS_IN[step.unit] ?? 1) : 1;
  return time + periods * days;
}

/** The unit's name for a number of periods, for labels and sentences: "12 months", "1 week", "3 periods". */
export function periodsText(periods: number, unit: ForecastUnit): string {
  return `${periods} ${unit}${periods === 1 ? "" : "s"}`;
}

/**
 * The times of the forecast table: every count's time, then the horizon's, one period after
 * another from the last count.
 *
 * @example forecastTimes(series, options) // [...series.times, last + 1 month, …, last + 12 months]
 */
export function forecastTimes(series: Series, options: ForecastOptions): number[] {
  const step = stepOf(series, options);
  const last = series.times[series.times.length - 1];
  const horizon = Array.from({ length: options.horizon }, (_, i) => stepTime(last, i + 1, step));
  return [...series.times, ...horizon];
}

/** The step of a series' horizon, from its times and the options' unit. */
export function stepOf(series: Series, options: ForecastOptions): HorizonStep {
  return horizonStep(series.times, options.unit, series.timesAreDates);
}
