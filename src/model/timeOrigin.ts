import type { DiffusionModel, ModelParameters } from "./diffusion";

/**
 * The smallest time read as a date: Excel's serial number 10,000 is 18 May 1927, and no
 * adoption series counts ten thousand periods since its launch, so times from here up are dates.
 */
const FIRST_DATE_SERIAL = 10_000;

/**
 * Whether times are dates (Excel serial numbers) rather than periods: the earliest is
 * FIRST_DATE_SERIAL or later.
 *
 * @example timesAreDates([38533, 38564]) // true: 30 Jun and 31 Jul 2005
 */
export function timesAreDates(times: readonly number[]): boolean {
  return times.length > 0 && Math.min(...times) >= FIRST_DATE_SERIAL;
}

/**
 * The time a fit counts time from internally. The logistic and Gompertz curves keep their shape
 * when time is shifted, so they are fitted on times since the earliest one: then dates (times
 * near 40,000) fit as stably as months 1, 2, 3. The Bass curve starts at its launch, t = 0, so its
 * clock cannot move: 0.
 *
 * @example curveOrigin(LOGISTIC_MODEL, [38533, 38564]) // 38533
 */
export function curveOrigin(model: DiffusionModel, times: readonly number[]): number {
  return model.timesFromLaunch || times.length === 0 ? 0 : Math.min(...times);
}

/**
 * Parameters fitted on times since `origin`, restated for the caller's own clock t, with the
 * Jacobian ∂θ/∂θ_local (3 × 3, row-major) that carries their covariance over (Σ = H·Σ_local·Hᵀ):
 *
 * - logistic: midpoint = midpoint_local + origin (rate and m unchanged; H = I);
 * - Gompertz: m·e^{−a_local·e^{−b(t − origin)}} = m·e^{−a·e^{−b t}} with a = a_local·e^{b·origin},
 *   so ∂a/∂a_local = e^{b·origin} and ∂a/∂b = a·origin. With dates, a can exceed the largest
 *   number (Infinity): it is e^{b·t} at the curve's steepest point, a date near 40,000;
 * - Bass: its origin is always 0 (H = I).
 *
 * @example toCallerClock(LOGISTIC_MODEL, [400, 0.7, 5], 38533).parameters // [400, 0.7, 38538]
 */
export function toCallerClock(model: DiffusionModel, local: ModelParameters, origin: number): { parameters: ModelParameters; jacobian: number[] } {
  const jacobian = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  if (origin === 0) return { parameters: local, jacobian };
  switch (model.name) {
    case "logistic":
      return { parameters: [local[0], local[1], local[2] + origin], jacobian };
    case "gompertz": {
      const [m, aLocal, b] = local;
      const growth = Math.exp(b * origin);
      const a = aLocal * growth;
      jacobian[4] = growth;
      jacobian[5] = a * origin;
      return { parameters: [m, a, b], jacobian };
    }
    default:
      return { parameters: local, jacobian };
  }
}

/**
 * H·Σ·Hᵀ for 3 × 3 row-major matrices, skipping the products with a zero entry of H so that an
 * infinite entry (a Gompertz a beyond the largest number) affects only its own row and column.
 */
export function carryCovariance(jacobian: readonly number[], covariance: readonly number[]): number[] {
  const result = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let r = 0; r < 3; r++) {
        if (jacobian[i * 3 + r] === 0) continue;
        for (let s = 0; s < 3; s++) {
          if (jacobian[j * 3 + s] === 0 || covariance[r * 3 + s] === 0) continue;
          sum += jacobian[i * 3 + r] * covariance[r * 3 + s] * jacobian[j * 3 + s];
        }
      }
      result[i * 3 + j] = sum;
    }
  }
  return result;
}

/**
 * The standard errors √diag(H·Σ·Hᵀ), each formed with its row of H scaled to a largest entry of 1
 * first, so that a standard error near the largest number does not overflow through its square.
 */
export function carriedStandardErrors(jacobian: readonly number[], covariance: readonly number[]): ModelParameters {
  const errors = [0, 1, 2].map((i) => {
    const row = [0, 1, 2].map((r) => jacobian[i * 3 + r]);
    const largest = Math.max(...row.map(Math.abs));
    if (!Number.isFinite(largest)) return Infinity;
    let sum = 0;
    for (let r = 0; r < 3; r++) {
      for (let s = 0; s < 3; s++) sum += (row[r] / largest) * covariance[r * 3 + s] * (row[s] / largest);
    }
    return largest * Math.sqrt(Math.max(sum, 0));
  });
  return [errors[0], errors[1], errors[2]];
}

/** A fit's parameters as FIT shows them: names, estimates and standard errors (undefined where there are none). */
export interface ShownParameters {
  readonly names: readonly [string, string, string];
  readonly estimates: ModelParameters;
  readonly standardErrors?: ModelParameters;
}

/**
 * The parameters as FIT shows them. They are the fit's own (`parameters`, `standardErrors`),
 * except the Gompertz curve fitted to dates: its `a` = e^{b·t*} at the curve's steepest date t*
 * exceeds the largest number, so it is placed by that date instead, as the logistic curve is by
 * its midpoint: m·e^{−e^{−b·(t − steepest)}}, steepest = origin + ln(a_local)/b, with the standard
 * error by the delta method, ∇steepest = (1/(a_local·b), −ln(a_local)/b²) in (a_local, b).
 *
 * @example shownParameters(fitDiffusion(GOMPERTZ_MODEL, dates, counts)).names // ["m", "steepest", "b"]
 */
export function shownParameters(fit: {
  readonly model: DiffusionModel;
  readonly times: readonly number[];
  readonly origin: number;
  readonly parameters: ModelParameters;
  readonly localParameters: ModelParameters;
  readonly localCovariance?: readonly number[];
  readonly standardErrors?: ModelParameters;
  readonly fixedMarket: boolean;
}): ShownParameters {
  if (fit.model.name !== "gompertz" || !timesAreDates(fit.times)) {
    return { names: fit.model.parameters, estimates: fit.parameters, standardErrors: fit.standardErrors };
  }
  const [m, aLocal, b] = fit.localParameters;
  const steepest = fit.origin + Math.log(aLocal) / b;
  const names: [string, string, string] = ["m", "steepest", "b"];
  const covariance = fit.localCovariance;
  if (!covariance) return { names, estimates: [m, steepest, b] };
  const gradient = [0, 1 / (aLocal * b), -Math.log(aLocal) / (b * b)];
  let variance = 0;
  for (let i = 1; i < 3; i++) for (let j = 1; j < 3; j++) variance += gradient[i] * covariance[i * 3 + j] * gradient[j];
  const errors = fit.standardErrors!;
  return { names, estimates: [m, steepest, b], standardErrors: [errors[0], Math.sqrt(Math.max(variance, 0)), errors[2]] };
}
