import { describe, expect, it } from "vitest";
import { queuePlan } from "../../../src/taskpane/officeWriter";
import type { WorkbookPlan } from "../../../src/workbook/plan/plan";
import { checkPlan } from "../../../src/workbook/plan/check";
import { PlanError } from "../../../src/workbook/plan/planError";
import { writeXlsx } from "../../../src/workbook/xlsx/writer";
import { FakeExcel } from "../../taskpane/fakeExcel";
import { builtCrsFunctions } from "../formula/crsFunctions";
import { chartOverAnotherSheet, handPlan } from "./handPlan";

const NOTHING_TAKEN = { sheets: [], tables: [], names: [] };
const plan = handPlan();
const sheet = plan.sheets[0];

/** Plans no writer may write, each with what is wrong with it. */
const MALFORMED: readonly [string, WorkbookPlan][] = [
  ["a block whose rows differ in length", { ...plan, sheets: [{ ...sheet, ranges: [{ address: "A1", cells: [[1, 2], [3]] }] }] }],
  ["a block larger than its address", { ...plan, sheets: [{ ...sheet, ranges: [{ address: "A1:B1", cells: [[1, 2, 3]] }] }] }],
  ["number formats of another shape", { ...plan, sheets: [{ ...sheet, ranges: [{ address: "A1", cells: [[1, 2]], numberFormat: [["0"]] }] }] }],
  ["a value Excel cannot hold", { ...plan, sheets: [{ ...sheet, ranges: [{ address: "A1", cells: [[Number.NaN]] }] }] }],
  ["a sheet name with a forbidden character", { ...plan, sheets: [{ ...sheet, name: "GPs/2005" }], names: [], activate: null }],
  ["a sheet name over 31 characters", { ...plan, sheets: [{ ...sheet, name: "x".repeat(32) }], names: [], activate: null }],
  ["a name on a sheet the plan does not add", { ...plan, names: [{ ...plan.names[0], sheet: "Sheet1" }] }],
  ["a defined name that reads as a cell", { ...plan, names: [{ ...plan.names[0], name: "GP2005" }] }],
  ["two sheets of one name", { ...plan, sheets: [sheet, { ...sheet, name: sheet.name.toUpperCase(), tables: [] }] }],
  ["a chart without series", { ...plan, sheets: [{ ...sheet, charts: [{ ...sheet.charts[0], series: [] }] }] }],
  ["a chart over a sheet the plan does not add", { ...plan, sheets: [{ ...sheet, charts: [{ ...sheet.charts[0], dataSheet: "Sheet1" }] }] }],
  ["a column width over 255 characters", { ...plan, sheets: [{ ...sheet, columnWidths: [{ column: "A", characters: 256 }] }] }],
  ["a column off the sheet", { ...plan, sheets: [{ ...sheet, columnWidths: [{ column: "XFE", characters: 8 }] }] }],
  ["a negative number of frozen rows", { ...plan, sheets: [{ ...sheet, freezeRows: -1 }] }],
  ["a table off the sheet", { ...plan, sheets: [{ ...sheet, tables: [{ ...sheet.tables[0], address: "A1:A1048577" }] }] }],
  ["a sheet to show that does not exist", { ...plan, activate: "Elsewhere" }],
  ["a row taller than Excel's 409 points", { ...plan, sheets: [{ ...sheet, rowHeights: [{ row: 2, points: 410 }] }] }],
  ["a row off the sheet", { ...plan, sheets: [{ ...sheet, rowHeights: [{ row: 1_048_577, points: 30 }] }] }],
  ["a list validation without values", { ...plan, sheets: [{ ...sheet, validations: [{ address: "B2", values: [], message: "Pick one." }] }] }],
  ["a list value with a comma", { ...plan, sheets: [{ ...sheet, validations: [{ address: "B2", values: ["a,b"], message: "Pick one." }] }] }],
  [
    "a list longer than Excel's 255 characters",
    { ...plan, sheets: [{ ...sheet, validations: [{ address: "B2", values: ["x".repeat(200), "y".repeat(60)], message: "Pick one." }] }] },
  ],
  ["a page break off the sheet", { ...plan, sheets: [{ ...sheet, pageSetup: { orientation: "landscape", breaksBeforeRows: [0] } }] }],
  [
    "a date axis labelled every half a month",
    { ...plan, sheets: [{ ...sheet, charts: [{ ...sheet.charts[0], dateAxis: { format: "mmm yy", unit: "months", labelEvery: 0.5 } }] }] },
  ],
  ["a value axis whose minimum is not below its maximum", { ...plan, sheets: [{ ...sheet, charts: [{ ...sheet.charts[0], valueAxis: { minimum: 1, maximum: 1, format: "0%" } }] }] }],
];

describe("checking a plan", () => {
  it("accepts a plan that takes only free names", () => {
    expect(() => checkPlan(plan, { sheets: ["Sheet1"], tables: ["Budget"], names: ["Rate"] })).not.toThrow();
  });

  it("accepts a chart that draws another sheet the plan adds", () => {
    expect(() => checkPlan(chartOverAnotherSheet(), NOTHING_TAKEN)).not.toThrow();
  });

  it.each(MALFORMED)("refuses %s", (_, spoiled) => {
    expect(() => checkPlan(spoiled, NOTHING_TAKEN)).toThrow(PlanError);
  });

  it("says the rule a defined name breaks", () => {
    const spoiled = { ...plan, names: [{ ...plan.names[0], name: "GP2005" }] };
    expect(() => checkPlan(spoiled, NOTHING_TAKEN)).toThrow(
      '"GP2005" is not a valid defined name in Excel (up to 255 characters: a letter, _ or \\ first, then letters, digits, _ or .; not readable as a cell reference such as "GP2005").',
    );
  });

  it("names the sheet and the cell of a number no cell can hold", () => {
    const spoiled = { ...plan, sheets: [{ ...sheet, ranges: [{ address: "B2", cells: [[1, Number.POSITIVE_INFINITY]] }] }] };
    expect(() => checkPlan(spoiled, NOTHING_TAKEN)).toThrow('On sheet "GPs registered": Cell C2 cannot hold Infinity.');
  });
});

describe("both writers refuse the same malformed plans, before writing anything", () => {
  it.each(MALFORMED)("%s", async (_, spoiled) => {
    const excel = new FakeExcel();
    let officeError: unknown;
    try {
      queuePlan(excel.context, spoiled);
    } catch (error) {
      officeError = error;
    }
    expect(officeError).toBeInstanceOf(PlanError);
    expect(excel.log).toEqual([]);
    await expect(writeXlsx(spoiled)).rejects.toThrow(new PlanError((officeError as Error).message));
  });

  it("and both write the well-formed plan", async () => {
    expect(() => queuePlan(new FakeExcel().context, plan)).not.toThrow();
    // The plan's CRS. formula gets its cached value from the built function, as the add-in computes it.
    expect((await writeXlsx(plan, { functions: builtCrsFunctions() })).byteLength).toBeGreaterThan(0);
  });
});
