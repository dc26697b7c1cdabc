import { describe, expect, it } from "vitest";
import { HORIZON, simulateSeries } from "../../bench/simulation/adoptionSeries";
import { Random } from "../../bench/simulation/random";

describe("the simulated adoption series", () => {
  // 3,000 series: every curve and noise, and markets from 50, where the last months' draws
  // would pass the market most often if nothing stopped them.
  const random = new Random(20050815);
  const all = Array.from({ length: 3_000 }, (_, index) => simulateSeries(index, random));

  it("are whole cumulative counts that never fall and never pass the market, observed and held out", () => {
    const wrong = all.flatMap((series, index) => {
      const counts = [...series.values, ...series.heldOut];
      const problems: string[] = [];
      if (series.heldOut.length !== HORIZON) problems.push(`${HORIZON} months are not held out`);
      counts.forEach((count, i) => {
        if (!Number.isInteger(count) || count < (i === 0 ? 0 : counts[i - 1]) || count > series.market) {
          problems.push(`month ${i + 1}: ${count} after ${i === 0 ? "none" : counts[i - 1]} of ${series.market}`);
        }
      });
      return problems.map((problem) => `series ${index}: ${problem}`);
    });
    expect(wrong).toEqual([]);
  });

  it("reach the market in some small markets, where the cut matters", () => {
    expect(all.some((series) => series.heldOut.includes(series.market))).toBe(true);
  });
});
