import type { DiffusionModel, ModelParameters } from "./diffusion";
import type { NormalEquations } from "./levenbergMarquardt";
import type { ShapeStart } from "./startValues";

/**
 * The least-squares problem of a diffusion model reduced to its two shape parameters
 * (variable projection, Golub & Pereyra 1973). Every model is N(t) = m·F(t; shape), linear in
 * the market size m, so for given shape parameters the best m is
 *
 * m̂ = Σ F_i·y_i / Σ F_i²
 *
 * and the fit searches only the shape. It searches them in coordinates u where a parameter that
 * must be positive is taken as its logarithm (so it stays positive) and an unbounded one (the
 * logistic midpoint) as itself. With a known market size, m is fixed instead of solved for.
 *
 * The residuals are r_i = y_i − m̂·F_i and their exact Jacobian is
 *
 * ∂r_i/∂u_j = −(m̂·∂F_i/∂u_j + F_i·∂m̂/∂u_j),  ∂m̂/∂u_j = (Σ ∂F_i/∂u_j·y_i − 2·m̂·Σ F_i·∂F_i/∂u_j) / Σ F_i²
 *
 * (∂m̂/∂u_j = 0 for a fixed market).
 *
 * @example new SeparableProblem(LOGISTIC_MODEL, [0, 1, 2], [10, 50, 90]).parametersOf([2, 1]) // [m̂ ≈ 101, 2, 1]
 */
/** The SSE at some shape parameters and the market size m̂ that goes with them. */
interface Evaluation {
  readonly sse: number;
  readonly market: number;
}

/** Where the model is undefined: no SSE and no market size. */
const UNDEFINED: Evaluation = { sse: Infinity, market: NaN };

export class SeparableProblem {
  private readonly f: Float64Array;
  private readonly g0: Float64Array;
  private readonly g1: Float64Array;
  private readonly theta = [0, 0, 0];
  private readonly gradient = [0, 0, 0];

  constructor(
    readonly model: DiffusionModel,
    readonly times: ArrayLike<number>,
    readonly values: ArrayLike<number>,
    readonly fixedMarket?: number,
  ) {
    const n = times.length;
    this.f = new Float64Array(n);
    this.g0 = new Float64Array(n);
    this.g1 = new Float64Array(n);
  }

  /** Whether shape parameter j is searched on a log scale. */
  logScale(j: number): boolean {
    return this.model.lower[j] === 0;
  }

  /** The search coordinates u of natural shape parameters. */
  coordinates(shape: ShapeStart): Float64Array {
    return Float64Array.of(this.logScale(0) ? Math.log(shape[0]) : shape[0], this.logScale(1) ? Math.log(shape[1]) : shape[1]);
  }

  /** The natural shape parameters of search coordinates u. */
  shape(u: ArrayLike<number>): [number, number] {
    return [this.logScale(0) ? Math.exp(u[0]) : u[0], this.logScale(1) ? Math.exp(u[1]) : u[1]];
  }

  /** All three parameters, in the model's order, at shape parameters `shape` with the best (or fixed) market. */
  parametersOf(shape: readonly [number, number]): ModelParameters {
    const { market } = this.evaluateValues(shape);
    const theta = [0, 0, 0];
    theta[this.model.shape[0]] = shape[0];
    theta[this.model.shape[1]] = shape[1];
    theta[this.model.market] = market;
    return [theta[0], theta[1], theta[2]];
  }

  /** The SSE at natural shape parameters (Infinity where the model is undefined). */
  sseOf(shape: readonly [number, number]): number {
    return this.evaluateValues(shape).sse;
  }

  /** The objective for `levenbergMarquardt`: SSE and normal equations in the coordinates u. */
  readonly objective = (u: Float64Array, out: NormalEquations): void => {
    out.sse = this.evaluateWithNormalEquations(this.shape(u), out);
  };

  /**
   * Evaluates the model and its derivatives at the shape parameters: returns the SSE (Infinity
   * where the model is undefined) and fills the normal equations in the search coordinates.
   */
  private evaluateWithNormalEquations(shape: readonly [number, number], out: NormalEquations): number {
    const { model, times, values, f, g0, g1, theta, gradient } = this;
    const n = times.length;
    const [s0, s1] = model.shape;
    const c0 = this.logScale(0) ? shape[0] : 1;
    const c1 = this.logScale(1) ? shape[1] : 1;
    theta[model.market] = 1;
    theta[s0] = shape[0];
    theta[s1] = shape[1];
    // Sums in scalar locals, here and below, not arrays: this is the fit's hot path.
    let sff = 0;
    let sfy = 0;
    let sg0y = 0;
    let sg1y = 0;
    let sfg0 = 0;
    let sfg1 = 0;
    for (let i = 0; i < n; i++) {
      model.gradient(times[i], theta, gradient);
      const fi = gradient[model.market];
      const a = gradient[s0] * c0;
      const b = gradient[s1] * c1;
      const y = values[i];
      f[i] = fi;
      g0[i] = a;
      g1[i] = b;
      sff += fi * fi;
      sfy += fi * y;
      sg0y += a * y;
      sg1y += b * y;
      sfg0 += fi * a;
      sfg1 += fi * b;
    }
    let m: number;
    let d0 = 0;
    let d1 = 0;
    if (this.fixedMarket !== undefined) {
      m = this.fixedMarket;
    } else {
      if (!(sff > 0) || !Number.isFinite(sff)) return Infinity;
      m = sfy / sff;
      d0 = (sg0y - 2 * m * sfg0) / sff;
      d1 = (sg1y - 2 * m * sfg1) / sff;
    }
    let sse = 0;
    let a00 = 0;
    let a01 = 0;
    let a11 = 0;
    let b0 = 0;
    let b1 = 0;
    for (let i = 0; i < n; i++) {
      const r = values[i] - m * f[i];
      sse += r * r;
      const j0 = -(m * g0[i] + f[i] * d0);
      const j1 = -(m * g1[i] + f[i] * d1);
      a00 += j0 * j0;
      a01 += j0 * j1;
      a11 += j1 * j1;
      b0 += j0 * r;
      b1 += j1 * r;
    }
    if (!Number.isFinite(sse) || !Number.isFinite(m)) return Infinity;
    out.jtj[0] = a00;
    out.jtj[1] = a01;
    out.jtj[2] = a01;
    out.jtj[3] = a11;
    out.jtr[0] = b0;
    out.jtr[1] = b1;
    if (!Number.isFinite(a00 + a01 + a11 + b0 + b1)) return Infinity;
    return sse;
  }

  /** The SSE and the market size, from the curve's values without its derivatives. */
  private evaluateValues(shape: readonly [number, number]): Evaluation {
    const { model, times, values, f, theta } = this;
    const n = times.length;
    theta[model.market] = 1;
    theta[model.shape[0]] = shape[0];
    theta[model.shape[1]] = shape[1];
    let sff = 0;
    let sfy = 0;
    for (let i = 0; i < n; i++) {
      const fi = model.value(times[i], theta);
      f[i] = fi;
      sff += fi * fi;
      sfy += fi * values[i];
    }
    let m = this.fixedMarket;
    if (m === undefined) {
      if (!(sff > 0) || !Number.isFinite(sff)) return UNDEFINED;
      m = sfy / sff;
    }
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const r = values[i] - m * f[i];
      sse += r * r;
    }
    return Number.isFinite(sse) && Number.isFinite(m) ? { sse, market: m } : UNDEFINED;
  }
}
