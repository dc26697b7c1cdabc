import { describe, expect, it } from "vitest";
import { Random } from "../../bench/simulation/random";
import { accumulatedCovariance } from "../../src/model/accumulatedCovariance";
import { compareModels } from "../../src/model/compare";
import { centralBounds, knownCount, mixture, positiveAmount } from "../../src/model/countDistribution";
import { BASS_MODEL, GOMPERTZ_MODEL, LOGISTIC_MODEL, MODELS } from "../../src/model/diffusion";
import { fitDiffusion, fittedGradient, fittedValue } from "../../src/model/fit";
import { countSeries, estimateIncrementNoise } from "../../src/model/incrementNoise";
import { inverseGram } from "../../src/model/linearAlgebra";
import { averagedForecaster, countForecaster, type CountForecaster } from "../../src/model/predictive";

// Eighteen months of a PCT's GP registrations (of 150), drawn month by month around a logistic curve.
const MONTHS = Array.from({ length: 18 }, (_, i) => i + 1);
const GPS = (() => {
  const random = new Random(2005);
  let total = 0;
  let previous = 0;
  return MONTHS.map((t) => {
    const level = LOGISTIC_MODEL.value(t, [150, 0.3, 14]);
    total += random.poisson(level - previous);
    previous = level;
    return total;
  });
})();
const PROBABILITIES = [0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999];

/** Each kind of forecaster, with the most its count can be (a known market caps it). */
function forecasters(): [string, CountForecaster, number][] {
  return [
    ...MODELS.map((model): [string, CountForecaster, number] => [model.name, countForecaster(fitDiffusion(model, MONTHS, GPS)), Infinity]),
    ["logistic, known market", countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS, { market: 150 })), 150],
    ["auto (model-averaged)", averagedForecaster(compareModels(MONTHS, GPS)), Infinity],
  ];
}

