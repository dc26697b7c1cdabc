/**
 * Small dense linear algebra for the fits (at most 3 unknowns): symmetric positive definite
 * solves by Cholesky, and the inverse of JᵀJ from a QR factorisation of J. Matrices are
 * row-major arrays; k is the order.
 */

/**
 * Solves A·x = b for a symmetric positive definite A (k × k, row-major) by Cholesky on the
 * Jacobi-scaled matrix D^{−1/2}·A·D^{−1/2} (D = diag A), so parameters of very different sizes
 * (a rate near 0.01, a market near 10⁵) lose no accuracy. Returns undefined when A is not
 * positive definite to working precision.
 *
 * @example solveSymmetric([4, 2, 2, 3], [2, 1], 2) // [0.5, 0]
 */
export function solveSymmetric(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number[] | undefined {
  const scale = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const d = a[i * k + i];
    if (!(d > 0) || !Number.isFinite(d)) return undefined;
    scale[i] = 1 / Math.sqrt(d);
  }
  const l = new Array<number>(k * k).fill(0);
  for (let j = 0; j < k; j++) {
    let diagonal = a[j * k + j] * scale[j] * scale[j];
    for (let s = 0; s < j; s++) diagonal -= l[j * k + s] * l[j * k + s];
    if (!(diagonal > 1e-15)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * k + j] = root;
    for (let i = j + 1; i < k; i++) {
      let value = a[i * k + j] * scale[i] * scale[j];
      for (let s = 0; s < j; s++) value -= l[i * k + s] * l[j * k + s];
      l[i * k + j] = value / root;
    }
  }
  const y = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    let value = b[i] * scale[i];
    for (let s = 0; s < i; s++) value -= l[i * k + s] * y[s];
    y[i] = value / l[i * k + i];
  }
  const x = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    let value = y[i];
    for (let s = i + 1; s < k; s++) value -= l[s * k + i] * x[s];
    x[i] = value / l[i * k + i];
  }
  for (let i = 0; i < k; i++) {
    x[i] *= scale[i];
    if (!Number.isFinite(x[i])) return undefined;
  }
  return x;
}

/**
 * (JᵀJ)^{−1} for an n × k matrix J given by columns, from a Householder QR factorisation of J
 * with its columns scaled to unit length: (JᵀJ)^{−1} = S·R^{−1}·R^{−T}·S. Working on J itself
 * rather than on JᵀJ squares no condition number, so the result keeps its accuracy when the
 * parameters are strongly correlated. Returns undefined when J is rank deficient to working
 * precision (a parameter the data do not determine), as scipy's curve_fit reports an infinite
 * covariance.
 *
 * @example inverseGram([[1, 1, 1], [0, 1, 2]]) // [[5/6, −1/2], [−1/2, 1/2]] (row-major, flattened)
 */
export function inverseGram(columns: readonly ArrayLike<number>[]): number[] | undefined {
  const k = columns.length;
  const n = k > 0 ? columns[0].length : 0;
  if (k === 0 || n < k) return undefined;
  // Copy and scale the columns.
  const q: Float64Array[] = [];
  const scale = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    const column = Float64Array.from(columns[j] as ArrayLike<number>);
    const norm = euclidean(column, 0);
    if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
    for (let i = 0; i < n; i++) column[i] /= norm;
    scale[j] = 1 / norm;
    q.push(column);
  }
  // Householder QR: R is k × k upper triangular.
  const r = new Array<number>(k * k).fill(0);
  for (let j = 0; j < k; j++) {
    const column = q[j];
    const norm = euclidean(column, j);
    if (!(norm > 1e-13)) return undefined;
    const alpha = column[j] > 0 ? -norm : norm;
    // v = x − alpha·e_j, stored in place in column[j..n).
    column[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += column[i] * column[i];
    r[j * k + j] = alpha;
    for (let c = j + 1; c < k; c++) {
      const other = q[c];
      let dot = 0;
      for (let i = j; i < n; i++) dot += column[i] * other[i];
      const factor = (2 * dot) / vv;
      for (let i = j; i < n; i++) other[i] -= factor * column[i];
      r[j * k + c] = other[j];
    }
  }
  // R^{−1} (upper triangular), then R^{−1}·R^{−T}, then undo the scaling.
  const inverse = new Array<number>(k * k).fill(0);
  for (let j = 0; j < k; j++) {
    inverse[j * k + j] = 1 / r[j * k + j];
    for (let i = j - 1; i >= 0; i--) {
      let value = 0;
      for (let s = i + 1; s <= j; s++) value += r[i * k + s] * inverse[s * k + j];
      inverse[i * k + j] = -value / r[i * k + i];
    }
  }
  const result = new Array<number>(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let value = 0;
      for (let s = Math.max(i, j); s < k; s++) value += inverse[i * k + s] * inverse[j * k + s];
      result[i * k + j] = value * scale[i] * scale[j];
      if (!Number.isFinite(result[i * k + j])) return undefined;
    }
  }
  return result;
}

/** The Euclidean norm of x[from..], scaled against overflow. */
function euclidean(x: ArrayLike<number>, from: number): number {
  let largest = 0;
  for (let i = from; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let sum = 0;
  for (let i = from; i < x.length; i++) {
    const scaled = x[i] / largest;
    sum += scaled * scaled;
  }
  return largest * Math.sqrt(sum);
}
