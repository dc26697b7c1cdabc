import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { MAX_SYNCS_PER_ACTION } from "../../src/taskpane/officeWriter";
import { SourceNotFoundError, readSelection, runForecast } from "../../src/taskpane/forecastAction";
import { planForecastFromData } from "../../src/taskpane/forecastFromData";
import { SPARE_ROWS, type SourceData } from "../../src/taskpane/sourceReader";
import type { SourceRequest } from "../../src/taskpane/sourceRequest";
import { type ForecastOptionsInput, readForecastOptions } from "../../src/workbook/sheets/forecast/options";
import { computeForecast } from "../../src/workbook/sheets/forecast/figures";
import { readSeries } from "../../src/data/series";
import type { WorkbookPlan } from "../../src/workbook/plan/plan";
import { centralBounds } from "../../src/model/countDistribution";
import { forecastOf } from "../../src/model/predictive";
import { NO_CURVE } from "../../src/workbook/sheets/forecast";
import { PCT_OPTIONS, PCT_ROWS, earlyEnglandSheet } from "../workbook/sheets/forecast/forecastFixtures";
import { FakeExcel, type Scalar, type Seed } from "./fakeExcel";

/** The worked example's counts in A1:B9 of "GP counts", dates formatted as dates, and the user's notes beside them. */
function pctSheet(extra: Readonly<Record<string, Scalar>> = {}): Seed["sheets"][number] {
  const cells: Record<string, Scalar> = { A1: "Date", B1: "GPs registered", D1: "Notes: counted at each month's end" };
  const numberFormats: Record<string, string> = {};
  PCT_ROWS.forEach(([date, count], i) => {
    cells[`A${i + 2}`] = isoToExcelSerial(date as IsoDate);
    cells[`B${i + 2}`] = count;
    numberFormats[`A${i + 2}`] = "dd/mm/yyyy";
  });
  return { name: "GP counts", cells: { ...cells, ...extra }, numberFormats };
}

/** Runs the forecast action on a fake Excel, keeping the source data the plan was made from. */
async function forecast(excel: FakeExcel, request: SourceRequest, options: ForecastOptionsInput = PCT_OPTIONS) {
  let data: SourceData | undefined;
  const plan: WorkbookPlan = await runForecast(excel.context, request, (read, taken) => {
    data = read;
    return planForecastFromData(read, options, taken);
  });
  return { plan, data: data! };
}

