/**
 * An action that Excel refuses part-way leaves nothing behind: at every kind of write the fake
 * Excel refuses (the first of its kind, and the last sheet and name added), the sheets and names the action had added are
 * removed, the user's workbook is exactly as it was, the status line says so, and the whole
 * action takes at most three round trips.
 */
import { describe, expect, it } from "vitest";
import { DATASETS } from "../../src/data";
import { failureMessage } from "../../src/taskpane/display";
import { MAX_SYNCS_PER_ACTION, runPlan } from "../../src/taskpane/officeWriter";
import { ActionRefusedError, AddedItems } from "../../src/taskpane/removeAdded";
import { planDatasets } from "../../src/workbook/sheets/datasets";
import { planModel } from "../../src/workbook/sheets/pctModel";
import type { TakenNames, WorkbookPlan } from "../../src/workbook/plan/plan";
import { FakeExcel, FakeExcelError, type Seed } from "./fakeExcel";

/** A workbook someone has been working in: sheets with data, a table, and names of both scopes. */
const USERS_WORKBOOK: Seed = {
  sheets: [
    { name: "Sheet1", cells: { A1: "Budget", B1: 1200, A2: "=B1*2" }, tables: [{ name: "Budget", address: "A1:B2" }] },
    { name: "Notes", cells: { A1: "Keep me" }, names: ["LocalRate"] },
  ],
  names: [{ name: "Rate", sheet: "Sheet1", address: "B1" }],
};

const ACTIONS: readonly [string, (taken: TakenNames) => WorkbookPlan][] = [
  ["insert every dataset", (taken) => planDatasets(DATASETS, taken)],
  ["build the model (CRS formulas)", (taken) => planModel(taken, { formulas: "crs" })],
  ["build the model (portable)", (taken) => planModel(taken, { formulas: "portable" })],
];

/** Every kind of write the writer's plans make, as the fake's log begins its requests. */
const WRITE_KINDS = [
  "worksheets.add",
  "names.add",
  "formulas",
  "numberFormat",
  "bold",
  "italic",
  "fill",
  "font.color",
  "wrapText",
  "horizontalAlignment",
  "verticalAlignment",
  "border",
  "rowHeight",
  "dataValidation.rule",
  "dataValidation.prompt",
  "dataValidation.errorAlert",
  "pageLayout.orientation",
  "pageLayout.paperSize",
  "pageLayout.zoom",
  "horizontalPageBreaks.add",
  "tables.add",
  "table.name",
  "table.style",
  "columnWidth",
  "freezeRows",
  "charts.add",
  "series.name",
  "series.add",
  "series.setValues",
  "series.setXAxisValues",
  "series line style",
  "series line weight",
  "series line color",
  "series marker style",
  "series marker size",
  "series marker background",
  "series marker foreground",
  "chart title",
  "x title",
  "x category type",
  "x number format",
  "x base time unit",
  "x major unit",
  "x major time unit",
  "y title",
  "legend",
  "chart.setPosition",
  "activate",
];

/** The kind of a request in the fake's log (one of WRITE_KINDS), or the request itself if it is of none. */
const kindOf = (request: string): string =>
  WRITE_KINDS.filter((kind) => request === kind || request.startsWith(`${kind} `)).sort((a, b) => b.length - a.length)[0] ?? request;

/** The writes of a successful run of an action, in order (loads are reads, not writes); run once an action. */
function writesOf(makePlan: (taken: TakenNames) => WorkbookPlan): Promise<string[]> {
  let writes = WRITES.get(makePlan);
  if (writes === undefined) {
    const excel = new FakeExcel(USERS_WORKBOOK);
    writes = runPlan(excel.context, makePlan).then(() => excel.log.filter((request) => !request.startsWith("load ")));
    WRITES.set(makePlan, writes);
  }
  return writes;
}
const WRITES = new Map<(taken: TakenNames) => WorkbookPlan, Promise<string[]>>();

/** A fake that refuses the `index`-th request (counting from 0) for which `matches` holds. */
function refusingAt(matches: (request: string) => boolean, index: number, code = "AccessDenied", also?: (request: string) => boolean): FakeExcel {
  let seen = 0;
  return new FakeExcel({
    ...USERS_WORKBOOK,
    refuse: (request) => {
      if (also?.(request)) return new FakeExcelError("AccessDenied", "You cannot perform the requested operation.");
      if (!matches(request)) return null;
      return seen++ === index ? new FakeExcelError(code, `Excel refused ${request}.`) : null;
    },
  });
}

async function refusal(excel: FakeExcel, makePlan: (taken: TakenNames) => WorkbookPlan): Promise<ActionRefusedError> {
  const error = await runPlan(excel.context, makePlan).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ActionRefusedError);
  return error as ActionRefusedError;
}

