/**
 * What a pooled fit says about one PCT's count at a later month: its predictive distribution,
 * the chance of a target, whole-GP bounds and the month the target is as likely as not reached.
 *
 * After the latest count y_n (month t_n) the count at month T is y_n + X, X the new registrations
 * since. Given the curve u, X has mean Λ(u) = m·(S(T; u) − S(t_n; u)) and variance
 * φ·Λ + κ·Σ(month's λ)² (the pooled fit's noise), and is taken to be gamma distributed, read by
 * the Wilson–Hilferty cube root (X/Λ)^{1/3} ≈ N(1 − 1/(9a), 1/(9a)), a = Λ²/Var. The curve itself
 * is uncertain: u follows the PCT's posterior N(û, A⁻¹), integrated over by 89 points of a
 * Fibonacci lattice mapped through the normal quantile (a fixed rule, so the same counts always
 * give the same answers). Counts are whole GPs: P(count ≥ c) = P(X ≥ c − y_n − ½), and the count
 * never exceeds the PCT's GPs.
 */
import type { CurveDistribution, RegistrationNoise } from "./pooledFit";
import type { ShareCurve } from "./shareCurves";
import { normalUpperTail } from "./normal";
import { normalQuantile } from "../studentT";

/** The lattice: 89 points, the Fibonacci numbers 89 and 55 as its generator. */
const LATTICE_POINTS = 89;
const LATTICE_GENERATOR = 55;

/** The lattice's points as standard normal pairs. */
const LATTICE: readonly (readonly [number, number])[] = Array.from({ length: LATTICE_POINTS }, (_, i) => {
  const first = (i + 0.5) / LATTICE_POINTS;
  const second = (((i * LATTICE_GENERATOR) % LATTICE_POINTS) + 0.5) / LATTICE_POINTS;
  return [normalQuantile(first), normalQuantile(second)] as const;
});

/** The most months ahead the search for the month a target is reached looks (50 years). */
const REACH_HORIZON_MONTHS = 600;

/** A PCT's counts and fit, as the predictive distribution needs them. */
export interface PredictiveInput {
  readonly curve: ShareCurve;
  readonly noise: RegistrationNoise;
  readonly posterior: CurveDistribution;
  readonly gps: number;
  /** The latest count and its national month. */
  readonly latestMonth: number;
  readonly latestCount: number;
}

/** The new registrations after the latest count, per lattice point: their mean and variance. */
interface Spread {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

/**
 * The predictive distribution of one PCT's count at later months.
 *
 * @example new PctPredictive(input).chance(120, 30) // P(count at national month 30 ≥ 120)
 */
export class PctPredictive {
  /** Each lattice point's curve, ln r and c. */
  private readonly logRates: Float64Array;
  private readonly midpoints: Float64Array;
  /** Each point's share at the latest count. */
  private readonly latestShares: Float64Array;
  /** The spread at the month last asked about (one buffer, refilled: the reach search asks many times). */
  private readonly spread: Spread = { mean: new Float64Array(LATTICE_POINTS), variance: new Float64Array(LATTICE_POINTS) };

  constructor(private readonly input: PredictiveInput) {
    const [a, b, c] = input.posterior.covariance;
    // Cholesky factor of the posterior covariance.
    const l11 = Math.sqrt(Math.max(a, 0));
    const l21 = l11 > 0 ? b / l11 : 0;
    const l22 = Math.sqrt(Math.max(c - l21 * l21, 0));
    this.logRates = new Float64Array(LATTICE_POINTS);
    this.midpoints = new Float64Array(LATTICE_POINTS);
    this.latestShares = new Float64Array(LATTICE_POINTS);
    LATTICE.forEach(([z1, z2], k) => {
      this.logRates[k] = input.posterior.mean[0] + l11 * z1;
      this.midpoints[k] = input.posterior.mean[1] + l21 * z1 + l22 * z2;
      this.latestShares[k] = input.curve.share(input.latestMonth, this.logRates[k], this.midpoints[k]);
    });
  }

  /**
   * X's mean and variance at each lattice point, at month `month` (after the latest count): the
   * months since the latest count in whole-month pieces (at most 120 equal ones), each piece's λ
   * adding κ·λ²/s for the s months it spans (κ·λ² for a part of a month, whose registrations are
   * a share of one month's).
   */
  private spreadAt(month: number): Spread {
    const { curve, gps, noise, latestMonth } = this.input;
    const { mean, variance } = this.spread;
    const months = month - latestMonth;
    if (!(months > 0)) {
      mean.fill(0);
      variance.fill(0);
      return this.spread;
    }
    const pieces = Math.min(Math.max(Math.ceil(months - 1e-9), 1), 120);
    const pieceMonths = Math.max(months / pieces, 1);
    for (let k = 0; k < LATTICE_POINTS; k++) {
      const rate = this.logRates[k];
      const midpoint = this.midpoints[k];
      let previous = this.latestShares[k];
      let squares = 0;
      for (let piece = 1; piece <= pieces; piece++) {
        const share = curve.share(piece === pieces ? month : latestMonth + (months * piece) / pieces, rate, midpoint);
        const lambda = gps * (share - previous);
        squares += (lambda * lambda) / pieceMonths;
        previous = share;
      }
      const total = Math.max(gps * (previous - this.latestShares[k]), 0);
      mean[k] = total;
      variance[k] = noise.perAdopter * total + noise.excess * squares;
    }
    return this.spread;
  }

