/**
 * Fits many PCTs' adoption curves at once, each borrowing strength from the others (partial
 * pooling by empirical Bayes, as in the hierarchical diffusion models of Lenk & Rao 1990).
 *
 * Each PCT i has GPs m_i and counts y_ij at national months t_ij. Its share curve S(t; u_i)
 * (`ShareCurve`) is placed by u_i = (ln r_i, c_i), and the PCTs' u_i are drawn from one normal
 * population N(μ, Σ): the "common pattern" the portfolio shows. The noise is in the new
 * registrations between counts, d_ij = y_ij − y_i,j−1 (the first count gathers everyone before
 * it), independent with mean λ_ij = m_i·(S(t_ij) − S(t_i,j−1)) and variance
 *
 *   V_ij = φ·λ_ij + κ·B_ij,   B_ij = λ_ij²/(months of the gap, at least 1), and for the first
 *   count Σ over the months before it of (that month's λ)²,
 *
 * Poisson-like scatter φ and a negative-binomial excess κ that grows with the mean, as a single
 * PCT's forecast assumes (`estimateIncrementNoise`), but shared by all the PCTs.
 *
 * The fit alternates (an EM algorithm with Laplace's approximation in its E-step):
 * 1. each PCT's posterior mode û_i, minimising Σ_j (d_ij − λ_ij)²/V_ij + (u − μ)ᵀΣ⁻¹(u − μ) by
 *    damped Gauss–Newton (V held at the last iterate: iteratively reweighted), and its posterior
 *    covariance A_i⁻¹, A_i = JᵀWJ + Σ⁻¹;
 * 2. μ = mean û_i and Σ = (ν₀Σ₀ + Σ_i[(û_i − μ)(û_i − μ)ᵀ + A_i⁻¹]) / (n + ν₀): the EM step of an
 *    inverse-Wishart prior worth ν₀ = 3 PCTs of spread Σ₀, so that a portfolio of a few PCTs
 *    is not taken to vary less than it can show;
 * 3. φ and κ from the squared residuals of every increment, by the regression
 *    `estimateIncrementNoise` runs on one PCT (weights 1/V², refined), scaled by N/(N − Σ edf_i)
 *    for the N increments and the effective parameters edf_i = tr(A_i⁻¹JᵀWJ) the curves took.
 *
 * A PCT with a few counts has a posterior near the population's (its curve follows the others',
 * placed by its own level); one with many counts is fitted by its own counts.
 */
import { ScatterRegression } from "../incrementNoise";
import type { ShareCurve } from "./shareCurves";

/** One PCT's counts on the national timeline. */
export interface PooledSeries {
  /** The PCT's GPs: the market its curve rises to. */
  readonly gps: number;
  /** National months of its counts, rising. */
  readonly months: readonly number[];
  /** The cumulative counts at those months. */
  readonly counts: readonly number[];
}

/** A normal distribution of u = (ln r, c): its mean and covariance [var ln r, cov, var c]. */
export interface CurveDistribution {
  readonly mean: readonly [number, number];
  readonly covariance: readonly [number, number, number];
}

/** The noise of the new registrations: V = φ·λ + κ·Σ(month's λ)². */
export interface RegistrationNoise {
  readonly perAdopter: number;
  readonly excess: number;
}

/** A pooled fit. */
export interface PooledFit {
  readonly curve: ShareCurve;
  /** The population the PCTs' curves are drawn from (the prior each borrows). */
  readonly population: CurveDistribution;
  readonly noise: RegistrationNoise;
  /** Each PCT's posterior (Laplace), in the order given. */
  readonly posteriors: readonly CurveDistribution[];
  /**
   * The covariance of the population's estimated mean μ̂, (Σ_i (Σ + A_i⁻¹)⁻¹)⁻¹: how far the
   * common pattern itself may be off, which moves every PCT's forecast together.
   */
  readonly meanCovariance: readonly [number, number, number];
  /** Laplace's approximation to the log marginal likelihood (for choosing the curve). */
  readonly logEvidence: number;
  /** EM iterations run. */
  readonly iterations: number;
}

