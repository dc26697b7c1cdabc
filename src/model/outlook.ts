/**
 * What a fitted diffusion curve says about a PCT's counts, computed once for a whole model sheet:
 * the fitted curve with its lower and upper bounds at each month of a timeline and at a target
 * time, the chance of reaching a target by then, and the time the curve reaches it.
 *
 * These are the numbers the `CRS.` functions FORECAST, CHANCE and REACH give for the same
 * arguments (the same fit, `fitChosen`, and the same predictive distribution, `forecasterFor`), so
 * a workbook that cannot call the add-in can carry them as values.
 */
import { fitChosen, type ModelChoice } from "./compare";
import { centralBounds } from "./countDistribution";
import { ModelError } from "./errors";
import { forecasterFor, type CountForecaster } from "./predictive";
import { reachTime } from "./reach";

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

/** The fitted curve and its bounds at one time, as a row of FORECAST. */
export interface OutlookPoint {
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
  /** The time the fitted curve reaches the target (REACH). */
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

/** FORECAST's row at a time: an error in the curve fills the row, an error in the distribution only the bounds. */
function pointAt(forecaster: CountForecaster, time: number, confidence: number): OutlookPoint {
  const fitted = attempt(() => forecaster.fitted(time));
  if (fitted instanceof ModelError) return { fitted, lower: fitted, upper: fitted };
  try {
    return { fitted, ...centralBounds(forecaster.distribution(time), confidence) };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { fitted, lower: error, upper: error };
  }
}

/**
 * Fits the model to the counts with the market held fixed and reads the curve, its bounds, the
 * chance of the target and the time the target is reached, each as the `CRS.` function would:
 *
 * - fitted, lower, upper at t: FORECAST(model, times, counts, t, market, confidence), columns 2 to 4;
 * - chance: CHANCE(model, times, counts, target, targetTime, market);
 * - reach: REACH(model, times, counts, target, market).
 *
 * A fit that fails gives its ModelError everywhere, and as `failure`.
 *
 * @example pctOutlook({ model: "logistic", times: [0, 1, 2, 3], counts: [4, 9, 17, 28], market: 150, confidence: 0.8, target: 120, targetTime: 12, timelineTimes: [0, 6] }).chance // a probability
 */
export function pctOutlook(request: OutlookRequest): Outlook {
  const { confidence, target, targetTime } = request;
  let chosen;
  try {
    chosen = fitChosen(request.model, request.times, request.counts, { market: request.market });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const failed = { fitted: error, lower: error, upper: error };
    return {
      fittedModel: null,
      failure: error,
      timeline: request.timelineTimes.map(() => failed),
      atTarget: failed,
      chance: error,
      reachTime: error,
    };
  }
  const { fit } = chosen;
  const forecaster = forecasterFor(chosen);
  return {
    fittedModel: fit.model.name,
    failure: null,
    timeline: request.timelineTimes.map((time) => pointAt(forecaster, time, confidence)),
    atTarget: pointAt(forecaster, targetTime, confidence),
    chance: attempt(() => forecaster.distribution(targetTime).atLeast(target)),
    reachTime: attempt(() => fit.origin + reachTime(fit.model, fit.localParameters, target)),
  };
}
