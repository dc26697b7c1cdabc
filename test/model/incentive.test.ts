import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incentive } from "../../src/model/incentive";
import { shortfall } from "../../src/model/threshold";

describe("incentive", () => {
  it("pays 40 practices × £6,000 = £240,000 when 45 of 150 GPs (exactly 30%) are registered", () => {
    expect(incentive(40, 45, 150)).toBe(240_000);
  });

  it("pays nothing one GP short of 30%", () => {
    expect(incentive(40, 44, 150)).toBe(0);
  });

  it("takes another threshold and payment", () => {
    expect(incentive(40, 75, 150, 0.5)).toBe(240_000);
    expect(incentive(40, 74, 150, 0.5)).toBe(0);
    expect(incentive(40, 45, 150, 0.3, 5_000)).toBe(200_000);
    expect(incentive(0, 45, 150)).toBe(0);
  });

  it("rejects practices < 0, payment < 0 and the threshold test's domain errors as #NUM!", () => {
    expect(() => incentive(-1, 45, 150)).toThrow(/practices/);
    expect(() => incentive(40, 45, 150, 0.3, -6_000)).toThrow(/payment/);
    expect(() => incentive(40, -45, 150)).toThrow(/registered/);
    expect(() => incentive(40, 45, 0)).toThrow(/total/);
    expect(() => incentive(40, 45, 150, 2)).toThrow(/threshold/);
  });

  it("gives #NUM! when the payment overflows", () => {
    expect(() => incentive(1e305, 45, 150, 0.3, 1e5)).toThrow(/too large/);
  });

  it("pays exactly when the shortfall is 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (practices, registered, total, threshold) => {
          const paid = incentive(practices, registered, total, threshold);
          expect(paid).toBe(shortfall(registered, total, threshold) === 0 ? practices * 6_000 : 0);
        },
      ),
    );
  });
});
