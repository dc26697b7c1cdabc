/**
 * `computeFormulaValues` over whole plans: every formula cell of every sheet, in dependency
 * order whatever the order of the cells, across sheets and through defined names; circular
 * references named cell by cell; long chains without exhausting the stack; functions plugged in.
 */
import { describe, expect, it } from "vitest";
import { MAX_SERIES_POINTS } from "../../../src/data/series";
import type { FormulaFunction } from "../../../src/workbook/formula/evaluate";
import { FormulaCycleError, cellKey, computeFormulaValues } from "../../../src/workbook/formula/recalc";
import { UnsupportedFormulaError, errorValue, isArrayValue, numberValue } from "../../../src/workbook/formula/values";
import type { Cell, NamePlan, WorkbookPlan } from "../../../src/workbook/plan/plan";
import { planPortableWorkbook } from "../../../src/workbook/sheets/portable";
import { sheetOf } from "./formulaHarness";

const f = (formula: string): Cell => ({ formula });

function planOf(sheets: Record<string, readonly (readonly Cell[])[]>, names: NamePlan[] = []): WorkbookPlan {
  return { sheets: Object.entries(sheets).map(([name, cells]) => sheetOf(name, "A1", cells)), names, activate: null, messages: [] };
}

describe("computeFormulaValues", () => {
  it("computes every formula after the cells it needs, on any sheet and through names, in any order", () => {
    const plan = planOf(
      {
        "CRS model": [[f("=B1*2"), f("=Inputs!A2+Growth"), f("='CRS model'!A1+1")]],
        Inputs: [[0.25], [f("=Growth*100")]],
      },
      [{ name: "Growth", sheet: "Inputs", address: "A1", comment: "" }],
    );
    const values = computeFormulaValues(plan);
    expect(values.get(cellKey("Inputs", "A2"))).toBe(25);
    expect(values.get(cellKey("CRS model", "B1"))).toBe(25.25);
    expect(values.get(cellKey("CRS model", "A1"))).toBe(50.5);
    expect(values.get(cellKey("CRS model", "C1"))).toBe(51.5);
    expect(values.size).toBe(4);
  });

  it("reads a later range of the plan over an earlier one on the same cells, as the writers do", () => {
    const plan: WorkbookPlan = {
      sheets: [{ ...sheetOf("S", "A1", [[1, 2]]), ranges: [{ address: "A1", cells: [[1, 2]] }, { address: "B1", cells: [[f("=A1+10")]] }] }],
      names: [],
      activate: null,
      messages: [],
    };
    expect([...computeFormulaValues(plan)]).toEqual([[cellKey("S", "B1"), 11]]);
  });

  it("names the cells of a circular reference, directly, through a name or through a range", () => {
    expect(() => computeFormulaValues(planOf({ S: [[f("=A1+1")]] }))).toThrow(new FormulaCycleError(["S!A1"]));
    expect(() => computeFormulaValues(planOf({ S: [[f("=B1"), f("=C1"), f("=A1")]] }))).toThrow(/S!A1 → S!B1 → S!C1 → S!A1/);
    const named = planOf({ S: [[f("=Total*2"), f("=A1")]] }, [{ name: "Total", sheet: "S", address: "B1", comment: "" }]);
    expect(() => computeFormulaValues(named)).toThrow(FormulaCycleError);
    expect(() => computeFormulaValues(planOf({ S: [[1], [2], [f("=SUM(A1:A3)")]] }))).toThrow(/Circular reference: S!A3 → S!A3/);
    expect(() => computeFormulaValues(planOf({ S: [[f("=IF(TRUE,1,A1)")]] }))).toThrow(FormulaCycleError);
  });

  // As long as the longest series the add-in reads, and deeper than a recursive walk could go.
  it(`computes a chain of ${MAX_SERIES_POINTS.toLocaleString("en-GB")} rows, each on the one above, without exhausting the stack`, () => {
    const rows: Cell[][] = [[1], ...Array.from({ length: MAX_SERIES_POINTS - 1 }, (_, i) => [f(`=A${i + 1}+1`)])];
    expect(computeFormulaValues(planOf({ Long: rows })).get(cellKey("Long", `A${MAX_SERIES_POINTS}`))).toBe(MAX_SERIES_POINTS);
  });

  it("says which cell holds a formula it cannot compute, and refuses a sheet the plan does not write", () => {
    expect(() => computeFormulaValues(planOf({ S: [[1, f("=FOO(A1)")]] }))).toThrow(/^S!B1 =FOO\(A1\): The function FOO/);
    expect(() => computeFormulaValues(planOf({ S: [[f("=Elsewhere!A1")]] }))).toThrow(UnsupportedFormulaError);
    expect(() => computeFormulaValues(planOf({ S: [[f("=Elsewhere!A1")]] }))).toThrow(/'Elsewhere'/);
  });

  it("takes further functions, given a reference as an array and a typed value as it is, and lets them replace Excel's", () => {
    const calls: unknown[] = [];
    const double: FormulaFunction = (args) => {
      calls.push(args);
      const [x] = args;
      return 2 * numberValue(isArrayValue(x) ? x[0][0] : x);
    };
    const plan = planOf({ S: [[3, f("=CRS.DOUBLE(A1)"), f("=crs.double(4)+ABS(-1)")]] });
    const values = computeFormulaValues(plan, { functions: new Map([["CRS.DOUBLE", double], ["ABS", () => errorValue("#N/A")]]) });
    expect(values.get(cellKey("S", "B1"))).toBe(6);
    expect(values.get(cellKey("S", "C1"))).toEqual(errorValue("#N/A"));
    expect(calls).toEqual([[[[3]]], [4]]);
  });

  it("computes the portable workbook: the PCT's shortfall, the threshold in GPs, errors only in the chart's gaps", () => {
    const plan = planPortableWorkbook();
    const values = computeFormulaValues(plan);
    const at = (name: string): unknown => {
      const found = plan.names.find((candidate) => candidate.name === name)!;
      return values.get(cellKey(found.sheet, found.address));
    };
    expect(at("ShortfallAtDeadline")).toBe(2);
    expect(at("ThresholdGPs")).toBe(45);
    expect(at("IncentivePayable")).toBe(0);
    const errors = [...values.values()].filter((value) => value !== null && typeof value === "object");
    expect(new Set(errors.map((error) => JSON.stringify(error)))).toEqual(new Set([JSON.stringify(errorValue("#N/A"))]));
  });
});
