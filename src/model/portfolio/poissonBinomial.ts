/**
 * The number of PCTs that meet a target, when each meets it with its own chance, independently
 * given the pooled fit: a Poisson binomial distribution, P(K = k), computed exactly by adding the
 * PCTs one at a time (P_new(k) = P(k)·(1 − p) + P(k − 1)·p; n² steps, a fraction of a second for
 * 8,000 PCTs).
 */

import { normalUpperTail } from "./normal";

/** The whole numbers between which the number meeting the target lies with a probability. */
export interface CountRange {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The probabilities P(K = k), k = 0 … n, of the number of successes among trials with chances `chances`.
 *
 * @example poissonBinomial([0.5, 0.5]) // [0.25, 0.5, 0.25]
 */
export function poissonBinomial(chances: readonly number[]): Float64Array {
  const probabilities = new Float64Array(chances.length + 1);
  probabilities[0] = 1;
  chances.forEach((chance, i) => {
    const p = Math.min(Math.max(chance, 0), 1);
    for (let k = i + 1; k >= 1; k--) probabilities[k] = probabilities[k] * (1 - p) + probabilities[k - 1] * p;
    probabilities[0] *= 1 - p;
  });
  return probabilities;
}

/**
 * The central range of the number of successes at `confidence`: the (1 − c)/2 and (1 + c)/2
 * quantiles (the smallest k with P(K ≤ k) at least each), so that K lies within it with
 * probability c at least.
 *
 * K is the Poisson binomial count of the chances, plus, when `commonSpread` s > 0, a shift all
 * the chances share: their estimates move together with the common pattern they were fitted
 * from, by a normal amount of standard deviation s PCTs. Then P(K = k) = Σ_j P_PB(j)·P(k − ½ <
 * j + D ≤ k + ½), D ~ N(0, s²), kept within 0 … n.
 *
 * @example successRange([0.5, 0.5, 0.5, 0.5], 0.8) // { lower: 1, upper: 3 }
 */
export function successRange(chances: readonly number[], confidence: number, commonSpread = 0): CountRange {
  const probabilities = withCommonShift(poissonBinomial(chances), commonSpread);
  const quantile = (p: number): number => {
    let cumulative = 0;
    for (let k = 0; k < probabilities.length; k++) {
      cumulative += probabilities[k];
      // A hair of tolerance for the rounding in the sum: a cumulative 0.1 − 1e−16 is 0.1.
      if (cumulative >= p - 1e-12) return k;
    }
    return probabilities.length - 1;
  };
  return { lower: quantile((1 - confidence) / 2), upper: quantile((1 + confidence) / 2) };
}

/** The distribution of K + D, D ~ N(0, s²) rounded, kept within 0 … n (see `successRange`). */
function withCommonShift(probabilities: Float64Array, spread: number): Float64Array {
  if (!(spread > 1e-9)) return probabilities;
  const n = probabilities.length - 1;
  const reach = Math.ceil(8 * spread) + 1;
  // P(round(D) = d) for |d| ≤ reach.
  const shift = Array.from({ length: 2 * reach + 1 }, (_, i) => {
    const d = i - reach;
    return normalUpperTail((d - 0.5) / spread) - normalUpperTail((d + 0.5) / spread);
  });
  const result = new Float64Array(n + 1);
  probabilities.forEach((probability, j) => {
    if (probability === 0) return;
    shift.forEach((weight, i) => {
      const k = Math.min(Math.max(j + i - reach, 0), n);
      result[k] += probability * weight;
    });
  });
  return result;
}
