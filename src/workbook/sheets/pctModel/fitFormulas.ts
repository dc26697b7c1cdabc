/**
 * The `CRS.` formulas of the fit, which only the add-in computes: the forecast, its bounds and
 * the fitted curve (FORECAST), the chance of the target (CHANCE) and the date it is as likely as
 * not reached (REACH), each fitting the model to the history's months and counts with the market
 * held at PCTGPs.
 */
import { DAYS_PER_MONTH, type Expression, FIT_CALLS, type ForecastFigure } from "../dialect";
import type { Names } from "./modelNames";

/**
 * FORECAST's figure at one time (in months since the first count), as a number of its own
 * (FORECASTAT), never a cell of FORECAST's table: a table holding an error shows as one bare
 * #VALUE! on some Excel builds. With the market held at PCTGPs, the bounds stop at PCTGPs: the
 * PCT cannot register more GPs than it has.
 */
export function forecastAt(n: Names, time: Expression, figure: ForecastFigure): Expression {
  return FIT_CALLS.forecastAt(n.Model, n.HistoryMonths, n.HistoryCounts, time, figure, n.PCTGPs, n.Confidence);
}

/** The chance of at least TargetGPs at TargetDate. */
export function chanceOfTarget(n: Names): Expression {
  return FIT_CALLS.chance(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.TargetMonths, n.PCTGPs);
}

/** The date the count is as likely as not to have reached TargetGPs: the first count's date plus REACH's months. */
export function dateTargetReached(n: Names): Expression {
  return `${n.FirstDate}+${FIT_CALLS.reach(n.Model, n.HistoryMonths, n.HistoryCounts, n.TargetGPs, n.PCTGPs)}*${DAYS_PER_MONTH}`;
}
