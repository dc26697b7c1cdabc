import { describe, expect, it } from "vitest";
import { BASS_MODEL, GOMPERTZ_MODEL, LOGISTIC_MODEL, MODELS } from "../../src/model/diffusion";
import { fitDiffusion, fittedValue, MAX_POINTS } from "../../src/model/fit";
import { inverseGram, solveSymmetric } from "../../src/model/linearAlgebra";
import { regress } from "../../src/model/regression";
import { formatCount } from "../../src/model/format";
import { series } from "../../src/model/startValues";
import { curve, expectModelError, MONTHS, TRUE_PARAMETERS } from "./fitData";

describe("fitDiffusion", () => {
  for (const model of MODELS) {
    it(`${model.name}: recovers the parameters of exact data`, () => {
      const fit = fitDiffusion(model, MONTHS, curve(model, MONTHS));
      fit.parameters.forEach((value, j) => expect(value / TRUE_PARAMETERS[model.name][j]).toBeCloseTo(1, 6));
      expect(fit.r2).toBeCloseTo(1, 12);
      expect(fit.n).toBe(36);
      expect(fit.k).toBe(3);
      expect(fit.dof).toBe(33);
    });

    it(`${model.name}: noisy data give estimates near the truth with standard errors that cover them`, () => {
      const fit = fitDiffusion(model, MONTHS, curve(model, MONTHS, 0.03));
      fit.parameters.forEach((value, j) => {
        expect(Math.abs(value - TRUE_PARAMETERS[model.name][j])).toBeLessThan(4 * fit.standardErrors![j]);
      });
      expect(fit.variance).toBeCloseTo(fit.sse / 33, 6);
      // The covariance is symmetric with the squared standard errors on its diagonal.
      const c = fit.covariance!;
      expect(c[1]).toBeCloseTo(c[3], 10);
      expect(Math.sqrt(c[8])).toBeCloseTo(fit.standardErrors![2], 10);
    });

    it(`${model.name}: holds a known market fixed`, () => {
      const market = TRUE_PARAMETERS[model.name][model.market] * 1.1;
      const fit = fitDiffusion(model, MONTHS, curve(model, MONTHS, 0.03), { market });
      expect(fit.parameters[model.market]).toBe(market);
      expect(fit.standardErrors![model.market]).toBe(0);
      expect(fit.k).toBe(2);
      expect(fit.fixedMarket).toBe(true);
      const free = fitDiffusion(model, MONTHS, curve(model, MONTHS, 0.03));
      expect(fit.sse).toBeGreaterThanOrEqual(free.sse);
    });

    it(`${model.name}: does not depend on the order of the points or the scale of the counts`, () => {
      const values = curve(model, MONTHS, 0.02);
      const fit = fitDiffusion(model, MONTHS, values);
      const order = MONTHS.map((_, i) => (i * 7) % MONTHS.length);
      const shuffled = fitDiffusion(model, order.map((i) => MONTHS[i]), order.map((i) => values[i]));
      expect(shuffled.sse / fit.sse).toBeCloseTo(1, 9);
      const scaled = fitDiffusion(model, MONTHS, values.map((y) => y * 1e-4));
      expect((scaled.parameters[model.market] * 1e4) / fit.parameters[model.market]).toBeCloseTo(1, 6);
      expect((scaled.sse * 1e8) / fit.sse).toBeCloseTo(1, 6);
      expect((scaled.standardErrors![model.shape[0]]) / fit.standardErrors![model.shape[0]]).toBeCloseTo(1, 5);
    });
  }

  it("fits as many points as parameters exactly, with no standard errors", () => {
    const fit = fitDiffusion(LOGISTIC_MODEL, [0, 1.05], [3500, 18981], { market: 35000 });
    expect(fit.sse).toBeLessThan(1e-12);
    expect(fit.dof).toBe(0);
    expect(fit.variance).toBeUndefined();
    expect(fit.standardErrors).toBeUndefined();
    expect(fit.uncertaintyNote).toMatch(/no residual degrees of freedom/);
    expect(LOGISTIC_MODEL.value(1.05, fit.parameters)).toBeCloseTo(18981, 6);
  });

  it("reaches q = 0 exactly when the Bass optimum is pure innovation", () => {
    // Saturation from the start, the first month a little ahead of it: the best q would be negative.
    const times = [1, 2, 3, 4, 5, 6, 7, 8];
    const values = times.map((t) => 1000 * (1 - Math.exp(-0.3 * t)) + (t === 1 ? 20 : 0));
    const fit = fitDiffusion(BASS_MODEL, times, values);
    expect(fit.parameters[1]).toBe(0);
    expect(fit.parameters[0]).toBeCloseTo(0.308, 3);
    expect(fit.standardErrors![1]).toBeGreaterThan(0);
  });

  it("accepts repeated times", () => {
    const times = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
    const values = [10, 12, 30, 28, 55, 60, 80, 78, 90, 92];
    const fit = fitDiffusion(GOMPERTZ_MODEL, times, values);
    expect(fit.n).toBe(10);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it("explains bad data with the right kind of error", () => {
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3], [1, 2]), "value", /as many cells/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, NaN], [1, 2, 3]), "value", /times must hold only numbers/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2], [1, 2]), "na", /3 or more different times/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 1, 1, 2], [1, 2, 3, 4]), "na", /got 2/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1], [1], { market: 10 }), "na", /2 or more/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3], [1, 2, 3], { market: 0 }), "num", /market/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3, 4], [3, 3, 3, 3]), "num", /do not change/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3, 4], [4, 3, 2, 1]), "num", /do not grow/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3, 4], [-1, 3, 5, 6]), "num", /negative/);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, [1, 2, 3, 4], [1, 2, 3, 1e200]), "num", /below/);
    expectModelError(() => fitDiffusion(BASS_MODEL, [-1, 2, 3, 4], [1, 2, 3, 4]), "num", /since the launch/);
    const many = Array.from({ length: MAX_POINTS + 1 }, (_, i) => i);
    expectModelError(() => fitDiffusion(LOGISTIC_MODEL, many, many), "num", /at most 10,000/);
  });

  it("says so when the values show no levelling off", () => {
    const times = [1, 2, 3, 4, 5, 6, 7, 8];
    const values = times.map((t) => 2 ** t);
    for (const model of MODELS) expectModelError(() => fitDiffusion(model, times, values), "num", /market size is not determined/);
    // With a known market size the same values can be fitted.
    expect(fitDiffusion(LOGISTIC_MODEL, times, values, { market: 1000 }).parameters[0]).toBe(1000);
  });

  it("fits dates as well as months, and says Bass needs periods since the launch", () => {
    const dates = [38534, 38565, 38596, 38626, 38657, 38687];
    const counts = [3500, 18981, 24000, 28000, 30000, 31000];
    const months = dates.map((date) => date - dates[0]);
    for (const model of [LOGISTIC_MODEL, GOMPERTZ_MODEL]) {
      const byDate = fitDiffusion(model, dates, counts);
      const byMonth = fitDiffusion(model, months, counts);
      expect(byDate.sse / byMonth.sse).toBeCloseTo(1, 9);
      expect(byDate.origin).toBe(38534);
      byDate.localParameters.forEach((value, j) => expect(value / byMonth.localParameters[j]).toBeCloseTo(1, 7));
      for (const t of [38540, 38700, 39000]) expect(fittedValue(byDate, t) / fittedValue(byMonth, t - 38534)).toBeCloseTo(1, 9);
      // Standard errors on the caller's clock: the shift moves only the time parameter.
      expect(byDate.standardErrors![0] / byMonth.standardErrors![0]).toBeCloseTo(1, 6);
      expect(byDate.standardErrors![2] / byMonth.standardErrors![2]).toBeCloseTo(1, 6);
    }
    const logistic = fitDiffusion(LOGISTIC_MODEL, dates, counts);
    expect(logistic.parameters[2] - fitDiffusion(LOGISTIC_MODEL, months, counts).parameters[2]).toBeCloseTo(38534, 5);
    // Gompertz a = a_local·e^(b·38534): beyond the largest number for a curve this fast (b = 0.04 a day) ...
    expect(fitDiffusion(GOMPERTZ_MODEL, dates, counts).parameters[1]).toBe(Infinity);
    // ... and finite for a slower one, with a finite standard error.
    const slow = fitDiffusion(GOMPERTZ_MODEL, dates, [3500, 7000, 12000, 17000, 21000, 24000]);
    expect(Math.log(slow.parameters[1])).toBeCloseTo(Math.log(slow.localParameters[1]) + slow.parameters[2] * 38534, 6);
    expect(Number.isFinite(slow.standardErrors![1])).toBe(true);
    expectModelError(() => fitDiffusion(BASS_MODEL, dates, counts), "value", /periods since the launch/);
    expect(() => fitDiffusion(BASS_MODEL, dates, counts)).toThrow(/^(?!.*CRS\.)/);
  });
});

