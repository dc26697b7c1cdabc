import { describe, expect, it } from "vitest";
import { Random } from "../../bench/simulation/random";
import { logGamma } from "../../src/model/specialFunctions";

/**
 * The samplers against their exact distributions: for each, 20,000 seeded draws, whose empirical
 * distribution function must lie within the Kolmogorov–Smirnov bound 1.95/√N of the exact one
 * (the 0.1% critical value for a continuous distribution; for a discrete one the test is
 * conservative, so a correct sampler passes with room), and whose mean and variance must lie
 * within 5 standard errors of the exact ones.
 */
const DRAWS = 20_000;
const KS_BOUND = 1.95 / Math.sqrt(DRAWS);

/** The largest gap between the empirical distribution of whole-number draws and an exact pmf. */
function ksDistance(draws: number[], pmf: (k: number) => number): number {
  const counts = new Map<number, number>();
  for (const draw of draws) counts.set(draw, (counts.get(draw) ?? 0) + 1);
  const largest = Math.max(...draws);
  let empirical = 0;
  let exact = 0;
  let distance = 0;
  for (let k = 0; k <= largest; k++) {
    empirical += (counts.get(k) ?? 0) / draws.length;
    exact += pmf(k);
    distance = Math.max(distance, Math.abs(empirical - exact));
  }
  return distance;
}

function expectMoments(draws: number[], mean: number, variance: number): void {
  const n = draws.length;
  const sampleMean = draws.reduce((sum, x) => sum + x, 0) / n;
  const sampleVariance = draws.reduce((sum, x) => sum + (x - sampleMean) ** 2, 0) / (n - 1);
  expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  // The variance of the sample variance is about 2σ⁴/n for near-normal draws; allow for heavy tails.
  expect(Math.abs(sampleVariance / variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n) * 2);
}

const poissonPmf = (mean: number) => (k: number) => Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
const negativeBinomialPmf = (mean: number, size: number) => (k: number) =>
  Math.exp(logGamma(k + size) - logGamma(size) - logGamma(k + 1) + size * Math.log(size / (size + mean)) + k * Math.log(mean / (size + mean)));

describe("seeded random draws", () => {
  it("repeat exactly for a seed and differ between seeds", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const first = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(first);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  for (const mean of [0.3, 3, 9.5, 10, 40, 2500]) {
    it(`Poisson with mean ${mean}`, () => {
      const random = new Random(1000 + mean);
      const draws = Array.from({ length: DRAWS }, () => random.poisson(mean));
      expect(draws.every(Number.isInteger)).toBe(true);
      expect(ksDistance(draws, poissonPmf(mean))).toBeLessThan(KS_BOUND);
      expectMoments(draws, mean, mean);
    });
  }

  for (const [mean, size] of [
    [2, 4],
    [30, 10],
    [800, 4],
    [5000, 100],
  ]) {
    it(`negative binomial with mean ${mean} and size ${size}`, () => {
      const random = new Random(mean + size);
      const draws = Array.from({ length: DRAWS }, () => random.negativeBinomial(mean, size));
      expect(ksDistance(draws, negativeBinomialPmf(mean, size))).toBeLessThan(KS_BOUND);
      expectMoments(draws, mean, mean + (mean * mean) / size);
    });
  }

  for (const shape of [0.4, 1, 7.5]) {
    it(`gamma with shape ${shape}`, () => {
      const random = new Random(shape * 10);
      const draws = Array.from({ length: DRAWS }, () => random.gamma(shape)).sort((a, b) => a - b);
      expectMoments(draws, shape, shape);
      // For shape 1 the gamma is the exponential, whose distribution function is 1 − e^(−x).
      if (shape === 1) {
        const distance = Math.max(...draws.map((x, i) => Math.max(Math.abs((i + 1) / DRAWS - (1 - Math.exp(-x))), Math.abs(i / DRAWS - (1 - Math.exp(-x))))));
        expect(distance).toBeLessThan(KS_BOUND);
      }
    });
  }

  it("normal draws have mean 0, variance 1 and the normal's quartiles", () => {
    const random = new Random(3);
    const draws = Array.from({ length: DRAWS }, () => random.normal()).sort((a, b) => a - b);
    expectMoments(draws, 0, 1);
    expect(draws[DRAWS / 4]).toBeCloseTo(-0.6745, 1);
    expect(draws[(3 * DRAWS) / 4]).toBeCloseTo(0.6745, 1);
  });
});
