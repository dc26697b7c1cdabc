import { unscaledCovariance } from "./covariance";
import type { DiffusionModel, ModelParameters } from "./diffusion";
import { ModelError } from "./errors";
import { formatCount } from "./format";
import { hasConverged, levenbergMarquardt, type LevenbergMarquardtResult } from "./levenbergMarquardt";
import { line } from "./regression";
import { SeparableProblem } from "./separable";
import type { ShapeStart } from "./startValues";
import { carriedStandardErrors, carryCovariance, curveOrigin, timesAreDates, toCallerClock } from "./timeOrigin";

/** The most points a fit accepts, so that a fit always returns promptly. */
export const MAX_POINTS = 10_000;

/**
 * The largest market size, as a multiple of the largest value, that a fit reports: beyond it
 * the data show no levelling off and do not determine the market size.
 */
const MARKET_LIMIT = 10_000;

/** The largest value a fit accepts: the sums of squares of larger ones can overflow. */
export const MAX_VALUE = 1e150;

/** How many of the best starting values the fit refines. */
const REFINED_STARTS = 3;

export interface FitOptions {
  /** A known market size, held fixed; the other two parameters are fitted. */
  readonly market?: number;
}

/** A least-squares fit of a diffusion model to cumulative values. */
export interface DiffusionFit {
  readonly model: DiffusionModel;
  /** The data fitted, as given. */
  readonly times: readonly number[];
  readonly values: readonly number[];
  /**
   * The estimates on the caller's clock, in the model's parameter order (a fixed market as
   * given). A Gompertz `a` fitted to dates can be Infinity (see `toCallerClock`); the curve
   * itself is always defined by `origin` and `localParameters`.
   */
  readonly parameters: ModelParameters;
  /** The time the fit counts time from (see `curveOrigin`): 0 for Bass, the earliest time otherwise. */
  readonly origin: number;
  /** The estimates on the fit's own clock, times since `origin`: N(t) = model.value(t − origin, localParameters). */
  readonly localParameters: ModelParameters;
  /** Whether the market size was given and held fixed. */
  readonly fixedMarket: boolean;
  /** Number of points. */
  readonly n: number;
  /** Number of fitted (free) parameters: 3, or 2 with a fixed market. */
  readonly k: number;
  /** Residual degrees of freedom, n − k. */
  readonly dof: number;
  /** Sum of squared residuals Σ (y_i − N(t_i))². */
  readonly sse: number;
  /** Root mean squared residual √(SSE/n). */
  readonly rmse: number;
  /** Coefficient of determination 1 − SSE/Σ (y_i − ȳ)². */
  readonly r2: number;
  /** Residual variance σ² = SSE/(n − k); undefined when n = k (no residual degrees of freedom). */
  readonly variance?: number;
  /**
   * Covariance of the estimates σ²·(JᵀJ)^{−1}, 3 × 3 row-major in the model's order (zeros for
   * a fixed market); undefined when n = k or when the data do not determine the parameters.
   * Entries involving an infinite Gompertz `a` are not finite.
   */
  readonly covariance?: number[];
  /** The same on the fit's own clock (always finite where defined). */
  readonly localCovariance?: number[];
  /**
   * Standard errors √diag(covariance) (0 for a fixed market), where the covariance is defined;
   * not finite only for an infinite Gompertz `a`.
   */
  readonly standardErrors?: ModelParameters;
  /** Why there is no covariance, when there is none. */
  readonly uncertaintyNote?: string;
  /** Levenberg–Marquardt iterations of the winning start. */
  readonly iterations: number;
}

/**
 * Fits a diffusion model to cumulative values y_i at times t_i by least squares,
 * minimising SSE = Σ (y_i − N(t_i; θ))² over θ with every positive parameter kept positive.
 *
 * The market size m enters linearly, so it is solved for in closed form and the search runs over
 * the two shape parameters only (see `SeparableProblem`), by Levenberg–Marquardt with analytic
 * Jacobians from several data-driven starting values (see `startValues.ts`), keeping the lowest
 * SSE. With `options.market` the market size is held fixed and two parameters are fitted.
 *
 * Standard errors are √diag(σ²·(JᵀJ)^{−1}) with σ² = SSE/(n − k) and J the Jacobian of the fitted
 * values in the k free parameters at the optimum, as scipy's curve_fit reports them.
 *
 * The logistic and Gompertz curves are fitted on times since the earliest time and their
 * parameters restated for the caller's clock (`toCallerClock`), so dates fit as well as months.
 * The Bass curve starts at its launch (t = 0): times that are dates are a `value` ModelError.
 *
 * Throws a ModelError: `value` for lists of different lengths or non-finite numbers; `na` for
 * fewer points (at distinct times) than free parameters; `num` for values outside the domain
 * (negative counts, negative Bass times, a market size ≤ 0), values that do not grow, and data
 * that do not determine the curve.
 *
 * @example fitDiffusion(LOGISTIC_MODEL, [0, 1, 2, 3, 4], [1200, 2700, 5000, 7300, 8800]).parameters // ≈ [10,000, 1.0, 2.0]
 */
