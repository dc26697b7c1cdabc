/**
 * The portable formulas give what the CRS functions give, over the whole domain of each function
 * and not only at the model's inputs: both dialects' formulas are computed by the formula
 * evaluator on the same arbitrary inputs, the CRS calls by the add-in's BUILT functions (as
 * Excel calls them, so an argument in the wrong place fails), and compared to 1e-9.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRS_DIALECT, PORTABLE_DIALECT, dateAfter } from "../../src/workbook/formulaDialect";
import type { FormulaDialect } from "../../src/workbook/formulaDialect";
import { approxEqual } from "../../src/workbook/formulaValue";
import { builtCrsFunctions } from "./crsFunctions";
import { formulaValue } from "./formulaHarness";

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
// Rates of at least 1e-6 in size, or exactly 0: below that, 1 + rate keeps too few of the
// rate's digits in a spreadsheet's arithmetic (which has no LN1P) for 1e-9, and such a rate
// means no growth in practice.
const rate = fc.oneof(
  fc.double({ min: -0.99, max: 5, noNaN: true }).filter((r) => Math.abs(r) >= 1e-6),
  fc.constantFrom(0, 0.1, 0.25, -0.5),
);
const periods = fc.double({ min: -60, max: 120, noNaN: true });
const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.3, 0.55, 1));
const serial = fc.integer({ min: 1, max: 80_000 });

describe("the portable dialect agrees with the CRS functions", () => {
  it("GROWTH", () => {
    fc.assert(fc.property(positive, fc.oneof(positive, fc.constant(0)), fc.double({ min: 0.01, max: 120, noNaN: true }), (start, end, n) => {
      expectAgreement((d) => d.growth(A, B, C), [start, end, n]);
    }));
  });

  it("PERIODS, and the date a number of periods after another", () => {
    fc.assert(fc.property(serial, serial, (start, end) => {
      expectAgreement((d) => d.periods(A, B), [start, end]);
      const back = valueOf(dateAfter(A, CRS_DIALECT.periods(A, B)), [start, end]);
      expect(back as number).toBeCloseTo(end, 9);
    }));
  });

  it("PROJECT with a ceiling, growing or falling towards it", () => {
    fc.assert(fc.property(fc.oneof(positive, fc.constant(0)), positive, rate, periods, (current, extra, r, n) => {
      const ceiling = current + extra;
      expectAgreement((d) => d.project(A, B, C, D), [current, r, n, ceiling]);
    }));
  });

  it("PERIODSTO with a ceiling, including 0 when there and #N/A when never", () => {
    fc.assert(fc.property(fc.oneof(positive, fc.constant(0)), positive, positive, rate, (current, target, ceiling, r) => {
      // A spreadsheet compares numbers to about 15 significant digits, so a current count and a
      // target that differ only beyond them are already there to Excel, however the function sees them.
      fc.pre(!approxEqual(current, target) && !approxEqual(target, ceiling));
      expectAgreement((d) => d.periodsTo(A, B, C, D), [current, target, r, ceiling]);
    }));
    expectAgreement((d) => d.periodsTo(A, B, C, D), [18_981, 10_500, 0.25, 35_000]);
    expectAgreement((d) => d.periodsTo(A, B, C, D), [30, 45, 0, 150]);
    expectAgreement((d) => d.periodsTo(A, B, C, D), [30, 150, 0.25, 150]);
  });

  it("SHORTFALL, exact at the threshold despite binary fractions", () => {
    fc.assert(fc.property(count, fc.integer({ min: 1, max: 100_000 }), share, (registered, total, threshold) => {
      expectAgreement((d) => d.shortfall(A, B, C), [registered, total, threshold]);
    }));
    expectAgreement((d) => d.shortfall(A, B, C), [55, 100, 0.55]);
    expectAgreement((d) => d.shortfall(A, B, C), [45, 150, 0.3]);
    expectAgreement((d) => d.shortfall(A, B, C), [2, 10, 0.3]);
  });

  it("INCENTIVE", () => {
    fc.assert(fc.property(count, count, fc.integer({ min: 1, max: 100_000 }), share, fc.integer({ min: 0, max: 10_000 }), (practices, registered, total, threshold, payment) => {
      expectAgreement((d) => d.incentive(A, B, C, D, E), [practices, registered, total, threshold, payment]);
    }));
    expectAgreement((d) => d.incentive(A, B, C, D, E), [40, 45, 150, 0.3, 6_000]);
  });

  it("computes the CRS formulas with the built functions, so arguments in the wrong order are caught", () => {
    const swapped: FormulaDialect = { ...CRS_DIALECT, project: (current, rate, periods, ceiling) => CRS_DIALECT.project(rate, current, periods, ceiling) };
    const inputs = [18_981, 0.25, 6, 35_000];
    expect(valueOf(CRS_DIALECT.project(A, B, C, D), inputs)).toBeCloseTo(28_659, 0);
    expect(valueOf(swapped.project(A, B, C, D), inputs)).not.toBeCloseTo(valueOf(PORTABLE_DIALECT.project(A, B, C, D), inputs) as number, 0);
  });

  it("keeps operator precedence when arguments are expressions", () => {
    expect(PORTABLE_DIALECT.growth("a+b", "c", "d-a")).toBe("IF(OR((a+b)<=0,c<0,(d-a)<=0),LN(0),POWER(c/(a+b),1/(d-a))-1)");
    expectAgreement((d) => d.growth(`${A}+${B}`, C, `${D}-${A}`), [1, 2, 9, 5]);
    expectAgreement((d) => d.project(A, B, d.periods(C, D), `${A}*4`), [100, 0.2, 38_565, 38_930]);
  });
});

/**
 * Values at and across the edges of every function's domain (negative, zero, a share above 1,
 * a rate of −100% or less), where the CRS functions give #NUM!: a cleared or mistyped input cell.
 */
const edge = fc.constantFrom(-2, -1, -0.5, 0, 0.3, 1, 1.5, 45, 150);

describe("the portable dialect gives the CRS functions' errors outside their domains", () => {
  it("GROWTH", () => {
    fc.assert(fc.property(edge, edge, edge, (start, end, n) => expectAgreement((d) => d.growth(A, B, C), [start, end, n])));
  });

  it("PROJECT, from at or below the ceiling", () => {
    fc.assert(fc.property(edge, edge, edge, edge, (current, r, n, ceiling) => {
      fc.pre(current <= ceiling);
      expectAgreement((d) => d.project(A, B, C, D), [current, r, n, ceiling]);
    }));
  });

  it("PERIODSTO", () => {
    fc.assert(fc.property(edge, edge, edge, edge, (current, target, r, ceiling) => {
      expectAgreement((d) => d.periodsTo(A, B, C, D), [current, target, r, ceiling]);
    }));
  });

  it("SHORTFALL and INCENTIVE: a PCT with no GPs, or a threshold over 100%, is #NUM!, not a payment", () => {
    fc.assert(fc.property(edge, edge, edge, edge, edge, (practices, registered, total, threshold, payment) => {
      expectAgreement((d) => d.shortfall(A, B, C), [registered, total, threshold]);
      expectAgreement((d) => d.incentive(A, B, C, D, E), [practices, registered, total, threshold, payment]);
    }));
    expect(valueOf(PORTABLE_DIALECT.incentive(A, B, C, D, E), [40, 30, 0, 0.3, 6_000])).toBe("#NUM!");
    expect(valueOf(PORTABLE_DIALECT.shortfall(A, B, C), [30, 150, 30])).toBe("#NUM!");
  });
});
