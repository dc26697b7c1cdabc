import { requireDomain } from "./errors";
import { finite } from "./finite";
import { DEFAULT_THRESHOLD, thresholdMet } from "./threshold";

/** The scheme's capital payment per practice, in pounds. */
export const DEFAULT_PAYMENT = 6_000;

/**
 * The incentive scheme's payment in pounds to a PCT:
 *
 * incentive = practices · payment if registered / total reaches threshold, else 0
 *
 * "Reaches" is `thresholdMet`, the test `shortfall` uses. Domain: practices ≥ 0, payment ≥ 0,
 * and that of `shortfall` for registered, total and threshold.
 *
 * @example incentive(40, 45, 150) // 240,000: 40 practices × £6,000, as 45 of 150 GPs is 30%
 */
export function incentive(
  practices: number,
  registered: number,
  total: number,
  threshold = DEFAULT_THRESHOLD,
  payment = DEFAULT_PAYMENT,
): number {
  requireDomain(practices >= 0, "practices must be 0 or more.");
  requireDomain(payment >= 0, "payment must be 0 or more.");
  if (!thresholdMet(registered, total, threshold)) return 0;
  return finite(practices * payment, "The payment is too large to represent.");
}
