/**
 * The `CRS.` formulas of the fit, which only the add-in computes: the fitted curve and its bounds
 * (FORECAST), the chance of the target (CHANCE) and the date it is reached (REACH), each fitting
 * the model to the history's months and counts with the market held at PCTGPs.
 */
import { DAYS_PER_MONTH, type Expression, FIT_CALLS } from "../dialect";
import type { Names } from "./modelNames";

/** FORECAST's columns: the fitted curve, the lower bound, the upper bound. */
export type ForecastColumn = "fitted" | "lower" | "upper";
const COLUMN_INDEX: Readonly<Record<ForecastColumn, number>> = { fitted: 2, lower: 3, upper: 4 };

/**
 * FORECAST's value at one time (in months since the first count): its row 2, the column wanted.
 * With the market held at PCTGPs, FORECAST's bounds stop at PCTGPs: the PCT cannot register more
 * GPs than it has.
 */
export function forecastAt(n: Names, time: Expression, column: ForecastColumn): Expression {
  const forecast = FIT_CALLS.forecast(n.Model, n.HistoryMonths, n.HistoryCounts, time, n.PCTGPs, n.Confidence);
  return `INDEX(${forecast},2,${COLUMN_INDEX[column]})`;
}

/** The chance of at least TargetGPs at TargetDate. */
export function chanceOfTarget(n: Names): Expression {
  return FIT_CALLS.chance(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.TargetMonths, n.PCTGPs);
}

/** The date the fitted curve reaches TargetGPs: the first count's date plus REACH's months. */
export function dateTargetReached(n: Names): Expression {
  return `${n.FirstDate}+${FIT_CALLS.reach(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.PCTGPs)}*${DAYS_PER_MONTH}`;
}
