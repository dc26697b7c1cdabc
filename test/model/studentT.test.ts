import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/model/errors";
import { studentTDensity, studentTQuantile, studentTUpperTail } from "../../src/model/studentT";
import { loadReference } from "./scipyReference";

describe("Student's t distribution", () => {
  const { studentT } = loadReference();

  it(`quantiles agree with scipy.stats.t.ppf to 1e-11 (${studentT.length} values)`, () => {
    expect(studentT.length).toBeGreaterThanOrEqual(150);
    for (const { dof, probability, quantile } of studentT) {
      const mine = studentTQuantile(probability, dof);
      const error = quantile === 0 ? Math.abs(mine) : Math.abs(mine / quantile - 1);
      expect(error, `t.ppf(${probability}, ${dof})`).toBeLessThan(1e-11);
    }
  });

  it("has the textbook two-sided 95% values", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 12);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749462, 12);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 12);
    expect(studentTQuantile(0.975, 117)).toBeCloseTo(1.9804475986834025, 12);
  });

  it("is symmetric and inverts the distribution", () => {
    for (const dof of [1.5, 3, 8, 25, 400]) {
      for (const p of [0.001, 0.05, 0.3, 0.7, 0.95, 0.999]) {
        const t = studentTQuantile(p, dof);
        expect(studentTQuantile(1 - p, dof)).toBeCloseTo(-t, 10);
        const upper = studentTUpperTail(t, dof);
        expect(upper).toBeCloseTo(1 - p, 12);
      }
    }
  });

  it("its density integrates to its tail", () => {
    // Simpson's rule of the density from 1 to 3 against the difference of tails.
    for (const dof of [3, 30]) {
      const steps = 200;
      const h = 2 / steps;
      let sum = studentTDensity(1, dof) + studentTDensity(3, dof);
      for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * studentTDensity(1 + i * h, dof);
      expect((sum * h) / 3).toBeCloseTo(studentTUpperTail(1, dof) - studentTUpperTail(3, dof), 10);
    }
  });

  it("rejects probabilities outside (0, 1) and degrees of freedom ≤ 0", () => {
    for (const [p, dof] of [[0, 5], [1, 5], [NaN, 5], [0.5, 0], [0.9, -1], [0.9, NaN]]) {
      expect(() => studentTQuantile(p, dof)).toThrow(ModelError);
    }
  });
});
