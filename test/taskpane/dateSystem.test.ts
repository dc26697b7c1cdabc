/**
 * The 1904 date system: in a workbook that counts dates from 1904, every date the pane writes is
 * the same date as in a 1900 workbook (its serial 1,462 lower), every other cell is the same, and
 * a forecast reads the user's dates as the dates they are.
 */
import { isDateFormat } from "numfmt";
import { describe, expect, it } from "vitest";
import { DATASETS, isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { DAYS_FROM_1900_TO_1904, shiftDates } from "../../src/taskpane/dateSystem";
import { runForecast } from "../../src/taskpane/forecastAction";
import { planForecastFromData } from "../../src/taskpane/forecastFromData";
import { runPlan } from "../../src/taskpane/officeWriter";
import type { TakenNames, WorkbookPlan } from "../../src/workbook/plan";
import { planDatasets, planModel } from "../../src/workbook/sheets";
import { PCT_OPTIONS, PCT_ROWS } from "../workbook/sheets/forecast/forecastFixtures";
import { FakeExcel, type SheetState } from "./fakeExcel";

/** The GP counts sheet, its dates as serials of `system`. */
function countsSheet(system: 1900 | 1904) {
  const cells: Record<string, string | number> = { A1: "Date", B1: "GPs registered" };
  const numberFormats: Record<string, string> = {};
  PCT_ROWS.forEach(([date, count], i) => {
    cells[`A${i + 2}`] = isoToExcelSerial(date as IsoDate) - (system === 1904 ? DAYS_FROM_1900_TO_1904 : 0);
    cells[`B${i + 2}`] = count;
    numberFormats[`A${i + 2}`] = "dd/mm/yyyy";
  });
  return { name: "GP counts", cells, numberFormats };
}

/** The sheets an action added to a fake that held only `before`. */
function added(excel: FakeExcel, before: number): SheetState[] {
  return excel.state.sheets.slice(before);
}

/** Asserts the 1904 sheets hold the 1900 ones' cells, each date 1,462 lower, and counts the dates. */
function expectSameDates(in1900: readonly SheetState[], in1904: readonly SheetState[]): number {
  expect(in1904.map((sheet) => sheet.name)).toEqual(in1900.map((sheet) => sheet.name));
  let dates = 0;
  in1900.forEach((sheet, s) => {
    const other = in1904[s];
    expect(Object.keys(other.cells).sort()).toEqual(Object.keys(sheet.cells).sort());
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const isDate = cell.kind === "number" && isDateFormat(sheet.formats[address]?.numberFormat ?? "General");
      if (isDate) dates += 1;
      const expected = isDate ? { ...cell, formula: (cell.value as number) - DAYS_FROM_1900_TO_1904, value: (cell.value as number) - DAYS_FROM_1900_TO_1904 } : cell;
      expect(other.cells[address], `${sheet.name}!${address}`).toEqual(expected);
    }
  });
  return dates;
}

/** Runs an action on a 1900 and on a 1904 workbook that are otherwise alike. */
async function inBothSystems(makePlan: (taken: TakenNames) => WorkbookPlan): Promise<number> {
  const [in1900, in1904] = await Promise.all(
    ([1900, 1904] as const).map(async (dateSystem) => {
      const excel = new FakeExcel({ sheets: [{ name: "Sheet1" }], dateSystem });
      await runPlan(excel.context, makePlan);
      return added(excel, 1);
    }),
  );
  return expectSameDates(in1900, in1904);
}

describe("the 1904 date system", () => {
  it("moves only numbers formatted as dates, by the days between the systems", () => {
    expect(shiftDates([[38_533, 45, "30 Jun"]], [["d mmm yyyy", "#,##0", "@"]], -DAYS_FROM_1900_TO_1904)).toEqual([[37_071, 45, "30 Jun"]]);
    expect(shiftDates([[38_533]], null, -DAYS_FROM_1900_TO_1904)).toEqual([[38_533]]);
  });

  it("inserts every dataset with each date the same date as in a 1900 workbook", async () => {
    expect(await inBothSystems((taken) => planDatasets(DATASETS, taken))).toBeGreaterThan(10);
  });

  it("builds the model with its deadline, target date and history dates the same dates", async () => {
    expect(await inBothSystems((taken) => planModel(taken, { formulas: "crs" }))).toBeGreaterThan(10);
  });

  it("forecasts from a 1904 workbook's counts as from the same counts in a 1900 one", async () => {
    const plans: WorkbookPlan[] = [];
    const sheets = await Promise.all(
      ([1900, 1904] as const).map(async (dateSystem) => {
        const excel = new FakeExcel({ sheets: [countsSheet(dateSystem)], dateSystem });
        await runForecast(excel.context, { kind: "range", sheet: "GP counts", address: "A1:B9" }, (data, taken) => {
          const plan = planForecastFromData(data, PCT_OPTIONS, taken);
          plans.push(plan);
          return plan;
        });
        return added(excel, 1);
      }),
    );
    // The same plan from both: the series read as the same dates.
    expect(plans[1]).toEqual(plans[0]);
    expect(expectSameDates(sheets[0], sheets[1])).toBeGreaterThan(0);
  });
});
