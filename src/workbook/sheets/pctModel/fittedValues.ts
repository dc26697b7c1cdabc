/**
 * The portable flavour's fit: what only the add-in can compute (the fitted curve, its bounds, the
 * chance of the target, the date it is reached), computed when the file is written from the
 * example the sheet is prefilled with, by the same model code the `CRS.` functions run, on the
 * same times the sheet computes (months of 365.25/12 days since the first count). Each value is
 * a number, or #N/A where the add-in would show an error.
 */
import { ModelError } from "../../../model/errors";
import { pctOutlook, type Outlook, type OutlookValue } from "../../../model/outlook";
import { shortfall } from "../../../model/threshold";
import { addMonths } from "../../../excel/dates";
import { AVERAGE_MONTH_DAYS } from "../dialect";
import type { PctExample } from "./example";
import { TIMELINE_MONTHS } from "./timelineGrid";


/** The portable flavour's fit, as cells. */
export interface FittedValues {
  readonly outlook: Outlook;
  /** When it was computed, as the sheet says it: "30 Nov 2026". */
  readonly computedOn: string;
  /** The whole GPs of the target, as TargetGPs computes them. */
  readonly targetGps: number;
  /** The first count's date, where the fit's months start. */
  readonly firstDate: number;
  /** The date the fitted curve reaches the target: the first count's date plus REACH's months. */
  readonly dateTargetReached: OutlookValue;
}

/** The month ends of the sheet's timeline, from the first count's month on. */
export function timelineDates(firstDate: number): number[] {
  return Array.from({ length: TIMELINE_MONTHS }, (_, month) => addMonths(firstDate, month, true));
}

/** A date as the sheet's texts show it: "30 Nov 2026". */
export function displayDate(date: Date): string {
  const month = date.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/**
 * Fits the example's history as the sheet's `CRS.` formulas would, the market held at its GPs.
 *
 * @example computeFittedValues(EXAMPLE_PCT, new Date()).outlook.fittedModel // "logistic"
 */
export function computeFittedValues(example: PctExample, computedOn: Date): FittedValues {
  const firstDate = Math.min(...example.history.map((count) => count.date));
  const months = (date: number): number => (date - firstDate) / AVERAGE_MONTH_DAYS;
  const targetGps = shortfall(0, example.gps, example.targetShare);
  const outlook = pctOutlook({
    model: example.model,
    times: example.history.map((count) => months(count.date)),
    counts: example.history.map((count) => count.count),
    market: example.gps,
    confidence: example.confidence,
    target: targetGps,
    targetTime: months(example.targetDate),
    timelineTimes: timelineDates(firstDate).map(months),
  });
  const reach = outlook.reachTime;
  const dateTargetReached = reach instanceof ModelError ? reach : firstDate + reach * AVERAGE_MONTH_DAYS;
  return { outlook, computedOn: displayDate(computedOn), targetGps, firstDate, dateTargetReached };
}

