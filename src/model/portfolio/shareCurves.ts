/**
 * The shapes a portfolio's PCTs share: the share of a PCT's GPs registered by national month t,
 * S(t) = G(r·(t − c)), placed by a rate r > 0 and a midpoint c (a month of the national
 * timeline), the market held at the PCT's GPs. Fitted on u = (ln r, c), where a normal prior is
 * natural: rates vary by a factor, midpoints by months.
 *
 * - logistic: G(z) = 1 / (1 + e^{−z}), c the month half the GPs are registered;
 * - Gompertz: G(z) = e^{−e^{−z}}, c the month of steepest growth (37% registered).
 */

/** A share curve on the national timeline. */
export interface ShareCurve {
  readonly name: "logistic" | "gompertz";
  /** S(t) for u = (ln r, c). */
  share(t: number, logRate: number, midpoint: number): number;
  /** Writes S(t) and ∂S/∂(ln r), ∂S/∂c at t into out[0..2]. */
  shareWithGradient(t: number, logRate: number, midpoint: number, out: Float64Array): void;
  /** The month the share reaches `share` (0 < share < 1). */
  monthOf(share: number, logRate: number, midpoint: number): number;
  /**
   * ∫ G′(z)² dz from −∞ to where G = `share`, which is ∫₀^share G′ dG: with S′(t) = r·G′, the sum
   * over the months before t of (that month's share)² is r times it, to the accuracy of a month
   * being short beside the curve's rise.
   */
  squaredSlopeUpTo(share: number): number;
}

/** Writes S and its gradient from G(z) and G′(z) at z = r·(t − c). */
function withGradient(value: number, slope: number, rate: number, t: number, midpoint: number, out: Float64Array): void {
  out[0] = value;
  out[1] = slope * rate * (t - midpoint);
  out[2] = -slope * rate;
}

/**
 * The logistic share, 1 / (1 + e^{−r(t − c)}).
 *
 * @example LOGISTIC_SHARE.share(12, Math.log(0.4), 12) // 0.5
 */
export const LOGISTIC_SHARE: ShareCurve = {
  name: "logistic",
  share(t, logRate, midpoint) {
    return 1 / (1 + Math.exp(-Math.exp(logRate) * (t - midpoint)));
  },
  shareWithGradient(t, logRate, midpoint, out) {
    const rate = Math.exp(logRate);
    const value = 1 / (1 + Math.exp(-rate * (t - midpoint)));
    withGradient(value, value * (1 - value), rate, t, midpoint, out);
  },
  monthOf(share, logRate, midpoint) {
    return midpoint + Math.log(share / (1 - share)) / Math.exp(logRate);
  },
  // G′ = G(1 − G): ∫₀^g x(1 − x) dx.
  squaredSlopeUpTo(share) {
    return (share * share) / 2 - (share * share * share) / 3;
  },
};

/**
 * The Gompertz share, e^{−e^{−r(t − c)}}.
 *
 * @example GOMPERTZ_SHARE.share(12, Math.log(0.4), 12) // 0.3679: e^{−1} at the steepest month
 */
export const GOMPERTZ_SHARE: ShareCurve = {
  name: "gompertz",
  share(t, logRate, midpoint) {
    return Math.exp(-Math.exp(-Math.exp(logRate) * (t - midpoint)));
  },
  shareWithGradient(t, logRate, midpoint, out) {
    const rate = Math.exp(logRate);
    const inner = Math.exp(-rate * (t - midpoint));
    const value = Math.exp(-inner);
    withGradient(value, Number.isFinite(inner) ? value * inner : 0, rate, t, midpoint, out);
  },
  monthOf(share, logRate, midpoint) {
    return midpoint - Math.log(-Math.log(share)) / Math.exp(logRate);
  },
  // G′ = −G·ln G: ∫₀^g −x ln x dx.
  squaredSlopeUpTo(share) {
    return share > 0 ? (share * share) / 4 - (share * share * Math.log(share)) / 2 : 0;
  },
};

/** The curves by name. */
export const SHARE_CURVES = { logistic: LOGISTIC_SHARE, gompertz: GOMPERTZ_SHARE } as const;
