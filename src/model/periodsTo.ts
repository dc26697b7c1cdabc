import { ModelError, requireDomain } from "./errors";
import { finite } from "./finite";

/** ln(a / b) for positive a and b, also where a / b alone would overflow or underflow. */
function logRatio(a: number, b: number): number {
  const ratio = a / b;
  return ratio > 0 && ratio < Infinity ? Math.log(ratio) : Math.log(a) - Math.log(b);
}

/**
 * The periods of growth at `rate` a period that take `current` to `target`: the inverse of
 * `project`, so project(current, rate, periodsTo(current, target, rate, K), K) = target.
 *
 * Without a ceiling: ln(target / current) / ln(1 + rate).
 * With a ceiling K: ln((K / current − 1) / (K / target − 1)) / ln(1 + rate).
 *
 * 0 if current ≥ target. A target that is never reached (rate ≤ 0, current = 0, or a target at
 * or above the ceiling) is an #N/A-kind error. Domain as `project`: current ≥ 0, rate > −1,
 * ceiling > 0.
 *
 * @example periodsTo(3_500, 18_981, 0.25) // 7.58 months at 25% a month
 * @example periodsTo(18_981, 30_000, 0.25, 35_000) // 7.27 months when growth saturates at 35,000
 */
export function periodsTo(current: number, target: number, rate: number, ceiling?: number): number {
  requireDomain(current >= 0, "current must be 0 or more.");
  requireDomain(rate > -1, "rate must be greater than -1 (-100%).");
  requireDomain(ceiling === undefined || ceiling > 0, "ceiling must be greater than 0.");
  if (current >= target) return 0;
  if (ceiling !== undefined && target >= ceiling) {
    throw new ModelError("na", "The target is never reached: it is at or above the ceiling.");
  }
  if (rate <= 0 || current === 0) {
    throw new ModelError("na", "The target is never reached: it needs a rate above 0 and a current value above 0.");
  }
  // ln((K − current)/current) − ln((K − target)/target), grouped as two ratios of like sizes
  // so that a target close to the current value keeps its precision.
  const logGap =
    ceiling === undefined ? logRatio(target, current) : logRatio(ceiling - current, ceiling - target) + logRatio(target, current);
  return finite(logGap / Math.log1p(rate), "The number of periods is too large to represent.");
}