/** The most EM iterations; they stop sooner when μ and Σ settle (to 0.1% of a rate or a spread, a day of a midpoint). */
const MAX_ITERATIONS = 60;
const SETTLED = 1e-3;
/**
 * The most PCTs the population and noise are estimated from: beyond it, an evenly spread sample
 * of this many (which pins μ, Σ, φ and κ to well within their spread), then every PCT is fitted
 * once given them, so that 8,000 practices fit in seconds.
 */
const MAX_ESTIMATING = 600;
/** The most Gauss–Newton steps per PCT: in each EM iteration, and in the final fit. */
const EM_STEPS = 3;
const MAX_STEPS = 25;
/** A Gauss–Newton step below which a PCT's curve has settled (in ln r, plus months / 12). */
const SETTLED_STEP = 1e-6;
/** The smallest spreads the population keeps, so that it never collapses onto one curve. */
const MIN_LOG_RATE_VARIANCE = 1e-4;
/**
 * The population's spread before any PCT is seen, [var ln r, cov, var c]: rates varying by a
 * third either way, midpoints by four months; held as if from PRIOR_PCTS PCTs.
 */
const PRIOR_SPREAD = [0.3 ** 2, 0, 4 ** 2] as const;
const PRIOR_PCTS = 3;
const MIN_MIDPOINT_VARIANCE = 1e-2;
/** The variance floor of an increment, in expected registrations: a curve flat to rounding is not certain. */
const MIN_EXPECTED = 0.5;
/** The rates the fit keeps to, per month: from one GP in 200 months' worth to five-fold a month. */
const LOG_RATE_LIMITS = [Math.log(0.005), Math.log(5)] as const;

/** One PCT's working arrays, kept across iterations. */
class PctWork {
  readonly n: number;
  readonly increments: Float64Array;
  /** λ, B and ∂λ/∂u at the current u. */
  readonly expected: Float64Array;
  readonly squares: Float64Array;
  readonly gradient: Float64Array;
  /** The current posterior mode and covariance. */
  u: [number, number];
  covariance: [number, number, number] = [1, 0, 1];
  edf = 0;
  logDetA = 0;
  /** −2 log of its marginal likelihood by Laplace's approximation. */
  evidence = 0;

  constructor(
    readonly series: PooledSeries,
    start: [number, number],
  ) {
    this.n = series.months.length;
    this.increments = Float64Array.from(series.counts, (y, j) => y - (j === 0 ? 0 : series.counts[j - 1]));
    this.expected = new Float64Array(this.n);
    this.squares = new Float64Array(this.n);
    this.gradient = new Float64Array(2 * this.n);
    this.u = start;
  }

  /** λ, B and ∂λ/∂u at u. */
  evaluate(curve: ShareCurve, u: readonly [number, number]): void {
    const { gps, months } = this.series;
    const at = SCRATCH;
    let previous0 = 0;
    let previous1 = 0;
    let previous2 = 0;
    for (let j = 0; j < this.n; j++) {
      curve.shareWithGradient(months[j], u[0], u[1], at);
      const lambda = gps * (at[0] - previous0);
      this.expected[j] = lambda;
      this.gradient[2 * j] = gps * (at[1] - previous1);
      this.gradient[2 * j + 1] = gps * (at[2] - previous2);
      this.squares[j] =
        j === 0 ? gps * gps * Math.exp(u[0]) * curve.squaredSlopeUpTo(at[0]) : (lambda * lambda) / Math.max(months[j] - months[j - 1], 1);
      previous0 = at[0];
      previous1 = at[1];
      previous2 = at[2];
    }
  }

  /**
   * −2 log-likelihood of the increments at u (up to a constant), normal with their variances:
   * Σ (d − λ)²/V + ln V, and the prior's (u − μ)ᵀP(u − μ).
   */
  objective(curve: ShareCurve, u: readonly [number, number], noise: RegistrationNoise, prior: Prior): number {
    this.evaluate(curve, u);
    let sum = prior.quadratic(u);
    for (let j = 0; j < this.n; j++) {
      const variance = incrementVariance(noise, this.expected[j], this.squares[j]);
      const residual = this.increments[j] - this.expected[j];
      sum += (residual * residual) / variance + Math.log(variance);
    }
    return sum;
  }
}