describe("the predictive distribution", () => {
  for (const [name, forecaster, most] of forecasters()) {
    it(`${name}: the chance at each quantile is one minus its probability, and falls as the target rises`, () => {
      for (const ahead of [0.5, 1, 3, 12, 40]) {
        const distribution = forecaster.distribution(18 + ahead);
        for (const p of PROBABILITIES) {
          const bound = distribution.quantile(p);
          expect(bound).toBeLessThanOrEqual(most);
          // At the cap the count piles up: reaching it is at least as likely as the bound says.
          if (bound === most) expect(distribution.atLeast(bound)).toBeGreaterThanOrEqual(1 - p - 1e-9);
          else expect(distribution.atLeast(bound)).toBeCloseTo(1 - p, 9);
        }
        expect(distribution.atLeast(most + 0.5)).toBe(0);
        // One assertion over the 800 targets, naming each where the chance rises or leaves 0 to 1.
        const wrong: string[] = [];
        let previous = 1;
        for (let target = GPS[17] - 5; target <= 200; target += 0.25) {
          const chance = distribution.atLeast(target);
          if (!(chance <= previous && chance >= 0)) wrong.push(`${ahead} ahead, at least ${target}: ${chance} after ${previous}`);
          previous = chance;
        }
        expect(wrong).toEqual([]);
        // Counts never fall: at least the last count is certain, one more is not.
        expect(distribution.atLeast(GPS[17])).toBe(1);
        expect(distribution.atLeast(GPS[17] + 1)).toBeLessThan(1);
      }
    });
  }

  it("widens with the horizon and carries the curve's uncertainty: wider with the market unknown", () => {
    const free = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS));
    const known = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS, { market: 150 }));
    const width = (forecaster: CountForecaster, time: number) => forecaster.distribution(time).quantile(0.9) - forecaster.distribution(time).quantile(0.1);
    expect(width(free, 19)).toBeLessThan(width(free, 24));
    expect(width(free, 24)).toBeLessThan(width(free, 30));
    expect(width(known, 30)).toBeLessThan(width(free, 30));
  });

  it("is the known count at a time with a count, and lies between the counts either side of a time between", () => {
    const forecaster = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS));
    for (const i of [0, 7, 17]) {
      const distribution = forecaster.distribution(MONTHS[i]);
      expect(distribution.quantile(0.01)).toBe(GPS[i]);
      expect(distribution.quantile(0.99)).toBe(GPS[i]);
      expect(distribution.atLeast(GPS[i])).toBe(1);
      expect(distribution.atLeast(GPS[i] + 0.5)).toBe(0);
    }
    const between = forecaster.distribution(10.5);
    expect(between.quantile(0.5)).toBeGreaterThanOrEqual(GPS[9]);
    expect(between.quantile(0.5)).toBeLessThanOrEqual(GPS[10] + 1);
    expect(between.atLeast(GPS[9])).toBe(1);
    for (const p of PROBABILITIES) {
      const bound = between.quantile(p);
      // At the later count the distribution piles up: reaching it is at least as likely as the bound says.
      if (bound === GPS[10]) expect(between.atLeast(bound)).toBeGreaterThanOrEqual(1 - p - 1e-9);
      else expect(between.atLeast(bound)).toBeCloseTo(1 - p, 9);
    }
    // Counts never fall: between two counts, never more than the later one.
    expect(between.quantile(0.999)).toBeLessThanOrEqual(GPS[10]);
    expect(between.atLeast(GPS[10] + 1)).toBe(0);
    // Before the first count: from none to the first count.
    const before = forecaster.distribution(0.5);
    expect(before.atLeast(0)).toBe(1);
    expect(before.quantile(0.5)).toBeLessThanOrEqual(GPS[0] + 1);
  });

  it("gives the same forecasts for dates as for months", () => {
    const DAYS_A_MONTH = 30.4375;
    const dates = MONTHS.map((month) => 38352 + DAYS_A_MONTH * month);
    for (const model of [LOGISTIC_MODEL, GOMPERTZ_MODEL]) {
      const byMonth = countForecaster(fitDiffusion(model, MONTHS, GPS));
      const byDate = countForecaster(fitDiffusion(model, dates, GPS));
      for (const month of [10.5, 19, 24, 36]) {
        const date = 38352 + DAYS_A_MONTH * month;
        expect(byDate.fitted(date) / byMonth.fitted(month)).toBeCloseTo(1, 7);
        for (const p of [0.025, 0.5, 0.975]) {
          expect(byDate.distribution(date).quantile(p) / byMonth.distribution(month).quantile(p)).toBeCloseTo(1, 6);
        }
      }
    }
    const autoByMonth = averagedForecaster(compareModels(MONTHS, GPS));
    const autoByDate = averagedForecaster(compareModels(dates, GPS));
    // Dates leave Bass out of "auto" (it needs periods since the launch), so only the logistic and Gompertz parts compare.
    expect(autoByDate.distribution(38352 + DAYS_A_MONTH * 24).atLeast(120)).toBeGreaterThan(0);
    expect(autoByMonth.distribution(24).atLeast(120)).toBeGreaterThan(0);
  });

  it("never puts a bound below the last count, even with a market given below it", () => {
    const distribution = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS, { market: GPS[17] - 5 })).distribution(24);
    expect(distribution.quantile(0.1)).toBeGreaterThanOrEqual(GPS[17]);
    expect(distribution.atLeast(GPS[17])).toBe(1);
  });

  it("takes a row entered twice as one: the same bounds, not narrower", () => {
    const once = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS)).distribution(24);
    const twice = countForecaster(fitDiffusion(LOGISTIC_MODEL, [...MONTHS, ...MONTHS], [...GPS, ...GPS])).distribution(24);
    for (const p of [0.1, 0.5, 0.9]) expect(twice.quantile(p)).toBeCloseTo(once.quantile(p), 6);
  });

  it("has no spread without residual degrees of freedom, and says so", () => {
    const forecaster = countForecaster(fitDiffusion(LOGISTIC_MODEL, [0, 1.05], [3500, 18981], { market: 35000 }));
    expect(forecaster.fitted(2)).toBeGreaterThan(18981);
    expect(() => forecaster.distribution(2).quantile(0.5)).toThrow(/no residual degrees of freedom/);
  });

  it("refuses Bass times before the launch", () => {
    const forecaster = countForecaster(fitDiffusion(BASS_MODEL, MONTHS, GPS));
    expect(() => forecaster.distribution(-1)).toThrow(/since the launch/);
  });
});

