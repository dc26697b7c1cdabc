import { bass } from "./bass";
import { gompertz } from "./gompertz";
import { logistic } from "./logistic";
import { bassStarts, gompertzStarts, logisticStarts, type ShapeStart } from "./startValues";

/** The diffusion models FIT, FORECAST and REACH know, by their (lower-case) names. */
export type ModelName = "bass" | "logistic" | "gompertz";

/** The three parameters of a model, in the model's own order (e.g. p, q, m for Bass). */
export type ModelParameters = readonly [number, number, number];

/**
 * A diffusion model of cumulative adopters N(t; θ) with three parameters, one of which is the
 * market size m that N(t) saturates at. N is linear in m (N = m·F(t; shape)), which the fit uses
 * to solve for m in closed form; the other two are the shape parameters.
 */
export interface DiffusionModel {
  readonly name: ModelName;
  /** The curve as a formula, for messages and documentation. */
  readonly formula: string;
  /** The parameters' names, in the model's order. */
  readonly parameters: readonly [string, string, string];
  /** The index of the market size m in `parameters`. */
  readonly market: 0 | 1 | 2;
  /** The indices of the two shape parameters in `parameters`. */
  readonly shape: readonly [number, number];
  /**
   * For each shape parameter, its smallest allowed value (0 for a rate that must be positive or
   * may be 0), or −Infinity for one without bounds (the logistic midpoint).
   */
  readonly lower: readonly [number, number];
  /** For each shape parameter, whether 0 itself is allowed (Bass q may be 0; p may not). */
  readonly zeroAllowed: readonly [boolean, boolean];
  /** Whether times must be 0 or more (time since launch, as in the Bass model). */
  readonly timesFromLaunch: boolean;
  /** N(t; θ). */
  value(t: number, theta: ArrayLike<number>): number;
  /** Writes ∂N/∂θ_i at t into out[i], in the model's parameter order. */
  gradient(t: number, theta: ArrayLike<number>, out: { [index: number]: number }): void;
  /**
   * Starting values for the two shape parameters, worked out from the data (with a known
   * market size when one is given); the fit refines the best of them.
   */
  starts(times: readonly number[], values: readonly number[], market?: number): ShapeStart[];
}

/**
 * The Bass (1969) model, parameters (p, q, m):
 *
 * N(t) = m · (1 − e^{−(p+q)t}) / (1 + (q/p) · e^{−(p+q)t})
 *
 * With e = e^{−(p+q)t}, G = p + q·e and F = p(1 − e)/G (so N = m·F):
 *
 * ∂N/∂p = m·[(1 − e + p·t·e) − F·(1 − q·t·e)] / G
 * ∂N/∂q = m·[p·t·e − F·(e − q·t·e)] / G
 * ∂N/∂m = F
 *
 * @example BASS_MODEL.value(6, [0.03, 0.4, 35000]) // ≈ 16,091
 */
export const BASS_MODEL: DiffusionModel = {
  name: "bass",
  formula: "m·(1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t))",
  parameters: ["p", "q", "m"],
  market: 2,
  shape: [0, 1],
  lower: [0, 0],
  zeroAllowed: [false, true],
  timesFromLaunch: true,
  value: (t, theta) => bass(t, theta[0], theta[1], theta[2]),
  gradient(t, theta, out) {
    const p = theta[0];
    const q = theta[1];
    const m = theta[2];
    const e = Math.exp(-(p + q) * t);
    const g = p + q * e;
    const f = (-p * Math.expm1(-(p + q) * t)) / g;
    const te = t * e;
    out[0] = (m * (1 - e + p * te - f * (1 - q * te))) / g;
    out[1] = (m * (p * te - f * (e - q * te))) / g;
    out[2] = f;
  },
  starts: bassStarts,
};

/**
 * The logistic curve, parameters (m, rate, midpoint):
 *
 * N(t) = m / (1 + e^{−rate·(t − midpoint)})
 *
 * With S = 1/(1 + e^{−rate·(t − midpoint)}) and S' = S·(1 − S):
 *
 * ∂N/∂m = S,  ∂N/∂rate = m·S'·(t − midpoint),  ∂N/∂midpoint = −m·S'·rate
 *
 * @example LOGISTIC_MODEL.value(2, [35000, 0.8, 2]) // 17,500
 */
export const LOGISTIC_MODEL: DiffusionModel = {
  name: "logistic",
  formula: "m / (1 + e^(−rate·(t − midpoint)))",
  parameters: ["m", "rate", "midpoint"],
  market: 0,
  shape: [1, 2],
  lower: [0, -Infinity],
  zeroAllowed: [false, false],
  timesFromLaunch: false,
  value: (t, theta) => logistic(t, theta[0], theta[1], theta[2]),
  gradient(t, theta, out) {
    const m = theta[0];
    const rate = theta[1];
    const dt = t - theta[2];
    const u = rate * dt;
    // S and 1 − S from one exponential that cannot overflow.
    let s: number;
    let sc: number;
    if (u >= 0) {
      const z = Math.exp(-u);
      s = 1 / (1 + z);
      sc = z / (1 + z);
    } else {
      const w = Math.exp(u);
      s = w / (1 + w);
      sc = 1 / (1 + w);
    }
    const slope = m * s * sc;
    out[0] = s;
    out[1] = slope * dt;
    out[2] = -slope * rate;
  },
  starts: logisticStarts,
};

/**
 * The Gompertz curve, parameters (m, a, b):
 *
 * N(t) = m · e^{−a·e^{−b t}}
 *
 * With E = e^{−b t} and G = e^{−a·E}:
 *
 * ∂N/∂m = G,  ∂N/∂a = −m·E·G,  ∂N/∂b = m·a·t·E·G
 *
 * @example GOMPERTZ_MODEL.value(6, [35000, 5, 0.4]) // ≈ 22,237
 */
export const GOMPERTZ_MODEL: DiffusionModel = {
  name: "gompertz",
  formula: "m·e^(−a·e^(−b·t))",
  parameters: ["m", "a", "b"],
  market: 0,
  shape: [1, 2],
  lower: [0, 0],
  zeroAllowed: [false, false],
  timesFromLaunch: false,
  value: (t, theta) => gompertz(t, theta[0], theta[1], theta[2]),
  gradient(t, theta, out) {
    const m = theta[0];
    const a = theta[1];
    const e = Math.exp(-theta[2] * t);
    const g = Math.exp(-a * e);
    const meg = m * e * g;
    out[0] = g;
    out[1] = -meg;
    out[2] = meg * a * t;
  },
  starts: gompertzStarts,
};

/** Every model, in the order the functions list them. */
export const MODELS: readonly DiffusionModel[] = [BASS_MODEL, LOGISTIC_MODEL, GOMPERTZ_MODEL];

/**
 * The model of a name, ignoring case and surrounding spaces, or undefined.
 *
 * @example findModel(" Bass ") // BASS_MODEL
 */
export function findModel(name: string): DiffusionModel | undefined {
  const wanted = name.trim().toLowerCase();
  return MODELS.find((model) => model.name === wanted);
}
