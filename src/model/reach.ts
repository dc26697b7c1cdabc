import type { ModelParameters, DiffusionModel } from "./diffusion";
import { ModelError } from "./errors";
import { formatCount } from "./format";

/**
 * The time at which a diffusion curve reaches a target level, by inverting the curve in closed
 * form. With F = target/m (0 < F < 1):
 *
 * - Bass (p, q, m): t = ln((1 + (q/p)·F) / (1 − F)) / (p + q)
 * - logistic (m, rate, midpoint): t = midpoint + ln(F / (1 − F)) / rate
 * - Gompertz (m, a, b): t = (ln a − ln(−ln F)) / b
 *
 * The time may lie before the data (or, for the logistic and Gompertz curves, before 0) when the
 * curve passed the target earlier. Throws a `num` ModelError for a target of 0 or less and an
 * `na` ModelError when the target is at or above the market size m, which the curve only
 * approaches.
 *
 * @example reachTime(LOGISTIC_MODEL, [35000, 0.8, 2], 17500) // 2: half the ceiling at the midpoint
 */
export function reachTime(model: DiffusionModel, theta: ModelParameters, target: number): number {
  if (!(target > 0)) throw new ModelError("num", "target must be greater than 0.");
  const m = theta[model.market];
  if (target >= m) {
    throw new ModelError(
      "na",
      `The fitted ${model.name} curve never reaches ${formatCount(target)}: it levels off at a market size of ${formatCount(m)}.`,
    );
  }
  const f = target / m;
  let time: number;
  switch (model.name) {
    case "bass": {
      const [p, q] = theta;
      time = (Math.log1p((q / p) * f) - Math.log1p(-f)) / (p + q);
      break;
    }
    case "logistic": {
      const [, rate, midpoint] = theta;
      time = midpoint + (Math.log(f) - Math.log1p(-f)) / rate;
      break;
    }
    case "gompertz": {
      const [, a, b] = theta;
      time = (Math.log(a) - Math.log(-Math.log1p((target - m) / m))) / b;
      break;
    }
  }
  if (!Number.isFinite(time)) throw new ModelError("num", `The time the ${model.name} curve reaches ${formatCount(target)} is too far off to compute.`);
  return time;
}
