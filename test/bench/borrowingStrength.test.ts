/**
 * The borrowing-strength bar on one seeded simulation of 300 PCTs observed for 3 to 12 months
 * (`npm run bench` measures ten): the pooled fit's chances score a lower Brier score than fitting
 * each PCT alone with CHANCE, add up to within 0.05 a PCT of the share that met the target, and
 * its 80% bounds hold 72-88% of the counts at the target date in each history band.
 */
import { describe, expect, it } from "vitest";
import { measureBorrowingStrength } from "../../bench/simulation/borrowingStrength";

describe("borrowing strength on 300 simulated PCTs", () => {
  const { overall } = measureBorrowingStrength(1, 300, 20050815);

  it("scores a lower Brier score than fitting each PCT alone, on the PCTs both answer", () => {
    expect(overall.common.pcts).toBeGreaterThan(250);
    expect(overall.common.pooled).toBeLessThan(overall.common.alone);
  });

  it("answers for every PCT, where fitting alone cannot for some", () => {
    expect(overall.pooled.answered).toBe(300);
    expect(overall.alone.answered).toBeLessThan(300);
  });

  it("has a mean chance within 0.05 of the share that met the target", () => {
    expect(Math.abs(overall.pooled.meanChance - overall.pooled.shareMet)).toBeLessThanOrEqual(0.05);
  });

  it("holds 72-88% of the counts in its 80% bounds with 3-5, 6-8 and 9-12 counts", () => {
    for (const coverage of overall.pooled.coverage) {
      expect(coverage).toBeGreaterThanOrEqual(72);
      expect(coverage).toBeLessThanOrEqual(88);
    }
  });
});
