/**
 * One PCT's predictive distribution tells one story: the whole-GP bounds are read from the chance, the median lies between the bounds, the chance never rises with the target, and
 * the date the target is as likely as not reached is where the chance crosses a half.
 */
import { describe, expect, it } from "vitest";
import { PctPredictive } from "../../../src/model/portfolio/pctPredictive";
import { LOGISTIC_SHARE } from "../../../src/model/portfolio/shareCurves";
import { DAYS_PER_MONTH } from "../../../src/model/portfolio/pctFigures";

/** A PCT of 150 GPs with 52 registered at month 10, its curve uncertain: rate about 0.35 a month, midpoint about month 13. */
const predictive = new PctPredictive({
  curve: LOGISTIC_SHARE,
  noise: { perAdopter: 1, excess: 0.05 },
  posterior: { mean: [Math.log(0.35), 13], covariance: [0.04, 0.05, 1.5] },
  gps: 150,
  latestMonth: 10,
  latestCount: 52,
});

describe("PctPredictive", () => {
  /** F(c) = P(count ≤ c) at month 18. */
  const cdf = (c: number): number => 1 - predictive.chance(c + 1, 18);

  it("gives whole-GP bounds nearest the confidence's levels, and the median where F first reaches a half", () => {
    for (const confidence of [0.5, 0.8, 0.95]) {
      const { lower, median, upper } = predictive.bounds(18, confidence);
      const [low, high] = [(1 - confidence) / 2, (1 + confidence) / 2];
      expect([lower, median, upper].every(Number.isInteger)).toBe(true);
      // F(lower − 1) is the nearest to the low level of F(lower − 2), F(lower − 1) and F(lower).
      expect(Math.abs(cdf(lower - 1) - low)).toBeLessThanOrEqual(Math.abs(cdf(lower - 2) - low));
      expect(Math.abs(cdf(lower - 1) - low)).toBeLessThanOrEqual(Math.abs(cdf(lower) - low));
      expect(Math.abs(cdf(upper) - high)).toBeLessThanOrEqual(Math.abs(cdf(upper - 1) - high));
      expect(Math.abs(cdf(upper) - high)).toBeLessThanOrEqual(Math.abs(cdf(upper + 1) - high));
      expect(cdf(median)).toBeGreaterThanOrEqual(0.5);
      expect(cdf(median - 1)).toBeLessThan(0.5);
    }
  });

  it("puts the median between the bounds, all between the latest count and the GPs", () => {
    const { lower, median, upper } = predictive.bounds(18, 0.8);
    expect(52).toBeLessThanOrEqual(lower);
    expect(lower).toBeLessThan(median);
    expect(median).toBeLessThan(upper);
    expect(upper).toBeLessThanOrEqual(150);
  });

  it("never raises the chance as the target rises, and is certain of the latest count", () => {
    const chances = Array.from({ length: 100 }, (_, i) => predictive.chance(52 + i, 18));
    expect(chances[0]).toBe(1);
    chances.slice(1).forEach((chance, i) => expect(chance).toBeLessThanOrEqual(chances[i]));
    expect(predictive.chance(151, 18)).toBe(0);
  });

  it("reaches the target as likely as not where the chance crosses a half, to the day", () => {
    const month = predictive.monthReached(120, DAYS_PER_MONTH)!;
    const day = 1 / DAYS_PER_MONTH;
    expect(predictive.chance(120, month)).toBeGreaterThanOrEqual(0.5);
    expect(predictive.chance(120, month - day)).toBeLessThan(0.5);
  });

  it("says never (null) for a target the curve cannot bring within 50 years", () => {
    const stalled = new PctPredictive({
      curve: LOGISTIC_SHARE,
      noise: { perAdopter: 1, excess: 0 },
      posterior: { mean: [Math.log(0.005), 2000], covariance: [1e-6, 0, 1e-6] },
      gps: 150,
      latestMonth: 10,
      latestCount: 5,
    });
    expect(stalled.monthReached(120, DAYS_PER_MONTH)).toBeNull();
  });
});
