import { solveSymmetric } from "./linearAlgebra";

/**
 * Ordinary least squares y ≈ Σ_j c_j·x_j for up to three regressors, each given as a column
 * (pass a column of ones for an intercept), by the normal equations XᵀX·c = Xᵀy. Used for the
 * linearised starting values of the fits, where a rough answer is enough. Returns undefined when
 * the regressors are collinear or a coefficient is not finite.
 *
 * @example regress([[1, 1, 1], [0, 1, 2]], [1, 3, 5]) // [1, 2]: y = 1 + 2x
 */
export function regress(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): number[] | undefined {
  const k = columns.length;
  const n = y.length;
  if (k === 0 || n < k) return undefined;
  const xtx = new Array<number>(k * k).fill(0);
  const xty = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      const xa = columns[a][i];
      xty[a] += xa * y[i];
      for (let b = 0; b <= a; b++) xtx[a * k + b] += xa * columns[b][i];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtx[b * k + a] = xtx[a * k + b];
  return solveSymmetric(xtx, xty, k);
}

/**
 * The least-squares line y ≈ intercept + slope·x, as [intercept, slope]; undefined when x is
 * constant.
 *
 * @example line([0, 1, 2], [1, 3, 5]) // [1, 2]
 */
export function line(x: readonly number[], y: readonly number[]): [number, number] | undefined {
  const n = x.length;
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0)) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return Number.isFinite(slope) && Number.isFinite(intercept) ? [intercept, slope] : undefined;
}
