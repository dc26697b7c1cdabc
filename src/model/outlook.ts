/**
 * What a fitted diffusion curve says about a PCT's counts, computed once for a whole model sheet:
 * the forecast (the median of the count) with its lower and upper bounds and the fitted curve at
 * each month of a timeline and at a target time, the chance of reaching a target by then, and the
 * time by which reaching it is as likely as not.
 *
 * These are the numbers the `CRS.` functions FORECAST, CHANCE and REACH give for the same
 * arguments (the same fit and predictive distribution, `forecastOf`), so a workbook that cannot
 * call the add-in can carry them as values.
 */
import type { ModelChoice } from "./compare";
import { timeAsLikelyAsNot } from "./asLikelyAsNot";
import { centralBounds } from "./countDistribution";
import { ModelError } from "./errors";
import { forecastOf, type CountForecaster } from "./predictive";

/** What to fit and where to read the fitted curve. */
export interface OutlookRequest {
  readonly model: ModelChoice;
  /** The times of the counts (e.g. months since the first count). */
  readonly times: readonly number[];
  /** The cumulative counts at those times. */
  readonly counts: readonly number[];
  /** The market size, held fixed (e.g. the PCT's GPs). */
  readonly market: number;
  /** The probability the bounds are to hold the count, between 0 and 1 (e.g. 0.8). */
  readonly confidence: number;
  /** The count to reach, and the time to reach it by. */
  readonly target: number;
  readonly targetTime: number;
  /** The times of a timeline to read the curve and its bounds at. */
  readonly timelineTimes: readonly number[];
}

/** A number, or the ModelError the `CRS.` function would show in its place. */
export type OutlookValue = number | ModelError;

/** The forecast, its bounds and the fitted curve at one time, as a row of FORECAST. */
export interface OutlookPoint {
  /** The median of the count (FORECAST's "Forecast"). */
  readonly forecast: OutlookValue;
  /** The least-squares curve (FORECAST's "Fitted"). */
  readonly fitted: OutlookValue;
  readonly lower: OutlookValue;
  readonly upper: OutlookValue;
}

/** The outlook of a fit. */
export interface Outlook {
  /** The model fitted ("auto" resolved to the model it chose), or null if the fit failed. */
  readonly fittedModel: string | null;
  /** Why there is no fit, or null. */
  readonly failure: ModelError | null;
  /** The curve and its bounds at each timeline time, in order. */
  readonly timeline: readonly OutlookPoint[];
  readonly atTarget: OutlookPoint;
  /** The probability that the count at the target time is at least the target (CHANCE). */
  readonly chance: OutlookValue;
  /** The earliest time by which the target is as likely as not reached (REACH). */
  readonly reachTime: OutlookValue;
}

/** The value a computation gives, or the ModelError it throws; anything else is a fault. */
function attempt(compute: () => number): OutlookValue {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
}

/** FORECAST's row at a time: an error in the curve fills only the fitted column, an error in the distribution the rest. */
function pointAt(forecaster: CountForecaster, time: number, confidence: number): OutlookPoint {
  const fitted = attempt(() => forecaster.fitted(time));
  try {
    const distribution = forecaster.distribution(time);
    return { forecast: distribution.quantile(0.5), fitted, ...centralBounds(distribution, confidence) };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { forecast: error, fitted, lower: error, upper: error };
  }
}

/**
 * Fits the model to the counts with the market held fixed and reads the forecast, its bounds, the
 * curve, the chance of the target and the time the target is as likely as not reached, each as the
 * `CRS.` function would:
 *
 * - forecast, lower, upper, fitted at t: FORECAST(model, times, counts, t, market, confidence), columns 2 to 5;
 * - chance: CHANCE(model, times, counts, target, targetTime, market);
 * - reach: REACH(model, times, counts, target, market).
 *
 * A fit that fails gives its ModelError as `failure` and in the fitted curve; the forecast and
 * its bounds then come from the recent pace alone where the counts allow (`withoutCurve`), and
 * are that error otherwise.
 *
 * @example pctOutlook({ model: "logistic", times: [0, 1, 2, 3], counts: [4, 9, 17, 28], market: 150, confidence: 0.8, target: 120, targetTime: 12, timelineTimes: [0, 6] }).chance // a probability
 */
export function pctOutlook(request: OutlookRequest): Outlook {
  const { confidence, target, targetTime } = request;
  let forecast;
  try {
    forecast = forecastOf(request.model, request.times, request.counts, { market: request.market });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const failed = { forecast: error, fitted: error, lower: error, upper: error };
    return {
      fittedModel: null,
      failure: error,
      timeline: request.timelineTimes.map(() => failed),
      atTarget: failed,
      chance: error,
      reachTime: error,
    };
  }
  const { forecaster } = forecast;
  return {
    fittedModel: forecast.chosen?.fit.model.name ?? null,
    failure: forecast.failure ?? null,
    timeline: request.timelineTimes.map((time) => pointAt(forecaster, time, confidence)),
    atTarget: pointAt(forecaster, targetTime, confidence),
    chance: attempt(() => forecaster.distribution(targetTime).atLeast(target)),
    reachTime: attempt(() => timeAsLikelyAsNot(forecaster, target)),
  };
}
