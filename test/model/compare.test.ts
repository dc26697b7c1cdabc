import { describe, expect, it } from "vitest";
import { akaike, compareModels, fitChosen } from "../../src/model/compare";
import { GOMPERTZ_MODEL, LOGISTIC_MODEL, MODELS } from "../../src/model/diffusion";
import { ModelError } from "../../src/model/errors";
import { fitDiffusion } from "../../src/model/fit";

// Twelve months of a PCT's GP registrations on a Gompertz curve, with a little noise.
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const NOISE = [0.02, -0.015, 0.01, -0.02, 0.005, 0.012, -0.008, 0.016, -0.011, 0.004, -0.006, 0.009];
const GPS = MONTHS.map((t, i) => Math.round(GOMPERTZ_MODEL.value(t, [150, 6, 0.35]) * (1 + NOISE[i])));

/** AICc by the spec's formula, written out: n·ln(SSE/n) + 2k + 2k(k+1)/(n − k − 1). */
function aiccByHand(sse: number, n: number, curveParameters: number): number {
  const k = curveParameters + 1;
  return n * Math.log(sse / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

describe("compareModels", () => {
  for (const market of [undefined, 150]) {
    it(`gives each model FIT's SSE, the AICc of the formula, Delta and Akaike weights${market ? " with a known market" : ""}`, () => {
      const comparison = compareModels(MONTHS, GPS, { market });
      expect(comparison.scores.map((score) => score.model.name)).toEqual(["bass", "logistic", "gompertz"]);
      const aiccs = comparison.scores.map((score) => {
        const fit = fitDiffusion(score.model, MONTHS, GPS, { market });
        expect(score.fit!.sse).toBe(fit.sse);
        const expected = aiccByHand(fit.sse, 12, market ? 2 : 3);
        expect(score.aicc).toBeCloseTo(expected, 10);
        return expected;
      });
      const lowest = Math.min(...aiccs);
      const relative = aiccs.map((aicc) => Math.exp(-(aicc - lowest) / 2));
      const total = relative.reduce((sum, value) => sum + value, 0);
      comparison.scores.forEach((score, i) => {
        expect(score.delta).toBeCloseTo(aiccs[i] - lowest, 10);
        expect(score.weight).toBeCloseTo(relative[i] / total, 12);
      });
      expect(comparison.scores.reduce((sum, score) => sum + score.weight, 0)).toBeCloseTo(1, 14);
      expect(comparison.best.delta).toBe(0);
      expect(comparison.best.aicc).toBe(lowest);
    });
  }

  it("prefers the curve that made the data", () => {
    expect(compareModels(MONTHS, GPS).best.model).toBe(GOMPERTZ_MODEL);
    const logisticCounts = MONTHS.map((t, i) => Math.round(LOGISTIC_MODEL.value(t, [400, 0.7, 6]) * (1 + NOISE[i] / 4)));
    expect(compareModels(MONTHS, logisticCounts).best.model).toBe(LOGISTIC_MODEL);
  });

  it("gives a model with no AICc its reason and a weight of 0", () => {
    // Five points: k = 4 needs more than 5 (n ≤ k + 1), so no model has an AICc without a market ...
    const five = [1, 2, 3, 4, 5];
    const counts = [5, 14, 33, 60, 88];
    expect(() => compareModels(five, counts)).toThrow(/No model can be compared/);
    try {
      compareModels(five, counts);
    } catch (error) {
      expect((error as ModelError).kind).toBe("na");
    }
    // ... and with a known market (k = 3) each has one.
    expect(compareModels(five, counts, { market: 150 }).scores.every((score) => score.aicc !== undefined)).toBe(true);
    // Dates: Bass counts from its launch, so it has no fit and no AICc; the others share the weight.
    const dates = MONTHS.map((month) => 38352 + 30.44 * month);
    const byDate = compareModels(dates, GPS);
    expect(byDate.scores[0].aicc).toBeUndefined();
    expect(byDate.scores[0].weight).toBe(0);
    expect(byDate.scores[0].reason!.message).toMatch(/periods since the launch/);
    expect(byDate.scores[1].weight + byDate.scores[2].weight).toBeCloseTo(1, 14);
  });

  it("refuses data no model can take, as FIT does", () => {
    expect(() => compareModels([1, 2, 3], [1, 2])).toThrow(/as many cells/);
    expect(() => compareModels([1, 2, 3, 4], [4, 3, 2, 1])).toThrow(/do not grow/);
    expect(() => compareModels([1, 2], [1, 2])).toThrow(/3 or more different times/);
  });

  it("gives no AICc for a curve through every point", () => {
    const exact = MONTHS.map((t) => LOGISTIC_MODEL.value(t, [400, 0.7, 6]));
    const fit = fitDiffusion(LOGISTIC_MODEL, MONTHS, exact);
    const score = akaike({ ...fit, sse: 0 });
    expect("reason" in score && score.reason).toMatch(/SSE = 0/);
  });
});

describe("fitChosen", () => {
  it('"auto" is the model COMPARE gives the lowest AICc, with the comparison', () => {
    for (const values of [GPS, MONTHS.map((t) => Math.round(LOGISTIC_MODEL.value(t, [400, 0.7, 6])))]) {
      const chosen = fitChosen("auto", MONTHS, values);
      const comparison = compareModels(MONTHS, values);
      expect(chosen.fit.model).toBe(comparison.best.model);
      expect(chosen.fit.sse).toBe(comparison.best.fit.sse);
      expect(chosen.comparison!.scores.map((score) => score.aicc)).toEqual(comparison.scores.map((score) => score.aicc));
    }
  });

  it("fits a named model as fitDiffusion does", () => {
    for (const model of MODELS) expect(fitChosen(model.name, MONTHS, GPS).fit.sse).toBe(fitDiffusion(model, MONTHS, GPS).sse);
  });
});
