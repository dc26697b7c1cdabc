/**
 * Cumulative adopters at time t under the Bass (1969) diffusion model.
 *
 * N(t) = m · (1 − e^{−(p+q)t}) / (1 + (q/p) · e^{−(p+q)t})
 *
 * p is the coefficient of innovation, q of imitation, m the market size. Pure arithmetic with
 * no checks: callers check the domain (p > 0, q ≥ 0, m > 0).
 *
 * @example bass(6, 0.03, 0.4, 35000) // ≈ 16,091 GPs registered after 6 months
 */
export function bass(t: number, p: number, q: number, m: number): number {
  const decay = Math.exp(-(p + q) * t);
  return (m * (1 - decay)) / (1 + (q / p) * decay);
}
