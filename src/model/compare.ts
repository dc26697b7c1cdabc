import { MODELS, type DiffusionModel, type ModelName } from "./diffusion";
import { ModelError } from "./errors";
import { checkSeries, fitDiffusion, type DiffusionFit, type FitOptions } from "./fit";

/** One model's line in a comparison. */
export interface ModelScore {
  readonly model: DiffusionModel;
  /** The least-squares fit, the same FIT reaches; undefined when the model cannot be fitted. */
  readonly fit?: DiffusionFit;
  /** AICc, Delta and Weight; undefined (and weight 0) for a model with no AICc. */
  readonly aicc?: number;
  readonly delta?: number;
  readonly weight: number;
  /** Why the model has no AICc. */
  readonly reason?: ModelError;
}

/** The three models fitted to the same data, in the order bass, logistic, gompertz. */
export interface ModelComparison {
  readonly scores: readonly ModelScore[];
  /** The score with the lowest AICc (the first in that order on a tie). */
  readonly best: ModelScore & { readonly fit: DiffusionFit; readonly aicc: number };
}

/**
 * The small-sample Akaike information criterion of a least-squares fit (Hurvich & Tsai 1989):
 *
 * AICc = n·ln(SSE/n) + 2k + 2k(k + 1)/(n − k − 1),  k = fitted curve parameters + 1 (the variance)
 *
 * Undefined when n ≤ k + 1 or SSE = 0, with the reason.
 *
 * @example akaike(fitOf12Points) // { aicc: 12·ln(SSE/12) + 8 + 40/7 }
 */
export function akaike(fit: DiffusionFit): { aicc: number } | { reason: string } {
  const { n, sse } = fit;
  const k = fit.k + 1;
  if (n <= k + 1) {
    return { reason: `The ${fit.model.name} fit has no AICc: it needs more than ${k + 1} points (k = ${k}: ${fit.k} curve parameters and the scatter), got ${n}.` };
  }
  if (!(sse > 0)) return { reason: `The ${fit.model.name} curve passes through every point (SSE = 0), so its AICc is undefined.` };
  return { aicc: n * Math.log(sse / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1) };
}

/**
 * Fits the three models to the same data and compares them by AICc: Delta = AICc − the lowest
 * AICc, Weight = e^(−Delta/2) / Σ e^(−Delta/2) over the models that have an AICc (Burnham &
 * Anderson 2002), the relative likelihood of each model being the best of the three. A model
 * with no AICc (too few points, SSE = 0, or no fit) keeps its reason and a weight of 0.
 *
 * Throws the ModelError FIT would for data no model can take (lists of different sizes, text,
 * negative counts, counts that do not rise, too few different times), and an `na` ModelError
 * when no model has an AICc.
 *
 * @example compareModels(months, gpCounts, { market: 150 }).best.model.name // "logistic"
 */
export function compareModels(times: readonly number[], values: readonly number[], options: FitOptions = {}): ModelComparison {
  checkSeries(times, values, options.market);
  const fitted = MODELS.map((model) => {
    try {
      const fit = fitDiffusion(model, times, values, options);
      const score = akaike(fit);
      return "aicc" in score ? { model, fit, aicc: score.aicc } : { model, fit, reason: new ModelError("na", score.reason) };
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      return { model, reason: error };
    }
  });
  const lowest = Math.min(...fitted.map((score) => score.aicc ?? Infinity));
  if (lowest === Infinity) {
    const reasons = fitted.map((score) => score.reason!.message).join(" ");
    throw new ModelError("na", `No model can be compared on these values. ${reasons}`);
  }
  const likelihoods = fitted.map((score) => (score.aicc === undefined ? 0 : Math.exp(-(score.aicc - lowest) / 2)));
  const total = likelihoods.reduce((sum, value) => sum + value, 0);
  const scores: ModelScore[] = fitted.map((score, i) =>
    score.aicc === undefined ? { ...score, weight: 0 } : { ...score, delta: score.aicc - lowest, weight: likelihoods[i] / total },
  );
  const best = scores.find((score) => score.aicc === lowest) as ModelComparison["best"];
  return { scores, best };
}

/** A model's name or "auto" (the lowest AICc), as FIT, FORECAST, REACH and CHANCE take it. */
export type ModelChoice = ModelName | "auto";

/** A fit of a named model, or of the model "auto" chose with the comparison it chose from. */
export interface ChosenFit {
  readonly fit: DiffusionFit;
  readonly comparison?: ModelComparison;
}

/**
 * Fits the named model, or for "auto" the model with the lowest AICc in `compareModels` (the
 * first of bass, logistic, gompertz on a tie).
 *
 * @example fitChosen("auto", months, gpCounts).fit.model.name // the model COMPARE gives the lowest AICc
 */
export function fitChosen(choice: ModelChoice, times: readonly number[], values: readonly number[], options: FitOptions = {}): ChosenFit {
  if (choice !== "auto") return { fit: fitDiffusion(MODELS.find((model) => model.name === choice)!, times, values, options) };
  const comparison = compareModels(times, values, options);
  return { fit: comparison.best.fit, comparison };
}