export function fitDiffusion(
  model: DiffusionModel,
  times: readonly number[],
  values: readonly number[],
  options: FitOptions = {},
): DiffusionFit {
  const { market } = options;
  const n = times.length;
  checkData(model, times, values, market);
  const k = market === undefined ? 3 : 2;
  const origin = curveOrigin(model, times);
  const local = times.map((t) => t - origin);

  // The fit runs on values divided by the largest one, so that counts of any size (a few sites or
  // millions of staff) neither overflow nor underflow the sums of squares; m and the SSE are
  // scaled back at the end, the shape parameters do not depend on the scale.
  const largest = Math.max(...values);
  const scaled = values.map((y) => y / largest);
  const scaledMarket = market === undefined ? undefined : market / largest;
  const problem = new SeparableProblem(model, Float64Array.from(local), Float64Array.from(scaled), scaledMarket);
  const starts = chooseStarts(problem, model.starts(local, scaled, scaledMarket), local);
  let best: LevenbergMarquardtResult | undefined;
  for (const start of starts) {
    const result = levenbergMarquardt(problem.objective, problem.coordinates(start));
    if (Number.isFinite(result.sse) && (!best || result.sse < best.sse)) best = result;
  }
  if (!best) {
    throw new ModelError("num", `No ${model.name} curve can be fitted to these values: the model is undefined at every starting point.`);
  }
  let shape = problem.shape(best.u);
  // A parameter allowed to be 0 (Bass q) is searched on a log scale and can only approach 0:
  // where 0 itself fits as well (to rounding), it is 0.
  for (let j = 0; j < 2; j++) {
    if (!model.zeroAllowed[j]) continue;
    const atZero: [number, number] = j === 0 ? [0, shape[1]] : [shape[0], 0];
    if (problem.sseOf(atZero) <= problem.sseOf(shape) * (1 + 1e-12)) shape = atZero;
  }
  const relative = problem.parametersOf(shape);
  const localParameters = relative.map((value, j) => (j === model.market ? (market ?? value * largest) : value)) as unknown as ModelParameters;
  const sse = problem.sseOf(shape) * largest * largest;
  const runaway = localParameters.findIndex((value) => !(Math.abs(value) < 1e250));
  if (runaway >= 0 || !Number.isFinite(sse)) {
    const which = runaway >= 0 ? ` (${model.parameters[runaway]} grows without bound)` : "";
    throw new ModelError("num", `No ${model.name} curve fits these values: the best fit runs off to parameters too large to represent${which}.`);
  }
  const { parameters, jacobian } = toCallerClock(model, localParameters, origin);
  if (market === undefined && relative[model.market] > MARKET_LIMIT) {
    throw new ModelError(
      "num",
      `The values do not yet show the ${model.name} curve levelling off, so its market size is not determined (the fit runs past ${formatCount(MARKET_LIMIT)} times the largest value). Give a known market size.`,
    );
  }
  if (!hasConverged(best)) {
    throw new ModelError(
      "num",
      `The ${model.name} fit did not settle ${best.stop === "iteration-limit" ? "within its iteration limit" : "on a minimum"}: the values do not determine the curve well. Give a known market size, or more points.`,
    );
  }

  const mean = values.reduce((sum, y) => sum + y, 0) / n;
  const total = values.reduce((sum, y) => sum + (y - mean) * (y - mean), 0);
  const dof = n - k;
  const result = {
    model,
    times,
    values,
    parameters,
    origin,
    localParameters,
    fixedMarket: market !== undefined,
    n,
    k,
    dof,
    sse,
    rmse: Math.sqrt(sse / n),
    r2: 1 - sse / total,
    iterations: best.iterations,
  };
  if (dof === 0) {
    return {
      ...result,
      uncertaintyNote: `${n} points for ${k} fitted parameters leave no residual degrees of freedom to estimate the uncertainty from: give more points.`,
    };
  }
  const variance = sse / dof;
  const free: [boolean, boolean, boolean] = [true, true, true];
  if (market !== undefined) free[model.market] = false;
  const unscaled = unscaledCovariance(model, localParameters, local, free);
  const localCovariance = unscaled?.map((c) => c * variance);
  if (!localCovariance || !localCovariance.every(Number.isFinite)) {
    return {
      ...result,
      variance,
      uncertaintyNote: `The values do not determine the ${model.name} parameters separately (their standard errors are unbounded).`,
    };
  }
  const covariance = carryCovariance(jacobian, localCovariance);
  const standardErrors = carriedStandardErrors(jacobian, localCovariance);
  return { ...result, variance, covariance, localCovariance, standardErrors };
}