/** The one scratch array `evaluate` writes a share and its gradient into (the fit runs on one thread). */
const SCRATCH = new Float64Array(3);

/** V for λ and B. */
function incrementVariance(noise: RegistrationNoise, lambda: number, squares: number): number {
  return Math.max(noise.perAdopter * Math.max(lambda, MIN_EXPECTED) + noise.excess * squares, 1e-9);
}

/** The population as a prior: its mean and inverse covariance. */
class Prior {
  readonly precision: [number, number, number];
  readonly logDet: number;

  constructor(readonly distribution: CurveDistribution) {
    const [a, b, c] = distribution.covariance;
    this.precision = inverse2(distribution.covariance);
    this.logDet = Math.log(a * c - b * b);
  }

  quadratic(u: readonly [number, number]): number {
    const x = u[0] - this.distribution.mean[0];
    const y = u[1] - this.distribution.mean[1];
    const [p, q, r] = this.precision;
    return p * x * x + 2 * q * x * y + r * y * y;
  }
}

/** Keeps u within the limits the fit searches. */
function clamp(u: [number, number], span: readonly [number, number]): [number, number] {
  return [Math.min(Math.max(u[0], LOG_RATE_LIMITS[0]), LOG_RATE_LIMITS[1]), Math.min(Math.max(u[1], span[0]), span[1])];
}

/**
 * The Gauss–Newton normal equations of a PCT's posterior at the curve it last evaluated:
 * A = JᵀWJ + P and g = JᵀW(d − λ) − P(u − μ), with W = 1/V, and for the evidence Σ W(d − λ)² and
 * Σ ln V.
 */
function normalEquations(work: PctWork, prior: Prior, noise: RegistrationNoise, u: readonly [number, number]) {
  const [p11, p12, p22] = prior.precision;
  const x = u[0] - prior.distribution.mean[0];
  const y = u[1] - prior.distribution.mean[1];
  const a = [p11, p12, p22];
  const g = [-(p11 * x + p12 * y), -(p12 * x + p22 * y)];
  let weightedSquares = 0;
  let logVariances = 0;
  for (let j = 0; j < work.n; j++) {
    const variance = incrementVariance(noise, work.expected[j], work.squares[j]);
    const w = 1 / variance;
    const j1 = work.gradient[2 * j];
    const j2 = work.gradient[2 * j + 1];
    const residual = work.increments[j] - work.expected[j];
    a[0] += w * j1 * j1;
    a[1] += w * j1 * j2;
    a[2] += w * j2 * j2;
    g[0] += w * j1 * residual;
    g[1] += w * j2 * residual;
    weightedSquares += w * residual * residual;
    logVariances += Math.log(variance);
  }
  return { a: a as [number, number, number], g, weightedSquares, logVariances };
}

/**
 * Step 1 for one PCT: its posterior mode and covariance given the population and the noise. Each
 * Gauss–Newton step weighs the increments by 1/V at the current curve and is halved until the
 * posterior (`objective`) falls, so that the search never swings between two curves.
 */
function fitOne(work: PctWork, curve: ShareCurve, prior: Prior, noise: RegistrationNoise, span: readonly [number, number], steps = MAX_STEPS): void {
  let u = work.u;
  let current = work.objective(curve, u, noise, prior);
  for (let step = 0; step < steps; step++) {
    // `objective` evaluated the curve at u.
    const { a, g } = normalEquations(work, prior, noise, u);
    const [d1, d2] = solve2(a, g);
    // Settled: a step this small cannot lower the posterior beyond rounding.
    if (Math.abs(d1) + Math.abs(d2) / 12 < SETTLED_STEP) break;
    let scale = 1;
    let next = u;
    let value = current;
    for (let halving = 0; halving < 8; halving++, scale /= 2) {
      const trial = clamp([u[0] + scale * d1, u[1] + scale * d2], span);
      const trialValue = work.objective(curve, trial, noise, prior);
      if (trialValue < current) {
        next = trial;
        value = trialValue;
        break;
      }
    }
    if (next === u) break;
    u = next;
    current = value;
  }
  work.u = u;
  // The posterior at the mode: A, its inverse, and the effective parameters tr(A⁻¹JᵀWJ).
  work.evaluate(curve, u);
  const { a, weightedSquares, logVariances } = normalEquations(work, prior, noise, u);
  work.covariance = inverse2(a);
  const [p11, p12, p22] = prior.precision;
  work.edf = 2 - (work.covariance[0] * p11 + 2 * work.covariance[1] * p12 + work.covariance[2] * p22);
  work.logDetA = Math.log(a[0] * a[2] - a[1] * a[1]);
  // −2 log p(d_i) by Laplace: the data's normal log density, the prior's, and the curvature.
  work.evidence = weightedSquares + logVariances + work.n * Math.log(2 * Math.PI) + prior.quadratic(u) + prior.logDet + work.logDetA;
}

