/**
 * The `CRS.` formulas of the fit, which only the add-in computes: the fitted curve and its bounds
 * (FORECAST), the chance of the target (CHANCE) and the date it is reached (REACH), each fitting
 * the model to the history's months and counts with the market held at PCTGPs.
 */
import { DAYS_PER_MONTH, type Expression, FIT_CALLS } from "../dialect";
import type { Names } from "./modelNames";

/** The figures of FORECAST the model shows: its second column (the fitted curve), the lower bound, the upper bound. */
export type ForecastColumn = "fitted" | "lower" | "upper";
const FIGURE: Readonly<Record<ForecastColumn, "forecast" | "lower" | "upper">> = { fitted: "forecast", lower: "lower", upper: "upper" };

/**
 * FORECAST's figure at one time (in months since the first count), as a number of its own
 * (FORECASTAT), never a cell of FORECAST's table: a table holding an error shows as one bare
 * #VALUE! on some Excel builds. With the market held at PCTGPs, the bounds stop at PCTGPs: the
 * PCT cannot register more GPs than it has.
 */
export function forecastAt(n: Names, time: Expression, column: ForecastColumn): Expression {
  return FIT_CALLS.forecastAt(n.Model, n.HistoryMonths, n.HistoryCounts, time, FIGURE[column], n.PCTGPs, n.Confidence);
}

/** The chance of at least TargetGPs at TargetDate. */
export function chanceOfTarget(n: Names): Expression {
  return FIT_CALLS.chance(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.TargetMonths, n.PCTGPs);
}

/** The date the fitted curve reaches TargetGPs: the first count's date plus REACH's months. */
export function dateTargetReached(n: Names): Expression {
  return `${n.FirstDate}+${FIT_CALLS.reach(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.PCTGPs)}*${DAYS_PER_MONTH}`;
}
