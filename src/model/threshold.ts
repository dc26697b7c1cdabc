import { requireDomain } from "./errors";

/** The incentive scheme's threshold: 30% of GPs registered for smartcards. */
export const DEFAULT_THRESHOLD = 0.3;

/**
 * `value` rounded to 9 decimals, half away from zero (as Excel's ROUND(value, 9)). The whole
 * part is kept apart so that the rounding never moves a whole number off itself.
 */
function roundTo9Decimals(value: number): number {
  const whole = Math.trunc(value);
  const fraction = value - whole;
  return whole + (Math.sign(fraction) * Math.round(Math.abs(fraction) * 1e9)) / 1e9;
}

/**
 * The whole registrations still needed for `registered` of `total` to reach `threshold`:
 *
 * shortfall = max(0, ceil(round(threshold · total − registered, 9 decimals)))
 *
 * The rounding to 9 decimals forgives the binary error of threshold · total (0.55 · 100 is
 * 55.00000000000001), so a share exactly at the threshold counts as reached. Domain:
 * registered ≥ 0, total > 0, 0 ≤ threshold ≤ 1.
 *
 * @example shortfall(2, 10) // 1: 3 of 10 GPs make 30%
 * @example shortfall(45, 150) // 0: 45 of 150 is exactly 30%
 */
export function shortfall(registered: number, total: number, threshold = DEFAULT_THRESHOLD): number {
  requireDomain(registered >= 0, "registered must be 0 or more.");
  requireDomain(total > 0, "total must be greater than 0.");
  requireDomain(threshold >= 0 && threshold <= 1, "threshold must be between 0 and 1 (0% to 100%).");
  // Math.max also turns the −0 that ceil gives for small negative gaps into 0.
  return Math.max(0, Math.ceil(roundTo9Decimals(threshold * total - registered)));
}

/**
 * Whether `registered` of `total` reaches `threshold`: the same tolerant test as `shortfall`
 * (met exactly when the shortfall is 0), so the two never disagree.
 *
 * @example thresholdMet(45, 150) // true: exactly 30%
 */
export function thresholdMet(registered: number, total: number, threshold = DEFAULT_THRESHOLD): boolean {
  return shortfall(registered, total, threshold) === 0;
}