/** The error an action rejects with. */
async function failure(action: Promise<unknown>): Promise<Error> {
  try {
    await action;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the action to fail");
}

describe("the forecast action on a fake Excel", () => {
  it("reads the selection in one round trip and writes a new sheet in one more, touching nothing the user has", async () => {
    const seed: Seed = { sheets: [pctSheet(), { name: "Forecast", cells: { A1: "An older forecast" } }], selection: "GP counts!A1:B9" };
    const excel = new FakeExcel(seed);
    const before = excel.snapshot();
    const { plan, data } = await forecast(excel, { kind: "selection" });
    expect(excel.syncs).toBe(2);
    expect(plan.sheets[0].name).toBe("Forecast (2)");
    expect(excel.snapshot().sheets.slice(0, 2)).toEqual(before.sheets);
    expect(data.source).toEqual({ kind: "range", sheet: "GP counts", address: "A1:B9", spareRows: SPARE_ROWS });
    const sheet = excel.sheet("Forecast (2)");
    expect(sheet.cells.A50).toMatchObject({ kind: "formula", formula: "='GP counts'!A2" });
    expect(sheet.cells.A33).toMatchObject({ kind: "formula", formula: "=CRS.COMPARE('GP counts'!$A$2:$A$33,'GP counts'!$B$2:$B$33,$B$12)" });
    expect(sheet.validations.map((validation) => [validation.address, validation.list])).toEqual([["B11", "auto,bass,logistic,gompertz"]]);
    expect(sheet.charts).toHaveLength(1);
    expect(excel.unknownNames).toEqual([]);
    expect(excel.state.active).toBe("Forecast (2)");
  });

  it("reads a whole-column selection where it holds values", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet()], selection: "A:B" });
    const { data } = await forecast(excel, { kind: "selection" });
    expect(data.source).toEqual({ kind: "range", sheet: "GP counts", address: "A1:B9", spareRows: SPARE_ROWS });
    expect(data.grid.values).toHaveLength(9);
    // A note further down the column is in the range read, and named.
    const noted = new FakeExcel({ sheets: [pctSheet({ A14: "Checked by the practice manager" })], selection: "A:B" });
    const error = await failure(forecast(noted, { kind: "selection" }));
    expect(error.message.split("\n")).toEqual([
      `'GP counts'!A14: "Checked by the practice manage…" is not a date or a number. The first column holds the dates (2005-06-30 or 30/06/2005) or times (numbers).`,
      "'GP counts'!B14: no count. Type the count, or clear the row.",
    ]);
  });

  it("stops taking in rows below at the first that is not empty", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet({ B13: 99 })], selection: "A1:B9" });
    const { data } = await forecast(excel, { kind: "range", sheet: "GP counts", address: "A1:B9" });
    expect(data.source).toEqual({ kind: "range", sheet: "GP counts", address: "A1:B9", spareRows: 3 });
    expect(excel.syncs).toBe(2);
  });

  it("names the cell of a range it cannot use, and writes nothing", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet({ B5: "fourteen" })], selection: "A1:B9" });
    const before = excel.snapshot();
    const error = await failure(forecast(excel, { kind: "selection" }));
    expect(error.name).toBe("SeriesError");
    expect(error.message).toBe(`'GP counts'!B5: "fourteen" is not a number. The second column holds the counts, numbers 0 or more.`);
    expect(excel.syncs).toBe(1);
    expect(excel.snapshot()).toEqual(before);
  });

  it("names the option it cannot use, and writes nothing", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet()], selection: "A1:B9" });
    const error = await failure(forecast(excel, { kind: "selection" }, { market: "20", target: "45" }));
    expect(error.name).toBe("ForecastOptionsError");
    expect(error.message.split("\n")).toEqual([
      "Known market size 20 is less than the largest count, 36: the market size is all who can adopt, at least as many as have.",
      "Target count needs Reach it by too: the date to reach it by.",
    ]);
    expect(excel.state.sheets.map((sheet) => sheet.name)).toEqual(["GP counts"]);
  });

  it("says why no forecast can be made, and writes nothing", async () => {
    // The same count every month: nothing is being adopted.
    const flat = Object.fromEntries(PCT_ROWS.map((_, i) => [`B${i + 2}`, 12]));
    const excel = new FakeExcel({ sheets: [pctSheet(flat)], selection: "A1:B9" });
    const error = await failure(forecast(excel, { kind: "selection" }, { ...PCT_OPTIONS, model: "bass", launch: "" }));
    expect(error.name).toBe("ModelError");
    expect(error.message).toMatch(/^values do not change/);
    expect(excel.syncs).toBe(1);
    expect(excel.state.sheets.map((sheet) => sheet.name)).toEqual(["GP counts"]);
  });

  it("forecasts Bass with dates from the launch typed, or the first count's date, with the figures the command's file holds", async () => {
    const reached: number[] = [];
    for (const launch of ["", "30/09/2004"]) {
      const input: ForecastOptionsInput = { ...PCT_OPTIONS, model: "bass", launch };
      const excel = new FakeExcel({ sheets: [pctSheet()], selection: "A1:B9" });
      const { data } = await forecast(excel, { kind: "selection" }, input);
      expect(excel.syncs).toBe(2);
      // What `npm run forecast` computes for the same counts and options, as values.
      const series = readSeries(data.grid);
      const options = readForecastOptions(input, series);
      const results = computeForecast(series, options);
      expect(options.launch).toBe(isoToExcelSerial(launch === "" ? "2004-10-31" : "2004-09-30"));
      // Calculated as Excel would, with empty cells reaching the functions either way.
      for (const emptyCells of ["null", "zero"] as const) {
        const calculation = excel.calculation(emptyCells);
        const value = (address: string) => calculation.value("Forecast", Number(address.slice(1)), address.charCodeAt(0) - 64);
        expect([value("A18"), value("B18"), value("B21")]).toEqual(["Launch: Bass counts months from it", options.launch, "bass"]);
        results.points.forEach((point, i) => {
          const row = 51 + i;
          expect(value(`A${row}`), `A${row}`).toBe(results.times[i]);
          (["forecast", "lower", "upper", "fitted"] as const).forEach((figure, k) => {
            const address = `${"CDEF"[k]}${row}`;
            expect(value(address) as number, address).toBeCloseTo(point[figure] as number, 6);
          });
        });
        expect(value("B30") as number).toBeCloseTo(results.reach as number, 6);
        expect(value("B31") as number).toBeCloseTo(results.chance as number, 9);
        expect(value("A6")).toMatch(/^45 of 150 \(30%\): as likely as not by \d+ \w{3} 2005; \d+% by 30 Jun 2005\.$/);
      }
      reached.push(results.reach as number);
    }
    // Another launch is another clock: the same counts, another Bass curve.
    expect(reached[0]).not.toBeCloseTo(reached[1], 3);
  });

  it("names a launch it cannot use by its field, and writes nothing", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet()], selection: "A1:B9" });
    const before = excel.snapshot();
    const error = await failure(forecast(excel, { kind: "selection" }, { ...PCT_OPTIONS, model: "bass", launch: "31/12/2004" }));
    expect(error.name).toBe("ForecastOptionsError");
    expect(error.message).toBe(`Launch must be on or before the first count's date, 31 Oct 2004, not "31/12/2004": Bass counts the adopters from the launch.`);
    expect(excel.syncs).toBe(1);
    expect(excel.snapshot()).toEqual(before);
  });

  it("forecasts counts no curve fits yet from their recent pace, as the functions do, and says so and why", async () => {
    const { series } = earlyEnglandSheet();
    const cells: Record<string, Scalar> = { A1: "Date", B1: "First doses" };
    const numberFormats: Record<string, string> = {};
    series.times.forEach((time, i) => {
      cells[`A${i + 2}`] = time;
      cells[`B${i + 2}`] = series.counts[i];
      numberFormats[`A${i + 2}`] = "dd/mm/yyyy";
    });
    const excel = new FakeExcel({ sheets: [{ name: "Doses", cells, numberFormats }], selection: "Doses!A1:B7" });
    const { plan } = await forecast(excel, { kind: "selection" }, { unit: "week" });
    expect(excel.syncs).toBe(2);
    const { failure, forecaster } = forecastOf("auto", series.times, series.counts);
    expect(plan.messages.slice(0, 2)).toEqual([
      expect.stringMatching(/^Added the forecast in sheet 'Forecast' from Doses!A1:B7: 6 counts, 13 Dec 2020 to 17 Jan 2021, and 12 weeks ahead\./),
      `No curve fits these counts yet: ${failure!.message} Until one does, the forecast carries the recent pace on, with wide bounds.`,
    ]);
    // Calculated as Excel would, with empty cells reaching the functions either way: the pace's forecast, no curve.
    for (const emptyCells of ["null", "zero"] as const) {
      const calculation = excel.calculation(emptyCells);
      const value = (address: string) => calculation.value("Forecast", Number(address.slice(1)), address.charCodeAt(0) - 64);
      expect(value("B20")).toBe(NO_CURVE);
      // No weight, as no model can be compared: hover over it for why.
      expect(value("B21")).toBe("#N/A");
      expect(value("A8")).toMatch(/^No curve fits these counts yet: .* a known market size in B12 may give a curve\.$/);
      for (let row = 50; row < 50 + 6 + 12; row++) {
        const distribution = forecaster.distribution(value(`A${row}`) as number);
        const { lower, upper } = centralBounds(distribution, 0.8);
        expect(value(`C${row}`) as number, `C${row}`).toBeCloseTo(distribution.quantile(0.5), 6);
        expect(value(`D${row}`) as number, `D${row}`).toBeCloseTo(lower, 6);
        expect(value(`E${row}`) as number, `E${row}`).toBeCloseTo(upper, 6);
        expect(value(`F${row}`), `F${row}`).toBe("#N/A");
      }
    }
  });

  it("follows an Excel table by its columns, named or selected", async () => {
    const seed: Seed = { sheets: [{ ...pctSheet(), tables: [{ name: "tbl_gps", address: "A1:B9" }] }], selection: "A1:B9" };
    const named = new FakeExcel(seed);
    const { data } = await forecast(named, { kind: "table", name: "TBL_GPS" });
    expect(data.source).toEqual({ kind: "table", sheet: "GP counts", table: "tbl_gps", address: "A2:B9", columns: ["Date", "GPs registered"] });
    expect(named.sheet("Forecast").cells.A33).toMatchObject({ formula: "=CRS.COMPARE(tbl_gps[Date],tbl_gps[GPs registered],$B$12)" });
    expect(named.sheet("Forecast").cells.A50).toMatchObject({ formula: "='GP counts'!A2" });
    // The table's columns name the counts, as a header row would.
    expect(named.sheet("Forecast").cells.A1).toMatchObject({ value: "Forecast of GPs registered" });
    expect(named.unknownNames).toEqual([]);
    expect(named.syncs).toBe(2);

    const selected = new FakeExcel(seed);
    const fromSelection = await forecast(selected, { kind: "selection" });
    expect(fromSelection.data.source).toEqual({ kind: "table", sheet: "GP counts", table: "tbl_gps", address: "A1:B9", columns: ["Date", "GPs registered"] });
    expect(selected.sheet("Forecast").cells.A33).toMatchObject({ formula: "=CRS.COMPARE(tbl_gps[Date],tbl_gps[GPs registered],$B$12)" });
    expect(selected.sheet("Forecast").cells.A50).toMatchObject({ formula: "='GP counts'!A2" });
  });

  it("says what is not there: an empty selection, a missing table or sheet", async () => {
    const empty = new FakeExcel({ sheets: [pctSheet()], selection: "F1:G9" });
    expect((await failure(forecast(empty, { kind: "selection" }))).message).toBe(
      "The selection has no data: select your two columns (dates or times, then cumulative counts), or type their address in Data.",
    );
    expect(empty.syncs).toBe(1);
    const table = await failure(forecast(new FakeExcel({ sheets: [pctSheet()] }), { kind: "table", name: "Counts" }));
    expect(table).toBeInstanceOf(SourceNotFoundError);
    expect(table.message).toMatch(/^There is no table named "Counts" in this workbook/);
    const sheet = await failure(forecast(new FakeExcel({ sheets: [pctSheet()] }), { kind: "range", sheet: "Counts", address: "A1:B9" }));
    expect(sheet.message).toMatch(/^There is nothing to read at Counts!A1:B9/);
  });

  it("writes nothing when Excel refuses the new sheet, within the round trips of an action", async () => {
    const excel = new FakeExcel({ sheets: [pctSheet()], selection: "A1:B9", protectedStructure: true });
    const before = excel.snapshot();
    const error = await failure(forecast(excel, { kind: "selection" }));
    expect(error.message).toMatch(/protected/);
    expect(excel.syncs).toBeLessThanOrEqual(MAX_SYNCS_PER_ACTION);
    expect(excel.snapshot()).toEqual(before);
  });

  it("costs the same round trips for 10,000 rows as for 8", async () => {
    const cells: Record<string, Scalar> = { A1: "Day", B1: "Sites live" };
    for (let i = 1; i <= 10_000; i++) {
      cells[`A${i + 1}`] = i;
      cells[`B${i + 1}`] = Math.round(5000 / (1 + Math.exp(-(i - 5000) / 800)));
    }
    const excel = new FakeExcel({ sheets: [{ name: "Sites", cells }], selection: "A1:B10001" });
    // One model, not the three "auto" weighs: the round trips are what is measured, not the fit.
    const { plan } = await forecast(excel, { kind: "selection" }, { horizon: "30", model: "logistic" });
    expect(excel.syncs).toBe(2);
    expect(plan.sheets[0].ranges.reduce((sum, range) => sum + range.cells.length, 0)).toBeGreaterThan(10_000);
  });

  it("puts in the Data field the table the selection is in, or the range it holds", async () => {
    const inTable = new FakeExcel({ sheets: [{ ...pctSheet(), tables: [{ name: "tbl_gps", address: "A1:B9" }] }], selection: "B3" });
    expect(await readSelection(inTable.context)).toEqual({ kind: "table", name: "tbl_gps" });
    expect(inTable.syncs).toBe(1);
    const plain = new FakeExcel({ sheets: [pctSheet()], selection: "A:B" });
    expect(await readSelection(plain.context)).toEqual({ kind: "range", sheet: "GP counts", address: "A1:B9" });
  });
});
