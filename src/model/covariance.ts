import type { DiffusionModel } from "./diffusion";
import { inverseGram } from "./linearAlgebra";

/**
 * (JᵀJ)^{−1} of a model at parameters θ over the given times, where J_ij = ∂N(t_i)/∂θ_j is the
 * Jacobian of the fitted values in the free parameters (a fixed market size is not free). The
 * result is 3 × 3, row-major in the model's parameter order, with zero rows and columns for a
 * fixed parameter. Multiplied by σ² = SSE/(n − k) it is the asymptotic covariance of the
 * least-squares estimates, the same as scipy's curve_fit `pcov` (absolute_sigma=False).
 * Undefined when J is rank deficient (a parameter the data do not determine).
 *
 * @example unscaledCovariance(LOGISTIC_MODEL, [100, 1, 0], [-2, -1, 0, 1, 2], [true, true, true]) // 9 numbers
 */
export function unscaledCovariance(
  model: DiffusionModel,
  theta: ArrayLike<number>,
  times: ArrayLike<number>,
  free: readonly [boolean, boolean, boolean],
): number[] | undefined {
  const n = times.length;
  const indices = [0, 1, 2].filter((j) => free[j]);
  const columns = indices.map(() => new Float64Array(n));
  const gradient = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    model.gradient(times[i], theta, gradient);
    indices.forEach((j, c) => (columns[c][i] = gradient[j]));
  }
  const inverse = inverseGram(columns);
  if (!inverse) return undefined;
  const k = indices.length;
  const result = new Array<number>(9).fill(0);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) result[indices[a] * 3 + indices[b]] = inverse[a * k + b];
  }
  return result;
}