/**
 * The fitted curve at time t (on the caller's clock): N(t − origin; localParameters).
 *
 * @example fittedValue(fitDiffusion(LOGISTIC_MODEL, [38533, 38564, 38595, 38625], [10, 50, 90, 99]), 38580) // ≈ 75.6
 */
export function fittedValue(fit: DiffusionFit, t: number): number {
  return fit.model.value(t - fit.origin, fit.localParameters);
}

/** Writes ∂N/∂θ_local at time t (on the caller's clock) into out, in the model's parameter order. */
export function fittedGradient(fit: DiffusionFit, t: number, out: { [index: number]: number }): void {
  fit.model.gradient(t - fit.origin, fit.localParameters, out);
}

/**
 * Checks what every model needs of the data and the market size, throwing the ModelError a user
 * should see: lists of the same length of finite numbers, at most MAX_POINTS, values at as many
 * different times as the fit has parameters (`what` names the fit in that message), counts 0 or
 * more that rise, a market size greater than 0.
 *
 * @example checkSeries([1, 2, 3], [10, 20, 15]) // passes: a dip is noise, the trend rises
 */
export function checkSeries(times: readonly number[], values: readonly number[], market?: number, what = "A fit"): void {
  const n = times.length;
  if (values.length !== n) {
    throw new ModelError("value", `times and values must have as many cells each (times has ${n}, values ${values.length}).`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) throw new ModelError("value", `times must hold only numbers: item ${i + 1} is not a finite number.`);
    if (!Number.isFinite(values[i])) throw new ModelError("value", `values must hold only numbers: item ${i + 1} is not a finite number.`);
  }
  if (market !== undefined && !(market > 0 && Number.isFinite(market))) {
    throw new ModelError("num", "market must be greater than 0.");
  }
  if (n > MAX_POINTS) {
    throw new ModelError("num", `A fit takes at most ${formatCount(MAX_POINTS)} points (got ${formatCount(n)}).`);
  }
  const k = market === undefined ? 3 : 2;
  const distinct = new Set(times).size;
  if (distinct < k) {
    const hint = market === undefined ? " Give a known market size to fit 2 parameters." : "";
    throw new ModelError("na", `${what} of ${k} parameters needs values at ${k} or more different times (got ${distinct}).${hint}`);
  }
  const negative = values.findIndex((y) => y < 0);
  if (negative >= 0) {
    throw new ModelError("num", `values are cumulative counts and cannot be negative: item ${negative + 1} is ${values[negative]}.`);
  }
  if (Math.max(...values) > MAX_VALUE) {
    throw new ModelError("num", `values must be below ${MAX_VALUE.toExponential()} for their squares to be summed.`);
  }
  if (Math.max(...values) === Math.min(...values)) {
    throw new ModelError("num", "values do not change, so there is no growth to fit a curve to.");
  }
  const trend = line(times as number[], values as number[]);
  if (!trend || !(trend[1] > 0)) {
    throw new ModelError("num", "values do not grow over time; an adoption curve needs cumulative counts that rise.");
  }
}

/** Checks the data for one model (see `checkSeries`; and enough distinct times, Bass times since the launch). */
function checkData(model: DiffusionModel, times: readonly number[], values: readonly number[], market: number | undefined): void {
  checkSeries(times, values, market, `A ${model.name} fit`);
  if (model.timesFromLaunch) {
    if (timesAreDates(times)) {
      throw new ModelError(
        "value",
        `${model.name} counts time from the launch (t = 0), and these times look like dates (the earliest is ${formatCount(Math.min(...times))}): give periods since the launch instead, or use "logistic" or "gompertz".`,
      );
    }
    const before = times.findIndex((t) => t < 0);
    if (before >= 0) {
      throw new ModelError(
        "num",
        `${model.name} times count periods since the launch and cannot be negative: item ${before + 1} is ${times[before]}.`,
      );
    }
  }
}

/**
 * The starting values worth refining: the lowest-SSE start, then the next best ones that are not
 * close to a start already chosen (so the refinements explore different valleys).
 */
function chooseStarts(problem: SeparableProblem, candidates: readonly ShapeStart[], times: readonly number[]): ShapeStart[] {
  const scored = candidates
    .map((shape) => ({ shape, sse: problem.sseOf(shape), u: problem.coordinates(shape) }))
    .filter((candidate) => Number.isFinite(candidate.sse) && candidate.u.every(Number.isFinite))
    .sort((a, b) => a.sse - b.sse);
  const span = Math.max(...times) - Math.min(...times) || 1;
  const unit = [problem.logScale(0) ? 1 : span, problem.logScale(1) ? 1 : span];
  const chosen: typeof scored = [];
  for (const candidate of scored) {
    const far = chosen.every((other) => Math.max(...[0, 1].map((j) => Math.abs(candidate.u[j] - other.u[j]) / unit[j])) > 0.05);
    if (far) chosen.push(candidate);
    if (chosen.length === REFINED_STARTS) break;
  }
  return chosen.map((candidate) => candidate.shape);
}