/** The solution x of [[a, b], [b, c]]·x = g. */
function solve2([a, b, c]: readonly [number, number, number], [g1, g2]: readonly number[]): [number, number] {
  const det = a * c - b * b;
  return [(c * g1 - b * g2) / det, (a * g2 - b * g1) / det];
}

/** Step 3: φ and κ from every increment's squared residual (see `estimateIncrementNoise`). */
function estimateNoise(works: readonly PctWork[], previous: RegistrationNoise): RegistrationNoise {
  let phi = previous.perAdopter;
  let kappa = previous.excess;
  let count = 0;
  let edf = 0;
  let unit = 0;
  for (const work of works) {
    count += work.n;
    edf += work.edf;
    for (let j = 0; j < work.n; j++) unit = Math.max(unit, work.expected[j]);
  }
  unit = Math.max(unit, 1);
  // Refined until the weights settle, so that the estimate does not depend on where it started.
  for (let pass = 0; pass < 12; pass++) {
    const regression = new ScatterRegression();
    for (const work of works) {
      for (let j = 0; j < work.n; j++) {
        const x1 = Math.max(work.expected[j], MIN_EXPECTED) / unit;
        const x2 = work.squares[j] / (unit * unit);
        const residual = (work.increments[j] - work.expected[j]) / unit;
        const v = Math.max((phi / unit) * x1 + kappa * x2, 1e-300);
        regression.add(x1, x2, residual * residual, 1 / (v * v));
      }
    }
    const next = regression.solve();
    if (next === null) break;
    const settled = Math.abs(next.phi * unit - phi) <= 1e-4 * (phi + 1e-9) && Math.abs(next.kappa - kappa) <= 1e-4 * (kappa + 1e-9);
    phi = next.phi * unit;
    kappa = next.kappa;
    if (settled) break;
  }
  const inflation = count > edf ? count / (count - edf) : 1;
  // A little Poisson-like scatter always: counts of people are never exact.
  return { perAdopter: Math.max(phi * inflation, 0.05), excess: Math.max(kappa * inflation, 0) };
}

/**
 * Where a PCT's curve starts its search: the population's rate, placed so that the curve passes
 * through its latest count's share.
 */
function startOf(curve: ShareCurve, series: PooledSeries, logRate: number): [number, number] {
  const last = series.months.length - 1;
  const share = Math.min(Math.max(series.counts[last] / series.gps, 0.02), 0.98);
  const here = curve.monthOf(share, logRate, 0);
  return [logRate, series.months[last] - here];
}

/**
 * Fits the PCTs' curves together (see the file's comment). Each series needs a count or more
 * and GPs above 0; a PCT with few counts gets a curve near the population's.
 *
 * @example fitPooled(LOGISTIC_SHARE, [{ gps: 150, months: [0, 1, 2], counts: [4, 9, 17] }, …]).population.mean // [ln r, c] of the common pattern
 */
