import { describe, expect, it } from "vitest";
import { incompleteBeta, logBeta, logGamma } from "../../src/model/specialFunctions";

describe("special functions", () => {
  it("ln Γ matches factorials and Γ(½) = √π", () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n + 1)).toBeCloseTo(Math.log((factorial *= n)), 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });

  it("ln B is accurate for large arguments", () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    // ln B(5000, ½) to 40 digits (mpmath): −3.68620665278346029… (scipy.special.betaln is 6e-13 off).
    expect(logBeta(5000, 0.5)).toBeCloseTo(-3.68620665278346, 14);
    expect(logBeta(0.5, 5000)).toBe(logBeta(5000, 0.5));
  });

  it("the incomplete beta function has its known values", () => {
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.9, 5, 0.5)).toBeCloseTo(0.3166429150200122, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});
