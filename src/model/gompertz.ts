/**
 * Cumulative adopters at time t under the Gompertz curve.
 *
 * G(t) = m · e^{−a · e^{−b t}}
 *
 * m is the market size (the level the curve saturates at), a > 0 the displacement (the curve is
 * m·e^{−a} at t = 0) and b > 0 the growth rate per period. The curve is S-shaped but not
 * symmetric: its steepest point is at t = ln(a)/b, where it has reached m/e ≈ 37% of m, so it
 * rises quickly and then approaches m slowly. Pure arithmetic with no checks.
 *
 * @example gompertz(6, 35000, 5, 0.4) // ≈ 22,237: 64% of 35,000 GPs registered after 6 months
 */
export function gompertz(t: number, m: number, a: number, b: number): number {
  return m * Math.exp(-a * Math.exp(-b * t));
}
