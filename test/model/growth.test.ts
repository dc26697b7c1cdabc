import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/model/errors";
import { compoundGrowthRate } from "../../src/model/growth";
import { project } from "../../src/model/project";

describe("compoundGrowthRate", () => {
  it("gives 73.2% a month for staff registrations trebling from 25,072 to 75,216 in two months", () => {
    expect(compoundGrowthRate(25_072, 75_216, 2)).toBeCloseTo(0.7320508075688772, 15);
  });

  it("gives 200% for trebling in one period, the default", () => {
    expect(compoundGrowthRate(25_072, 75_216)).toBe(2);
  });

  it("gives the monthly growth of GPs registered, 3,500 to 18,981 in 32 days", () => {
    expect(compoundGrowthRate(3_500, 18_981, 32 / 30.4375)).toBeCloseTo(Math.pow(18_981 / 3_500, 30.4375 / 32) - 1, 14);
  });

  it("gives −100% for an end of 0 and 0% for no change", () => {
    expect(compoundGrowthRate(3_500, 0, 2)).toBe(-1);
    expect(compoundGrowthRate(3_500, 3_500, 7)).toBe(0);
  });

  it("rejects start ≤ 0, end < 0 and periods ≤ 0 as #NUM!", () => {
    for (const [start, end, periods, name] of [
      [0, 1, 1, "start"],
      [-1, 1, 1, "start"],
      [1, -1, 1, "end"],
      [1, 1, 0, "periods"],
      [1, 1, -2, "periods"],
    ] as const) {
      expect(() => compoundGrowthRate(start, end, periods)).toThrowError(new ModelError("num", `${name} must be ${name === "end" ? "0 or more" : "greater than 0"}.`));
    }
  });

  it("gives #NUM!, never Infinity, when the rate overflows", () => {
    expect(() => compoundGrowthRate(1e-300, 1e300, 0.001)).toThrow(/too large/);
  });

  it("gives the rate, not −100% or a false overflow, where end / start is beyond a double", () => {
    // (1e600)^(1e-6) − 1 and (1e-600)^(1e-6) − 1: the ratios overflow and underflow, the rates do not.
    expect(compoundGrowthRate(1e-300, 1e300, 1e6)).toBeCloseTo(Math.expm1((600 * Math.LN10) / 1e6), 12);
    expect(compoundGrowthRate(1e300, 1e-300, 1e6)).toBeCloseTo(Math.expm1((-600 * Math.LN10) / 1e6), 12);
  });

  it("gives 0%, not #NUM!, for no change over periods so small that 1 / periods overflows", () => {
    expect(compoundGrowthRate(5, 5, 5e-324)).toBe(0);
    expect(() => compoundGrowthRate(5, 6, 5e-324)).toThrow(/too large/);
  });

  it("is the rate at which PROJECT takes start to end", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (start, end, periods) => {
          const rate = compoundGrowthRate(start, end, periods);
          // A factor 1 + rate near 0 keeps only the digits that survive rate − 1 (cancellation),
          // so the round trip is as good as eps / (1 + rate), compounded over the periods.
          const tolerance = (2e-15 * periods) / Math.min(1, 1 + rate);
          expect(Math.abs(project(start, rate, periods) / end - 1)).toBeLessThanOrEqual(tolerance);
        },
      ),
    );
  });
});
