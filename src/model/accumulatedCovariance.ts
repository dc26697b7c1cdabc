import { fittedGradient, fittedValue, type DiffusionFit } from "./fit";
import type { CountSeries, IncrementNoise } from "./incrementNoise";
import { inverseGram } from "./linearAlgebra";

/**
 * The covariance of the least-squares estimates (on the fit's own clock, 3 × 3 row-major, zeros
 * for a fixed market) when the noise is in each period's new adopters and accumulates, rather
 * than independent from count to count as FIT's standard errors assume (Boswijk & Franses 2005).
 *
 * A count y_i is the sum of the new adopters d_l up to it, so Cov(y_i, y_j) = Σ_{l ≤ min(i,j)}
 * Var(d_l), with Var(d_l) from `noise`. The least-squares estimate solves JᵀW(y − N) = 0 (J the
 * curve's derivatives in the free parameters at each distinct time, W the number of points
 * there), so by the delta method its covariance is the sandwich
 *
 * Σ = A⁻¹·B·A⁻¹,  A = JᵀWJ,  B = JᵀW·V·WJ = Σ_l Var(d_l)·S_l·S_lᵀ,  S_l = Σ_{i ≥ l} W_i·J_i
 *
 * (Huber 1967; White 1980), computed in O(n) from the suffix sums S_l. Undefined when the data do
 * not determine the parameters.
 *
 * @example accumulatedCovariance(fit, countSeries(fit), estimateIncrementNoise(fit, countSeries(fit))) // 9 numbers
 */
export function accumulatedCovariance(fit: DiffusionFit, data: CountSeries, noise: IncrementNoise): number[] | undefined {
  const { model } = fit;
  const free = [0, 1, 2].filter((j) => !(fit.fixedMarket && j === model.market));
  const k = free.length;
  const n = data.t.length;
  const gradient = [0, 0, 0];
  const jacobian = data.t.map((time) => {
    fittedGradient(fit, time, gradient);
    return free.map((j) => gradient[j]);
  });
  const columns = free.map((_, c) => data.t.map((_, i) => Math.sqrt(data.multiplicity[i]) * jacobian[i][c]));
  const inverse = inverseGram(columns);
  if (!inverse) return undefined;
  const middle = new Array<number>(k * k).fill(0);
  const suffix = new Array<number>(k).fill(0);
  let above = fittedValue(fit, data.t[n - 1]);
  for (let l = n - 1; l >= 0; l--) {
    for (let c = 0; c < k; c++) suffix[c] += data.multiplicity[l] * jacobian[l][c];
    const below = l === 0 ? 0 : fittedValue(fit, data.t[l - 1]);
    const periods = l === 0 ? 1 : (data.t[l] - data.t[l - 1]) / noise.period;
    const variance = noise.variance(Math.max(above - below, 0), periods);
    above = below;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) middle[a * k + b] += variance * suffix[a] * suffix[b];
  }
  const product = (x: readonly number[], y: readonly number[]): number[] => {
    const result = new Array<number>(k * k).fill(0);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let sum = 0;
        for (let c = 0; c < k; c++) sum += x[a * k + c] * y[c * k + b];
        result[a * k + b] = sum;
      }
    }
    return result;
  };
  const sandwich = product(product(inverse, middle), inverse);
  if (!sandwich.every(Number.isFinite)) return undefined;
  const result = new Array<number>(9).fill(0);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) result[free[a] * 3 + free[b]] = sandwich[a * k + b];
  return result;
}
