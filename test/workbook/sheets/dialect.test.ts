/**
 * The portable formulas give what the CRS functions give, over the whole domain of each function
 * and not only at the model's inputs: both dialects' formulas are computed by the formula
 * evaluator on the same arbitrary inputs, the CRS calls by the add-in's BUILT functions (as
 * Excel calls them, so an argument in the wrong place fails), and compared to 1e-9.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRS_DIALECT, PORTABLE_DIALECT } from "../../../src/workbook/sheets/dialect";
import type { FormulaDialect } from "../../../src/workbook/sheets/dialect";
import { builtCrsFunctions } from "../formula/crsFunctions";
import { formulaValue } from "../formula/formulaHarness";

type Formula = (dialect: FormulaDialect) => string;

/** The names the inputs are bound to, in order: defined names on cells of an input sheet. */
const INPUT_NAMES = ["in_a", "in_b", "in_c", "in_d", "in_e"] as const;
const [A, B, C, D, E] = INPUT_NAMES;

/**
 * A formula's value with the inputs `values` in cells named in_a, in_b, …, computed by the
 * formula evaluator (a number, or the code of its Excel error).
 */
function valueOf(formula: string, values: readonly number[]): number | string {
  const names = Object.fromEntries(values.map((_, index) => [INPUT_NAMES[index], `${String.fromCharCode(65 + index)}1`]));
  const value = formulaValue(`=${formula}`, { inputs: [values], names, functions: builtCrsFunctions() });
  if (typeof value === "number") return value;
  if (value !== null && typeof value === "object") return value.error;
  throw new Error(`${formula} gives ${JSON.stringify(value)}, not a number or an error.`);
}

/** Asserts both dialects agree on `values`: the same error, or numbers within 1e-9 relative. */
function expectAgreement(formula: Formula, values: readonly number[]): void {
  const expected = valueOf(formula(CRS_DIALECT), values);
  const actual = valueOf(formula(PORTABLE_DIALECT), values);
  const context = `${formula(PORTABLE_DIALECT)} on ${values.join(", ")}`;
  if (typeof expected === "string") {
    expect(actual, context).toBe(expected);
    return;
  }
  expect(typeof actual, context).toBe("number");
  expect(Math.abs((actual as number) - expected), `${context}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const count = fc.integer({ min: 0, max: 100_000 });
const positive = fc.double({ min: 1e-3, max: 1e5, noNaN: true });
const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.3, 0.55, 1));
const serial = fc.integer({ min: 1, max: 80_000 });

describe("the portable dialect agrees with the CRS functions", () => {
  it("GROWTH", () => {
    fc.assert(fc.property(positive, fc.oneof(positive, fc.constant(0)), fc.double({ min: 0.01, max: 120, noNaN: true }), (start, end, n) => {
      expectAgreement((d) => d.growth(A, B, C), [start, end, n]);
    }));
  });

  it("PERIODS", () => {
    fc.assert(fc.property(serial, serial, (start, end) => expectAgreement((d) => d.periods(A, B), [start, end])));
  });

  it("SHORTFALL, exact at the threshold despite binary fractions", () => {
    fc.assert(fc.property(count, fc.integer({ min: 1, max: 100_000 }), share, (registered, total, threshold) => {
      expectAgreement((d) => d.shortfall(A, B, C), [registered, total, threshold]);
    }));
    expectAgreement((d) => d.shortfall(A, B, C), [55, 100, 0.55]);
    expectAgreement((d) => d.shortfall(A, B, C), [45, 150, 0.3]);
    expectAgreement((d) => d.shortfall(A, B, C), [2, 10, 0.3]);
  });

  it("the whole GPs a share takes: 30% of 10 is 3, not 4", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), share, (total, threshold) => {
      expectAgreement((d) => d.wholeShare(B, A), [total, threshold]);
    }));
    expect(valueOf(PORTABLE_DIALECT.wholeShare(B, A), [10, 0.3])).toBe(3);
    expect(valueOf(PORTABLE_DIALECT.wholeShare(B, A), [150, 0.3])).toBe(45);
  });

  it("INCENTIVE, the portable one reading the shortfall's cell", () => {
    const incentive = (d: FormulaDialect): string => d.incentive(A, B, C, D, E, d.shortfall(B, C, D));
    fc.assert(fc.property(count, count, fc.integer({ min: 1, max: 100_000 }), share, fc.integer({ min: 0, max: 10_000 }), (practices, registered, total, threshold, payment) => {
      expectAgreement(incentive, [practices, registered, total, threshold, payment]);
    }));
    expectAgreement(incentive, [40, 45, 150, 0.3, 6_000]);
    expectAgreement(incentive, [40, 44, 150, 0.3, 6_000]);
    expectAgreement(incentive, [40, 3, 10, 0.3, 6_000]);
    expect(PORTABLE_DIALECT.incentive(A, B, C, D, E, "ShortfallAtDeadline")).toBe(`IF(ShortfallAtDeadline=0,${A}*${E},0)`);
  });

  it("computes the CRS formulas with the built functions, so arguments in the wrong order are caught", () => {
    const swapped: FormulaDialect = { ...CRS_DIALECT, shortfall: (registered, total, threshold) => CRS_DIALECT.shortfall(total, registered, threshold) };
    const inputs = [43, 150, 0.3];
    expect(valueOf(CRS_DIALECT.shortfall(A, B, C), inputs)).toBe(2);
    expect(valueOf(swapped.shortfall(A, B, C), inputs)).not.toBe(valueOf(PORTABLE_DIALECT.shortfall(A, B, C), inputs));
  });

  it("keeps operator precedence when arguments are expressions", () => {
    expect(PORTABLE_DIALECT.growth("a+b", "c", "d-a")).toBe("POWER(c/(a+b),1/(d-a))-1");
    expectAgreement((d) => d.growth(`${A}+${B}`, C, `${D}-${A}`), [1, 2, 9, 5]);
    expectAgreement((d) => d.shortfall(`${A}-${B}`, `${C}*2`, D), [50, 10, 75, 0.3]);
  });

  it("carries no domain test of its own: the model's Checks say which input is wrong", () => {
    for (const formula of [PORTABLE_DIALECT.growth(A, B, C), PORTABLE_DIALECT.shortfall(A, B, C), PORTABLE_DIALECT.wholeShare(A, B)]) {
      expect(formula).not.toMatch(/LN\(0\)|IF\(OR/);
    }
  });
});
