/**
 * The predictive distribution against references worked out apart from it: scipy's Poisson,
 * negative-binomial and binomial quantiles (test/fixtures/distribution-reference.json, written by
 * scripts/distribution-reference.py), closed forms where the noise vanishes, "auto" when a
 * model drops out of it, and the recent pace carried on worked out in Python from its stated rule.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { timeAsLikelyAsNot } from "../../src/model/asLikelyAsNot";
import { compareModels } from "../../src/model/compare";
import { mixture, positiveAmount } from "../../src/model/countDistribution";
import { LOGISTIC_MODEL } from "../../src/model/diffusion";
import { fitDiffusion, fittedValue } from "../../src/model/fit";
import { countSeries, type IncrementNoise } from "../../src/model/incrementNoise";
import { paceForecaster } from "../../src/model/pace";
import { averagedForecaster, betweenCounts, countForecaster, forecastOf } from "../../src/model/predictive";

interface Reference {
  probabilities: number[];
  poisson: { mean: number; quantiles: number[] }[];
  negativeBinomial: { mean: number; size: number; quantiles: number[] }[];
  binomial: { gained: number; share: number; quantiles: number[] }[];
  pace: { times: number[]; counts: number[]; rows: { time: number; quantiles: number[] }[] }[];
}
const reference = JSON.parse(readFileSync(new URL("../fixtures/distribution-reference.json", import.meta.url), "utf8")) as Reference;
/** Degrees of freedom so many that Student's t is the normal distribution. */
const NORMAL = 1e7;
const BASE = 1000;