describe("a write Excel refuses part-way", () => {
  it("is tried at every kind of write the writer makes, across the actions", async () => {
    const kinds = new Set<string>();
    for (const [, makePlan] of ACTIONS) for (const request of await writesOf(makePlan)) kinds.add(kindOf(request));
    expect([...kinds].sort()).toEqual([...WRITE_KINDS].sort());
  });

  // A refusal is handled the same whatever the action, so each kind of write is refused in the
  // first action that makes it (together the actions make every kind: the test above); the adds,
  // whose order the removal relies on, in every action.
  const tested = new Set<string>();
  for (const [action, makePlan] of ACTIONS) {
    it(`${action}: at each kind of write it is the first to make, and at its first and last add, the action's sheets and names are removed and the workbook is as it was`, async () => {
      const writes = await writesOf(makePlan);
      const kinds = [...new Set(writes.map(kindOf))];
      for (const kind of kinds) {
        const isAdd = kind === "worksheets.add" || kind === "names.add";
        if (tested.has(kind) && !isAdd) continue;
        tested.add(kind);
        const count = writes.filter((request) => kindOf(request) === kind).length;
        const indices = isAdd ? [0, count - 1] : [0];
        for (const index of new Set(indices)) {
          const excel = refusingAt((request) => kindOf(request) === kind, index);
          const before = excel.snapshot();
          const error = await refusal(excel, makePlan);
          const where = `${kind} #${index + 1}`;
          expect(error.removal, where).toBe("removed");
          expect((error.refusal as FakeExcelError).code, where).toBe("AccessDenied");
          expect(excel.snapshot(), where).toEqual(before);
          expect(excel.syncs, where).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);
        }
      }
    });
  }

  it("says in the status line that what was added was removed, with Excel's words and what to do", async () => {
    const error = await refusal(refusingAt((request) => request.startsWith("formulas"), 3), ACTIONS[1][1]);
    expect(failureMessage("build the model", error)).toBe(
      "Excel could not build the model: Excel refused formulas " +
        `${(error.refusal as Error).message.replace(/^Excel refused formulas /, "").replace(/\.$/, "")}. ` +
        "What it had added so far was removed again, so the workbook is as it was. Check the workbook is not protected and try again.",
    );
  });

  it("in a protected workbook, where not even a sheet can be added, changes nothing in three round trips", async () => {
    const excel = new FakeExcel({ ...USERS_WORKBOOK, protectedStructure: true });
    const before = excel.snapshot();
    const error = await refusal(excel, ACTIONS[0][1]);
    expect(error.removal).toBe("removed");
    expect((error.refusal as FakeExcelError).code).toBe("AccessDenied");
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncs).toBe(3);
  });

  it("removes by name only what the action added, in the order it added it", async () => {
    const excel = refusingAt((request) => request.startsWith("charts.add"), 0);
    await refusal(excel, ACTIONS[1][1]);
    const deletions = excel.log.filter((request) => / ?delete /.test(request) || request.startsWith("worksheet.delete") || request.startsWith("name.delete"));
    const plan = planModel({ sheets: ["Sheet1", "Notes"], tables: ["Budget"], names: ["Rate", "LocalRate"] }, { formulas: "crs" });
    // Both of the model's sheets: the model, and the timeline its chart draws.
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(["CRS model", "CRS model timeline"]);
    expect(deletions).toEqual([...plan.sheets.map((sheet) => `worksheet.delete ${sheet.name}`), ...plan.names.map((name) => `name.delete ${name.name}`)]);
    for (const request of deletions) expect(request).not.toMatch(/ (Sheet1|Notes|Rate|LocalRate)$/);
  });

  it("says what to delete when Excel will not let it remove what it added", async () => {
    const excel = refusingAt((request) => request.startsWith("formulas"), 0, "AccessDenied", (request) => request.startsWith("worksheet.delete"));
    const error = await refusal(excel, ACTIONS[1][1]);
    expect(error.removal).toBe("not-removed");
    expect(excel.syncs).toBe(3);
    const message = failureMessage("build the model", error);
    const plan = planModel({ sheets: ["Sheet1", "Notes"], tables: ["Budget"], names: ["Rate", "LocalRate"] }, { formulas: "crs" });
    expect(message).toContain(`delete the sheets ${plan.sheets.map((sheet) => `'${sheet.name}'`).join(", ")} and, in Formulas > Name Manager, the names ${plan.names.map((name) => name.name).join(", ")} if they are there.`);
  });

  it("removes nothing when a name it was adding was taken meanwhile, which may be someone else's, and says what to check", async () => {
    const excel = refusingAt((request) => request.startsWith("worksheets.add"), 1, "ItemAlreadyExists");
    const error = await refusal(excel, ACTIONS[0][1]);
    expect(error.removal).toBe("name-taken");
    expect(excel.log.filter((request) => request.includes("delete"))).toEqual([]);
    expect(excel.syncs).toBe(2);
    expect(failureMessage("insert the datasets", error)).toMatch(/Something else took one of its names meanwhile, so the add-in removed nothing: check the sheets '.+' and delete any it left half-written\. Then try again\.$/);
  });

  it("leaves a successful action alone: two round trips, nothing deleted", async () => {
    const excel = new FakeExcel(USERS_WORKBOOK);
    await runPlan(excel.context, ACTIONS[1][1]);
    expect(excel.syncs).toBe(2);
    expect(excel.log.filter((request) => request.includes("delete"))).toEqual([]);
  });
});

describe("what an action added", () => {
  it("keeps sheets and names apart, each in the order added", () => {
    const added = new AddedItems();
    added.sheet("Model");
    added.name("Threshold");
    added.sheet("Chart data");
    added.name("Deadline");
    expect(added.sheets).toEqual(["Model", "Chart data"]);
    expect(added.names).toEqual(["Threshold", "Deadline"]);
  });
});
