import { ModelError } from "./errors";
import { incompleteBeta, logBeta } from "./specialFunctions";

/**
 * The upper tail of Student's t distribution with ν degrees of freedom, P(T > t):
 *
 * P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½) for t > 0, and 1 − P(T > −t) for t < 0
 *
 * (I the regularised incomplete beta function), computed without cancellation so that it keeps
 * its relative accuracy far into the upper tail.
 *
 * @example studentTUpperTail(2.228138851986274, 10) // 0.025
 */
export function studentTUpperTail(t: number, dof: number): number {
  if (t <= 0) return t === 0 ? 0.5 : 1 - studentTUpperTail(-t, dof);
  const t2 = t * t;
  const denominator = dof + t2;
  return 0.5 * incompleteBeta(dof / denominator, dof / 2, 0.5, t2 / denominator);
}

/**
 * The density of Student's t distribution with ν degrees of freedom:
 *
 * f(t) = Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)) · (1 + t²/ν)^{−(ν+1)/2} = (1 + t²/ν)^{−(ν+1)/2} / (√ν·B(ν/2, ½))
 *
 * @example studentTDensity(0, 1) // 1/π ≈ 0.3183
 */
export function studentTDensity(t: number, dof: number): number {
  // Γ((ν+1)/2) / (√π·Γ(ν/2)) = 1/B(ν/2, ½), as Γ(½) = √π.
  const logNormaliser = -logBeta(dof / 2, 0.5) - 0.5 * Math.log(dof);
  return Math.exp(logNormaliser - ((dof + 1) / 2) * Math.log1p((t * t) / dof));
}

/**
 * The quantile (inverse distribution function) of Student's t distribution: the t with
 * P(T ≤ t) = probability for ν degrees of freedom, as scipy.stats.t.ppf or Excel's T.INV.
 *
 * Exact formulas for ν = 1 (t = tan(π(p − ½))) and ν = 2 (t = (2p − 1)/√(2p(1 − p))); otherwise
 * Newton's method on the upper tail ½·I_{ν/(ν+t²)}(ν/2, ½) = 1 − p, safeguarded by bisection,
 * from the Cornish–Fisher expansion about the normal quantile. Accurate to about 1e-12
 * relative.
 *
 * @example studentTQuantile(0.975, 10) // 2.2281388519862744
 */
export function studentTQuantile(probability: number, dof: number): number {
  if (!(probability > 0 && probability < 1)) throw new ModelError("num", "The probability must be between 0 and 1.");
  if (!(dof > 0) || !Number.isFinite(dof)) throw new ModelError("num", "The degrees of freedom must be greater than 0.");
  if (probability === 0.5) return 0;
  const sign = probability > 0.5 ? 1 : -1;
  // The upper-tail probability of |t|, kept exact for probabilities near 0.
  const tail = probability > 0.5 ? 1 - probability : probability;
  if (dof === 1) return sign / Math.tan(Math.PI * tail);
  if (dof === 2) return (sign * (1 - 2 * tail)) / Math.sqrt(2 * tail * (1 - tail));

  let t = Math.max(cornishFisher(normalQuantile(1 - tail), dof), 1e-8);
  let low = 0;
  let high = Infinity;
  for (let iteration = 0; iteration < 200; iteration++) {
    const excess = studentTUpperTail(t, dof) - tail;
    if (excess === 0) break;
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / studentTDensity(t, dof);
    if (!(next > low && next < high)) next = Number.isFinite(high) ? (low + high) / 2 : 2 * t;
    const step = Math.abs(next - t);
    t = next;
    if (step <= 1e-15 * t) break;
  }
  return sign * t;
}

/**
 * The Cornish–Fisher expansion of Student's t quantile about the normal quantile z, to the
 * third order in 1/ν: a starting value for the exact solution.
 */
function cornishFisher(z: number, dof: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  return z + g1 / dof + g2 / (dof * dof) + g3 / (dof * dof * dof);
}

/**
 * The standard normal quantile by Acklam's rational approximation (relative error below
 * 1.2e-9): a starting value only.
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
