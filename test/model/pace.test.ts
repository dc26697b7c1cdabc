import { describe, expect, it } from "vitest";
import { paceForecaster } from "../../src/model/pace";

describe("the recent pace carried on", () => {
  it("leaves counts that have stopped rising as likely as not where they are, never below", () => {
    // No new adopters over the last three gaps: the pace is 0, so the count ahead is the last
    // count plus max(X, 0) with X centred on 0, a chance of 1/2 of no new adopters at all.
    const pace = paceForecaster({ t: [1, 2, 3, 4, 5, 6, 7, 8, 9], y: [10, 30, 55, 75, 90, 96, 96, 96, 96] });
    for (const ahead of [1, 3, 12]) {
      const distribution = pace.distribution(9 + ahead);
      for (const p of [0.025, 0.1, 0.3, 0.49]) expect(distribution.quantile(p)).toBe(96);
      expect(distribution.atLeast(96)).toBe(1);
      expect(distribution.atLeast(96 + 1e-9)).toBeCloseTo(0.5, 9);
      expect(distribution.quantile(0.9)).toBeGreaterThan(96);
    }
  });

  it("gives the uncensored Student-t chances above the last count, and quantiles that invert them", () => {
    const pace = paceForecaster({ t: [1, 2, 3, 4, 5, 6], y: [2, 5, 9, 14, 19, 25] });
    const distribution = pace.distribution(9);
    // Above the last count the chance is a t tail, so it is 1/2 at the median and the quantiles invert it.
    const median = distribution.quantile(0.5);
    expect(distribution.atLeast(median)).toBeCloseTo(0.5, 9);
    for (const p of [0.6, 0.9, 0.975]) expect(distribution.atLeast(distribution.quantile(p))).toBeCloseTo(1 - p, 9);
    // The median is the last count plus the damped pace: (25 − 9)/3 a period, 0.9 + 0.81 + 0.729 periods' worth.
    expect(median).toBeCloseTo(25 + (16 / 3) * (0.9 + 0.81 + 0.729), 9);
  });
});
