import { ModelError } from "../../src/model/errors";
import { fittedGradient, fittedValue, type DiffusionFit } from "../../src/model/fit";
import { studentTQuantile } from "../../src/model/studentT";

/** A forecast at one time: the fitted curve and a prediction interval for a new observation. */
export interface ForecastPoint {
  readonly time: number;
  readonly value: number;
  /**
   * Lower and upper prediction bounds; undefined when the fit has no standard errors (no
   * residual degrees of freedom, or data that do not determine the parameters separately).
   */
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * The prediction interval FORECAST gave before its bounds came from the predictive distribution
 * of `src/model/predictive.ts`, kept as the baseline the coverage benchmark compares with. It
 * treats each count's error as independent of the others, as least squares on cumulative counts
 * assumes.
 *
 * The fitted curve at time t with a prediction interval for a new observation there:
 *
 * ŷ ± t_{(1+c)/2, n−k} · √(g'·Σ·g + σ²)
 *
 * where g = ∂N(t)/∂θ at the estimates, Σ = σ²·(JᵀJ)^{−1} their covariance (the delta method, so
 * g'Σg is the variance of the fitted curve), σ² = SSE/(n − k) the residual variance (the scatter
 * of a new observation about the curve) and t_{(1+c)/2, n−k} Student's t quantile for confidence
 * c with n − k degrees of freedom. The bounds are symmetric and not clipped at 0.
 *
 * Without residual degrees of freedom (n = k), or where the data do not determine the parameters
 * separately (no covariance), the bounds are undefined and only the fitted value is given, as FIT
 * gives the estimates without standard errors. Throws a `num` ModelError for a confidence
 * outside (0, 1), a Bass time before the launch, or a curve undefined at the time.
 *
 * @example leastSquaresInterval(fitDiffusion(LOGISTIC_MODEL, [0, 1, 2, 3, 4], [1200, 2700, 5000, 7300, 8800]), 6) // { time: 6, value ≈ 9,819, lower ≈ 9,797, upper ≈ 9,842 }
 */
export function leastSquaresInterval(fit: DiffusionFit, time: number, confidence = 0.95): ForecastPoint {
  if (!(confidence > 0 && confidence < 1)) throw new ModelError("num", "confidence must be between 0 and 1 (e.g. 0.95 for 95%).");
  const { model } = fit;
  if (model.timesFromLaunch && time < 0) {
    throw new ModelError("num", `${model.name} times count periods since the launch and cannot be negative (got ${time}).`);
  }
  const value = fittedValue(fit, time);
  if (!Number.isFinite(value)) throw new ModelError("num", `The ${model.name} curve is undefined at time ${time}.`);
  const { variance, localCovariance: covariance } = fit;
  if (variance === undefined || !covariance) return { time, value };
  const gradient = [0, 0, 0];
  fittedGradient(fit, time, gradient);
  let curveVariance = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) curveVariance += gradient[i] * covariance[i * 3 + j] * gradient[j];
  }
  const spread = studentTQuantile((1 + confidence) / 2, fit.dof) * Math.sqrt(Math.max(curveVariance, 0) + variance);
  const lower = value - spread;
  const upper = value + spread;
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
    throw new ModelError("num", `The prediction interval at time ${time} is too wide to compute.`);
  }
  return { time, value, lower, upper };
}
