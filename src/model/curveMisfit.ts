import { fittedValue, type DiffusionFit } from "./fit";
import type { Series } from "./startValues";

/**
 * Where the evidence that the curve misses the counts systematically is even (the statistic below
 * at which the pace gets half the weight), and how steeply the weight rises about it: tuned on the
 * tuning part of the real-series corpus while keeping the coverage on simulated series, where the
 * curve is right (`bench/realSeries`, `bench/coverage.ts`).
 */
const EVEN_AT = 1.0;
const STEEPNESS = 3.4;

/**
 * The weight a forecast gives the recent pace (`paceForecaster`) beside the fitted curve: how
 * strongly the counts' new adopters run in streaks about the curve, which count noise does not do
 * and a curve of the wrong market or shape does (it lies below the counts for a stretch, then
 * above them).
 *
 * With e_i = (y_i − y_{i−1}) − (N̂(t_i) − N̂(t_{i−1})) the new adopters' residuals about the curve
 * (m of them), the lag-1 autocorrelation r = Σ e_i·e_{i−1} / Σ e_i² is about 0 (a little below,
 * as the fit absorbs some of the noise) when the noise is independent from period to period, with
 * a standard error of about 1/√m (Box & Pierce 1970). The weight is a smooth step in z = r·√m:
 *
 * w = 1 / (1 + e^{−STEEPNESS·(z − EVEN_AT)})
 *
 * so a curve whose residuals show no streaks keeps most of the weight, and one whose residuals run
 * in long streaks gives most of it to the pace. A curve through every count keeps all of it.
 *
 * @example paceWeight(fit, countSeries(fit)) // under 0.05 for counts scattered independently about the curve
 */
export function paceWeight(fit: DiffusionFit, data: Series): number {
  const { t, y } = data;
  let previous = 0;
  let lagged = 0;
  let squares = 0;
  for (let i = 1; i < t.length; i++) {
    const residual = y[i] - y[i - 1] - (fittedValue(fit, t[i]) - fittedValue(fit, t[i - 1]));
    if (i > 1) lagged += residual * previous;
    squares += residual * residual;
    previous = residual;
  }
  // A curve through every count (to rounding) has no streaks to show: the curve alone.
  const rise = y[t.length - 1] - y[0];
  if (!(squares > 1e-20 * rise * rise)) return 0;
  const z = (lagged / squares) * Math.sqrt(t.length - 1);
  return 1 / (1 + Math.exp(-STEEPNESS * (z - EVEN_AT)));
}
