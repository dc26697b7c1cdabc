import { fittedValue, type DiffusionFit } from "./fit";
import { series, type Series } from "./startValues";

/**
 * How the counts scatter: each period's new adopters are independent, with variance
 *
 * Var = φ·λ + κ·λ²/s
 *
 * for λ expected new adopters over s periods: φ·λ is Poisson-like scatter (φ = 1 for Poisson
 * counts; larger when adopters come in batches), κ·λ² the negative-binomial excess that grows
 * with the mean (κ = 1/size), spread over the s periods the increment spans.
 */
export interface IncrementNoise {
  /** φ, the variance per expected adopter. */
  readonly perAdopter: number;
  /** κ, the squared coefficient of variation of a period's new adopters beyond Poisson. */
  readonly excess: number;
  /** The data's period: the median gap between successive distinct times. */
  readonly period: number;
  /** The variance of `expected` new adopters over `periods` periods. */
  variance(expected: number, periods: number): number;
}

/** The data as the noise sees it: distinct times, mean values, and how many points each has. */
export interface CountSeries extends Series {
  readonly multiplicity: number[];
}

/**
 * The fit's data sorted by time, one entry per distinct time (values at a repeated time
 * averaged), with the number of points at each.
 *
 * @example countSeries(fit) // { t: [1, 2, 3], y: [10, 25, 41], multiplicity: [1, 2, 1] }
 */
export function countSeries(fit: DiffusionFit): CountSeries {
  const data = series(fit.times, fit.values);
  const counts = new Map<number, number>();
  for (const t of fit.times) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { ...data, multiplicity: data.t.map((t) => counts.get(t)!) };
}

/**
 * The median gap between successive distinct times: a month for monthly counts, whether the
 * times are months or dates.
 */
function medianGap(t: readonly number[]): number {
  const gaps = t.slice(1).map((time, i) => time - t[i]).sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}

/**
 * Estimates φ and κ from the new adopters between successive counts, d_i = y_i − y_{i−1}
 * (the first count, which gathers everyone before it, counted as one period's), against the
 * fitted curve's λ_i = N̂(t_i) − N̂(t_{i−1}): a regression of the squared residuals
 * (d_i − λ_i)² on λ_i and λ_i²/s_i, weighted by 1/Var_i² and refined five times (the method
 * of moments for a variance function, as a gamma GLM of the squared residuals), with φ, κ ≥ 0,
 * then scaled by n/(n − k) for the k parameters the curve took from the data. λ_i is kept at
 * 1% of the mean increment or more, so that a point where the curve is flat cannot dominate.
 *
 * @example estimateIncrementNoise(fit, countSeries(fit)).perAdopter // ≈ 1 for Poisson counts
 */
export function estimateIncrementNoise(fit: DiffusionFit, data: CountSeries): IncrementNoise {
  const { t, y } = data;
  const n = t.length;
  const period = medianGap(t);
  const fitted = t.map((time) => fittedValue(fit, time));
  const floor = (0.01 * Math.max(fitted[n - 1], 0)) / n;
  const expected: number[] = [];
  const spans: number[] = [];
  const squares: number[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = Math.max(fitted[i] - (i === 0 ? 0 : fitted[i - 1]), floor, 1e-300);
    const residual = y[i] - (i === 0 ? 0 : y[i - 1]) - (fitted[i] - (i === 0 ? 0 : fitted[i - 1]));
    expected.push(lambda);
    spans.push(i === 0 ? 1 : (t[i] - t[i - 1]) / period);
    squares.push(residual * residual);
  }
  // Work in units of the largest λ so that the sums stay well scaled for counts of any size.
  const unit = Math.max(...expected);
  let phi = 1;
  let kappa = 0;
  for (let pass = 0; pass < 5; pass++) {
    const regression = new ScatterRegression();
    for (let i = 0; i < n; i++) {
      const x1 = expected[i] / unit;
      const x2 = (x1 * x1) / spans[i];
      const v = Math.max(phi * x1 + kappa * x2, 1e-300);
      regression.add(x1, x2, squares[i] / (unit * unit), 1 / (v * v));
    }
    const next = regression.solve();
    if (next === null) break;
    ({ phi, kappa } = next);
  }
  // The n distinct times are the data here (repeated rows are averaged), so n − k, not rows − k.
  const dof = n - fit.k;
  const inflation = dof > 0 ? n / dof : 1;
  const perAdopter = Math.max(phi, 0) * unit * inflation;
  const excess = Math.max(kappa, 0) * inflation;
  return {
    perAdopter,
    excess,
    period,
    variance: (lambda, periods) => perAdopter * lambda + (excess * lambda * lambda) / Math.max(periods, 1e-300),
  };
}

/**
 * The weighted least-squares fit of squared residuals e² ≈ φ·x1 + κ·x2 with φ, κ ≥ 0: the
 * scatter of new adopters, per adopter (x1 = λ) and in excess (x2 = λ²). It solves the 2 × 2
 * normal equations; where they give κ ≤ 0 (or are singular) it fits φ alone, where φ ≤ 0, κ alone.
 *
 * @example const r = new ScatterRegression(); r.add(1, 1, 2, 1); r.add(2, 4, 6, 1); r.solve() // { phi: 1, kappa: 1 }
 */
export class ScatterRegression {
  private s11 = 0;
  private s12 = 0;
  private s22 = 0;
  private b1 = 0;
  private b2 = 0;

  /** One residual: its x1 and x2, its square, and its weight (1/variance², as the squares' variance goes). */
  add(x1: number, x2: number, squared: number, weight: number): void {
    this.s11 += weight * x1 * x1;
    this.s12 += weight * x1 * x2;
    this.s22 += weight * x2 * x2;
    this.b1 += weight * x1 * squared;
    this.b2 += weight * x2 * squared;
  }

  /** φ and κ, or null where the sums give no finite fit. */
  solve(): { phi: number; kappa: number } | null {
    const { s11, s12, s22, b1, b2 } = this;
    const det = s11 * s22 - s12 * s12;
    let phi = (b1 * s22 - b2 * s12) / det;
    let kappa = (s11 * b2 - s12 * b1) / det;
    if (!(det > 0) || !(kappa > 0)) {
      kappa = 0;
      phi = b1 / s11;
    } else if (!(phi > 0)) {
      phi = 0;
      kappa = b2 / s22;
    }
    return Number.isFinite(phi) && Number.isFinite(kappa) ? { phi, kappa } : null;
  }
}

