import { ModelError } from "./errors";
import { studentTQuantile, studentTUpperTail } from "./studentT";

/**
 * A predictive distribution for the count at a time. `atLeast(quantile(p)) = 1 − p` for every p
 * (to rounding) where the count is continuous, so bounds read from `quantile` and chances from
 * `atLeast` agree, and `atLeast` never rises as the target rises. Where the count piles up at one
 * value (a count known exactly, or a ceiling it stops at: `knownCount`, `atMost`), reaching the
 * bound is at least 1 − p.
 */
export interface CountDistribution {
  /** The count c with P(count ≥ c) = 1 − p, for 0 < p < 1. */
  quantile(probability: number): number;
  /** P(count ≥ target). */
  atLeast(target: number): number;
}

/**
 * The central bounds that hold the count with probability `confidence`: the (1 − c)/2 and
 * (1 + c)/2 quantiles. A bound beyond the largest number is a #NUM!-kind ModelError saying what
 * to do instead.
 *
 * @example centralBounds(knownCount(45), 0.8) // { lower: 45, upper: 45 }
 */
export function centralBounds(distribution: CountDistribution, confidence: number): { lower: number; upper: number } {
  const bound = (probability: number): number => {
    const value = distribution.quantile(probability);
    if (Number.isFinite(value)) return value;
    throw new ModelError("num", "The bound is beyond the largest number a cell holds: forecast a time nearer the counts, or ask for a lower confidence.");
  };
  return { lower: bound((1 - confidence) / 2), upper: bound((1 + confidence) / 2) };
}

/**
 * A count known exactly (at a time with a count, or with no scatter at all): every quantile is the
 * count, and the chance of at least a target is 1 up to the count and 0 above it.
 *
 * @example knownCount(45).atLeast(45) // 1
 */
export function knownCount(count: number): CountDistribution {
  return { quantile: () => count, atLeast: (target) => (target <= count ? 1 : 0) };
}

/**
 * A count that cannot exceed `ceiling`: the chance above it is 0, the chance of reaching it is the
 * chance the count would have reached it or more, and every quantile stops at it. The
 * distribution then has an atom at the ceiling, so at a bound that stops there `atLeast` exceeds
 * 1 − p (the bound is the ceiling because the count reaches it with at least that chance).
 *
 * @example atMost(positiveAmount(140, 15, 4, 15, 10), 150).quantile(0.999) // 150
 */
export function atMost(distribution: CountDistribution, ceiling: number): CountDistribution {
  return {
    quantile: (probability) => Math.min(distribution.quantile(probability), ceiling),
    atLeast: (target) => (target > ceiling ? 0 : distribution.atLeast(target)),
  };
}

/**
 * A distribution that only throws: for a fit without the degrees of freedom (`na`) or the
 * determinacy (`num`) to measure its uncertainty, as FIT's standard errors show (`reason` says
 * which).
 */
export function unknownSpread(kind: "na" | "num", reason: string): CountDistribution {
  const fail = (): never => {
    throw new ModelError(kind, reason);
  };
  return { quantile: fail, atLeast: fail };
}

/**
 * The count as a known `base` plus a positive amount X with mean `mean` whose uncertainty has two
 * parts, the fitted curve's (`curveVariance`) and the scatter of the new adopters themselves
 * (`noiseVariance`). X is taken to be Student-t distributed with `dof` degrees of freedom on a
 * power scale g(X) = (X^λ − 1)/λ (ln X at λ = 0), with λ = (1/3)·(the scatter's share of the
 * variance):
 *
 * - the scatter of counts is skewed like a Poisson or gamma variable, which the cube root makes
 *   nearly normal (Wilson & Hilferty 1931): λ = 1/3 when it is all scatter;
 * - the curve's uncertainty is multiplicative (an unknown market scales every future count), so
 *   it is nearly normal on the log scale: λ = 0 when it is all the curve's.
 *
 * On that scale the centre keeps the mean of the scatter, E[X^λ] = μ^λ·(1 + c²)^{λ(λ−1)/2} with
 * c² = noiseVariance/μ², and the spread is that of the curve by the delta method (μ^{λ−1}·√var)
 * combined with the scatter's, μ^λ·(1 + c²)^{λ(λ−1)/2}·√(((1 + c²)^{λ²} − 1))/λ (√ln(1 + c²) at
 * λ = 0): the moments of a log-normal X, exact at λ = 0, to second order elsewhere. X is
 * conditioned on being positive: the count never falls below `base`.
 *
 * @example positiveAmount(3500, 1200, 40_000, 1500, 10).quantile(0.5) // ≈ 4,699
 */
export function positiveAmount(base: number, mean: number, curveVariance: number, noiseVariance: number, dof: number): CountDistribution {
  const variance = curveVariance + noiseVariance;
  if (!(mean > 0) || !(variance > 0)) return knownCount(base + Math.max(mean, 0));
  return onPowerScale(base, mean, curveVariance, noiseVariance, dof, noiseVariance / variance / 3);
}

