/**
 * "Build model" with live CRS functions, as the pane runs it on the fake Excel: at most three
 * round trips, nothing of the user's touched, free names where the model's are taken, and the
 * formulas Excel holds afterwards, computed through the add-in's BUILT functions, give the
 * decision the portable workbook gives for the same default inputs.
 */
import { describe, expect, it, vi } from "vitest";
import { MAX_SYNCS_PER_ACTION, runPlan } from "../../src/taskpane/excelWriter";
import { SPEC_INPUTS, SPEC_OUTPUTS } from "../../src/workbook/model/modelNames";
import { planModel } from "../../src/workbook/modelPlan";
import type { Cell, WorkbookPlan } from "../../src/workbook/plan";
import { computeModel } from "../workbook/modelSheet";
import { FakeExcel, type SheetState, type WorkbookState } from "./fakeExcel";

/** The sheet Excel holds after the action, as a plan of its cells, so the evaluator can compute it. */
function asPlan(state: WorkbookState, sheet: SheetState): WorkbookPlan {
  const ranges = Object.entries(sheet.cells).map(([address, cell]) => {
    const value: Cell = cell.kind === "formula" ? { formula: String(cell.formula) } : cell.value;
    return { address, cells: [[value]] };
  });
  return {
    sheets: [{ name: sheet.name, ranges, tables: [], columnWidths: [], charts: [], freezeRows: 0 }],
    names: state.names.filter((name) => name.sheet === sheet.name),
    activate: sheet.name,
    messages: [],
  };
}

describe("Build model with live CRS functions, on the fake Excel", () => {
  it("writes the model in at most three round trips and computes the portable workbook's decision", async () => {
    const excel = new FakeExcel();
    const sync = vi.spyOn(excel.context, "sync");
    const plan = await runPlan(excel.context, (taken) => planModel(taken, { formulas: "crs" }));
    expect(sync.mock.calls.length).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);
    expect(excel.unknownNames).toEqual([]);

    const sheet = excel.sheet(plan.sheets[0].name);
    const live = computeModel(asPlan(excel.state, sheet));
    const portable = computeModel(planModel({ sheets: [], tables: [], names: [] }, { formulas: "portable" }));
    for (const name of [...SPEC_OUTPUTS, "DateThresholdMet", "ChecksPass"]) {
      const a = live.at(name);
      const b = portable.at(name);
      if (typeof a === "number" && typeof b === "number") expect(Math.abs(a - b), name).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      else expect(a, name).toEqual(b);
    }
    expect(live.at("IncentivePayable")).toBe(0);
    expect(live.at("RegisteredAtDeadline")).toBe(43);
    expect(sheet.validations).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
  });

  it("takes free names beside the user's own, leaving theirs as they were", async () => {
    const taken = [...SPEC_INPUTS, ...SPEC_OUTPUTS].slice(0, 6);
    const excel = new FakeExcel({
      sheets: [{ name: "CRS model", cells: { A1: "My own model", B2: 150 } }],
      names: taken.map((name) => ({ name, sheet: "CRS model", address: "B2" })),
    });
    const before = excel.snapshot();
    const plan = await runPlan(excel.context, (names) => planModel(names, { formulas: "crs" }));
    const after = excel.snapshot();
    expect(after.sheets[0]).toEqual(before.sheets[0]);
    expect(after.names.slice(0, taken.length)).toEqual(before.names);
    expect(plan.sheets[0].name).toBe("CRS model (2)");
    for (const name of taken) expect(plan.names.map((candidate) => candidate.name)).toContain(`${name}_2`);
    expect(plan.messages.some((message) => message.includes("'Threshold' is already used, so 'Threshold_2'"))).toBe(true);
    const live = computeModel(asPlan(excel.state, excel.sheet("CRS model (2)")));
    expect(live.at("IncentivePayable")).toBe(0);
  });
});
