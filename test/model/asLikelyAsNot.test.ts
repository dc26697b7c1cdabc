/**
 * REACH's time, `timeAsLikelyAsNot`: the earliest time CHANCE(target, time) reaches 1/2, also for
 * a target at or below the first count of a Bass series, whose forecast is undefined before its
 * launch (t = 0).
 */
import { describe, expect, it } from "vitest";
import { timeAsLikelyAsNot } from "../../src/model/asLikelyAsNot";
import { forecastOf } from "../../src/model/predictive";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8];
const GPS = [3, 8, 16, 30, 50, 72, 90, 105];

/**
 * CHANCE just before REACH's time is below 1/2 and at it at least 1/2 (to the bisection's
 * tolerance); at the launch (0), before which Bass is undefined, there is no time just before.
 */
function expectEarliest(chance: (time: number) => number, reached: number, span: number, launch = -Infinity): void {
  const before = Math.max(launch, reached - 1e-6 * span);
  if (before < reached) expect(chance(before)).toBeLessThan(0.5);
  expect(chance(reached)).toBeGreaterThanOrEqual(0.5 - 0.01);
}

describe("timeAsLikelyAsNot", () => {
  it("finds a Bass target below the first count between the launch and the first count, not at the first count", () => {
    const { forecaster } = forecastOf("bass", MONTHS, GPS, { market: 150 });
    const chance = (time: number): number => forecaster.distribution(time).atLeast(2);
    // The chance by month 0.8 is already far above 1/2, so month 1 is not the earliest time.
    expect(chance(0.8)).toBeGreaterThan(0.9);
    const reached = timeAsLikelyAsNot(forecaster, 2);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(0.8);
    expectEarliest(chance, reached, 7, 0);
  });

  for (const [name, times, counts, market] of [
    ["a Bass series counted from month 3", [3, 4, 5, 6, 7, 8, 9, 10], [5, 9, 15, 24, 36, 50, 63, 74], 120],
    ["a Bass series counted from month 1 with a fitted market", MONTHS, GPS, undefined],
    ["a Bass series counted every half month", [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4], [2, 5, 9, 15, 23, 33, 44, 54], 200],
  ] as const) {
    it(`${name}: CHANCE is below 1/2 just before REACH's time and at least 1/2 at it, for targets at or below the first count`, () => {
      const { forecaster } = forecastOf("bass", times, counts, market === undefined ? {} : { market });
      for (const share of [0.2, 0.5, 0.9, 1]) {
        const target = counts[0] * share;
        const chance = (time: number): number => forecaster.distribution(time).atLeast(target);
        const reached = timeAsLikelyAsNot(forecaster, target);
        expect(reached, `target ${target}`).toBeGreaterThanOrEqual(0);
        expect(reached, `target ${target}`).toBeLessThanOrEqual(times[0]);
        expectEarliest(chance, reached, times[times.length - 1] - times[0], 0);
      }
    });
  }

  it("finds a logistic target below the first count before it, where the curve is defined at any time", () => {
    const { forecaster } = forecastOf("logistic", MONTHS, GPS, { market: 150 });
    const reached = timeAsLikelyAsNot(forecaster, 2);
    expect(reached).toBeLessThan(1);
    expectEarliest((time) => forecaster.distribution(time).atLeast(2), reached, 7);
  });

  it("gives a #NUM! ModelError for a target of 0 or less", () => {
    const { forecaster } = forecastOf("bass", MONTHS, GPS, { market: 150 });
    expect(() => timeAsLikelyAsNot(forecaster, 0)).toThrow(/target must be greater than 0/);
  });
});
