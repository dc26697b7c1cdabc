import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodsTo } from "../../src/model/periodsTo";
import { project } from "../../src/model/project";

describe("periodsTo", () => {
  it("takes 7.58 months for 3,500 GPs to reach 18,981 at 25% a month", () => {
    expect(periodsTo(3_500, 18_981, 0.25)).toBeCloseTo(Math.log(18_981 / 3_500) / Math.log(1.25), 13);
  });

  it("takes two months for 25,072 staff to treble at 73.2% a month", () => {
    expect(periodsTo(25_072, 75_216, Math.sqrt(3) - 1)).toBeCloseTo(2, 13);
  });

  it("takes longer under a ceiling: 7.27 months to 30,000 of 35,000 GPs from 18,981", () => {
    const expected = Math.log((35_000 / 18_981 - 1) / (35_000 / 30_000 - 1)) / Math.log(1.25);
    expect(periodsTo(18_981, 30_000, 0.25, 35_000)).toBeCloseTo(expected, 13);
    expect(periodsTo(18_981, 30_000, 0.25, 35_000)).toBeGreaterThan(periodsTo(18_981, 30_000, 0.25));
  });

  it("is 0 when the target is already reached, whatever the rate", () => {
    expect(periodsTo(18_981, 3_500, 0.25)).toBe(0);
    expect(periodsTo(18_981, 18_981, -0.5)).toBe(0);
    expect(periodsTo(0, 0, 0)).toBe(0);
    expect(periodsTo(40_000, 30_000, 0.25, 35_000)).toBe(0);
  });

  it("is #N/A when the target is never reached", () => {
    expect(() => periodsTo(3_500, 18_981, 0)).toThrowError(/never reached/);
    expect(() => periodsTo(3_500, 18_981, -0.1)).toThrowError(/never reached/);
    expect(() => periodsTo(0, 18_981, 0.25)).toThrowError(/never reached/);
    expect(() => periodsTo(18_981, 35_000, 0.25, 35_000)).toThrowError(/at or above the ceiling/);
    expect(() => periodsTo(40_000, 50_000, 0.25, 35_000)).toThrowError(/at or above the ceiling/);
    try {
      periodsTo(0, 1, 1);
    } catch (error) {
      expect((error as { kind: string }).kind).toBe("na");
    }
  });

  it("rejects project's domain errors as #NUM!", () => {
    expect(() => periodsTo(-1, 10, 0.25)).toThrow(/current/);
    expect(() => periodsTo(1, 10, -1)).toThrow(/rate/);
    expect(() => periodsTo(1, 10, 0.25, 0)).toThrow(/ceiling/);
  });

  it("keeps its precision for a target just above the current value and for extreme ratios", () => {
    const nearlyOne = 1 + 2 ** -40;
    expect(periodsTo(1, nearlyOne, 0.25) / (Math.log1p(2 ** -40) / Math.log1p(0.25)) - 1).toBeLessThan(1e-15);
    expect(periodsTo(1e-300, 1e300, 1)).toBeCloseTo(600 / Math.log10(2), 9);
  });

  it("gives #NUM! when the number of periods is too large for a double", () => {
    expect(() => periodsTo(1, 2, 5e-324)).toThrow(/too large/);
  });

  it("inverts project without a ceiling", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (current, rate, periods) => {
          const target = project(current, rate, periods);
          const back = periodsTo(current, target, rate);
          expect(Math.abs(project(current, rate, back) / target - 1)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it("inverts project with a ceiling", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (current, headroom, rate, periods) => {
          const ceiling = current * headroom;
          const target = project(current, rate, periods, ceiling);
          fc.pre(target < ceiling);
          const back = periodsTo(current, target, rate, ceiling);
          expect(Math.abs(project(current, rate, back, ceiling) / target - 1)).toBeLessThan(1e-12);
          // The periods themselves come back wherever they are well defined: away from the
          // start, where they are 0, and from the ceiling, where a tiny change in value is many periods.
          if (target > current * 1.001 && target < ceiling * 0.999) expect(Math.abs(back - periods)).toBeLessThan(1e-6 * periods);
        },
      ),
    );
  });
});
