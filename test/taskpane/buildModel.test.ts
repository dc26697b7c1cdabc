/**
 * "Build model" with live CRS functions, as the pane runs it on the fake Excel: both sheets (the
 * model and its timeline, which the model's chart draws) in at most three round trips, nothing of
 * the user's touched, free names where the model's are taken, and the formulas Excel holds
 * afterwards, computed through the add-in's BUILT functions, give the decision the portable
 * workbook gives for the same default inputs.
 */
import { describe, expect, it, vi } from "vitest";
import { MAX_SYNCS_PER_ACTION, runPlan } from "../../src/taskpane/officeWriter";
import { SPEC_INPUTS, SPEC_OUTPUTS } from "../../src/workbook/sheets/pctModel/modelNames";
import { planModel } from "../../src/workbook/sheets/pctModel";
import type { Cell, WorkbookPlan } from "../../src/workbook/plan/plan";
import { computeModel } from "../workbook/sheets/pctModel/modelSheet";
import { FakeExcel, type SheetState, type WorkbookState } from "./fakeExcel";

/** The sheets Excel holds after the action, the model's first, as a plan of their cells, so the evaluator can compute them. */
function asPlan(state: WorkbookState, sheets: readonly SheetState[]): WorkbookPlan {
  const cellsOf = (sheet: SheetState) =>
    Object.entries(sheet.cells).map(([address, cell]) => {
      const value: Cell = cell.kind === "formula" ? { formula: String(cell.formula) } : cell.value;
      return { address, cells: [[value]] };
    });
  const names = new Set(sheets.map((sheet) => sheet.name));
  return {
    sheets: sheets.map((sheet) => ({ name: sheet.name, ranges: cellsOf(sheet), tables: [], columnWidths: [], charts: [], freezeRows: 0 })),
    names: state.names.filter((name) => names.has(name.sheet)),
    activate: sheets[0].name,
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

    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(["CRS model", "CRS model timeline"]);
    const [sheet, timeline] = plan.sheets.map((planned) => excel.sheet(planned.name));
    const live = computeModel(asPlan(excel.state, [sheet, timeline]));
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
    // The chart on the model sheet draws the timeline sheet's rows; the timeline has no chart of its own.
    const dataSheet = "'CRS model timeline'!";
    expect(sheet.charts[0].series.every((series) => series.values.startsWith(dataSheet) && series.categories?.startsWith(dataSheet))).toBe(true);
    expect(timeline.charts).toEqual([]);
    expect(Object.values(timeline.cells).filter((cell) => cell.kind === "formula").length).toBeGreaterThan(10 * 36);
    expect(excel.state.active).toBe("CRS model");
  });

  it("takes free sheet and defined names beside the user's own, leaving theirs as they were", async () => {
    const taken = [...SPEC_INPUTS, ...SPEC_OUTPUTS].slice(0, 6);
    const excel = new FakeExcel({
      sheets: [
        { name: "CRS model", cells: { A1: "My own model", B2: 150 } },
        { name: "CRS model timeline", cells: { A1: "My own timeline" } },
      ],
      names: taken.map((name) => ({ name, sheet: "CRS model", address: "B2" })),
    });
    const before = excel.snapshot();
    const plan = await runPlan(excel.context, (names) => planModel(names, { formulas: "crs" }));
    const after = excel.snapshot();
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.names.slice(0, taken.length)).toEqual(before.names);
    expect(plan.sheets[0].name).toBe("CRS model (2)");
    for (const name of taken) expect(plan.names.map((candidate) => candidate.name)).toContain(`${name}_2`);
    expect(plan.messages.some((message) => message.includes("'Threshold' is already used, so 'Threshold_2'"))).toBe(true);
    expect(plan.sheets[1].name).toBe("CRS model timeline (2)");
    expect(excel.sheet("CRS model (2)").charts[0].series[0].values).toMatch(/^'CRS model timeline \(2\)'!/);
    const live = computeModel(asPlan(excel.state, [excel.sheet("CRS model (2)"), excel.sheet("CRS model timeline (2)")]));
    expect(live.at("IncentivePayable")).toBe(0);
  });
});
