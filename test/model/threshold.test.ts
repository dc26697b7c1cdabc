import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shortfall, thresholdMet } from "../../src/model/threshold";

describe("shortfall", () => {
  it("needs 1 more of 10 GPs to reach 30%", () => {
    expect(shortfall(2, 10)).toBe(1);
  });

  it("counts a share exactly at the threshold as reached despite binary rounding", () => {
    expect(shortfall(3, 10)).toBe(0);
    expect(shortfall(45, 150)).toBe(0);
    expect(0.55 * 100).toBe(55.00000000000001);
    expect(shortfall(55, 100, 0.55)).toBe(0);
    // A threshold worked out in a cell, such as =10%*3, is 0.30000000000000004.
    expect(0.1 * 3 * 10).toBe(3.0000000000000004);
    expect(shortfall(3, 10, 0.1 * 3)).toBe(0);
  });

  it("counts whole registrations, rounding any part up", () => {
    expect(shortfall(44, 150)).toBe(1);
    expect(shortfall(0, 150)).toBe(45);
    expect(shortfall(0, 151)).toBe(46);
    expect(shortfall(44.5, 150)).toBe(1);
    expect(shortfall(3_500, 35_000)).toBe(7_000);
  });

  it("is 0, never −0, once the threshold is passed", () => {
    expect(Object.is(shortfall(9, 10), 0)).toBe(true);
    expect(Object.is(shortfall(3.0000000001, 10), 0)).toBe(true);
  });

  it("forgives differences below 9 decimals but not above", () => {
    expect(shortfall(3 - 4e-10, 10)).toBe(0);
    expect(shortfall(3 - 6e-10, 10)).toBe(1);
    expect(shortfall(3 - 1e-8, 10)).toBe(1);
  });

  it("takes any threshold from 0 to 1", () => {
    expect(shortfall(0, 10, 0)).toBe(0);
    expect(shortfall(9, 10, 1)).toBe(1);
    expect(shortfall(5, 10, 0.5)).toBe(0);
  });

  it("rejects registered < 0, total ≤ 0 and a threshold outside [0, 1] as #NUM!", () => {
    expect(() => shortfall(-1, 10)).toThrow(/registered must be 0 or more/);
    expect(() => shortfall(1, 0)).toThrow(/total must be greater than 0/);
    expect(() => shortfall(1, 10, -0.1)).toThrow(/threshold/);
    expect(() => shortfall(1, 10, 1.1)).toThrow(/threshold/);
  });

  it("stays exact for large totals", () => {
    expect(shortfall(0, 1e15, 1)).toBe(1e15);
    expect(shortfall(1e15 - 1, 1e15, 1)).toBe(1);
    expect(shortfall(12_345_677, 12_345_678, 1)).toBe(1);
  });

  it("is the smallest whole number of registrations that meets the threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100 }), (registered, total, percent) => {
        const threshold = percent / 100;
        const needed = shortfall(registered, total, threshold);
        expect(Number.isInteger(needed) && needed >= 0).toBe(true);
        expect(thresholdMet(registered + needed, total, threshold)).toBe(true);
        // Exact integer arithmetic: (registered + needed)·100 ≥ percent·total, and one fewer is not enough.
        expect((registered + needed) * 100).toBeGreaterThanOrEqual(percent * total);
        if (needed > 0) expect((registered + needed - 1) * 100).toBeLessThan(percent * total);
      }),
    );
  });
});

describe("thresholdMet", () => {
  it("is met exactly when the shortfall is 0", () => {
    expect(thresholdMet(45, 150)).toBe(true);
    expect(thresholdMet(44, 150)).toBe(false);
    expect(thresholdMet(3, 10)).toBe(true);
    expect(thresholdMet(2, 10)).toBe(false);
  });
});
