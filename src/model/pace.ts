import { knownCount, type CountDistribution } from "./countDistribution";
import { ModelError } from "./errors";
import type { Series } from "./startValues";
import { studentTQuantile, studentTUpperTail } from "./studentT";

/** The counts the recent pace is measured over: the new adopters of the last PACE_SPAN gaps. */
const PACE_SPAN = 3;

/** The share of a period's pace that carries on into the next (a damped trend, Gardner & McKenzie 1985). */
const DAMPING = 0.9;

/**
 * How much wider than its own past errors the pace's spread is taken: its errors are measured on
 * the series' own past, over at most MAX_AHEAD counts ahead, and extrapolated to any horizon,
 * which on real series understates the errors further ahead (tuned on the tuning part of the
 * real-series corpus, `bench/realSeries`).
 */
const WIDENING = 2;

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
 * y_n + X,  X = r·D(h) + WIDENING·s·h·T,  D(h) = φ(1 − φ^h)/(1 − φ)
 *
 * with φ = DAMPING, T Student-t on (origins − 1) degrees of freedom, taken conditional on X ≥ 0
 * (counts do not fall), and s² = mean of e²/h² over the rule's own errors e = y_i − y_j − r_j·D(h)
 * from every earlier origin j (at most MAX_ORIGINS of them, MAX_AHEAD counts ahead each): errors
 * that grow in proportion to the horizon, as an error in the pace does.
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
      sum += (error * error) / (h * h);
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
      const scale = spread * h;
      if (!(scale > 0) || !Number.isFinite(scale)) return knownCount(base + mean);
      // X conditional on X ≥ 0: P(X ≥ x | X ≥ 0) = P(X ≥ x)/P(X ≥ 0).
      const positive = studentTUpperTail(-mean / scale, dof);
      return {
        quantile: (probability) => base + Math.max(mean + scale * studentTQuantile(1 - (1 - probability) * positive, dof), 0),
        atLeast: (target) => (target <= base ? 1 : Math.min(studentTUpperTail((target - base - mean) / scale, dof) / positive, 1)),
      };
    },
  };
}

/** The periods' worth of the current pace a damped trend adds up over h periods: φ(1 − φ^h)/(1 − φ). */
function damped(h: number): number {
  return (DAMPING * -Math.expm1(h * Math.log(DAMPING))) / (1 - DAMPING);
}