export function fitPooled(curve: ShareCurve, series: readonly PooledSeries[]): PooledFit {
  let first = Infinity;
  let last = -Infinity;
  for (const one of series) {
    first = Math.min(first, one.months[0]);
    last = Math.max(last, one.months[one.months.length - 1]);
  }
  // Midpoints searched within 50 years either side of the counts.
  const span: [number, number] = [first - 600, last + 600];
  const startRate = Math.log(0.3);
  const all = series.map((one) => new PctWork(one, startOf(curve, one, startRate)));
  const stride = Math.max(1, all.length / MAX_ESTIMATING);
  const works = all.length <= MAX_ESTIMATING ? all : Array.from({ length: MAX_ESTIMATING }, (_, i) => all[Math.floor(i * stride)]);
  const midpoints = works.map((work) => work.u[1]).sort((a, b) => a - b);
  let population: CurveDistribution = { mean: [startRate, midpoints[midpoints.length >> 1]], covariance: [1, 0, 144] };
  let noise: RegistrationNoise = { perAdopter: 1, excess: 0.05 };
  let iterations = 0;
  let logEvidence = -Infinity;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const prior = new Prior(population);
    // While the population moves, a few steps a PCT (a generalised EM); to the end once it has settled.
    for (const work of works) fitOne(work, curve, prior, noise, span, EM_STEPS);
    logEvidence = -0.5 * works.reduce((sum, work) => sum + work.evidence, 0);
    const n = works.length;
    const mean: [number, number] = [0, 0];
    for (const work of works) {
      mean[0] += work.u[0] / n;
      mean[1] += work.u[1] / n;
    }
    // Σ's update with an inverse-Wishart prior of PRIOR_PCTS pseudo-PCTs spread as PRIOR_SPREAD:
    // negligible for hundreds of PCTs, it keeps a portfolio of a few from a spread it cannot know.
    const covariance: [number, number, number] = [PRIOR_PCTS * PRIOR_SPREAD[0], PRIOR_PCTS * PRIOR_SPREAD[1], PRIOR_PCTS * PRIOR_SPREAD[2]];
    for (const work of works) {
      const x = work.u[0] - mean[0];
      const y = work.u[1] - mean[1];
      covariance[0] += x * x + work.covariance[0];
      covariance[1] += x * y + work.covariance[1];
      covariance[2] += y * y + work.covariance[2];
    }
    for (let i = 0; i < 3; i++) covariance[i] /= n + PRIOR_PCTS;
    covariance[0] = Math.max(covariance[0], MIN_LOG_RATE_VARIANCE);
    covariance[2] = Math.max(covariance[2], MIN_MIDPOINT_VARIANCE);
    const bound = 0.999 * Math.sqrt(covariance[0] * covariance[2]);
    covariance[1] = Math.min(Math.max(covariance[1], -bound), bound);
    const change =
      Math.abs(mean[0] - population.mean[0]) +
      Math.abs(mean[1] - population.mean[1]) / 12 +
      Math.abs(Math.log(covariance[0] / population.covariance[0])) +
      Math.abs(Math.log(covariance[2] / population.covariance[2]));
    population = { mean, covariance };
    // Halfway to the new estimate: the noise and the curves' weights move together, and a full
    // step can swing between two states.
    const estimate = estimateNoise(works, noise);
    noise = { perAdopter: (noise.perAdopter + estimate.perAdopter) / 2, excess: (noise.excess + estimate.excess) / 2 };
    if (change < SETTLED && iterations > 2) break;
  }
  // Every PCT's posterior given the population and noise as they settled.
  const prior = new Prior(population);
  for (const work of all) fitOne(work, curve, prior, noise, span);
  logEvidence = -0.5 * all.reduce((sum, work) => sum + work.evidence, 0);
  const precision = [0, 0, 0];
  for (const work of all) {
    const inverse = inverse2(population.covariance.map((value, i) => value + work.covariance[i]) as [number, number, number]);
    for (let i = 0; i < 3; i++) precision[i] += inverse[i];
  }
  return {
    curve,
    population,
    noise,
    posteriors: all.map((work) => ({ mean: work.u, covariance: work.covariance })),
    meanCovariance: inverse2(precision as [number, number, number]),
    logEvidence,
    iterations,
  };
}

/**
 * The inverse of a symmetric 2 × 2 matrix [a, b, c] = [[a, b], [b, c]].
 *
 * @example inverse2([2, 0, 4]) // [0.5, 0, 0.25]
 */
export function inverse2([a, b, c]: readonly [number, number, number]): [number, number, number] {
  const det = a * c - b * b;
  return [c / det, -b / det, a / det];
}
