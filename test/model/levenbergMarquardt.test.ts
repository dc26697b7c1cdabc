import { describe, expect, it } from "vitest";
import { DEFAULT_LM_OPTIONS, type LeastSquaresObjective, hasConverged, levenbergMarquardt } from "../../src/model/levenbergMarquardt";

/** Rosenbrock's problem as least squares: r = (10(u₂ − u₁²), 1 − u₁), minimum 0 at (1, 1). */
const rosenbrock: LeastSquaresObjective = (u, out) => {
  const r1 = 10 * (u[1] - u[0] * u[0]);
  const r2 = 1 - u[0];
  const j = [-20 * u[0], 10, -1, 0];
  out.sse = r1 * r1 + r2 * r2;
  out.jtj[0] = j[0] * j[0] + j[2] * j[2];
  out.jtj[1] = out.jtj[2] = j[0] * j[1] + j[2] * j[3];
  out.jtj[3] = j[1] * j[1] + j[3] * j[3];
  out.jtr[0] = j[0] * r1 + j[2] * r2;
  out.jtr[1] = j[1] * r1 + j[3] * r2;
};

/** r = u − 3 in one coordinate: a straight line the search fits exactly. */
const line: LeastSquaresObjective = (u, out) => {
  const r = u[0] - 3;
  out.sse = r * r;
  out.jtj[0] = 1;
  out.jtr[0] = r;
};

describe("Levenberg–Marquardt", () => {
  it("solves Rosenbrock's least-squares problem", () => {
    // From the classic start (−1.2, 1).
    const result = levenbergMarquardt(rosenbrock, [-1.2, 1]);
    expect(result.stop).toBe("small-step");
    expect(hasConverged(result)).toBe(true);
    expect(result.u[0]).toBeCloseTo(1, 8);
    expect(result.u[1]).toBeCloseTo(1, 8);
    expect(result.iterations).toBeLessThan(100);
  });

  it("says the fit is exact when the SSE is 0, and settles on a small step near it", () => {
    expect(levenbergMarquardt(line, [3])).toMatchObject({ stop: "exact", iterations: 0 });
    const result = levenbergMarquardt(line, [0]);
    expect(result.u[0]).toBeCloseTo(3, 12);
    expect(["small-step", "small-reduction", "small-gradient", "exact"]).toContain(result.stop);
    expect(hasConverged(result)).toBe(true);
  });

  it("says it gave up at the iteration limit", () => {
    const result = levenbergMarquardt(rosenbrock, [-1.2, 1], { ...DEFAULT_LM_OPTIONS, maxIterations: 3 });
    expect(result.stop).toBe("iteration-limit");
    expect(result.iterations).toBe(3);
    expect(hasConverged(result)).toBe(false);
  });

  it("says it gave up when no step lowers the SSE, however strongly damped", () => {
    // A gradient of the wrong sign: every step it suggests goes uphill.
    const uphill: LeastSquaresObjective = (u, out) => {
      line(u, out);
      out.jtr[0] = -out.jtr[0];
    };
    const result = levenbergMarquardt(uphill, [0], { ...DEFAULT_LM_OPTIONS, xtol: 0 });
    expect(result.stop).toBe("no-smaller-step");
    expect(result.u[0]).toBe(0);
    expect(hasConverged(result)).toBe(false);
  });

  it("says the start was undefined when the SSE is not finite there", () => {
    const result = levenbergMarquardt((_, out) => (out.sse = Number.NaN), [1]);
    expect(result.stop).toBe("undefined-start");
    expect(hasConverged(result)).toBe(false);
  });
});
