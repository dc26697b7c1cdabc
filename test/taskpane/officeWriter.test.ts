import { describe, expect, it, vi } from "vitest";
import { DATASETS } from "../../src/data";
import { MAX_SYNCS_PER_ACTION, applyPlan, readWithTakenNames, runPlan } from "../../src/taskpane/officeWriter";
import { planDatasets } from "../../src/workbook/sheets/datasets";
import { planModel } from "../../src/workbook/sheets/pctModel";
import type { TakenNames, WorkbookPlan } from "../../src/workbook/plan/plan";
import { PlanError } from "../../src/workbook/plan/planError";
import { chartOverAnotherSheet, handPlan } from "../workbook/plan/handPlan";
import { FakeExcel, type Seed } from "./fakeExcel";

const NOTHING_TAKEN: TakenNames = { sheets: [], tables: [], names: [] };

/** A workbook someone has been working in: sheets with data, tables, and names of both scopes. */
const BUSY_WORKBOOK: Seed = {
  sheets: [
    { name: "Sheet1", cells: { A1: "Budget", B1: 1200, A2: "=B1*2" }, tables: [{ name: "Budget", address: "A1:B2" }] },
    { name: "Notes", cells: { A1: "Keep me" }, names: ["LocalRate"] },
  ],
  names: [{ name: "Rate", sheet: "Sheet1", address: "B1" }],
};

describe("reading the names a workbook uses", () => {
  it("reads sheets, tables, workbook names and sheet-scoped names in one round trip", async () => {
    const excel = new FakeExcel(BUSY_WORKBOOK);
    const { taken } = await readWithTakenNames(excel.context, () => () => undefined);
    expect(taken).toEqual({ sheets: ["Sheet1", "Notes"], tables: ["Budget"], names: ["Rate", "LocalRate"] });
    expect(excel.syncs).toBe(1);
  });

  it("falls back to the names it can load when the host refuses sheet-scoped names", async () => {
    const excel = new FakeExcel({ ...BUSY_WORKBOOK, refuseNestedLoad: true });
    const { taken } = await readWithTakenNames(excel.context, () => () => undefined);
    expect(taken).toEqual({ sheets: ["Sheet1", "Notes"], tables: ["Budget"], names: ["Rate"] });
    expect(excel.syncs).toBe(2);
  });
});