describe("the parts of the predictive distribution", () => {
  it("the sandwich covariance equals A⁻¹·JᵀVJ·A⁻¹ with V written out in full", () => {
    const fit = fitDiffusion(GOMPERTZ_MODEL, MONTHS, GPS);
    const data = countSeries(fit);
    const noise = estimateIncrementNoise(fit, data);
    const covariance = accumulatedCovariance(fit, data, noise)!;
    const n = MONTHS.length;
    const gradient = [0, 0, 0];
    const jacobian = MONTHS.map((t) => {
      fittedGradient(fit, t, gradient);
      return [...gradient];
    });
    // Var(y_i) accumulates the variances of the increments up to i; Cov(y_i, y_j) = Var(y_min(i,j)).
    const incrementVariance = MONTHS.map((t, i) => noise.variance(fittedValue(fit, t) - (i === 0 ? 0 : fittedValue(fit, MONTHS[i - 1])), 1));
    const cumulative = incrementVariance.map((_, i) => incrementVariance.slice(0, i + 1).reduce((sum, v) => sum + v, 0));
    const a = inverseGram([0, 1, 2].map((j) => jacobian.map((row) => row[j])))!;
    const middle = [0, 1, 2].flatMap((r) =>
      [0, 1, 2].map((s) => {
        let sum = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += jacobian[i][r] * cumulative[Math.min(i, j)] * jacobian[j][s];
        return sum;
      }),
    );
    const multiply = (x: number[], y: number[]) => [0, 1, 2].flatMap((r) => [0, 1, 2].map((s) => [0, 1, 2].reduce((sum, c) => sum + x[r * 3 + c] * y[c * 3 + s], 0)));
    const expected = multiply(multiply(a, middle), a);
    expected.forEach((value, i) => expect(covariance[i] / value).toBeCloseTo(1, 8));
  });

  it("the sandwich covariance measures the estimates' real scatter under accumulating noise, where FIT's is too small", () => {
    // 300 series of 30 months with Poisson new adopters about one logistic curve, each fitted: the
    // spread of the fitted market sizes against the two covariances' predictions of it.
    const random = new Random(30);
    const months = Array.from({ length: 30 }, (_, i) => i + 1);
    const truth: [number, number, number] = [5000, 0.25, 22];
    const markets: number[] = [];
    const sandwich: number[] = [];
    const leastSquares: number[] = [];
    for (let run = 0; run < 300; run++) {
      let total = 0;
      let previous = 0;
      const counts = months.map((t) => {
        const level = LOGISTIC_MODEL.value(t, truth);
        total += random.poisson(level - previous);
        previous = level;
        return total;
      });
      const fit = fitDiffusion(LOGISTIC_MODEL, months, counts);
      const data = countSeries(fit);
      markets.push(fit.parameters[0]);
      sandwich.push(accumulatedCovariance(fit, data, estimateIncrementNoise(fit, data))![0]);
      leastSquares.push(fit.covariance![0]);
    }
    const mean = markets.reduce((sum, m) => sum + m, 0) / markets.length;
    const observed = markets.reduce((sum, m) => sum + (m - mean) ** 2, 0) / (markets.length - 1);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    // The sample variance of 300 draws is within about ±25% of the truth (3 standard errors of √(2/299)).
    expect(median(sandwich) / observed).toBeGreaterThan(0.75);
    expect(median(sandwich) / observed).toBeLessThan(1.33);
    expect(median(leastSquares) / observed).toBeLessThan(0.5);
  });

  it("the increment noise finds Poisson scatter in Poisson counts and the excess in negative-binomial ones", () => {
    const random = new Random(11);
    const months = Array.from({ length: 40 }, (_, i) => i + 1);
    const estimates = { poisson: [] as number[], excess: [] as number[] };
    for (let run = 0; run < 60; run++) {
      for (const size of [Infinity, 5]) {
        let total = 0;
        let previous = 0;
        const counts = months.map((t) => {
          const level = LOGISTIC_MODEL.value(t, [20000, 0.25, 25]);
          total += size === Infinity ? random.poisson(level - previous) : random.negativeBinomial(level - previous, size);
          previous = level;
          return total;
        });
        const fit = fitDiffusion(LOGISTIC_MODEL, months, counts, { market: 20000 });
        const noise = estimateIncrementNoise(fit, countSeries(fit));
        if (size === Infinity) estimates.poisson.push(noise.variance(500, 1) / 500);
        else estimates.excess.push(noise.excess);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    // Poisson: variance ≈ mean; negative binomial of size 5: κ ≈ 1/5.
    expect(median(estimates.poisson)).toBeGreaterThan(0.7);
    expect(median(estimates.poisson)).toBeLessThan(1.5);
    expect(median(estimates.excess)).toBeGreaterThan(0.1);
    expect(median(estimates.excess)).toBeLessThan(0.35);
  });

  it("positiveAmount keeps its mean and variance where the scatter is small", () => {
    const distribution = positiveAmount(1000, 400, 900, 1600, 1e6);
    // Mean by the midpoint rule over the quantiles, variance likewise.
    const points = Array.from({ length: 2000 }, (_, i) => distribution.quantile((i + 0.5) / 2000) - 1000);
    const mean = points.reduce((sum, x) => sum + x, 0) / points.length;
    const variance = points.reduce((sum, x) => sum + (x - mean) ** 2, 0) / points.length;
    expect(mean / 400).toBeCloseTo(1, 1);
    expect(variance / 2500).toBeCloseTo(1, 1);
    // Skewed upwards: the upper tail is longer than the lower.
    expect(distribution.quantile(0.99) - distribution.quantile(0.5)).toBeGreaterThan(distribution.quantile(0.5) - distribution.quantile(0.01));
  });

  it("central bounds are the quantiles either side, and one beyond the largest number says what to do", () => {
    const distribution = positiveAmount(3500, 1200, 40_000, 1500, 10);
    expect(centralBounds(distribution, 0.8)).toEqual({ lower: distribution.quantile(0.1), upper: distribution.quantile(0.9) });
    const endless = { quantile: (p: number) => (p > 0.5 ? Infinity : 1), atLeast: () => 1 };
    expect(() => centralBounds(endless, 0.8)).toThrow(/nearer the counts, or ask for a lower confidence/);
  });

  it("a mixture's chances are the weighted chances, and its quantiles invert them", () => {
    const parts = [
      { weight: 0.7, distribution: positiveAmount(100, 20, 10, 20, 12) },
      { weight: 0.3, distribution: positiveAmount(100, 40, 50, 40, 12) },
    ];
    const mixed = mixture(parts);
    for (const target of [105, 120, 140, 170]) {
      expect(mixed.atLeast(target)).toBeCloseTo(0.7 * parts[0].distribution.atLeast(target) + 0.3 * parts[1].distribution.atLeast(target), 14);
    }
    for (const p of PROBABILITIES) expect(mixed.atLeast(mixed.quantile(p))).toBeCloseTo(1 - p, 9);
    expect(mixture([{ weight: 1, distribution: knownCount(7) }]).quantile(0.3)).toBe(7);
  });

  it("a mixture's quantile at a count where a part piles up is that count, not a hair above it", () => {
    // Half the chance at 100 (no new adopters), half spread above it: P(count ≥ 100) = 1, and
    // just above 100 it drops to 0.5, so every quantile below 1/2 is 100 itself.
    const mixed = mixture([
      { weight: 0.5, distribution: knownCount(100) },
      { weight: 0.5, distribution: positiveAmount(100, 20, 10, 20, 12) },
    ]);
    for (const p of [0.025, 0.1, 0.3, 0.49]) expect(mixed.quantile(p)).toBe(100);
    expect(mixed.quantile(0.9)).toBeGreaterThan(100);
  });
});

describe("times far off", () => {
  it("take a bounded time and give the saturated curve's distribution", () => {
    const forecaster = countForecaster(fitDiffusion(LOGISTIC_MODEL, MONTHS, GPS));
    const near = forecaster.distribution(1000).quantile(0.9);
    for (const time of [1e6, 1e15, 1e300]) expect(forecaster.distribution(time).quantile(0.9) / near).toBeCloseTo(1, 2);
  });
});
