import { ModelError } from "./errors";
import { finite } from "./finite";

/**
 * The length in days of each unit a period can be counted in. A month is an average month
 * (365.25 / 12 days) so that periods between any two dates are fractional and exact, unlike
 * calendar months, whose lengths differ.
 */
export const PERIOD_UNIT_DAYS: ReadonlyMap<string, number> = new Map([
  ["day", 1],
  ["week", 7],
  ["month", 365.25 / 12],
  ["quarter", 365.25 / 4],
  ["year", 365.25],
]);

/** The unit names, for messages: "day, week, month, quarter, year". */
const UNIT_LIST = [...PERIOD_UNIT_DAYS.keys()].join(", ");

/**
 * The length in days of a unit named in any case, singular or plural ("Months").
 * An unknown unit is a #VALUE!-kind error that lists the units.
 *
 * @example unitDays("Quarters") // 91.3125
 */
export function unitDays(unit: string): number {
  // The usual spelling first: the default "month" is looked up on every call.
  const exact = PERIOD_UNIT_DAYS.get(unit);
  if (exact !== undefined) return exact;
  const name = unit.trim().toLowerCase();
  const singular = name.endsWith("s") ? name.slice(0, -1) : name;
  const days = PERIOD_UNIT_DAYS.get(singular);
  if (days === undefined) throw new ModelError("value", `unit must be one of ${UNIT_LIST}, not "${unit}".`);
  return days;
}

/**
 * The fractional number of periods from one date to another (dates as Excel serial numbers):
 *
 * periods = (endDate − startDate) / (days in a unit)
 *
 * Negative if the end is before the start.
 *
 * @example periodsBetween(38533, 38565) // 1.0513…: 30 Jun 2005 to 1 Aug 2005 is 32 / 30.4375 months
 */
export function periodsBetween(startDate: number, endDate: number, unit = "month"): number {
  return finite((endDate - startDate) / unitDays(unit), "The dates are too far apart: the number of periods between them is too large to represent.");
}
