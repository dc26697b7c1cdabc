import { accumulatedCovariance } from "./accumulatedCovariance";
import { fitChosen, type ChosenFit, type ModelChoice, type ModelComparison } from "./compare";
import { atMost, knownCount, mixture, positiveAmount, unknownSpread, type CountDistribution } from "./countDistribution";
import { paceWeight } from "./curveMisfit";
import { ModelError } from "./errors";
import { checkSeries, fittedGradient, fittedValue, type DiffusionFit, type FitOptions } from "./fit";
import { countSeries, estimateIncrementNoise, type CountSeries, type IncrementNoise } from "./incrementNoise";
import { paceForecaster } from "./pace";
import { series, type Series } from "./startValues";

/** The Akaike weight below which a model is left out of "auto"'s mixture. */
const NEGLIGIBLE_WEIGHT = 1e-9;

/** The most steps the scatter of new adopters is summed over, however far ahead the time. */
const MAX_STEPS = 600;

/**
 * What a fit says about the count at any time: the fitted curve there, and a predictive
 * distribution for the count itself, from which FORECAST reads its bounds and CHANCE its
 * probabilities.
 */
export interface CountForecaster {
  /** The counts forecast from: one per distinct time (the mean of several), by time. */
  readonly counts: Series;
  /** The fitted curve at `time` (FORECAST's "Fitted" column). */
  fitted(time: number): number;
  /** The predictive distribution of the count at `time`. */
  distribution(time: number): CountDistribution;
}

/**
 * The predictive distribution of a single fitted model.
 *
 * The noise of adoption counts is in each period's new adopters, and it accumulates: a count is
 * the last count plus the new adopters since. So:
 *
 * - **After the last count** (time T > t_n) the count is y_n + X: the last count, which already
 *   holds all the past noise, plus the new adopters X expected from the fitted curve,
 *   N̂(T) − N̂(t_n). X is uncertain twice over: the curve is estimated (its variance g'Σg by the
 *   delta method, g = ∇N(T) − ∇N(t_n), Σ the sandwich covariance of `accumulatedCovariance`), and
 *   new adopters scatter about the curve (`IncrementNoise`, summed period by period from t_n to
 *   T). Its shape is `positiveAmount`'s, with Student's t on n − k degrees of freedom: skewed
 *   upwards, so the bounds are not symmetric about the fitted curve.
 * - **At a time with a count** the count is known: that count (the mean of several at the same
 *   time).
 * - **Between two counts** (or before the first, from 0) the count lies between them: the new
 *   adopters between the two counts, split in the proportion the curve and the noise give, with
 *   the variance of that split given their total (the normal-theory conditional, as a binomial
 *   split for Poisson counts). The counts on either side fix it; the curve's own uncertainty is
 *   left out there.
 *
 * With whole counts the distribution is continuity-corrected: X stands for the new adopters plus
 * a half, so that P(count ≥ 45) is the chance of 45 or more, not of more than 44.5.
 *
 * A fit with no residual degrees of freedom, or whose parameters the data do not determine, has a
 * fitted curve but no distribution: the distribution's methods throw a ModelError saying why,
 * `na` or `num` as FIT's standard errors show those cases.
 *
 * @example countForecaster(fitDiffusion(LOGISTIC_MODEL, months, gps)).distribution(15).quantile(0.975) // the 95% upper bound at month 15
 */
export function countForecaster(fit: DiffusionFit): CountForecaster {
  const fitted = (time: number): number => curveAt(fit, time);
  const data = countSeries(fit);
  // Degrees of freedom of the distinct times: a row entered twice adds no information.
  const dof = data.t.length - fit.k;
  // Without a measure of the scatter, the count at or between counts follows the fitted curve's
  // share of the counts' rise (the limit of `betweenCounts` as the scatter vanishes); after the
  // last count it has no distribution.
  const withoutSpread = (kind: "na" | "num", reason: string): CountForecaster => ({
    counts: data,
    fitted,
    distribution(time) {
      fitted(time);
      return time > data.t[data.t.length - 1] ? unknownSpread(kind, reason) : alongCurve(fit, data, time);
    },
  });
  const undetermined = `The values do not determine the ${fit.model.name} parameters separately, so the forecast has no bounds.`;
  if (dof <= 0) return withoutSpread("na", fit.uncertaintyNote ?? undetermined);
  if (!fit.localCovariance) return withoutSpread("num", fit.uncertaintyNote ?? undetermined);
  const noise = estimateIncrementNoise(fit, data);
  const covariance = accumulatedCovariance(fit, data, noise);
  if (!covariance) return withoutSpread("num", undetermined);
  const whole = fit.values.every(Number.isInteger);
  const shift = whole ? 0.5 : 0;
  return {
    counts: data,
    fitted,
    distribution(time) {
      fitted(time);
      const last = data.t.length - 1;
      if (time > data.t[last]) return withinMarket(fit, data, afterLastCount(fit, data, noise, covariance, time, shift, dof));
      const next = data.t.findIndex((t) => t >= time);
      if (data.t[next] === time) return knownCount(data.y[next]);
      return betweenCounts(fit, data, noise, next, time, shift, dof);
    },
  };
}