  /** P(count ≥ target) from the spread at a month. */
  private chanceFrom(spread: Spread, target: number): number {
    const { gps, latestCount } = this.input;
    if (target <= latestCount) return 1;
    if (target > Math.max(gps, latestCount)) return 0;
    const needed = target - latestCount - 0.5;
    if (needed <= 0) return 1;
    let sum = 0;
    for (let k = 0; k < LATTICE_POINTS; k++) sum += gammaUpperTail(needed, spread.mean[k], spread.variance[k]);
    return sum / LATTICE_POINTS;
  }

  /**
   * P(count at `month` ≥ `target`): the chance of the target (CHANCE's question).
   *
   * @example predictive.chance(120, 30) // 0.42, say
   */
  chance(target: number, month: number): number {
    return this.chanceFrom(this.spreadAt(month), target);
  }

  /**
   * The whole-GP forecast and bounds of the count at `month`, with F(c) = P(count ≤ c):
   *
   * - the median: the smallest c with F(c) ≥ ½;
   * - the lower bound: the c with F(c − 1) nearest (1 − confidence)/2, the upper bound the c with
   *   F(c) nearest (1 + confidence)/2.
   *
   * So the count lies within the bounds with about the confidence: the whole counts nearest the
   * continuous bounds. (Bounds that always hold at least the confidence, the smallest c with F(c)
   * reaching each level, hold on average a GP's worth of chance more, some 3 points at 80% for a
   * PCT's counts.) The median lies between the bounds.
   *
   * @example predictive.bounds(30, 0.8) // { lower: 96, median: 118, upper: 139 }, say
   */
  bounds(month: number, confidence: number): WholeBounds {
    const spread = this.spreadAt(month);
    const floor = Math.ceil(this.input.latestCount - 1e-9);
    const ceiling = Math.max(Math.floor(this.input.gps), floor);
    return wholeBounds((c) => (c < floor ? 0 : 1 - this.chanceFrom(spread, c + 1)), floor, ceiling, confidence);
  }

  /**
   * The earliest month after the latest count at which the count is as likely as not to have
   * reached `target` (chance ≥ ½), to within a day; null if not within 50 years. (The caller
   * answers for a target already reached by a count.)
   *
   * @example predictive.monthReached(120) // 27.3, say
   */
  monthReached(target: number, daysPerMonth: number): number | null {
    const start = this.input.latestMonth;
    let low = start;
    let high = start + 1;
    // Months ahead in doubling steps, then halving to a day.
    while (this.chance(target, high) < 0.5) {
      low = high;
      const next = start + 2 * (high - start);
      if (next - start > REACH_HORIZON_MONTHS) {
        if (this.chance(target, start + REACH_HORIZON_MONTHS) < 0.5) return null;
        high = start + REACH_HORIZON_MONTHS;
        break;
      }
      high = next;
    }
    while ((high - low) * daysPerMonth > 0.5) {
      const middle = (low + high) / 2;
      if (this.chance(target, middle) >= 0.5) high = middle;
      else low = middle;
    }
    return high;
  }
}

/** A whole-count forecast: the median and the bounds at a confidence. */
export interface WholeBounds {
  readonly lower: number;
  readonly median: number;
  readonly upper: number;
}

/**
 * The median and bounds of a whole count between `floor` and `ceiling` with distribution function
 * `cdf` (F(c) = P(count ≤ c)), as `PctPredictive.bounds` states them: the median the smallest c
 * with F(c) ≥ ½, the lower bound the c with F(c − 1) nearest (1 − confidence)/2, the upper the c
 * with F(c) nearest (1 + confidence)/2.
 *
 * @example wholeBounds((c) => Math.min(Math.max((c + 1) / 10, 0), 1), 0, 9, 0.8) // { lower: 1, median: 4, upper: 8 }
 */
export function wholeBounds(cdf: (count: number) => number, floor: number, ceiling: number, confidence: number): WholeBounds {
  // The smallest c with F(c) ≥ p, by bisection between the floor and the ceiling.
  const reaching = (p: number): number => {
    if (cdf(floor) >= p) return floor;
    let low = floor;
    let high = ceiling;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (cdf(middle) >= p) high = middle;
      else low = middle;
    }
    return high;
  };
  const lowLevel = (1 - confidence) / 2;
  const highLevel = (1 + confidence) / 2;
  const low = reaching(lowLevel);
  const high = reaching(highLevel);
  return {
    lower: cdf(low) - lowLevel < lowLevel - cdf(low - 1) && low < ceiling ? low + 1 : low,
    median: reaching(0.5),
    upper: highLevel - cdf(high - 1) < cdf(high) - highLevel && high > floor ? high - 1 : high,
  };
}

/**
 * P(X ≥ x) for X gamma distributed with mean `mean` and variance `variance`, by the Wilson–Hilferty
 * cube root; X = 0 exactly when its mean is 0.
 *
 * @example gammaUpperTail(10, 10, 10) // ≈ 0.4579 (the Poisson-like gamma of shape 10: 0.4579)
 */
export function gammaUpperTail(x: number, mean: number, variance: number): number {
  if (x <= 0) return 1;
  if (!(mean > 1e-12)) return 0;
  if (!(variance > 0)) return x <= mean ? 1 : 0;
  const ninthShape = variance / (9 * mean * mean);
  return normalUpperTail((Math.cbrt(x / mean) - (1 - ninthShape)) / Math.sqrt(ninthShape));
}
