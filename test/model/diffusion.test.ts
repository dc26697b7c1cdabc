import { describe, expect, it } from "vitest";
import { bass } from "../../src/model/bass";
import { BASS_MODEL, findModel, GOMPERTZ_MODEL, LOGISTIC_MODEL, MODELS, type DiffusionModel } from "../../src/model/diffusion";
import { gompertz } from "../../src/model/gompertz";
import { logistic } from "../../src/model/logistic";

/** Central finite difference of the model's value in parameter j. */
function numericalDerivative(model: DiffusionModel, t: number, theta: number[], j: number): number {
  const h = 1e-6 * Math.max(Math.abs(theta[j]), 1e-3);
  const up = [...theta];
  const down = [...theta];
  up[j] += h;
  down[j] -= h;
  return (model.value(t, up) - model.value(t, down)) / (2 * h);
}

const CASES: [DiffusionModel, number[][]][] = [
  [BASS_MODEL, [[0.03, 0.4, 35000], [0.001, 0.8, 1e6], [0.05, 0, 2000], [0.2, 0.05, 150]]],
  [LOGISTIC_MODEL, [[35000, 0.8, 2], [600, 0.25, 20], [5e6, 0.05, 110], [10, 3, -4]]],
  [GOMPERTZ_MODEL, [[35000, 5, 0.4], [150, 3, 0.03], [25000, Math.exp(12.5), 0.1], [9000, 0.5, 1.2]]],
];
const TIMES = [0, 0.5, 1, 2.5, 6, 12, 30, 120];

describe("diffusion models", () => {
  it("reuse the curves' own value functions", () => {
    expect(BASS_MODEL.value(6, [0.03, 0.4, 35000])).toBe(bass(6, 0.03, 0.4, 35000));
    expect(LOGISTIC_MODEL.value(2, [35000, 0.8, 2])).toBe(logistic(2, 35000, 0.8, 2));
    expect(GOMPERTZ_MODEL.value(6, [35000, 5, 0.4])).toBe(gompertz(6, 35000, 5, 0.4));
  });

  it("gompertz is m·exp(−a·e^(−bt))", () => {
    expect(gompertz(0, 100, 2, 0.3)).toBeCloseTo(100 * Math.exp(-2), 12);
    expect(gompertz(Math.log(5) / 0.4, 35000, 5, 0.4)).toBeCloseTo(35000 / Math.E, 8);
    expect(gompertz(6, 35000, 5, 0.4)).toBeCloseTo(22237.016, 2);
  });

  for (const [model, parameterSets] of CASES) {
    it(`${model.name}: analytic gradient matches finite differences`, () => {
      const gradient = [0, 0, 0];
      for (const theta of parameterSets) {
        for (const t of TIMES) {
          model.gradient(t, theta, gradient);
          for (let j = 0; j < 3; j++) {
            const numeric = numericalDerivative(model, t, theta, j);
            // Finite differences carry rounding noise of about ε·|N|/h on top of their O(h²) error.
            const noise = (1e-8 * Math.abs(model.value(t, theta))) / Math.max(Math.abs(theta[j]), 1e-3);
            const tolerance = 1e-6 * Math.abs(numeric) + noise + 1e-300;
            expect(Math.abs(gradient[j] - numeric), `${model.parameters[j]} at t=${t}, θ=${theta}`).toBeLessThan(tolerance);
          }
        }
      }
    });

    it(`${model.name}: the market derivative is the curve per unit of market`, () => {
      const gradient = [0, 0, 0];
      for (const theta of parameterSets) {
        for (const t of TIMES) {
          model.gradient(t, theta, gradient);
          expect(gradient[model.market] * theta[model.market]).toBeCloseTo(model.value(t, theta), 6);
        }
      }
    });
  }

  it("stay finite far from the midpoint", () => {
    const gradient = [0, 0, 0];
    for (const t of [-1e6, 1e6]) {
      LOGISTIC_MODEL.gradient(t, [100, 2, 0], gradient);
      expect(gradient.every(Number.isFinite)).toBe(true);
    }
    BASS_MODEL.gradient(1e6, [0.1, 0.5, 100], gradient);
    expect(gradient).toEqual([0, 0, 1]);
  });

  it("are found by name in any case", () => {
    expect(findModel("BASS")).toBe(BASS_MODEL);
    expect(findModel(" Logistic ")).toBe(LOGISTIC_MODEL);
    expect(findModel("gompertz")).toBe(GOMPERTZ_MODEL);
    expect(findModel("richards")).toBeUndefined();
    expect(MODELS.map((model) => model.parameters)).toEqual([
      ["p", "q", "m"],
      ["m", "rate", "midpoint"],
      ["m", "a", "b"],
    ]);
  });
});
