/**
 * One forecast, one story, on every real series the project ships: the forecast (the median)
 * lies between its bounds on every row, and CHANCE at REACH's time is 1/2. The real-series corpus
 * (bench/realSeries) is forecast from half of each series, the shipped example series and the
 * README's worked example from all of their counts, over the rest of the series or a year ahead.
 */
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../bench/realSeries/corpus";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import { timeAsLikelyAsNot } from "../../src/model/asLikelyAsNot";
import { centralBounds } from "../../src/model/countDistribution";
import { forecastOf } from "../../src/model/predictive";
import { isoToExcelSerial } from "../../src/data/dates";
import type { IsoDate } from "../../src/data/types";
import { PCT_ROWS, REAL_SERIES } from "../workbook/sheets/forecast/forecastFixtures";

interface Case {
  readonly name: string;
  readonly times: readonly number[];
  readonly counts: readonly number[];
  /** The times to forecast at. */
  readonly ahead: readonly number[];
  readonly market?: number;
}

function cases(): Case[] {
  // Years since the year before the first count, as the benchmark gives them (so Bass can be fitted).
  const corpus = readCorpus().map((series): Case => {
    const half = Math.round(series.times.length / 2);
    const times = series.times.map((time) => time - series.times[0] + 1);
    return { name: series.name, times: times.slice(0, half), counts: series.counts.slice(0, half), ahead: times.slice(half - 2) };
  });
  const shipped = REAL_SERIES.map(({ file, text }): Case => {
    const { times, counts } = readSeriesCsv(text);
    const last = times[times.length - 1];
    return { name: file, times, counts, ahead: [times[0], times[times.length >> 1], last, ...Array.from({ length: 12 }, (_, i) => last + 30.44 * (i + 1))] };
  });
  const pct = PCT_ROWS.map(([date]) => isoToExcelSerial(date as IsoDate));
  const ahead = [pct[3] + 10, isoToExcelSerial("2005-06-30"), isoToExcelSerial("2005-12-31")];
  const example = { name: "the README's worked example", times: pct, counts: PCT_ROWS.map(([, count]) => count), ahead, market: 150 };
  return [...corpus, ...shipped, example];
}

describe("one forecast, one story", () => {
  for (const one of cases()) {
    it(`${one.name}: the forecast lies between its bounds on every row, and CHANCE at REACH's time is 1/2`, () => {
      const { forecaster } = forecastOf("auto", one.times, one.counts, one.market === undefined ? {} : { market: one.market });
      const wrong: string[] = [];
      for (const time of one.ahead) {
        const distribution = forecaster.distribution(time);
        const forecast = distribution.quantile(0.5);
        for (const confidence of [0.8, 0.95]) {
          const { lower, upper } = centralBounds(distribution, confidence);
          if (!(lower <= forecast && forecast <= upper)) wrong.push(`at ${time}, ${confidence}: ${lower} ≤ ${forecast} ≤ ${upper} fails`);
        }
      }
      expect(wrong).toEqual([]);
      // A target a little above the last count (which a forecast levelling off below it never
      // makes as likely as not), and one the counts passed.
      const last = one.counts[one.counts.length - 1];
      const span = one.times[one.times.length - 1] - one.times[0];
      for (const target of [last * 1.02 + 0.5, (one.counts[0] + last) / 2]) {
        let reached: number;
        try {
          reached = timeAsLikelyAsNot(forecaster, target);
        } catch (error) {
          expect(String(error)).toMatch(/never makes .* as likely as not/);
          expect(forecaster.distribution(one.times[one.times.length - 1] + 100 * span).atLeast(target)).toBeLessThan(0.5);
          continue;
        }
        const at = forecaster.distribution(reached).atLeast(target);
        const before = forecaster.distribution(reached - 1e-6 * span).atLeast(target);
        expect(before, `target ${target}: just before REACH's time`).toBeLessThan(0.5);
        expect(at, `target ${target}: at REACH's time`).toBeGreaterThanOrEqual(0.5);
        // Where the chance rises continuously through 1/2 (no count known exactly there), it is 1/2.
        if (at - before < 0.02) expect(at, `target ${target}`).toBeLessThanOrEqual(0.51);
      }
    });
  }

  it("REACH for Bass, on a target at or below the first count, is the earliest time CHANCE reaches 1/2, before the first count", () => {
    const months = [1, 2, 3, 4, 5, 6, 7, 8];
    const gps = [3, 8, 16, 30, 50, 72, 90, 105];
    const { forecaster } = forecastOf("bass", months, gps, { market: 150 });
    for (const target of [2, gps[0]]) {
      const reached = timeAsLikelyAsNot(forecaster, target);
      expect(reached, `target ${target}`).toBeLessThan(months[0]);
      expect(forecaster.distribution(Math.max(0, reached - 1e-6)).atLeast(target), `target ${target}: just before REACH's time`).toBeLessThan(0.5);
      expect(forecaster.distribution(reached).atLeast(target), `target ${target}: at REACH's time`).toBeGreaterThanOrEqual(0.5);
    }
  });
});