describe("applying a plan", () => {
  it("writes every part of the plan to a new sheet in one round trip", async () => {
    const excel = new FakeExcel();
    await applyPlan(excel.context, handPlan());
    expect(excel.syncs).toBe(1);
    const sheet = excel.sheet("GPs registered");

    expect(sheet.cells.A1).toMatchObject({ kind: "text", value: "GPs registered for NHS CRS" });
    expect(sheet.cells.B4).toMatchObject({ kind: "number", value: 3_500 });
    expect(sheet.cells.A5).toMatchObject({ kind: "number", value: 38_565 });
    expect(sheet.cells.E3).toMatchObject({ kind: "formula", formula: "=CRS.GROWTH(B4,B5,1)" });
    expect(sheet.cells.F3).toMatchObject({ kind: "number", value: 0.3 });
    expect(sheet.cells.G3).toMatchObject({ kind: "boolean", value: true });
    expect(sheet.cells.H3).toBeUndefined();

    expect(sheet.formats.A4.numberFormat).toBe("d mmm yyyy");
    expect(sheet.formats.B5.numberFormat).toBe("#,##0");
    expect(sheet.formats.A3.numberFormat).toBe("General");
    expect(sheet.formats.M3.numberFormat).toBe("0.0%");

    expect(sheet.formats.A1).toMatchObject({ bold: true, fontColor: "#1F3864" });
    expect(sheet.formats.E3).toMatchObject({ fill: "#FFF2CC", italic: true });
    expect(sheet.formats.B4).toMatchObject({ wrapText: true, horizontalAlignment: "Left", verticalAlignment: "Top" });
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) {
      expect(sheet.formats.B4.borders[edge]).toEqual({ style: "Continuous", weight: "Thin", color: "#9BC2E6" });
    }

    expect(sheet.tables).toEqual([{ name: "tbl_gps", address: "A3:C5", style: "TableStyleMedium2", hasHeaders: true }]);
    expect(sheet.columnWidths).toEqual({ A: 66.75, C: 213.75 });
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.charts).toEqual([
      {
        type: "Line",
        seriesBy: "Columns",
        series: [
          { name: "GPs", values: "B4:B5", categories: "A4:A5", lineStyle: "None", markerStyle: "Circle", markerSize: 6, markerColor: "#1F3864" },
          { name: "Target", values: "F4:F5", categories: "A4:A5", lineStyle: "Dash", lineWeight: 1.5, markerStyle: "None" },
        ],
        title: "GPs registered",
        categoryAxisTitle: "Month",
        categoryAxisTitleVisible: true,
        valueAxisTitle: "GPs registered",
        valueAxisTitleVisible: true,
        legendPosition: "Bottom",
        legendVisible: true,
        topLeft: "H2",
        bottomRight: "P20",
        categoryType: "DateAxis",
        categoryNumberFormat: "mmm yyyy",
        baseTimeUnit: "Months",
        majorUnit: 3,
        majorTimeUnitScale: "Months",
      },
    ]);
    expect(sheet.rowHeights).toEqual({ 3: 30 });
    expect(sheet.validations).toEqual([
      { address: "B7", list: "auto,bass,logistic,gompertz", prompt: "A diffusion model, or auto.", alert: "A diffusion model, or auto." },
    ]);
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      breaks: ["A22"],
    });
    expect(excel.state.names).toContainEqual({
      name: "GPs_August",
      sheet: "GPs registered",
      address: "B5",
      comment: "GPs registered by the beginning of August 2005",
    });
    expect(excel.state.active).toBe("GPs registered");
  });

  it("keeps texts as texts, even those Excel would read as a formula, number, date or logical value", async () => {
    const excel = new FakeExcel();
    await applyPlan(excel.context, handPlan());
    const sheet = excel.sheet("GPs registered");
    const texts: Record<string, string> = {
      C4: "=not a formula",
      C5: "Aug 2005",
      I3: "30%",
      J3: "TRUE",
      K3: "- none",
      L3: "#N/A",
      M3: "'quoted",
    };
    for (const [address, text] of Object.entries(texts)) {
      expect(sheet.cells[address], address).toMatchObject({ kind: "text", value: text, converted: false });
    }
  });

  it("sends each block of cells as one 2D array, never cell by cell", async () => {
    const excel = new FakeExcel();
    await applyPlan(excel.context, handPlan());
    expect(excel.log.filter((request) => request.startsWith("formulas"))).toEqual([
      "formulas A1",
      "formulas A3:C5",
      "formulas E3:M3",
    ]);
  });

  it("makes a single series from a row of values a series by rows", async () => {
    const plan = handPlan();
    const sheet = plan.sheets[0];
    const chart = { ...sheet.charts[0], categories: "E2:F2", series: [{ name: "Row", values: "E3:F3" }] };
    const excel = new FakeExcel();
    await applyPlan(excel.context, { ...plan, sheets: [{ ...sheet, charts: [chart] }] });
    expect(excel.sheet("GPs registered").charts[0]).toMatchObject({
      seriesBy: "Rows",
      series: [{ name: "Row", values: "E3:F3", categories: "E2:F2" }],
    });
  });

  it("draws a chart on one sheet over the cells of another sheet the plan adds, once those cells are written", async () => {
    const excel = new FakeExcel();
    await applyPlan(excel.context, chartOverAnotherSheet());
    const chartAdded = excel.log.findIndex((request) => request.startsWith("charts.add"));
    const cellsWritten = excel.log.flatMap((request, index) => (request.startsWith("formulas") ? [index] : []));
    expect(cellsWritten).toHaveLength(2);
    expect(chartAdded).toBeGreaterThan(Math.max(...cellsWritten));
    expect(excel.sheet("GPs data").charts).toEqual([]);
    expect(excel.sheet("Summary").charts[0]).toMatchObject({
      seriesBy: "Columns",
      series: [{ name: "GPs", values: "'GPs data'!B2:B3", categories: "'GPs data'!A2:A3" }],
      topLeft: "A3",
      bottomRight: "H15",
    });
  });

  it("refuses a malformed plan before queuing a single request, so nothing is half written", async () => {
    const plan = handPlan();
    const sheet = plan.sheets[0];
    const spoiled = { ...plan, sheets: [sheet, { ...sheet, name: "Second", tables: [], charts: [], ranges: [{ address: "A1", cells: [[1, 2]], numberFormat: [["0"]] }] }] };
    const excel = new FakeExcel();
    const before = excel.snapshot();
    await expect(applyPlan(excel.context, spoiled)).rejects.toThrow(PlanError);
    expect(excel.log).toEqual([]);
    await excel.sync();
    expect(excel.snapshot()).toEqual(before);
  });

  it("defines the names before writing the formulas that use them", async () => {
    const plan = handPlan();
    const sheet = plan.sheets[0];
    const withName = { ...sheet, ranges: [...sheet.ranges, { address: "A7", cells: [[{ formula: "=GPs_August*2" }]] }] };
    const excel = new FakeExcel();
    await applyPlan(excel.context, { ...plan, sheets: [withName] });
    expect(excel.sheet("GPs registered").cells.A7).toMatchObject({ kind: "formula", formula: "=GPs_August*2" });
    expect(excel.unknownNames).toEqual([]);
    expect(excel.log.indexOf("names.add GPs_August")).toBeLessThan(excel.log.indexOf("formulas A7"));
  });

  it("cuts a defined name's comment to Excel's 255 characters", async () => {
    const plan = handPlan();
    const excel = new FakeExcel();
    await applyPlan(excel.context, { ...plan, names: [{ ...plan.names[0], comment: "x".repeat(300) }] });
    const comment = excel.state.names.find((name) => name.name === "GPs_August")!.comment;
    expect(comment).toHaveLength(255);
    expect(comment.endsWith("…")).toBe(true);
  });
});

