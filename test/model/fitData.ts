/**
 * Curves with known parameters and deterministic noise, shared by the fit tests, and an
 * assertion on the kind and message of a ModelError.
 */
import { expect } from "vitest";
import type { DiffusionModel } from "../../src/model/diffusion";
import { ModelError } from "../../src/model/errors";

export const TRUE_PARAMETERS: Record<string, [number, number, number]> = {
  bass: [0.01, 0.45, 30000],
  logistic: [30000, 0.3, 15],
  gompertz: [30000, 6, 0.15],
};

/** Deterministic noise in [−1, 1]. */
export const wiggle = (i: number): number => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 78.233) * 0.5;

/** The model's curve at its TRUE_PARAMETERS, each value scaled by 1 + noise·wiggle. */
export function curve(model: DiffusionModel, times: number[], noise = 0): number[] {
  return times.map((t, i) => model.value(t, TRUE_PARAMETERS[model.name]) * (1 + noise * wiggle(i + 1)));
}

export const MONTHS = Array.from({ length: 36 }, (_, i) => i + 1);

/** Asserts that `run` throws a ModelError of the kind, with a message matching. */
export function expectModelError(run: () => unknown, kind: "value" | "num" | "na", message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe(kind);
    expect((error as ModelError).message).toMatch(message);
    return;
  }
  throw new Error("expected a ModelError");
}
