/**
 * The portfolio's distribution functions against scipy (values from scipy.stats 1.x, printed
 * with repr): the normal tail and quantile, the Wilson–Hilferty gamma tail (an approximation:
 * within 0.001 of the gamma's exact tail on these), and the Poisson binomial against enumeration.
 */
import { describe, expect, it } from "vitest";
import { normalUpperTail } from "../../../src/model/portfolio/normal";
import { normalQuantile } from "../../../src/model/studentT";
import { gammaUpperTail } from "../../../src/model/portfolio/pctPredictive";
import { poissonBinomial, successRange } from "../../../src/model/portfolio/poissonBinomial";
import { enumeratedOutcomes, quantileOf } from "./outcomes";

describe("the normal distribution", () => {
  it.each([
    [1.6448536269514722, 0.050000000000000044],
    [-0.5, 0.6914624612740131],
    [3, 0.0013498980316300933],
  ])("P(Z ≥ %f) is scipy's norm.sf to 1.2e-7 relative", (z, tail) => {
    expect(Math.abs(normalUpperTail(z) / tail - 1)).toBeLessThan(1.2e-7);
  });

  it.each([
    [0.975, 1.959963984540054],
    [0.01, -2.3263478740408408],
    [0.3, -0.5244005127080409],
  ])("the %f quantile is scipy's norm.ppf to 1e-8", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 8);
  });
});

describe("the gamma tail by Wilson–Hilferty", () => {
  it.each([
    // x, mean, variance, scipy's gamma.sf(x, mean²/variance, scale=variance/mean)
    [10, 10, 10, 0.4579297144718523],
    [25, 12, 30, 0.02420148062412842],
    [3, 8, 20, 0.9048771178054688],
    [40, 30, 90, 0.14490522447815307],
  ])("P(X ≥ %f) with mean %f and variance %f", (x, mean, variance, tail) => {
    expect(Math.abs(gammaUpperTail(x, mean, variance) - tail)).toBeLessThan(1e-3);
  });

  it("is certain below 0 and impossible with nothing expected", () => {
    expect([gammaUpperTail(0, 5, 5), gammaUpperTail(1, 0, 0), gammaUpperTail(3, 5, 0), gammaUpperTail(6, 5, 0)]).toEqual([1, 0, 1, 0]);
  });
});

describe("the number of PCTs meeting the target", () => {
  const chances = [0.1, 0.35, 0.5, 0.72, 0.9, 0.97];
  const enumerated = (): number[] => enumeratedOutcomes(chances);

  it("has the distribution enumeration gives", () => {
    const computed = poissonBinomial(chances);
    enumerated().forEach((probability, k) => expect(computed[k]).toBeCloseTo(probability, 14));
  });

  it("ranges from the smallest counts whose cumulative chance reaches (1 − c)/2 and (1 + c)/2", () => {
    const quantile = (p: number): number => quantileOf(enumerated(), p);
    expect(successRange(chances, 0.8)).toEqual({ lower: quantile(0.1), upper: quantile(0.9) });
    expect(successRange(chances, 0.5)).toEqual({ lower: quantile(0.25), upper: quantile(0.75) });
    expect(successRange([], 0.8)).toEqual({ lower: 0, upper: 0 });
    expect(successRange([1, 1, 0], 0.95)).toEqual({ lower: 2, upper: 2 });
  });
});
