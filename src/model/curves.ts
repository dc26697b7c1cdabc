import { bass } from "./bass";
import { requireDomain } from "./errors";
import { finite } from "./finite";
import { logistic } from "./logistic";

/**
 * `logistic` with its domain checked, for a user's inputs:
 *
 * L(t) = ceiling / (1 + e^{−rate · (t − midpoint)})
 *
 * Domain: ceiling > 0 (any rate; a negative rate gives a falling curve).
 *
 * @example logisticCurve(2, 35_000, 0.8, 2) // 17,500: half the ceiling at the midpoint
 */
export function logisticCurve(t: number, ceiling: number, rate: number, midpoint: number): number {
  requireDomain(ceiling > 0, "ceiling must be greater than 0.");
  return finite(logistic(t, ceiling, rate, midpoint), "The logistic value is undefined for numbers this large.");
}

/**
 * `bass` with its domain checked, for a user's inputs:
 *
 * N(t) = m · (1 − e^{−(p+q)t}) / (1 + (q/p) · e^{−(p+q)t})
 *
 * Domain: t ≥ 0, p > 0, q ≥ 0, m > 0.
 *
 * @example bassCurve(6, 0.03, 0.4, 35_000) // 16,091 adopters after 6 periods
 */
export function bassCurve(t: number, p: number, q: number, m: number): number {
  requireDomain(t >= 0, "t must be 0 or more.");
  requireDomain(p > 0, "p must be greater than 0.");
  requireDomain(q >= 0, "q must be 0 or more.");
  requireDomain(m > 0, "m must be greater than 0.");
  return finite(bass(t, p, q, m), "The Bass value is undefined for numbers this large.");
}
