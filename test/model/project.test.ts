import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { project } from "../../src/model/project";

describe("project without a ceiling (compound growth)", () => {
  it("grows 18,981 GPs at 25% a month for six months to 72,407", () => {
    expect(project(18_981, 0.25, 6)).toBeCloseTo(18_981 * 1.25 ** 6, 9);
    expect(Math.round(project(18_981, 0.25, 6))).toBe(72_407);
  });

  it("takes 25,072 staff to 75,216 in two months at 73.2% a month", () => {
    expect(project(25_072, Math.sqrt(3) - 1, 2)).toBeCloseTo(75_216, 9);
  });

  it("looks back with negative periods, and keeps 0 at 0", () => {
    expect(project(75_216, 2, -1)).toBeCloseTo(25_072, 9);
    expect(project(0, 0.25, 6)).toBe(0);
    expect(project(0, 1e300, 1e300)).toBe(0);
  });

  it("gives #NUM! on overflow, never Infinity", () => {
    expect(() => project(18_981, 0.25, 10_000)).toThrow(/too large/);
  });

  it("gives an ordinary result whose power alone overflows or underflows", () => {
    // 2^1100 and 2^−1100 are beyond a double; 1e-300 · 2^1100 and 1e300 · 2^−1100 are not.
    expect(project(1e-300, 1, 1100) / Math.exp(1100 * Math.LN2 - 300 * Math.LN10)).toBeCloseTo(1, 10);
    expect(project(1e300, 1, -1100) / Math.exp(300 * Math.LN10 - 1100 * Math.LN2)).toBeCloseTo(1, 10);
  });
});

describe("project with a ceiling (logistic growth)", () => {
  const K = 35_000;

  it("saturates 18,981 GPs growing 25% a month at 35,000", () => {
    const expected = K / (1 + (K / 18_981 - 1) * 1.25 ** -6);
    expect(project(18_981, 0.25, 6, K)).toBeCloseTo(expected, 9);
    expect(Math.round(project(18_981, 0.25, 6, K))).toBe(28_659);
    expect(project(18_981, 0.25, 500, K)).toBeCloseTo(K, 9);
  });

  it("starts growing at the compound rate while far below the ceiling", () => {
    const step = project(100, 0.25, 0.001, 1e12) / 100;
    expect(Math.log(step) / 0.001).toBeCloseTo(Math.log(1.25), 6);
  });

  it("stays at 0 from 0 and at the ceiling from the ceiling, and is the current value after 0 periods", () => {
    expect(project(0, 0.25, 6, K)).toBe(0);
    expect(project(K, 0.25, 6, K)).toBe(K);
    expect(project(18_981, 0.25, 0, K)).toBeCloseTo(18_981, 9);
  });

  it("falls back to the ceiling from above it", () => {
    expect(project(50_000, 0.25, 3, K)).toBeCloseTo(K / (1 + (K / 50_000 - 1) * 1.25 ** -3), 9);
  });

  it("gives #NUM! looking back from above the ceiling past the curve's start", () => {
    expect(() => project(50_000, 0.25, -10, K)).toThrow(/no logistic value/);
  });

  it("survives a start far below the ceiling and rates far from 0", () => {
    expect(project(1e-320, 1, 2_000, 1e10)).toBe(1e10);
    expect(project(1e-300, 1e300, 1, 1e300)).toBeGreaterThan(0);
  });
});

describe("project's domain", () => {
  it("rejects current < 0, rate ≤ −1 and ceiling ≤ 0 as #NUM!", () => {
    expect(() => project(-1, 0.25, 6)).toThrow(/current must be 0 or more/);
    expect(() => project(1, -1, 6)).toThrow(/rate must be greater than -1/);
    expect(() => project(1, -2, 6, 10)).toThrow(/rate/);
    expect(() => project(1, 0.25, 6, 0)).toThrow(/ceiling must be greater than 0/);
    expect(() => project(1, 0.25, 6, -5)).toThrow(/ceiling/);
  });

  it("gives a finite number or a ModelError for any finite inputs", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
        (current, rate, periods, ceiling) => {
          try {
            expect(Number.isFinite(project(current, rate, periods, ceiling))).toBe(true);
          } catch (error) {
            expect((error as Error).name).toBe("ModelError");
          }
        },
      ),
      // 2,000 runs, twenty times fast-check's default: a closed form takes microseconds, and the
      // inputs that overflow are rare among four doubles of any size.
      { numRuns: 2_000 },
    );
  });
});
