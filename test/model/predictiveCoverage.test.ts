import { describe, expect, it } from "vitest";
import { HORIZON } from "../../bench/simulation/adoptionSeries";
import { LEVELS, measureCoverage, type FittingResult } from "../../bench/simulation/coverage";

/**
 * Small, fast, seeded runs of the coverage benchmark (`npm run bench` runs 2,400 series): FORECAST's
 * 80% and 95% bounds on simulated series, each fitted four ways (the true model or "auto", the
 * market unknown or known), checked at every horizon from 1 to 12 months against the spec's band,
 * [nominal − 7, nominal + 5] points.
 *
 * At one horizon the share inside comes from about N = 200 series (100 in the second scenario), so
 * it scatters by a binomial standard error √(p(1 − p)/N) about its expectation (2.8 points at 80%,
 * 1.5 at 95% for N = 200); the band is widened by two of them, so that a method whose coverage is
 * inside the band passes and one several points outside it fails. The bounds of the curves alone
 * (FORECAST before the recent pace was weighed in) fail the second scenario by far.
 *
 * - Counts whose monthly new adopters scatter independently about a Bass, logistic or Gompertz
 *   curve, Poisson or negative binomial: the noise the forecast assumes.
 * - Counts about a rate that drifts above and below the curve for months at a time (Poisson about
 *   e^(w_t) times the curve's rate, w_t autoregressive with persistence 0.8 and standard deviation
 *   0.25): a noise the forecast does not assume. There the bounds are too narrow by up to about
 *   ten points at 95% (the bench prints the figures); the test holds them to a wider band,
 *   [nominal − 15, nominal + 5], which the curves' bounds alone miss by far (they hold the count
 *   about half the time at 80%).
 */
function outsideBand(result: FittingResult, method: "curve" | "new", below = 0.07): string[] {
  const misses: string[] = [];
  LEVELS.forEach((nominal, level) => {
    for (let h = 1; h <= HORIZON; h++) {
      const series = result.overall.count(method, level, h);
      const share = result.overall.percent(method, level, h) / 100;
      const tolerance = 2 * Math.sqrt((nominal * (1 - nominal)) / series);
      if (share < nominal - below - tolerance || share > nominal + 0.05 + tolerance) misses.push(`${nominal * 100}% at ${h} months: ${(100 * share).toFixed(1)}`);
    }
  });
  return misses;
}

describe("coverage of the forecast bounds on simulated adoption series", () => {
  const results = measureCoverage(200, 9);
  for (const result of results) {
    it(`${result.fitting}, market ${result.market}: 80% and 95% bounds hold the band at every horizon; the least-squares ones did not`, () => {
      expect(outsideBand(result, "new")).toEqual([]);
      LEVELS.forEach((nominal, level) => {
        let inside = 0;
        let total = 0;
        for (let h = 1; h <= HORIZON; h++) {
          inside += result.overall.inside.old[level][h - 1];
          total += result.overall.count("old", level, h);
        }
        expect(inside / total).toBeLessThan(nominal - 0.1);
      });
      // CHANCE beats a coin flip on whether the count reaches the true curve.
      expect(result.overall.brier / result.overall.brierCount).toBeLessThan(0.25);
    });
  }
});

describe("coverage where the counts' rate drifts, a noise the forecast does not assume", () => {
  const results = measureCoverage(100, 16, { persistence: 0.8, spread: 0.25 });
  for (const result of results) {
    it(`${result.fitting}, market ${result.market}: the bounds stay within 15 points of nominal at every horizon; the curves' alone did not`, () => {
      expect(outsideBand(result, "new", 0.15)).toEqual([]);
      expect(outsideBand(result, "curve", 0.15).length).toBeGreaterThan(0);
    });
  }
});
