/**
 * The standard normal distribution's upper tail, for the portfolio's predictive distributions
 * (evaluated millions of times for a national portfolio, so it must be a few arithmetic
 * operations). Its quantile is Acklam's, `normalQuantile` of studentT.ts.
 */

/**
 * P(Z ≥ z) for a standard normal Z, from the complementary error function by the Chebyshev
 * fit of Numerical Recipes (erfc, §6.2; relative error below 1.2e−7 everywhere).
 *
 * @example normalUpperTail(1.6448536) // ≈ 0.05
 */
export function normalUpperTail(z: number): number {
  const x = z / Math.SQRT2;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const erfc =
    t *
    Math.exp(
      -ax * ax -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}