/**
 * The predictive distribution of "auto": the models' distributions mixed in proportion to their
 * Akaike weights (Burnham & Anderson 2002, model averaging), so that the bounds and chances carry
 * the uncertainty of which curve is right as well as of its parameters. The fitted curve is the
 * chosen model's (the lowest AICc). A model whose distribution is undefined is left out.
 *
 * @example averagedForecaster(compareModels(months, gps)).distribution(15).atLeast(400) // a probability
 */
export function averagedForecaster(comparison: ModelComparison): CountForecaster {
  const best = countForecaster(comparison.best.fit);
  // A model with a weight below NEGLIGIBLE_WEIGHT cannot move a chance visibly: it is left out.
  const parts = comparison.scores
    .filter((score) => score.fit && score.weight > NEGLIGIBLE_WEIGHT)
    .map((score) => ({ weight: score.weight, forecaster: score === comparison.best ? best : countForecaster(score.fit!) }));
  return {
    counts: best.counts,
    fitted: best.fitted,
    distribution(time) {
      best.fitted(time);
      const usable: { weight: number; distribution: CountDistribution }[] = [];
      let failure: unknown;
      for (const part of parts) {
        try {
          const distribution = part.forecaster.distribution(time);
          distribution.atLeast(0);
          usable.push({ weight: part.weight, distribution });
        } catch (error) {
          failure ??= error;
        }
      }
      if (usable.length === 0) throw failure;
      const total = usable.reduce((sum, part) => sum + part.weight, 0);
      return mixture(usable.map((part) => ({ weight: part.weight / total, distribution: part.distribution })));
    },
  };
}

/**
 * The forecaster FORECAST, CHANCE and REACH use: the fitted curves' predictive distribution
 * (`countForecaster`, or `averagedForecaster` for "auto") and, after the last count, the recent
 * pace carried on (`paceForecaster`) beside it.
 *
 * The curves' distribution holds where the curve is right and only the counts scatter about it.
 * On real adoption a curve fitted early is often wrong in its market or shape, in ways no count
 * noise explains, and then the counts run in streaks about it. So after the last count the count
 * is a mixture: with weight 1 − w the curves' distribution, with weight w the pace's, w =
 * `paceWeight` (small when the residuals show no streaks, large when they do). Where the curve's
 * distribution is undefined (no degrees of freedom left, or parameters the data do not determine)
 * the pace alone gives the bounds. At and between counts the curves' distribution stands.
 *
 * @example forecasterFor(fitChosen("auto", months, gps)).distribution(15).quantile(0.9) // the 80% upper bound at month 15
 */
export function forecasterFor(chosen: ChosenFit): CountForecaster {
  const curve = chosen.comparison ? averagedForecaster(chosen.comparison) : countForecaster(chosen.fit);
  const { fit } = chosen;
  const data = curve.counts;
  const pace = paceOf(data);
  if (!pace) return curve;
  const weight = paceWeight(fit, data);
  const last = data.t[data.t.length - 1];
  return {
    counts: data,
    fitted: curve.fitted,
    distribution(time) {
      if (!(time > last)) return curve.distribution(time);
      curve.fitted(time);
      let curveDistribution: CountDistribution;
      try {
        curveDistribution = curve.distribution(time);
        curveDistribution.atLeast(0);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        return withinMarket(fit, data, pace.distribution(time));
      }
      return mixture([
        { weight: 1 - weight, distribution: curveDistribution },
        { weight, distribution: withinMarket(fit, data, pace.distribution(time)) },
      ]);
    },
  };
}

