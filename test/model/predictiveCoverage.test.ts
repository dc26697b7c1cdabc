import { describe, expect, it } from "vitest";
import { HORIZON } from "../../bench/simulation/adoptionSeries";
import { LEVELS, measureCoverage, type Method, type Tally } from "../../bench/simulation/coverage";

/**
 * A small, fast, seeded run of the coverage benchmark (`npm run bench` runs 2,400 series): 200
 * simulated series, each fitted four ways, their 80% and 95% bounds checked at horizons 1 to 12.
 *
 * The bar is [nominal − 7, nominal + 5] points. Here the share is pooled over the 12 horizons of
 * each series; the horizons of one series are correlated, so the test counts each series as one
 * independent check (N = series with bounds, about 200), which overstates the sampling error of
 * the pooled share and so keeps the test from failing by chance: the bar is widened by three
 * binomial standard errors, 3·√(p(1 − p)/N) (8.5 points at 80%, 4.6 at 95% for N = 200).
 * The old least-squares bounds fail it by far (they cover about 45% and 60%).
 */
const SERIES = 200;
const SEED = 9;

function pooled(tally: Tally, method: Method, level: number): { share: number; series: number } {
  let inside = 0;
  let total = 0;
  for (let h = 1; h <= HORIZON; h++) {
    inside += tally.inside[method][level][h - 1];
    total += tally.count(method, level, h);
  }
  return { share: inside / total, series: total / HORIZON };
}

describe("coverage of the forecast bounds on simulated adoption series", () => {
  const results = measureCoverage(SERIES, SEED);

  for (const result of results) {
    it(`${result.fitting}, market ${result.market}: 80% and 95% bounds hold their coverage; the old ones did not`, () => {
      LEVELS.forEach((nominal, level) => {
        const { share, series } = pooled(result.overall, "new", level);
        const tolerance = 3 * Math.sqrt((nominal * (1 - nominal)) / series);
        expect(share, `${nominal * 100}% bounds`).toBeGreaterThan(nominal - 0.07 - tolerance);
        expect(share, `${nominal * 100}% bounds`).toBeLessThan(nominal + 0.05 + tolerance);
        expect(pooled(result.overall, "old", level).share).toBeLessThan(nominal - 0.07 - tolerance);
      });
      // CHANCE beats a coin flip on whether the count reaches the true curve.
      expect(result.overall.brier / result.overall.brierCount).toBeLessThan(0.25);
    });
  }
});
