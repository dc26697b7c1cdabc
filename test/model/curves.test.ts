import { describe, expect, it } from "vitest";
import { bassCurve, logisticCurve } from "../../src/model/curves";

describe("logisticCurve", () => {
  it("is half the ceiling of 35,000 GPs at the midpoint", () => {
    expect(logisticCurve(2, 35_000, 0.8, 2)).toBe(17_500);
  });

  it("follows ceiling / (1 + e^(−rate·(t − midpoint)))", () => {
    expect(logisticCurve(5, 35_000, 0.8, 2)).toBeCloseTo(35_000 / (1 + Math.exp(-0.8 * 3)), 9);
    expect(logisticCurve(1e6, 35_000, 0.8, 2)).toBe(35_000);
    expect(logisticCurve(-1e6, 35_000, 0.8, 2)).toBe(0);
    expect(logisticCurve(5, 35_000, -0.8, 2)).toBeCloseTo(35_000 / (1 + Math.exp(2.4)), 9);
  });

  it("rejects a ceiling ≤ 0 as #NUM!", () => {
    expect(() => logisticCurve(2, 0, 0.8, 2)).toThrow(/ceiling must be greater than 0/);
    expect(() => logisticCurve(2, -1, 0.8, 2)).toThrow(/ceiling/);
  });

  it("gives #NUM! where the curve is undefined in doubles (0 · ∞)", () => {
    expect(() => logisticCurve(1e308, 35_000, 0, -1e308)).toThrow(/undefined/);
  });
});

describe("bassCurve", () => {
  it("gives 16,091 of 35,000 GPs after 6 months with p = 0.03, q = 0.4", () => {
    const decay = Math.exp(-0.43 * 6);
    expect(bassCurve(6, 0.03, 0.4, 35_000)).toBeCloseTo((35_000 * (1 - decay)) / (1 + (0.4 / 0.03) * decay), 9);
    expect(Math.round(bassCurve(6, 0.03, 0.4, 35_000))).toBe(16_091);
  });

  it("starts at 0, tends to the market, and is pure innovation when q = 0", () => {
    expect(bassCurve(0, 0.03, 0.4, 35_000)).toBe(0);
    expect(bassCurve(1e4, 0.03, 0.4, 35_000)).toBe(35_000);
    expect(bassCurve(6, 0.03, 0, 35_000)).toBeCloseTo(35_000 * (1 - Math.exp(-0.18)), 9);
  });

  it("rejects t < 0, p ≤ 0, q < 0 and m ≤ 0 as #NUM!", () => {
    expect(() => bassCurve(-1, 0.03, 0.4, 35_000)).toThrow(/t must be 0 or more/);
    expect(() => bassCurve(6, 0, 0.4, 35_000)).toThrow(/p must be greater than 0/);
    expect(() => bassCurve(6, 0.03, -0.1, 35_000)).toThrow(/q must be 0 or more/);
    expect(() => bassCurve(6, 0.03, 0.4, 0)).toThrow(/m must be greater than 0/);
  });

  it("gives #NUM! where the curve is undefined in doubles", () => {
    expect(() => bassCurve(0, 1e308, 1e308, 1)).toThrow(/undefined/);
  });
});
