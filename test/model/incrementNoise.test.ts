import { describe, expect, it } from "vitest";
import { ScatterRegression } from "../../src/model/incrementNoise";

describe("ScatterRegression: e² ≈ φ·x1 + κ·x2 with φ, κ ≥ 0", () => {
  const fit = (rows: readonly (readonly [number, number, number])[]) => {
    const regression = new ScatterRegression();
    for (const [x1, x2, squared] of rows) regression.add(x1, x2, squared, 1);
    return regression.solve();
  };

  it("solves the normal equations where both coefficients come out positive", () => {
    const result = fit([[1, 1, 2], [2, 4, 6], [3, 9, 12]]);
    expect(result!.phi).toBeCloseTo(1, 12);
    expect(result!.kappa).toBeCloseTo(1, 12);
  });

  it("fits φ alone where κ would be negative, and κ alone where φ would be", () => {
    // e² = 2·x1 − 0.1·x2 exactly: κ < 0, so φ = Σx1e²/Σx1².
    const noExcess = fit([[1, 1, 1.9], [2, 4, 3.6], [3, 9, 5.1]]);
    expect(noExcess!.kappa).toBe(0);
    expect(noExcess!.phi).toBeCloseTo((1.9 + 7.2 + 15.3) / 14, 12);
    // e² = −0.1·x1 + 2·x2: φ < 0, so κ = Σx2e²/Σx2².
    const noPoisson = fit([[1, 1, 1.9], [2, 4, 7.8], [3, 9, 17.7]]);
    expect(noPoisson!.phi).toBe(0);
    expect(noPoisson!.kappa).toBeCloseTo((1.9 + 31.2 + 159.3) / 98, 12);
  });

  it("gives null where there is nothing to fit", () => {
    expect(fit([])).toBeNull();
  });
});
