/**
 * The number of PCTs that meet a target, when each meets it with its own chance, independently
 * given the pooled fit: a Poisson binomial distribution, P(K = k), computed exactly by adding the
 * PCTs one at a time (P_new(k) = P(k)·(1 − p) + P(k − 1)·p; n² steps, a fraction of a second for
 * 8,000 PCTs).
 */

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
 * quantiles of the Poisson binomial distribution (the smallest k with P(K ≤ k) at least each), so
 * that K lies within it with probability c at least.
 *
 * @example successRange([0.5, 0.5, 0.5, 0.5], 0.8) // { lower: 1, upper: 3 }
 */
export function successRange(chances: readonly number[], confidence: number): CountRange {
  const probabilities = poissonBinomial(chances);
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
