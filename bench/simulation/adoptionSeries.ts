/**
 * Simulated monthly adoption series, for measuring how well forecast bounds hold their coverage.
 *
 * The design (printed by the coverage benchmark):
 *
 * - A curve: Bass, logistic or Gompertz in turn, with a market of m adopters, m log-uniform from
 *   50 (a small primary care trust's GPs) to 50,000 (national counts), and a speed: the months
 *   from the launch to half the market, log-uniform from 8 to 40. The share already reached at
 *   the launch (month 0) is log-uniform from 0.5% to 5% for the logistic curve and from 0.1% to
 *   5% for the Gompertz curve (e^(−a)); the Bass curve starts at 0 with q/p log-uniform from 3 to 100.
 * - Counts: the count at month 1 and every month's new adopters after it are drawn around the
 *   curve's expected values, independently: Poisson, or negative binomial with a fixed size r
 *   (variance = mean + mean²/r, so over-dispersion grows with the mean; r log-uniform from 4 to
 *   100, i.e. months of many registrations vary by 10% to 50% about their mean, as sessions,
 *   practice-wide sign-ups and holidays make them). The cumulative counts are whole numbers and
 *   never pass the market: a month draws no more new adopters than are left.
 * - Observed from month 1 up to the month the curve first reaches a share s of the market, s
 *   uniform from 20% to 70%; the next 12 months are held out to check the forecasts against.
 */
import { BASS_MODEL, GOMPERTZ_MODEL, LOGISTIC_MODEL, type DiffusionModel, type ModelParameters } from "../../src/model/diffusion";
import { Random } from "./random";

/**
 * How per-month new adopters scatter about the curve's expected number: Poisson or negative
 * binomial, each month independently (the noise the forecast assumes), or Poisson about a rate that
 * drifts, month after month, above and below the curve's (a noise it does not assume: a
 * registration drive lifts several months in a row, a slack spell lowers them). The drift is
 * multiplicative, e^(w_t), w_t an AR(1) series with the given persistence ρ and standard deviation
 * σ (w_t = ρ·w_{t−1} + σ·√(1 − ρ²)·z_t).
 */
export type Noise =
  | { readonly kind: "poisson" }
  | { readonly kind: "negative binomial"; readonly size: number }
  | { readonly kind: "drifting rate"; readonly persistence: number; readonly spread: number };

/** The longest horizon checked, in months after the last observed count. */
export const HORIZON = 12;

export interface SimulatedSeries {
  readonly model: DiffusionModel;
  /** The true parameters, in the model's order. */
  readonly truth: ModelParameters;
  readonly market: number;
  readonly noise: Noise;
  /** The share of the market the true curve has reached at the last observed month. */
  readonly observedShare: number;
  /** Months 1 to n. */
  readonly times: number[];
  /** The cumulative counts observed at those months. */
  readonly values: number[];
  /** The cumulative counts of the HORIZON months after the last observed one (n + 1 to n + 12). */
  readonly heldOut: number[];
}

/** The parameters of a model with market m, `half` months from the launch to m/2, and a start share. */
function trueParameters(model: DiffusionModel, market: number, half: number, random: Random): ModelParameters {
  switch (model.name) {
    case "logistic": {
      const start = random.logBetween(0.005, 0.05);
      return [market, Math.log((1 - start) / start) / half, half];
    }
    case "gompertz": {
      const a = -Math.log(random.logBetween(0.001, 0.05));
      return [market, a, Math.log(a / Math.LN2) / half];
    }
    case "bass": {
      // F(T) = 1/2 at (p + q)·T = ln(2 + q/p).
      const ratio = random.logBetween(3, 100);
      const sum = Math.log(2 + ratio) / half;
      return [sum / (1 + ratio), (sum * ratio) / (1 + ratio), market];
    }
  }
}

/** Draws one count with the given expected value under the noise (`drift`, the rate's log-deviation, for a drifting rate). */
function draw(expected: number, noise: Noise, random: Random, drift: number): number {
  switch (noise.kind) {
    case "poisson":
      return random.poisson(expected);
    case "negative binomial":
      return random.negativeBinomial(expected, noise.size);
    case "drifting rate":
      return random.poisson(expected * Math.exp(drift));
  }
}

/**
 * The `index`-th series of the design from a seeded stream: the model and the noise kind cycle
 * (Bass, logistic, Gompertz; Poisson, negative binomial) so that every block of six covers each
 * pair once; everything else is drawn. `drifting` replaces the noise by a drifting rate (see
 * `Noise`) for every series.
 */
export function simulateSeries(index: number, random: Random, drifting?: { persistence: number; spread: number }): SimulatedSeries {
  const model = [BASS_MODEL, LOGISTIC_MODEL, GOMPERTZ_MODEL][index % 3];
  const noise: Noise = drifting
    ? { kind: "drifting rate", ...drifting }
    : Math.floor(index / 3) % 2 === 0
      ? { kind: "poisson" }
      : { kind: "negative binomial", size: random.logBetween(4, 100) };
  const market = Math.round(random.logBetween(50, 50_000));
  const truth = trueParameters(model, market, random.logBetween(8, 40), random);
  const share = random.between(0.2, 0.7);
  let last = 1;
  while (model.value(last, truth) < share * market) last += 1;
  const counts: number[] = [];
  let total = 0;
  let previous = 0;
  let drift = 0;
  for (let t = 1; t <= last + HORIZON; t++) {
    const level = model.value(t, truth);
    if (noise.kind === "drifting rate") {
      const { persistence, spread } = noise;
      drift = t === 1 ? spread * random.normal() : persistence * drift + spread * Math.sqrt(1 - persistence * persistence) * random.normal();
    }
    // The count at month 1 includes everyone who adopted before it; later months add their new
    // adopters, of whom there can be no more than the market has left.
    total += Math.min(draw(level - previous, noise, random, drift), market - total);
    previous = level;
    counts.push(total);
  }
  return {
    model,
    truth,
    market,
    noise,
    observedShare: share,
    times: Array.from({ length: last }, (_, i) => i + 1),
    values: counts.slice(0, last),
    heldOut: counts.slice(last),
  };
}
