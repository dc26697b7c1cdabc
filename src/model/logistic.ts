/**
 * The logistic curve: a value that grows at `rate` while small and saturates at `ceiling`.
 *
 * L(t) = ceiling / (1 + e^{−rate · (t − midpoint)})
 *
 * It is half the ceiling at the midpoint. Pure arithmetic with no checks.
 *
 * @example logistic(2, 35000, 0.8, 2) // 17,500: half of 35,000 GPs at the midpoint
 */
export function logistic(t: number, ceiling: number, rate: number, midpoint: number): number {
  return ceiling / (1 + Math.exp(-rate * (t - midpoint)));
}
