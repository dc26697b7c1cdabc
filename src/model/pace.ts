import { knownCount, type CountDistribution } from "./countDistribution";
import { ModelError } from "./errors";
import type { Series } from "./startValues";
import { studentTQuantile, studentTUpperTail } from "./studentT";

/** The counts the recent pace is measured over: the new adopters of the last PACE_SPAN gaps. */
const PACE_SPAN = 3;

/** The share of a period's pace that carries on into the next (a damped trend, Gardner & McKenzie 1985). */
const DAMPING = 0.9;

/**
 * How fast the pace's spread grows with the horizon h, as h^ERROR_GROWTH, and how much wider than
 * its own past errors it is taken. Over a whole series the pace's errors grow about in proportion
 * to h (an error in the pace; h^0.9–1.0 on the tuning part of the real-series corpus,
 * `bench/realSeries`), but a forecast made early measures them on few counts and few horizons and
 * carries them far beyond, where a pace that wanders (a random walk in the rate, whose errors grow
 * as h^(3/2)) shows. Both constants are tuned on the tuning part's rolling origins, keeping the
 * coverage on simulated series (`bench/coverage.ts`): 1.4 times the spread measured, growing as
 * h^1.15, held the same share of later counts as twice the spread growing as h (80% bounds 76.7%
 * against 76.9%, every horizon band inside the spec's bar) for a 9% better interval score.
 */
const ERROR_GROWTH = 1.15;
const WIDENING = 1.4;

/** The most earlier origins, and counts ahead of each, that the pace's own errors are measured at. */
const MAX_ORIGINS = 40;
const MAX_AHEAD = 12;

/**
 * The recent pace of adoption carried on: what a count will be if new adopters keep coming at
 * the rate of the last few periods, slowing by a steady share each period, with the spread that
 * this rule's own forecasts had on the series' earlier counts.
 *
 * With r the new adopters per period over the last PACE_SPAN gaps, the count h periods after the
 * last count y_n is
 *
 * y_n + X,  X = r·D(h) + WIDENING·s·h^γ·T,  D(h) = φ(1 − φ^h)/(1 − φ)
 *
 * with φ = DAMPING, γ = ERROR_GROWTH, T Student-t on (origins − 1) degrees of freedom, and
 * s² = mean of e²/h^(2γ) over the rule's own errors e = y_i − y_j − r_j·D(h) from every earlier
 * origin j (at most MAX_ORIGINS of them, MAX_AHEAD counts ahead each). Counts do not fall, so
 * where X would be negative the count stays at y_n: the count is y_n + max(X, 0), with a chance
 * P(X ≤ 0) of no new adopters at all (censored at 0, not conditioned on X > 0, which would move
 * every quantile up and put the lower bound above a count that has stopped rising).
 *
 * It knows nothing of a market: it is how far the counts go if they keep their pace, and it is what
 * a forecast falls back on where no curve can be fitted (a market not yet determined).
 *
 * @example paceForecaster({ t: [1, 2, 3, 4, 5, 6], y: [2, 5, 9, 14, 19, 25] }).distribution(7).quantile(0.5) // ≈ 30
 */
export function paceForecaster(data: Series): { readonly period: number; distribution(time: number): CountDistribution } {
  const { t, y } = data;
  const n = t.length;
  if (n < 3) throw new ModelError("na", `The pace of the counts needs counts at 3 or more different times to measure its own errors (got ${n}).`);
  const gaps = t.slice(1).map((time, i) => time - t[i]).sort((a, b) => a - b);
  const period = gaps[gaps.length >> 1];
  const rate = (j: number): number => {
    const from = Math.max(0, j - PACE_SPAN);
    return (y[j] - y[from]) / ((t[j] - t[from]) / period);
  };
  let sum = 0;
  let count = 0;
  let origins = 0;
  for (let j = Math.max(1, n - 1 - MAX_ORIGINS); j < n - 1; j++) {
    const pace = rate(j);
    origins += 1;
    for (let i = j + 1; i < n && i <= j + MAX_AHEAD; i++) {
      const h = (t[i] - t[j]) / period;
      const error = y[i] - y[j] - pace * damped(h);
      sum += (error * error) / h ** (2 * ERROR_GROWTH);
      count += 1;
    }
  }
  const spread = WIDENING * Math.sqrt(sum / count);
  const pace = Math.max(rate(n - 1), 0);
  const last = t[n - 1];
  const base = y[n - 1];
  const dof = Math.max(origins - 1, 1);
  return {
    period,
    distribution(time) {
      if (!(time > last)) throw new ModelError("num", "The pace forecasts only after the last count.");
      const h = (time - last) / period;
      const mean = pace * damped(h);
      const scale = spread * h ** ERROR_GROWTH;
      if (!(scale > 0) || !Number.isFinite(scale)) return knownCount(base + mean);
      // max(X, 0): the chance P(X ≤ 0) piles up at the last count.
      return {
        quantile: (probability) => base + Math.max(mean + scale * studentTQuantile(probability, dof), 0),
        atLeast: (target) => (target <= base ? 1 : studentTUpperTail((target - base - mean) / scale, dof)),
      };
    },
  };
}

/** The periods' worth of the current pace a damped trend adds up over h periods: φ(1 − φ^h)/(1 − φ). */
function damped(h: number): number {
  return (DAMPING * -Math.expm1(h * Math.log(DAMPING))) / (1 - DAMPING);
}