/** `positiveAmount` on the power scale λ = `power`; on the log scale where too little of it is above X = 0. */
function onPowerScale(base: number, mean: number, curveVariance: number, noiseVariance: number, dof: number, power: number): CountDistribution {
  const c2 = noiseVariance / (mean * mean);
  const logMean = Math.log(mean);
  const logSpread = Math.log1p(c2);
  const centreLog = power * logMean + ((power * (power - 1)) / 2) * logSpread;
  const noiseScale =
    power === 0 ? Math.sqrt(logSpread) : (Math.exp(centreLog) * Math.sqrt(Math.expm1(power * power * logSpread))) / power;
  const curveScale = Math.exp((power - 1) * logMean) * Math.sqrt(curveVariance);
  const scale = Math.sqrt(noiseScale * noiseScale + curveScale * curveScale);
  const centre = power === 0 ? logMean - logSpread / 2 : Math.expm1(centreLog) / power;
  const transform = (x: number): number => (power === 0 ? Math.log(x) : Math.expm1(power * Math.log(x)) / power);
  const inverse = (z: number): number => {
    if (power === 0) return Math.exp(z);
    return power * z <= -1 ? 0 : Math.exp(Math.log1p(power * z) / power);
  };
  // On a power scale (λ > 0) the t distribution reaches below X = 0, where g(X) = −1/λ; X is
  // taken conditional on being positive, P(X ≥ x | X > 0) = P(X ≥ x)/P(X > 0), so that the count
  // never falls below `base` and the chances and quantiles still invert each other exactly.
  const positive = power === 0 ? 1 : studentTUpperTail((-1 / power - centre) / scale, dof);
  if (power > 0 && (!(positive > 1e-6) || !Number.isFinite(scale))) return onPowerScale(base, mean, curveVariance, noiseVariance, dof, 0);
  return {
    quantile: (probability) => base + inverse(centre + scale * studentTQuantile(1 - (1 - probability) * positive, dof)),
    atLeast: (target) => (target <= base ? 1 : studentTUpperTail((transform(target - base) - centre) / scale, dof) / positive),
  };
}

/**
 * The mixture Σ w_i·F_i of distributions with weights summing to 1: P(count ≥ x) = Σ w_i·P_i(count
 * ≥ x), its quantiles found by the Illinois variant of regula falsi between the smallest and
 * largest of the parts' quantiles, to a relative 1e-12: the largest count found that is reached
 * with chance 1 − p or more (so at a count where a part piles up, that count).
 *
 * @example mixture([{ weight: 0.5, distribution: knownCount(1) }, { weight: 0.5, distribution: knownCount(3) }]).atLeast(2) // 0.5
 */
export function mixture(components: readonly { weight: number; distribution: CountDistribution }[]): CountDistribution {
  // A mixture of mixtures is one mixture of their parts, so that a quantile is searched once.
  const parts = components.flatMap(({ weight, distribution }) =>
    distribution instanceof Mixture ? distribution.parts.map((part) => ({ weight: weight * part.weight, distribution: part.distribution })) : [{ weight, distribution }],
  );
  if (parts.length === 1) return parts[0].distribution;
  return new Mixture(parts);
}

/** The mixture of `mixture`, which keeps its parts so that a mixture of it can be flattened. */
class Mixture implements CountDistribution {
  constructor(readonly parts: readonly { weight: number; distribution: CountDistribution }[]) {}

  atLeast(target: number): number {
    return this.parts.reduce((sum, part) => sum + part.weight * part.distribution.atLeast(target), 0);
  }

  quantile(probability: number): number {
    return mixtureQuantile(this.parts, (target) => this.atLeast(target), probability);
  }
}

/**
 * The quantile of a mixture: the crossing of `atLeast` with 1 − p between the parts' quantiles
 * (Illinois), taken from the side where the count is still reached with chance 1 − p or more. Where
 * a part piles up at one count (a count that stays at the last one, a ceiling) `atLeast` jumps
 * past 1 − p there, and the quantile is that count itself, not a hair above it: a lower bound
 * that the count staying put would miss.
 */
function mixtureQuantile(parts: readonly { weight: number; distribution: CountDistribution }[], atLeast: (target: number) => number, probability: number): number {
  const wanted = 1 - probability;
  const candidates = parts.map((part) => part.distribution.quantile(probability));
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  // atLeast falls from above `wanted` at `low` to below it at `high`: find the crossing.
  let excessLow = atLeast(low) - wanted;
  let excessHigh = atLeast(high) - wanted;
  if (excessLow <= 0) return low;
  if (excessHigh >= 0) return high;
  let side = 0;
  // Until the chance at `low` is within 1e-12 of the one wanted (a steep part's density can make
  // a step of 1e-12 of the count move the chance by far more), or the two sides meet to rounding.
  for (let iteration = 0; iteration < 200 && excessLow > 1e-12 && high - low > 4 * Number.EPSILON * Math.max(Math.abs(low), Math.abs(high), 1e-300); iteration++) {
    const guess = (low * excessHigh - high * excessLow) / (excessHigh - excessLow);
    const point = guess > low && guess < high ? guess : (low + high) / 2;
    const excess = atLeast(point) - wanted;
    if (excess === 0) return point;
    if (excess > 0) {
      low = point;
      excessLow = excess;
      if (side === 1) excessHigh /= 2;
      side = 1;
    } else {
      high = point;
      excessHigh = excess;
      if (side === -1) excessLow /= 2;
      side = -1;
    }
  }
  return low;
}
