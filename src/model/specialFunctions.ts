/**
 * Special functions the Student t distribution is built on: log-gamma, log-beta and the
 * regularised incomplete beta function.
 */
/** Lanczos coefficients (g = 7, 9 terms): ln Γ to about 15 significant digits. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * The natural logarithm of the gamma function, ln Γ(x), for x > 0, by the Lanczos
 * approximation Γ(x + 1) = √(2π)·(x + g + ½)^{x+½}·e^{−(x+g+½)}·A_g(x) with g = 7.
 *
 * @example logGamma(5) // ln 24 ≈ 3.1780538
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling's series for ln Γ(x) − [(x − ½)·ln x − x + ½·ln 2π], for x ≥ 100 (error below 1e-20). */
function stirlingCorrection(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}

/**
 * The logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). When one
 * argument is large (≥ 100) the difference ln Γ(big) − ln Γ(big + small) is formed from
 * Stirling's series without cancellation, so B(ν/2, ½) keeps full accuracy for large ν.
 *
 * @example logBeta(2, 3) // ln(1/12) ≈ −2.4849066
 */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 100) return logGamma(a) + logGamma(b) - logGamma(a + b);
  // ln Γ(big) − ln Γ(big + small), from Stirling's formula for each term.
  const difference =
    -(big - 0.5) * Math.log1p(small / big) - small * Math.log(big + small) + small + stirlingCorrection(big) - stirlingCorrection(big + small);
  return logGamma(small) + difference;
}

/**
 * The regularised incomplete beta function
 *
 * I_x(a, b) = (1/B(a, b)) · ∫₀ˣ s^{a−1}·(1 − s)^{b−1} ds,  for 0 ≤ x ≤ 1, a, b > 0,
 *
 * by its continued fraction (modified Lentz), using I_x(a, b) = 1 − I_{1−x}(b, a) where that
 * converges faster. `complement` is 1 − x, passed separately when the caller knows it more
 * accurately than 1 − x can be computed (x close to 1). Accurate to about 1e-14 relative where
 * the result is the directly summed side.
 *
 * @example incompleteBeta(0.5, 2, 3) // 0.6875
 */
export function incompleteBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(x > 0)) return 0;
  if (!(complement > 0)) return 1;
  const logFront = a * Math.log(x) + b * Math.log(complement) - logBeta(a, b);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(complement, b, a)) / b;
}

/** The continued fraction of the incomplete beta function (Numerical Recipes' betacf). */
function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