describe("numerical building blocks", () => {
  it("solveSymmetric solves small positive definite systems and refuses singular ones", () => {
    expect(solveSymmetric([4, 2, 2, 3], [2, 1], 2)).toEqual([0.5, 0]);
    const x = solveSymmetric([1e-4, 1e-1, 0, 1e-1, 1e4, 0, 0, 0, 2], [1, 2, 3], 3)!;
    expect(1e-4 * x[0] + 1e-1 * x[1]).toBeCloseTo(1, 9);
    expect(1e-1 * x[0] + 1e4 * x[1]).toBeCloseTo(2, 9);
    expect(x[2]).toBeCloseTo(1.5, 12);
    expect(solveSymmetric([1, 1, 1, 1], [1, 2], 2)).toBeUndefined();
  });

  it("inverseGram inverts JᵀJ accurately even for correlated columns", () => {
    const inverse = inverseGram([[1, 1, 1], [0, 1, 2]])!;
    [5 / 6, -1 / 2, -1 / 2, 1 / 2].forEach((value, i) => expect(inverse[i]).toBeCloseTo(value, 12));
    // Columns 1 and 1 + ε·t with ε = 1e-7: JᵀJ has condition number ≈ 1e15, J only ≈ 1e8, and
    // det JᵀJ = ε²·(n·Σt² − (Σt)²) exactly.
    const t = [0, 1, 2, 3];
    const e = 1e-7;
    const a = inverseGram([t.map(() => 1), t.map((s) => 1 + e * s)])!;
    const det = e * e * (4 * 14 - 6 * 6);
    expect(a[0] / ((4 + 2 * e * 6 + e * e * 14) / det)).toBeCloseTo(1, 7);
    expect(a[1] / (-(4 + e * 6) / det)).toBeCloseTo(1, 7);
    expect(a[3] / (4 / det)).toBeCloseTo(1, 7);
    expect(inverseGram([[1, 2, 3], [2, 4, 6]])).toBeUndefined();
  });

  it("regress fits lines and planes", () => {
    expect(regress([[1, 1, 1], [0, 1, 2]], [1, 3, 5])!.map((c) => Number(c.toFixed(12)))).toEqual([1, 2]);
  });

  it("formatCount writes numbers for messages", () => {
    expect(formatCount(35000)).toBe("35,000");
    expect(formatCount(12345.678)).toBe("12,345.7");
    expect(formatCount(0.03754)).toBe("0.03754");
    expect(formatCount(-1234.5)).toBe("-1,234.5");
  });

  it("series sorts by time and averages repeated times", () => {
    expect(series([2, 1, 2], [30, 10, 50])).toEqual({ t: [1, 2], y: [10, 40] });
  });
});