describe("running an action", () => {
  it("leaves a busy workbook's sheets, cells, tables and names as they were", async () => {
    const excel = new FakeExcel(BUSY_WORKBOOK);
    const before = excel.snapshot();
    const sync = vi.spyOn(excel.context, "sync");
    await runPlan(excel.context, () => handPlan());
    expect(sync).toHaveBeenCalledTimes(2);
    const after = excel.snapshot();
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.names.slice(0, before.names.length)).toEqual(before.names);
  });

  it("hands the plan maker every taken name", async () => {
    const excel = new FakeExcel(BUSY_WORKBOOK);
    const makePlan = vi.fn(() => handPlan());
    await runPlan(excel.context, makePlan);
    expect(makePlan).toHaveBeenCalledWith({ sheets: ["Sheet1", "Notes"], tables: ["Budget"], names: ["Rate", "LocalRate"] });
  });

  it.each([
    ["a taken sheet name", (plan: WorkbookPlan) => ({ ...plan, sheets: [{ ...plan.sheets[0], name: "sheet1" }], names: [], activate: null })],
    ["a taken table name", (plan: WorkbookPlan) => ({ ...plan, sheets: [{ ...plan.sheets[0], tables: [{ ...plan.sheets[0].tables[0], name: "BUDGET" }] }] })],
    ["a table named like a defined name", (plan: WorkbookPlan) => ({ ...plan, sheets: [{ ...plan.sheets[0], tables: [{ ...plan.sheets[0].tables[0], name: "rate" }] }] })],
    ["a taken defined name", (plan: WorkbookPlan) => ({ ...plan, names: [{ ...plan.names[0], name: "LOCALRATE" }] })],
  ])("refuses a plan that reuses %s before writing anything", async (_, spoil) => {
    const excel = new FakeExcel(BUSY_WORKBOOK);
    const before = excel.snapshot();
    await expect(runPlan(excel.context, () => spoil(handPlan()))).rejects.toThrow(PlanError);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncs).toBe(1);
    expect(excel.log.every((request) => request.startsWith("load"))).toBe(true);
  });

  it("passes on Excel's error when the workbook is protected", async () => {
    const excel = new FakeExcel({ ...BUSY_WORKBOOK, protectedStructure: true });
    await expect(runPlan(excel.context, () => handPlan())).rejects.toMatchObject({ refusal: { code: "AccessDenied" } });
    // Read, write (refused), and the clean-up's round trip (test/taskpane/removeAdded.test.ts).
    expect(excel.syncs).toBe(3);
  });
});