/**
 * The forecaster of counts: `forecasterFor` the model fitted (`fitChosen`), or, where no curve can
 * be fitted to counts that are otherwise fine, `withoutCurve`.
 *
 * @example forecastOf("auto", months, gps).forecaster.distribution(15).quantile(0.5) // the forecast at month 15
 */
export function forecastOf(
  choice: ModelChoice,
  times: readonly number[],
  values: readonly number[],
  options: FitOptions = {},
): { readonly chosen?: ChosenFit; readonly failure?: ModelError; readonly forecaster: CountForecaster } {
  let chosen: ChosenFit;
  try {
    chosen = fitChosen(choice, times, values, options);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { failure: error, forecaster: withoutCurve(times, values, error, options.market) };
  }
  return { chosen, forecaster: forecasterFor(chosen) };
}

/**
 * The forecaster of counts no curve could be fitted to (`failure` says why: the market not yet
 * determined, a fit that does not settle, too few points for "auto" to compare): the recent pace
 * alone after the last count (`paceForecaster`, within a known market), the counts themselves at
 * their times and the straight line between two counts; its fitted curve throws `failure`. So such
 * counts get wide, honest bounds rather than none. Counts a fit refuses as such (text, counts that
 * do not grow, too few for the pace) and a model that cannot take the times (`value`: Bass with
 * dates) throw `failure`.
 *
 * @example withoutCurve([1, 2, 3, 4, 5, 6], [2, 5, 9, 14, 20, 27], failure).distribution(8).quantile(0.9) // an upper bound
 */
export function withoutCurve(times: readonly number[], values: readonly number[], failure: ModelError, market?: number): CountForecaster {
  if (failure.kind === "value") throw failure;
  try {
    checkSeries(times, values, market);
  } catch {
    throw failure;
  }
  const data = series(times, values);
  const pace = paceOf(data);
  if (!pace) throw failure;
  const last = data.t.length - 1;
  const ceiling = market === undefined ? Infinity : Math.max(market, data.y[last]);
  return {
    counts: data,
    fitted() {
      throw failure;
    },
    distribution(time) {
      if (time > data.t[last]) return atMost(pace.distribution(time), ceiling);
      const next = data.t.findIndex((t) => t >= time);
      if (data.t[next] === time) return knownCount(data.y[next]);
      if (next === 0) throw failure;
      // Without a curve, the count between two counts is taken on the straight line between them.
      const share = (time - data.t[next - 1]) / (data.t[next] - data.t[next - 1]);
      return knownCount(data.y[next - 1] + share * (data.y[next] - data.y[next - 1]));
    },
  };
}

/** The recent pace of the counts, or undefined where there are too few to measure it. */
function paceOf(data: Series): ReturnType<typeof paceForecaster> | undefined {
  try {
    return paceForecaster(data);
  } catch (error) {
    if (error instanceof ModelError) return undefined;
    throw error;
  }
}

/**
 * A forecast's distribution kept within a known market: the PCT cannot register more GPs than it
 * has, so with a market held fixed the count is at most that market (the chance beyond it is 0,
 * and the bounds stop there). A fitted market is itself uncertain and sets no such limit. Counts
 * already past a market given too small still stand: the ceiling is never below the last count.
 */
function withinMarket(fit: DiffusionFit, data: Series, distribution: CountDistribution): CountDistribution {
  return fit.fixedMarket ? atMost(distribution, Math.max(fit.parameters[fit.model.market], data.y[data.y.length - 1])) : distribution;
}

/** The fitted curve at a time, or the ModelError a user should see for a time it is not defined at. */
function curveAt(fit: DiffusionFit, time: number): number {
  const { model } = fit;
  if (model.timesFromLaunch && time < 0) {
    throw new ModelError("num", `${model.name} times count periods since the launch and cannot be negative (got ${time}).`);
  }
  const value = fittedValue(fit, time);
  if (!Number.isFinite(value)) throw new ModelError("num", `The ${model.name} curve is undefined at time ${time}.`);
  return value;
}

