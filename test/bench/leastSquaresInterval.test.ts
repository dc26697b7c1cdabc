import { describe, expect, it } from "vitest";
import { leastSquaresInterval } from "../../bench/simulation/leastSquaresInterval";
import { BASS_MODEL, LOGISTIC_MODEL } from "../../src/model/diffusion";
import { fitDiffusion } from "../../src/model/fit";
import { curve, expectModelError, MONTHS } from "../model/fitData";

describe("leastSquaresInterval, the bounds FORECAST gave before", () => {
  const values = curve(LOGISTIC_MODEL, MONTHS, 0.03);
  const fit = fitDiffusion(LOGISTIC_MODEL, MONTHS, values);

  it("is the fitted curve with bounds wider than the residual scatter alone", () => {
    const point = leastSquaresInterval(fit, 40, 0.95);
    expect(point.value).toBe(LOGISTIC_MODEL.value(40, fit.parameters));
    const residualOnly = 2.0345152974493383 * Math.sqrt(fit.variance!); // t.ppf(0.975, 33)
    expect(point.upper! - point.value).toBeGreaterThan(residualOnly);
    expect(point.value - point.lower!).toBeCloseTo(point.upper! - point.value, 8);
  });

  it("matches the delta method worked by hand", () => {
    const time = 30;
    const h = 1e-6;
    const g = [0, 1, 2].map((j) => {
      const up = [...fit.parameters];
      const down = [...fit.parameters];
      up[j] *= 1 + h;
      down[j] *= 1 - h;
      return (LOGISTIC_MODEL.value(time, up) - LOGISTIC_MODEL.value(time, down)) / (2 * h * fit.parameters[j]);
    });
    let variance = fit.variance!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) variance += g[i] * fit.covariance![i * 3 + j] * g[j];
    const point = leastSquaresInterval(fit, time, 0.9);
    expect((point.upper! - point.value) / (1.6923603090303438 * Math.sqrt(variance))).toBeCloseTo(1, 6); // t.ppf(0.95, 33)
  });

  it("far ahead, carries the uncertainty of the market size and the residual scatter", () => {
    const far = leastSquaresInterval(fit, 1000);
    const expected = 2.0345152974493383 * Math.sqrt(fit.standardErrors![0] ** 2 + fit.variance!); // t.ppf(0.975, 33)
    expect((far.upper! - far.value) / expected).toBeCloseTo(1, 9);
  });

  it("gives the fitted value without bounds where the fit has no covariance", () => {
    const undetermined = { ...fit, covariance: undefined, localCovariance: undefined, standardErrors: undefined, uncertaintyNote: "not determined" };
    expect(leastSquaresInterval(undetermined, 40)).toEqual({ time: 40, value: LOGISTIC_MODEL.value(40, fit.parameters) });
  });

  it("rejects a confidence outside (0, 1) and Bass times before the launch", () => {
    expectModelError(() => leastSquaresInterval(fit, 10, 1), "num", /confidence/);
    const bass = fitDiffusion(BASS_MODEL, MONTHS, curve(BASS_MODEL, MONTHS, 0.02));
    expectModelError(() => leastSquaresInterval(bass, -1), "num", /since the launch/);
  });
});