/** A workbook that already holds every sheet, table and name `plans` would take in an empty one. */
function seedTaking(plans: readonly WorkbookPlan[]): Seed {
  const sheets = plans.flatMap((plan) => plan.sheets);
  return {
    sheets: sheets.map((sheet, index) => ({
      name: sheet.name,
      cells: { A1: `The user's own ${sheet.name}`, B2: index },
      tables: sheet.tables.map((table) => ({ name: table.name, address: "A1:B2" })),
      names: plans.flatMap((plan) => plan.names.map((name) => `${name.name}`)).slice(index, index + 1),
    })),
    names: plans.flatMap((plan) => plan.names).map((name) => ({ name: name.name, sheet: sheets[0].name, address: "B2" })),
  };
}

const ACTIONS: readonly [string, (taken: TakenNames) => WorkbookPlan][] = [
  ["inserting every dataset", (taken) => planDatasets(DATASETS, taken)],
  ["building the model with CRS formulas", (taken) => planModel(taken, { formulas: "crs" })],
  ["building the model with portable formulas", (taken) => planModel(taken, { formulas: "portable" })],
];

describe.each(ACTIONS)("%s with the real planner", (_, makePlan) => {
  it(`takes at most ${MAX_SYNCS_PER_ACTION} round trips and writes everything it plans`, async () => {
    const excel = new FakeExcel();
    const sync = vi.spyOn(excel.context, "sync");
    const plan = await runPlan(excel.context, makePlan);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);
    expect(plan.sheets.length).toBeGreaterThan(0);
    for (const planned of plan.sheets) {
      const sheet = excel.sheet(planned.name);
      expect(sheet.tables.map((table) => table.name)).toEqual(planned.tables.map((table) => table.name));
      expect(sheet.charts).toHaveLength(planned.charts.length);
      for (const cell of Object.values(sheet.cells)) expect(cell.converted).toBe(false);
    }
    expect(excel.state.active).toBe(plan.activate);
    expect(excel.unknownNames).toEqual([]);
  });

  it(`stays within ${MAX_SYNCS_PER_ACTION} round trips when the host refuses sheet-scoped names`, async () => {
    const excel = new FakeExcel({ sheets: [{ name: "Sheet1" }], refuseNestedLoad: true });
    await runPlan(excel.context, makePlan);
    expect(excel.syncs).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);
    expect(excel.unknownNames).toEqual([]);
  });

  it("leaves a workbook that already has every name it wants as it was, and takes only free names", async () => {
    const seed = seedTaking([makePlan(NOTHING_TAKEN)]);
    const excel = new FakeExcel(seed);
    const before = excel.snapshot();
    const sync = vi.spyOn(excel.context, "sync");
    const plan = await runPlan(excel.context, makePlan);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);

    const after = excel.snapshot();
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.names.slice(0, before.names.length)).toEqual(before.names);

    const fold = (names: readonly string[]) => names.map((name) => name.toUpperCase());
    const takenSheets = new Set(fold(before.sheets.map((sheet) => sheet.name)));
    const takenObjects = new Set(
      fold([
        ...before.sheets.flatMap((sheet) => [...sheet.tables.map((t) => t.name), ...sheet.names.map((n) => n.name)]),
        ...before.names.map((name) => name.name),
      ]),
    );
    for (const sheet of plan.sheets) {
      expect(takenSheets.has(sheet.name.toUpperCase()), sheet.name).toBe(false);
      for (const table of sheet.tables) expect(takenObjects.has(table.name.toUpperCase()), table.name).toBe(false);
    }
    for (const name of plan.names) expect(takenObjects.has(name.name.toUpperCase()), name.name).toBe(false);
    expect(plan.messages.length).toBeGreaterThan(0);
    expect(excel.unknownNames).toEqual([]);
  });
});
