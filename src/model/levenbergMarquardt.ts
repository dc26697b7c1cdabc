import { solveSymmetric } from "./linearAlgebra";

/**
 * What a least-squares objective reports at a point u: the sum of squared residuals
 * SSE = Σ r_i² (Infinity where the model is undefined), and the normal equations of its
 * Jacobian J = ∂r/∂u, JᵀJ (d × d, row-major) and Jᵀr.
 */
export interface NormalEquations {
  sse: number;
  readonly jtj: Float64Array;
  readonly jtr: Float64Array;
}

/** Fills `out` with the SSE and normal equations at u. */
export type LeastSquaresObjective = (u: Float64Array, out: NormalEquations) => void;

export interface LevenbergMarquardtOptions {
  /** The most iterations (trial steps, accepted or not); a bound so a fit never hangs. */
  readonly maxIterations: number;
  /** Stop when an accepted step lowers the SSE by less than this fraction, as predicted and as found. */
  readonly ftol: number;
  /** Stop when a step moves every coordinate by less than this, relative to its size. */
  readonly xtol: number;
  /** Stop when the gradient is this small: max_j |Jᵀr|_j / √((JᵀJ)_jj · SSE). */
  readonly gtol: number;
}

export const DEFAULT_LM_OPTIONS: LevenbergMarquardtOptions = { maxIterations: 200, ftol: 1e-15, xtol: 1e-13, gtol: 1e-12 };

/**
 * Why a Levenberg–Marquardt search stopped. It converged on "exact" (SSE = 0),
 * "small-gradient" (gtol), "small-reduction" (ftol) or "small-step" (xtol); it gave up on
 * "no-smaller-step" (no step lowers the SSE, however strongly damped: λ passed 1e30),
 * "iteration-limit" (maxIterations) or "undefined-start" (the SSE is not finite at u0).
 */
export type StopReason =
  | "exact"
  | "small-gradient"
  | "small-reduction"
  | "small-step"
  | "no-smaller-step"
  | "iteration-limit"
  | "undefined-start";

export interface LevenbergMarquardtResult {
  readonly u: Float64Array;
  readonly sse: number;
  readonly iterations: number;
  readonly stop: StopReason;
}

/** The stops at which a search has found a minimum, rather than given up. */
const CONVERGED_STOPS: ReadonlySet<StopReason> = new Set(["exact", "small-gradient", "small-reduction", "small-step"]);

/**
 * Whether a search stopped because it found a minimum (a stopping test was met), not because
 * it gave up.
 *
 * @example hasConverged({ u: Float64Array.of(3), sse: 0, iterations: 2, stop: "exact" }) // true
 */
export function hasConverged(result: LevenbergMarquardtResult): boolean {
  return CONVERGED_STOPS.has(result.stop);
}

/** The damping beyond which no step can be made smaller: the search gives up. */
const MAX_DAMPING = 1e30;

/**
 * Minimises SSE(u) = Σ r_i(u)² from u0 by Levenberg–Marquardt with Marquardt's scaling: each
 * step solves (JᵀJ + λ·D)·δ = −Jᵀr, with D the largest diag(JᵀJ) seen so far (Moré 1978), and λ
 * is updated by the ratio ρ of the actual to the predicted reduction of the SSE (Nielsen 1999):
 * λ ← λ·max(1/3, 1 − (2ρ − 1)³) on success, λ ← λ·ν, ν ← 2ν on failure. Stops on a small
 * relative reduction (ftol), a small step (xtol), a small scaled gradient (gtol) or an exact fit,
 * and gives up when no step lowers the SSE however strongly damped, or after maxIterations; the
 * result says which (`stop`).
 *
 * @example levenbergMarquardt((u, out) => { const r = u[0] - 3; out.sse = r * r; out.jtj[0] = 1; out.jtr[0] = r; }, Float64Array.of(0)) // u ≈ [3]
 */
export function levenbergMarquardt(
  objective: LeastSquaresObjective,
  u0: ArrayLike<number>,
  options: LevenbergMarquardtOptions = DEFAULT_LM_OPTIONS,
): LevenbergMarquardtResult {
  const d = u0.length;
  let u = Float64Array.from(u0);
  let current: NormalEquations = { sse: 0, jtj: new Float64Array(d * d), jtr: new Float64Array(d) };
  let trial: NormalEquations = { sse: 0, jtj: new Float64Array(d * d), jtr: new Float64Array(d) };
  objective(u, current);
  if (!Number.isFinite(current.sse)) return { u, sse: Infinity, iterations: 0, stop: "undefined-start" };
  const scale = new Float64Array(d);
  const damped = new Float64Array(d * d);
  const negativeGradient = new Float64Array(d);
  let lambda = 1e-3;
  let nu = 2;
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    if (current.sse === 0) return { u, sse: 0, iterations: iteration - 1, stop: "exact" };
    let gradientSmall = true;
    for (let j = 0; j < d; j++) {
      const diagonal = current.jtj[j * d + j];
      scale[j] = Math.max(scale[j], diagonal, 1e-300);
      if (Math.abs(current.jtr[j]) > options.gtol * Math.sqrt(diagonal * current.sse)) gradientSmall = false;
    }
    if (gradientSmall) return { u, sse: current.sse, iterations: iteration - 1, stop: "small-gradient" };
    for (let i = 0; i < d * d; i++) damped[i] = current.jtj[i];
    for (let j = 0; j < d; j++) {
      damped[j * d + j] += lambda * scale[j];
      negativeGradient[j] = -current.jtr[j];
    }
    const step = solveSymmetric(damped, negativeGradient, d);
    if (!step) {
      lambda *= nu;
      nu *= 2;
      if (lambda > MAX_DAMPING) return { u, sse: current.sse, iterations: iteration, stop: "no-smaller-step" };
      continue;
    }
    const next = new Float64Array(d);
    let stepSmall = true;
    for (let j = 0; j < d; j++) {
      next[j] = u[j] + step[j];
      if (Math.abs(step[j]) > options.xtol * (Math.abs(u[j]) + options.xtol)) stepSmall = false;
    }
    objective(next, trial);
    // Reduction of the SSE predicted by the linearised residuals: −(2·δᵀJᵀr + δᵀJᵀJ·δ).
    let predicted = 0;
    for (let j = 0; j < d; j++) {
      let jtjStep = 0;
      for (let s = 0; s < d; s++) jtjStep += current.jtj[j * d + s] * step[s];
      predicted -= step[j] * (2 * current.jtr[j] + jtjStep);
    }
    const actual = current.sse - trial.sse;
    if (Number.isFinite(trial.sse) && actual > 0) {
      const rho = predicted > 0 ? actual / predicted : 1;
      const small = actual <= options.ftol * current.sse && predicted <= options.ftol * current.sse;
      u = next;
      [current, trial] = [trial, current];
      lambda *= Math.max(1 / 3, 1 - Math.pow(2 * rho - 1, 3));
      nu = 2;
      if (small) return { u, sse: current.sse, iterations: iteration, stop: "small-reduction" };
      if (stepSmall) return { u, sse: current.sse, iterations: iteration, stop: "small-step" };
    } else {
      if (stepSmall) return { u, sse: current.sse, iterations: iteration, stop: "small-step" };
      lambda *= nu;
      nu *= 2;
      if (lambda > MAX_DAMPING) return { u, sse: current.sse, iterations: iteration, stop: "no-smaller-step" };
    }
  }
  return { u, sse: current.sse, iterations: options.maxIterations, stop: "iteration-limit" };
}