describe("the new adopters after the last count, with the curve known", () => {
  // With no uncertainty in the curve, the new adopters are the scatter alone: Poisson or negative
  // binomial counts, whole counts continuity-corrected (mean + ½), on the cube-root scale.
  // The distribution is continuous: its quantile rounded to a whole count is compared.
  it("are Poisson's quantiles, to a count, for Poisson scatter", () => {
    for (const { mean, quantiles } of reference.poisson) {
      const distribution = positiveAmount(BASE, mean + 0.5, 0, mean, NORMAL);
      reference.probabilities.forEach((p, i) => {
        expect(Math.abs(Math.round(distribution.quantile(p) - BASE) - quantiles[i]), `mean ${mean}, p ${p}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("are the negative binomial's quantiles, to a count or a seventh of its standard deviation, for over-dispersed scatter", () => {
    // The cube root makes a gamma-like count nearly normal (Wilson & Hilferty 1931); the most
    // skewed case here (mean 30, size 5: a coefficient of variation of 0.48) is the least exact.
    for (const { mean, size, quantiles } of reference.negativeBinomial) {
      const variance = mean + (mean * mean) / size;
      const distribution = positiveAmount(BASE, mean + 0.5, 0, variance, NORMAL);
      reference.probabilities.forEach((p, i) => {
        const error = Math.abs(Math.round(distribution.quantile(p) - BASE) - quantiles[i]);
        expect(error, `mean ${mean}, size ${size}, p ${p}`).toBeLessThanOrEqual(Math.max(1, Math.sqrt(variance) / 7));
      });
    }
  });
});

describe("the count between two counts", () => {
  // Counts on a logistic curve whose rise between months 6 and 8 is the gain, and Poisson
  // scatter (variance = the expected new adopters): given the gain between two counts, the count
  // at a time between them is the earlier count plus a binomial share of the gain, in the
  // proportion the curve rises by then.
  const poisson: IncrementNoise = { perAdopter: 1, excess: 0, period: 2, variance: (expected) => expected };
  const months = [0, 2, 4, 6, 8, 10, 12];
  const rise = LOGISTIC_MODEL.value(8, [1, 0.5, 6]) - LOGISTIC_MODEL.value(6, [1, 0.5, 6]);

  it("is the binomial split of the gain, to a count", () => {
    for (const { gained, share, quantiles } of reference.binomial) {
      const theta = [gained / rise, 0.5, 6] as const;
      const fit = fitDiffusion(LOGISTIC_MODEL, months, months.map((t) => LOGISTIC_MODEL.value(t, theta)));
      const [low, high] = [fittedValue(fit, 6), fittedValue(fit, 8)];
      // The time between the counts by which the curve has risen `share` of the way.
      let [t0, t1] = [6, 8];
      for (let i = 0; i < 100; i++) {
        const middle = (t0 + t1) / 2;
        if ((fittedValue(fit, middle) - low) / (high - low) < share) t0 = middle;
        else t1 = middle;
      }
      const data = countSeries(fit);
      const distribution = betweenCounts(fit, data, poisson, 4, (t0 + t1) / 2, 0.5, NORMAL);
      reference.probabilities.forEach((p, i) => {
        const count = Math.round(distribution.quantile(p) - data.y[3]);
        expect(Math.abs(count - quantiles[i]), `gain ${gained}, share ${share}, p ${p}`).toBeLessThanOrEqual(1);
      });
      // It never leaves the two counts.
      expect(distribution.quantile(0.0001)).toBeGreaterThanOrEqual(data.y[3]);
      expect(distribution.quantile(0.9999)).toBeLessThanOrEqual(data.y[4]);
    }
  });
});

describe("where the noise vanishes", () => {
  it("counts exactly on a curve give the curve itself: the forecast, both bounds and the fitted curve agree", () => {
    const theta = [500, 0.6, 9] as const;
    const months = Array.from({ length: 10 }, (_, i) => i + 1);
    const counts = months.map((t) => LOGISTIC_MODEL.value(t, theta));
    const { forecaster } = forecastOf("logistic", months, counts);
    for (const t of [10.5, 12, 15]) {
      const distribution = forecaster.distribution(t);
      const closedForm = 500 / (1 + Math.exp(-0.6 * (t - 9)));
      for (const p of [0.1, 0.5, 0.9]) expect(distribution.quantile(p)).toBeCloseTo(closedForm, 4);
      expect(forecaster.fitted(t)).toBeCloseTo(closedForm, 6);
    }
  });

  it("counts exactly on a curve are as likely as not to reach a target when the curve does: REACH is the closed-form inverse", () => {
    // The logistic curve reaches F of its market at midpoint + ln(F/(1 − F))/rate.
    const months = Array.from({ length: 10 }, (_, i) => i + 1);
    const { forecaster } = forecastOf("logistic", months, months.map((t) => LOGISTIC_MODEL.value(t, [500, 0.6, 9])));
    for (const share of [0.2, 0.6, 0.9]) {
      expect(timeAsLikelyAsNot(forecaster, share * 500)).toBeCloseTo(9 + Math.log(share / (1 - share)) / 0.6, 5);
    }
  });

  it("two points through two parameters put the count on the curve between them", () => {
    const fit = fitDiffusion(LOGISTIC_MODEL, [0, 1.05], [3500, 18981], { market: 35000 });
    const distribution = countForecaster(fit).distribution(0.6);
    expect(distribution.quantile(0.1)).toBeCloseTo(fittedValue(fit, 0.6), 6);
    expect(distribution.quantile(0.9)).toBeCloseTo(fittedValue(fit, 0.6), 6);
  });
});

describe('a model dropping out of "auto"', () => {
  it("leaves the other models' distributions weighted by their Akaike weights, renormalised", () => {
    // With dates as times Bass has no fit, so "auto" mixes the logistic and Gompertz curves only.
    const dates = Array.from({ length: 14 }, (_, i) => 38352 + 30.44 * (i + 1));
    const counts = [3, 6, 11, 19, 31, 47, 66, 85, 102, 116, 126, 133, 138, 141];
    const comparison = compareModels(dates, counts);
    const [bass, logistic, gompertz] = comparison.scores;
    expect(bass.weight).toBe(0);
    const total = logistic.weight + gompertz.weight;
    const byHand = mixture([
      { weight: logistic.weight / total, distribution: countForecaster(logistic.fit!).distribution(dates[13] + 61) },
      { weight: gompertz.weight / total, distribution: countForecaster(gompertz.fit!).distribution(dates[13] + 61) },
    ]);
    const auto = averagedForecaster(comparison).distribution(dates[13] + 61);
    for (const target of [142, 145, 150, 160]) expect(auto.atLeast(target)).toBeCloseTo(byHand.atLeast(target), 12);
  });
});

describe("the recent pace carried on", () => {
  // scripts/distribution-reference.py works the pace out from the rule pace.ts states (the damped
  // pace, its own past errors grown as h^1.15 and widened, Student's t, censored at the last count),
  // at horizons within and far beyond the 12 counts ahead its errors are measured at.
  it("gives the quantiles worked out apart from it, at horizons from 1 to 40 periods", () => {
    for (const { times, counts, rows } of reference.pace) {
      const pace = paceForecaster({ t: times, y: counts });
      for (const { time, quantiles } of rows) {
        const distribution = pace.distribution(time);
        reference.probabilities.forEach((p, i) => {
          expect(distribution.quantile(p), `${counts.length} counts, time ${time}, p ${p}`).toBeCloseTo(quantiles[i], 6);
        });
      }
    }
  });
});
