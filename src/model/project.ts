import { requireDomain } from "./errors";
import { finite } from "./finite";

const TOO_LARGE = "The projection is too large to represent.";

/**
 * The value after `periods` periods of growth at `rate` a period.
 *
 * Without a ceiling, compound growth: current · (1 + rate)^periods.
 *
 * With a ceiling K, logistic growth with intrinsic rate k = ln(1 + rate), which grows like
 * compound growth while small and saturates at K:
 *
 * K / (1 + (K / current − 1) · (1 + rate)^(−periods))
 *
 * Domain: current ≥ 0, rate > −1, ceiling > 0; current = 0 stays 0. Periods may be negative
 * (a value in the past). A result too large for a double, or a logistic curve that has no value
 * that far back (a start above the ceiling), is a #NUM!-kind error.
 *
 * @example project(18_981, 0.25, 6) // 72,407: 18,981 GPs growing 25% a month for six months
 * @example project(18_981, 0.25, 6, 35_000) // 28,659: the same growth saturating at 35,000 GPs
 */
export function project(current: number, rate: number, periods: number, ceiling?: number): number {
  requireDomain(current >= 0, "current must be 0 or more.");
  requireDomain(rate > -1, "rate must be greater than -1 (-100%).");
  if (ceiling === undefined) {
    if (current === 0) return 0;
    const value = current * Math.pow(1 + rate, periods);
    // Where the power alone overflows or underflows, its product with current may still be an
    // ordinary number: work it out in logarithms.
    return finite(value > 0 && value < Infinity ? value : Math.exp(Math.log(current) + periods * Math.log1p(rate)), TOO_LARGE);
  }
  requireDomain(ceiling > 0, "ceiling must be greater than 0.");
  if (current === 0 || current === ceiling) return current;
  // (K/current − 1)·(1+rate)^(−periods) in logarithms, so that neither K/current nor the
  // power overflows on its own when their product is an ordinary number.
  const logExcess = Math.log(Math.abs(ceiling - current)) - Math.log(current) - periods * Math.log1p(rate);
  const excess = Math.exp(logExcess);
  const denominator = current < ceiling ? 1 + excess : 1 - excess;
  requireDomain(denominator > 0, "A start above the ceiling has no logistic value that far back.");
  return finite(ceiling / denominator, TOO_LARGE);
}
