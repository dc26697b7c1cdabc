import { describe, expect, it } from "vitest";
import { RollingTally, seriesBootstrap } from "../../bench/realSeries/rollingOrigin";

/** A series' tally with `inside` of `total` later counts inside its 80% bounds, all one count ahead. */
function tallyOf(inside: number, total: number): RollingTally {
  const tally = new RollingTally();
  tally.inside[0][0] = inside;
  tally.total[0][0] = total;
  return tally;
}

describe("resampling whole series for the pooled coverage's range", () => {
  it("collapses to the coverage where every series has the same", () => {
    const [low, high] = seriesBootstrap([tallyOf(8, 10), tallyOf(16, 20), tallyOf(4, 5)], 0, 500, 1);
    expect(low).toBeCloseTo(80, 9);
    expect(high).toBeCloseTo(80, 9);
  });

  it("spreads as the binomial count of series drawn, where half the series hold every count and half none", () => {
    // 20 series of 10 counts each, 10 all inside and 10 all outside: the pooled coverage is the
    // share of draws from the first half, Binomial(20, 1/2)/20, whose 5% and 95% quantiles are 6
    // and 14 (scipy.stats.binom.ppf): 30% to 70%.
    const series = [...Array.from({ length: 10 }, () => tallyOf(10, 10)), ...Array.from({ length: 10 }, () => tallyOf(0, 10))];
    const [low, high] = seriesBootstrap(series, 0, 20_000, 7);
    expect(low).toBe(30);
    expect(high).toBe(70);
  });
});
