import { requireDomain } from "./errors";
import { finite } from "./finite";

/**
 * The compound growth rate per period that takes `start` to `end` in `periods` periods, as
 * Excel's RRI(periods, start, end):
 *
 * rate = (end / start)^(1 / periods) − 1
 *
 * Computed with the same `pow` as Excel's RRI (not `expm1(log(…))`) so the two agree to the
 * last digits; where end / start or 1 / periods is too large or too small for a double, from
 * the logarithms instead, exp((ln end − ln start) / periods) − 1, so that such inputs still give
 * the rate rather than −100%, NaN or a false overflow. Domain: start > 0, end ≥ 0, periods > 0.
 *
 * @example compoundGrowthRate(25_072, 75_216, 2) // 0.7320508…: staff registrations trebled in two months, 73% a month
 */
export function compoundGrowthRate(start: number, end: number, periods = 1): number {
  requireDomain(start > 0, "start must be greater than 0.");
  requireDomain(end >= 0, "end must be 0 or more.");
  requireDomain(periods > 0, "periods must be greater than 0.");
  const ratio = end / start;
  const exponent = 1 / periods;
  const factor =
    ratio > 0 && ratio < Infinity && exponent < Infinity ? Math.pow(ratio, exponent) : Math.exp((Math.log(end) - Math.log(start)) / periods);
  return finite(factor - 1, "The growth rate is too large to represent.");
}