/** The count after the last one: the last count plus the new adopters since (see `countForecaster`). */
function afterLastCount(
  fit: DiffusionFit,
  data: CountSeries,
  noise: IncrementNoise,
  covariance: readonly number[],
  time: number,
  shift: number,
  dof: number,
): CountDistribution {
  const last = data.t.length - 1;
  const start = data.t[last];
  const startLevel = fittedValue(fit, start);
  const expected = Math.max(fittedValue(fit, time) - startLevel, 0);
  const atTime = [0, 0, 0];
  const atStart = [0, 0, 0];
  fittedGradient(fit, time, atTime);
  fittedGradient(fit, start, atStart);
  let curveVariance = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) curveVariance += (atTime[i] - atStart[i]) * covariance[i * 3 + j] * (atTime[j] - atStart[j]);
  }
  // The new adopters' scatter, period by period (the last step may be part of a period); beyond
  // MAX_STEPS periods ahead, in MAX_STEPS equal steps of several periods each, so that a time far
  // off still takes a bounded time.
  const steps = Math.min(MAX_STEPS, Math.max(1, Math.ceil((time - start) / noise.period - 1e-9)));
  const stepPeriods = (time - start) / noise.period / steps;
  let noiseVariance = 0;
  let level = startLevel;
  for (let s = 1; s <= steps; s++) {
    const next = s === steps ? startLevel + expected : fittedValue(fit, start + ((time - start) * s) / steps);
    noiseVariance += noise.variance(Math.max(next - level, 0), stepPeriods);
    level = next;
  }
  return positiveAmount(data.y[last], expected + shift, Math.max(curveVariance, 0), noiseVariance, dof);
}

/**
 * The count at a time up to the last count when the scatter is unknown: a count where there is
 * one, else the counts before and after it (0 before the first) joined in the proportion the
 * fitted curve rises between them, N̂(t) − N̂(t_before) of N̂(t_after) − N̂(t_before).
 */
function alongCurve(fit: DiffusionFit, data: CountSeries, time: number): CountDistribution {
  const next = data.t.findIndex((t) => t >= time);
  if (data.t[next] === time) return knownCount(data.y[next]);
  const before = next === 0 ? { level: 0, count: 0 } : { level: fittedValue(fit, data.t[next - 1]), count: data.y[next - 1] };
  const rise = fittedValue(fit, data.t[next]) - before.level;
  const share = rise > 0 ? Math.min(Math.max((fittedValue(fit, time) - before.level) / rise, 0), 1) : 0;
  return knownCount(before.count + share * (data.y[next] - before.count));
}

/**
 * The count between the counts before and after it (or 0 and the first count), the count after it
 * being `data.t[next]` (see `countForecaster`): for Poisson scatter, the binomial split of the
 * gain between the two counts in the proportion the curve rises, to the cube root's accuracy.
 *
 * @example betweenCounts(fit, countSeries(fit), noise, 5, 4.5, 0.5, fit.dof).quantile(0.5) // between the counts at months 4 and 5
 */
export function betweenCounts(fit: DiffusionFit, data: CountSeries, noise: IncrementNoise, next: number, time: number, shift: number, dof: number): CountDistribution {
  const before = next === 0 ? { level: 0, count: 0 } : { level: fittedValue(fit, data.t[next - 1]), count: data.y[next - 1] };
  const levelAt = fittedValue(fit, time);
  const levelAfter = fittedValue(fit, data.t[next]);
  const firstPart = Math.max(levelAt - before.level, 0);
  const secondPart = Math.max(levelAfter - levelAt, 0);
  const whole = firstPart + secondPart;
  // Each part's share of the span in periods (the first count's span is one period).
  const spanPeriods = next === 0 ? 1 : (data.t[next] - data.t[next - 1]) / noise.period;
  const share = whole > 0 ? firstPart / whole : 0.5;
  const firstVariance = noise.variance(firstPart, spanPeriods * share);
  const secondVariance = noise.variance(secondPart, spanPeriods * (1 - share));
  const gained = data.y[next] - before.count;
  const totalVariance = firstVariance + secondVariance;
  const weight = totalVariance > 0 ? firstVariance / totalVariance : share;
  const mean = Math.min(Math.max(firstPart + weight * (gained - whole), 0), Math.max(gained, 0));
  const variance = totalVariance > 0 ? (firstVariance * secondVariance) / totalVariance : 0;
  if (!(variance > 0)) return knownCount(before.count + mean);
  // Counts never fall, so the count between two counts is at most the later one.
  return atMost(positiveAmount(before.count, mean + shift, 0, variance, dof), Math.max(data.y[next], before.count));
}
