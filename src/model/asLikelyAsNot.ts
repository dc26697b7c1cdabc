import { ModelError } from "./errors";
import { formatCount } from "./format";
import type { CountForecaster } from "./predictive";

/** The most doublings of the step searched after the last count: 2^60 periods is beyond any date. */
const MAX_DOUBLINGS = 60;

/** Bisection stops when the time is known to this share of a period. */
const TIME_TOLERANCE = 1e-8;

/**
 * REACH: the earliest time at which the count is as likely as not to have reached `target`, the
 * time T at which CHANCE(target, T) = P(count at T ≥ target) first reaches 1/2.
 *
 * - A target the counts have already passed is reached between the last count below it and the
 *   first count at or above it (or before the first count), where the chance rises from 0 to 1:
 *   the time is found there.
 * - A target above the last count is searched after it: the chance is read one period after the
 *   last count, then 2, 4, 8, … periods after, until it reaches 1/2, and the time is then narrowed
 *   by bisection between the last two times read, to TIME_TOLERANCE of a period.
 *
 * So CHANCE by REACH's time is 1/2 (to the bisection's tolerance where the count is continuous;
 * a whole count, whose chance steps, may pass 1/2 at the step), below 1/2 just before it and at
 * least 1/2 at it. Throws a `num` ModelError for a target of 0 or less and an `na` ModelError when
 * the chance never reaches 1/2 (the forecast levels off below the target).
 *
 * @example timeAsLikelyAsNot(forecastOf("logistic", months, gps).forecaster, 120) // a month, CHANCE(120, it) = 0.5
 */
export function timeAsLikelyAsNot(forecaster: CountForecaster, target: number): number {
  if (!(target > 0)) throw new ModelError("num", "target must be greater than 0.");
  const { t, y } = forecaster.counts;
  const n = t.length;
  const chance = (time: number): number => forecaster.distribution(time).atLeast(target);
  const reached = y.findIndex((count) => count >= target);
  if (reached > 0) return bisect(chance, t[reached - 1], t[reached], t[reached] - t[reached - 1]);
  if (reached === 0) return beforeFirstCount(chance, t);
  const period = n > 1 ? (t[n - 1] - t[0]) / (n - 1) : 1;
  let before = t[n - 1];
  for (let doubling = 0; doubling <= MAX_DOUBLINGS; doubling++) {
    const after = t[n - 1] + period * 2 ** doubling;
    if (chance(after) >= 0.5) return bisect(chance, before, after, period);
    before = after;
  }
  throw new ModelError("na", `The forecast never makes ${formatCount(target)} as likely as not: the chance of reaching it stays below 1/2 however far ahead.`);
}

/**
 * A target at or below the first count: the chance is read 1, 2, 4, … spans of the counts before
 * the first count until it is below 1/2, then bisected. Where the forecast is undefined that far
 * back (Bass before its launch, t = 0), the search steps back towards the first count instead:
 * to the launch itself when it lies in between (times that count from a launch), then in halving
 * steps between the last time the chance was undefined and the earliest it was at least 1/2, so
 * the answer is never simply the first count's time while the chance just before it is still at
 * least 1/2.
 *
 * @example beforeFirstCount((time) => bassForecaster.distribution(time).atLeast(2), [1, 2, 3]) // about 0.6, between the launch and month 1
 */
function beforeFirstCount(chance: (time: number) => number, t: readonly number[]): number {
  const span = t.length > 1 ? t[t.length - 1] - t[0] : 1;
  const defined = (time: number): number | undefined => {
    try {
      return chance(time);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      return undefined;
    }
  };
  let after = t[0];
  for (let doubling = 0; doubling <= MAX_DOUBLINGS; doubling++) {
    const before = t[0] - span * 2 ** doubling;
    const atBefore = defined(before);
    if (atBefore === undefined) return beforeUndefined(chance, defined, before, after, span);
    if (atBefore < 0.5) return bisect(chance, before, after, span);
    after = before;
  }
  return after;
}

/**
 * The chance is undefined at `undefinedAt` and at least 1/2 at `after`: the launch (0) is tried
 * first when it lies between them, then the midpoint of the last undefined time and the earliest
 * time at least 1/2, halving the gap each step, until the chance there is below 1/2 (then
 * bisected) or the gap is below the bisection's tolerance (then the earliest time at least 1/2).
 */
function beforeUndefined(
  chance: (time: number) => number,
  defined: (time: number) => number | undefined,
  undefinedAt: number,
  after: number,
  span: number,
): number {
  let low = undefinedAt;
  let high = after;
  if (low < 0 && 0 < high) {
    const atLaunch = defined(0);
    if (atLaunch === undefined) low = 0;
    else if (atLaunch < 0.5) return bisect(chance, 0, high, span);
    else high = 0;
  }
  while (high - low > TIME_TOLERANCE * span) {
    const middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;
    const atMiddle = defined(middle);
    if (atMiddle === undefined) low = middle;
    else if (atMiddle < 0.5) return bisect(chance, middle, high, span);
    else high = middle;
  }
  return high;
}

/** The time in (before, after] where the chance first reaches 1/2, given chance(before) < 1/2 ≤ chance(after). */
function bisect(chance: (time: number) => number, before: number, after: number, period: number): number {
  let low = before;
  let high = after;
  while (high - low > TIME_TOLERANCE * period) {
    const middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;
    if (chance(middle) >= 0.5) high = middle;
    else low = middle;
  }
  return high;
}
