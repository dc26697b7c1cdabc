import { describe, expect, it } from "vitest";
import { excelSerialToIso, isoToExcelSerial } from "../../../../src/data";
import { readSeries } from "../../../../src/data/series";
import { readForecastOptions } from "../../../../src/workbook/sheets/forecast/options";
import { FORECAST_SHEET, SENTENCE_CELLS, type ForecastSheetInput, planForecast } from "../../../../src/workbook/sheets/forecast";
import { computeForecast, forecastFigures } from "../../../../src/workbook/sheets/forecast/figures";
import type { TableSource } from "../../../../src/workbook/sheets/forecast/source";
import { cellKey, computeFormulaValues } from "../../../../src/workbook/formula/recalc";
import type { ArrayValue, ScalarValue } from "../../../../src/workbook/formula/values";
import { NO_TAKEN_NAMES } from "../../../../src/workbook/plan/names";
import type { Cell, WorkbookPlan } from "../../../../src/workbook/plan/plan";
import { checkPlan } from "../../../../src/workbook/plan/check";
import { builtCrsFunctions } from "../../formula/crsFunctions";
import { NUMBER_FORMATS } from "../../../../src/workbook/plan";
import { PCT_OPTIONS, PCT_SHEET, PCT_SOURCE, REAL_SERIES, liveWithSpills, pctGrid, pctOptions, pctSeries, pctSourceSheet, realSeries } from "./forecastFixtures";
import { formulaOf, plannedCells } from "../../plan/planCells";

const series = pctSeries();
const options = pctOptions();
const live = planForecast({ flavour: "crs", series, options, source: PCT_SOURCE }, NO_TAKEN_NAMES);

function portableInput(input = options, from = series): ForecastSheetInput {
  const results = computeForecast(from, input);
  return { flavour: "portable", series: from, options: input, source: { kind: "file", name: "gps.csv" }, figures: forecastFigures(results, input) };
}

const portable = planForecast(portableInput(), NO_TAKEN_NAMES);

/** What the live sheet says of counts typed below the example's. */
const FOLLOW_NOTE =
  "Counts you type in 'GP counts'!A10:B33 reach the fits, the results and the sentences; press Forecast again to add them to the table and the chart.";

/** The cells of a plan's forecast sheet, by address. */
function cellsOf(plan: WorkbookPlan) {
  return plannedCells(plan.sheets[0]);
}

/** The value or formula planned at an address. */
function at(plan: WorkbookPlan, address: string): Cell | undefined {
  return cellsOf(plan).get(address)?.value;
}

/** The forecast table's rows: the header row holds "Date". */
function tableHeaderRow(plan: WorkbookPlan): number {
  const header = [...cellsOf(plan).values()].find((cell) => cell.column === 1 && cell.value === "Date" && cell.row > 30);
  if (!header) throw new Error("no forecast table");
  return header.row;
}

/** The live plan with the example's source sheet and the built functions' spills (see `liveWithSpills`). */
function pctWithSpills(plan: WorkbookPlan): { plan: WorkbookPlan; spills: Map<string, ArrayValue> } {
  const grid = pctGrid().values.slice(1);
  const spare = Array.from({ length: PCT_SOURCE.spareRows }, () => [null]);
  const times: ArrayValue = [...grid.map((row) => [row[0] as ScalarValue]), ...spare];
  const counts: ArrayValue = [...grid.map((row) => [row[1] as ScalarValue]), ...spare];
  return liveWithSpills(plan, pctSourceSheet(), { times, counts }, options);
}

describe("planForecast: the sheet", () => {
  it("takes a free sheet name and nothing else the workbook has", () => {
    expect(live.sheets.map((sheet) => sheet.name)).toEqual([FORECAST_SHEET]);
    expect(live.names).toEqual([]);
    const taken = { sheets: ["Forecast", "forecast (2)"], tables: [], names: [] };
    const again = planForecast({ flavour: "crs", series, options, source: PCT_SOURCE }, taken);
    expect(again.sheets[0].name).toBe("Forecast (3)");
    expect(again.activate).toBe("Forecast (3)");
    expect(() => checkPlan(again, taken)).not.toThrow();
    expect(() => checkPlan(portable, NO_TAKEN_NAMES)).not.toThrow();
  });

  it("says where the data came from, how it follows them, and any falling count", () => {
    expect(at(live, "A2")).toBe(`Data: 8 counts from 'GP counts'!A1:B9, linked. ${FOLLOW_NOTE}`);
    expect(at(portable, "A2")).toBe("Data: 8 counts from gps.csv, written as values below.");
    expect(live.messages[0]).toBe(
      `Added the forecast in sheet 'Forecast' from 'GP counts'!A1:B9: 8 counts, 31 Oct 2004 to 31 May 2005, and 12 months ahead. ${FOLLOW_NOTE}`,
    );
    const falling = readSeries({ values: [[1, 5], [2, 9], [3, 8], [4, 12]], origin: { kind: "range", sheet: "S", row: 1, column: 1 } });
    const plan = planForecast({ flavour: "crs", series: falling, options: readForecastOptions({}, falling), source: { kind: "range", sheet: "S", address: "A1:B4", spareRows: 0 } }, NO_TAKEN_NAMES);
    expect(plan.messages).toContain(falling.warnings[0].message);
    expect(plan.messages[0]).toContain("The rows below your data are not empty, so only counts typed within it flow in.");
  });

  it("links every count to its cell and gives the fits the range down over the empty rows below it", () => {
    const header = tableHeaderRow(live);
    expect(formulaOf(cellsOf(live).get(`A${header + 1}`))).toBe("='GP counts'!A2");
    expect(formulaOf(cellsOf(live).get(`B${header + 8}`))).toBe("='GP counts'!B9");
    const fit = formulaOf(cellsOf(live).get("A39"));
    expect(fit).toBe("=CRS.FIT($B$11,'GP counts'!$A$2:$A$33,'GP counts'!$B$2:$B$33,$B$12)");
    // The horizon steps by month ends from the last count, which follows new counts.
    expect(formulaOf(cellsOf(live).get(`A${header + 9}`))).toBe("=EOMONTH($B$22,1)");
    expect(formulaOf(cellsOf(live).get("B22"))).toBe("=MAX('GP counts'!$A$2:$A$33)");
    // The horizon rows have no count: the chart leaves a gap there.
    expect(at(live, `B${header + 9}`)).toBeNull();
  });

  it("refers to an Excel table by its columns, so that the sheet follows the table as it grows", () => {
    const source: TableSource = { kind: "table", sheet: PCT_SHEET, table: "GPs", address: "A1:B9", columns: ["Date", "GPs [registered]"] };
    const plan = planForecast({ flavour: "crs", series, options, source }, NO_TAKEN_NAMES);
    expect(formulaOf(cellsOf(plan).get("A33"))).toBe("=CRS.COMPARE(GPs[Date],GPs[GPs '[registered']],$B$12)");
    expect(formulaOf(cellsOf(plan).get("B22"))).toBe("=MAX(GPs[Date])");
    expect(plan.messages[0]).toContain("It follows table GPs as it grows: its new rows reach the fits, the results and the sentences; press Forecast again");
  });

  it("lays out the options as input cells, the model with a drop-down list", () => {
    expect([11, 12, 13, 14, 15, 16, 17].map((row) => at(live, `B${row}`))).toEqual([
      "auto",
      150,
      45,
      isoToExcelSerial("2005-06-30"),
      0.8,
      12,
      "month",
    ]);
    const inputs = live.sheets[0].ranges.filter((range) => range.style?.fill === "#FFF2CC").map((range) => range.address);
    expect(inputs).toEqual(["B11", "B12", "B13", "B14", "B15"]);
    expect(live.sheets[0].validations).toEqual([expect.objectContaining({ address: "B11", values: ["auto", "bass", "logistic", "gompertz"] })]);
    // The portable file's options are what was used: nothing there follows them.
    expect(portable.sheets[0].ranges.some((range) => range.style?.fill === "#FFF2CC")).toBe(false);
    expect(portable.sheets[0].validations).toEqual([]);
  });

  it("charts the counts as markers, the fitted curve, the forecast, its bounds dashed and the target on a date axis", () => {
    const [chart] = live.sheets[0].charts;
    const header = tableHeaderRow(live);
    const last = header + 8 + 12;
    expect(chart.categories).toBe(`A${header + 1}:A${last}`);
    expect(chart.series.map((item) => [item.name, item.values, item.look])).toEqual([
      ["GPs registered", `B${header + 1}:B${last}`, "markers"],
      ["Fitted curve", `F${header + 1}:F${last}`, "line"],
      ["Forecast", `C${header + 1}:C${last}`, "line"],
      ["Lower bound", `D${header + 1}:D${last}`, "dashed"],
      ["Upper bound", `E${header + 1}:E${last}`, "dashed"],
      ["Target", `G${header + 1}:G${last}`, "dashed"],
    ]);
    // Month-end counts and a monthly horizon: 31 Oct 2004 to 31 May 2006 in months, labelled every other month.
    expect(chart.dateAxis).toEqual({ format: "mmm yy", unit: "months", labelEvery: 2 });
    expect([chart.xAxisTitle, chart.yAxisTitle]).toEqual(["Date", "GPs registered"]);
  });

  it("puts weekly counts on a date axis in days, labelled about a dozen times", () => {
    const england = realSeries(REAL_SERIES.find((file) => file.file.startsWith("england"))!.text);
    const plan = planForecast(portableInput(readForecastOptions({}, england), england), NO_TAKEN_NAMES);
    // 13 Dec 2020 to 11 Apr 2022: 484 days.
    expect(plan.sheets[0].charts[0].dateAxis).toEqual({ format: "mmm yy", unit: "days", labelEvery: 41 });
  });

  it("leaves every cell a spill needs empty in the live sheet", () => {
    const cells = cellsOf(live);
    const header = tableHeaderRow(live);
    const empty = (columns: string, from: number, to: number) => {
      for (let row = from; row <= to; row++) for (const column of columns) expect(at(live, `${column}${row}`), `${column}${row}`).toBeNull();
    };
    empty("BCDE", 34, 36);
    empty("ABCDE", 34, 36);
    empty("BC", 39, 39);
    empty("ABC", 40, 46);
    // The forecast table spills nothing: a formula per figure and row, each its own number.
    expect(at(live, `C${header}`)).toBe("Forecast");
    for (let row = header + 1; row <= header + 20; row++) {
      ["forecast", "lower", "upper", "fitted"].forEach((figure, i) =>
        expect(cells.get(`${"CDEF"[i]}${row}`)?.formula, `${"CDEF"[i]}${row}`).toMatch(new RegExp(`^=CRS\\.FORECASTAT\\(.*,\\$A${row},"${figure}",`)),
      );
    }
  });
});

describe("planForecast: the live sheet computed with the built CRS functions", () => {
  const { plan, spills } = pctWithSpills(live);
  const values = computeFormulaValues(plan, { functions: builtCrsFunctions() });
  const portableValues = computeFormulaValues(portable);
  const valueAt = (computed: Map<string, ScalarValue>, address: string) => computed.get(cellKey(FORECAST_SHEET, address));

  it("spills the tables the portable sheet holds as values: the same fit, comparison and forecast", () => {
    const portableCells = cellsOf(portable);
    for (const [anchor, array] of spills) {
      const { row, column } = cellsOf(live).get(anchor)!;
      array.forEach((cells, r) =>
        cells.forEach((value, c) => {
          const address = `${String.fromCharCode(64 + column + c)}${row + r}`;
          const expected = portableCells.get(address)?.value;
          // Where the live function shows an error with a message, the values say "n/a".
          if (value !== null && typeof value === "object") expect(expected, address).toBe("n/a");
          else if (typeof value === "number") expect(expected as number, address).toBeCloseTo(value, 9);
          else expect(expected ?? "", address).toBe(value ?? "");
        }),
      );
    }
  });

  it("gives in every row of the forecast table, its bounds' headers too, what the portable sheet gives", () => {
    const header = tableHeaderRow(live);
    for (const column of "CDEF") {
      for (let row = header; row <= header + 20; row++) {
        const address = `${column}${row}`;
        const [got, expected] = [valueAt(values, address) ?? at(live, address), at(portable, address)];
        if (typeof expected === "number") expect(got as number, address).toBeCloseTo(expected, 9);
        else expect(got, address).toEqual(expected);
      }
    }
  });

  it("gives in every result cell and sentence what the portable sheet gives", () => {
    for (let row = 20; row <= 30; row++) {
      const [got, expected] = [valueAt(values, `B${row}`), valueAt(portableValues, `B${row}`) ?? at(portable, `B${row}`)];
      if (typeof expected === "number") expect(got as number, `B${row}`).toBeCloseTo(expected, 9);
      else expect(got, `B${row}`).toEqual(expected);
    }
    for (const address of SENTENCE_CELLS) expect(valueAt(values, address), address).toBe(valueAt(portableValues, address));
  });

  it("says what it means in plain sentences, quoting the result cells", () => {
    const result = (row: number): number => valueAt(values, `B${row}`) as number;
    const day = (serial: number): string => new Date(excelSerialToIso(serial)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    // B25 to B28: the forecast, its bounds and the fitted curve at the horizon's end; B29 REACH, B30 CHANCE.
    expect(result(25)).toBeGreaterThan(result(26));
    expect(result(25)).toBeLessThan(result(27));
    expect(SENTENCE_CELLS.map((address) => valueAt(values, address))).toEqual([
      `45 of 150 (30%): as likely as not by ${day(result(29))}; ${Math.round(100 * result(30))}% by 30 Jun 2005.`,
      `By 31 May 2006, 12 months after the last count (36 on 31 May 2005), the forecast is ${result(25).toFixed(1)}, as likely above as below, and the count is between ${result(26).toFixed(1)} and ${result(27).toFixed(1)} with 80% confidence.`,
      "The gompertz curve fits these counts best of the three (the lowest AICc; Akaike weight 98%: see Models compared below).",
    ]);
    expect(day(result(29))).toBe("6 Jul 2005");
  });

  it("takes a count typed below the data into the results and sentences, and leaves the table and chart as the note says", () => {
    const [source, sheet] = plan.sheets;
    const june = { address: "A10", cells: [[isoToExcelSerial("2005-06-30"), 44]] };
    const typed = computeFormulaValues({ ...plan, sheets: [{ ...source, ranges: [...source.ranges, june] }, sheet] }, { functions: builtCrsFunctions() });
    expect([valueAt(typed, "B22"), valueAt(typed, "B23")]).toEqual([isoToExcelSerial("2005-06-30"), 44]);
    expect(valueAt(typed, SENTENCE_CELLS[1])).toMatch(/^By 30 Jun 2006, 12 months after the last count \(44 on 30 Jun 2005\)/);
    const header = tableHeaderRow(live);
    // The table keeps its eight counts; its horizon moves on from the new count.
    expect(at(live, `B${header + 9}`)).toBeNull();
    expect(valueAt(typed, `A${header + 9}`)).toBe(isoToExcelSerial("2005-07-31"));
    expect(at(live, "A2")).toContain("press Forecast again to add them to the table and the chart");
  });

  it("keeps its sentences true when the user changes the model or the target", () => {
    const changed = (address: string, value: Cell) => {
      const sheet = plan.sheets[1];
      return computeFormulaValues({ ...plan, sheets: [plan.sheets[0], { ...sheet, ranges: [...sheet.ranges, { address, cells: [[value]] }] }] }, { functions: builtCrsFunctions() });
    };
    const logistic = changed("B11", "Logistic");
    expect(valueAt(logistic, SENTENCE_CELLS[2])).toMatch(/^The logistic curve, as chosen in B11; its Akaike weight among the three is \d+%\.$/);
    const noTarget = changed("B13", null);
    expect(valueAt(noTarget, SENTENCE_CELLS[0])).toBe(
      "No target: type a target count in B13 and a date in B14 to see when it is reached and the chance of reaching it by then.",
    );
    const never = changed("B13", 150);
    // With the market known the count piles up at it: all 150 become as likely as not in time.
    expect(valueAt(never, SENTENCE_CELLS[0])).toMatch(/^150 of 150 \(100%\): as likely as not by \d+ \w{3} \d{4}; 0% by 30 Jun 2005\.$/);
  });

  it("says in words why a figure is #NUM!, whose message Excel never shows, and points to the cells only for #N/A and #VALUE!", () => {
    const changed = (address: string, value: Cell) => {
      const sheet = plan.sheets[1];
      return computeFormulaValues({ ...plan, sheets: [plan.sheets[0], { ...sheet, ranges: [...sheet.ranges, { address, cells: [[value]] }] }] }, { functions: builtCrsFunctions() });
    };
    const negativeTarget = changed("B13", -5);
    expect(valueAt(negativeTarget, "B29")).toEqual({ error: "#NUM!" });
    expect(valueAt(negativeTarget, SENTENCE_CELLS[0])).toBe(
      "The target cannot be worked out (#NUM!): give a target greater than 0; if it is, the counts do not level off yet: give a known market size in B12.",
    );
    const noConfidence = changed("B15", 2);
    expect(valueAt(noConfidence, "B25")).toEqual({ error: "#NUM!" });
    expect(valueAt(noConfidence, SENTENCE_CELLS[1])).toMatch(/^The forecast cannot be worked out \(#NUM!\): the counts do not level off yet.*confidence between 0 and 1\.$/);
    const textTarget = changed("B13", "many");
    expect(valueAt(textTarget, "B29")).toEqual({ error: "#VALUE!" });
    expect(valueAt(textTarget, SENTENCE_CELLS[0])).toBe("The target cannot be worked out: see the error cells below (hover over one for why).");
    for (const sentences of [negativeTarget, noConfidence]) {
      for (const address of SENTENCE_CELLS) expect(String(valueAt(sentences, address))).not.toMatch(/hover/);
    }
  });
});

describe("planForecast: the portable sheet", () => {
  const values = computeFormulaValues(portable);

  it("writes the counts as values, and what only the add-in computes as values from the model", () => {
    const header = tableHeaderRow(portable);
    expect(at(portable, `A${header + 1}`)).toBe(isoToExcelSerial("2004-10-31"));
    expect(at(portable, `B${header + 8}`)).toBe(36);
    const results = computeForecast(series, options);
    // 30 Jun 2005, the first month of the horizon: the README's forecast 43.5 with 80% bounds 40.3 to 48.2, the curve at 43.3.
    expect(values.get(cellKey(FORECAST_SHEET, `A${header + 9}`))).toBe(isoToExcelSerial("2005-06-30"));
    const june = [header + 9].flatMap((row) => ["C", "D", "E", "F"].map((column) => at(portable, `${column}${row}`) as number));
    expect(june.map((value) => Number(value.toFixed(1)))).toEqual([43.5, 40.3, 48.2, 43.3]);
    expect(at(portable, "B29")).toBeCloseTo(results.reach as number, 12);
    expect(at(portable, "B30")).toBeCloseTo(0.308, 3);
    expect(at(portable, "B20")).toBe("gompertz");
  });

  it("marks a figure there is none of as n/a, with the reason beside it: Bass in the comparison, with dates as times", () => {
    expect(at(portable, "A34")).toBe("bass");
    expect(["B34", "C34", "D34"].map((address) => at(portable, address))).toEqual(["n/a", "n/a", "n/a"]);
    expect(at(portable, "E34")).toBe(0);
    expect(at(portable, "F34")).toMatch(/^n\/a: .*launch/);
    expect(at(portable, "F35")).toBeUndefined();
  });

  it("computes every formula with Excel's own functions only", () => {
    const formulas = [...cellsOf(portable).values()].map((cell) => cell.formula).filter((formula): formula is string => formula !== null);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((formula) => /CRS\./.test(formula))).toEqual([]);
    for (const cell of cellsOf(portable).values()) {
      if (cell.formula !== null) expect(values.has(cellKey(FORECAST_SHEET, cell.address)), cell.address).toBe(true);
    }
  });

  it("states the target's figures only while B13 and B14 hold the target it was written with, else says to run the forecast again", () => {
    const typed = (cells: Record<string, Cell>) => {
      const sheet = portable.sheets[0];
      const ranges = Object.entries(cells).map(([address, value]) => ({ address, cells: [[value]] }));
      return computeFormulaValues({ ...portable, sheets: [{ ...sheet, ranges: [...sheet.ranges, ...ranges] }] }).get(cellKey(FORECAST_SHEET, SENTENCE_CELLS[0]));
    };
    expect(typed({})).toBe("45 of 150 (30%): as likely as not by 6 Jul 2005; 31% by 30 Jun 2005.");
    const rerun =
      "The target in B13 and B14 is not the one this file was written with (the figures below are for that one): to see another, run the forecast again with --target and --by (the count, and the date to reach it by).";
    expect(typed({ B13: 50 })).toBe(rerun);
    expect(typed({ B14: isoToExcelSerial("2005-12-31") })).toBe(rerun);
    expect(typed({ B13: null, B14: null })).toBe(rerun);
  });

  it("words numeric times as times, and a sheet without a target says how to give one", () => {
    const rows = [["Week", "Sites live"], ["0", "3"], ["1", "9"], ["2", "20"], ["3", "38"], ["4", "60"], ["5", "79"]];
    const weeks = readSeries({ values: rows, origin: { kind: "csv", lines: rows.map((_, i) => i + 1) } });
    const weekOptions = readForecastOptions({ unit: "week", horizon: "4" }, weeks);
    const plan = planForecast(portableInput(weekOptions, weeks), NO_TAKEN_NAMES);
    const computed = computeFormulaValues(plan);
    const sentences = SENTENCE_CELLS.map((address) => computed.get(cellKey(FORECAST_SHEET, address)));
    expect(sentences[0]).toBe(
      "No target was given when this file was written: to see when one is reached and the chance of reaching it by a time, run the forecast again with --target and --by (the count, and the time to reach it by).",
    );
    const typedTarget = { ...plan.sheets[0], ranges: [...plan.sheets[0].ranges, { address: "B13", cells: [[50]] }] };
    expect(computeFormulaValues({ ...plan, sheets: [typedTarget] }).get(cellKey(FORECAST_SHEET, SENTENCE_CELLS[0]))).toBe(
      "A target typed here is not worked out, as this file holds values computed when it was written: run the forecast again with --target and --by (the count, and the time to reach it by).",
    );
    expect(sentences[1]).toMatch(/^By week 9\.0, 4 weeks after the last count \(79 at week 5\.0\), the forecast is [\d.]+, as likely above as below, and the count is between/);
    expect(plan.sheets[0].charts[0].dateAxis).toBeUndefined();
    expect(plan.sheets[0].charts[0].series.map((item) => item.name)).toEqual(["Sites live", "Fitted curve", "Forecast", "Lower bound", "Upper bound"]);
  });
});

describe("planForecast: Bass with dates, from a launch", () => {
  const launched = pctOptions({ ...PCT_OPTIONS, model: "bass", launch: "30/09/2004" });
  const plan = planForecast({ flavour: "crs", series, options: launched, source: PCT_SOURCE }, NO_TAKEN_NAMES);
  const cells = cellsOf(plan);
  /** The months since the launch in B18, as every fit takes the dates. */
  const months = (dates: string) => `CRS.PERIODS($B$18,${dates},$B$17)`;
  const data = `${months("'GP counts'!$A$2:$A$33")},'GP counts'!$B$2:$B$33`;

  it("has the launch as an input below the other options, the rows below them one down", () => {
    expect(launched.launch).toBe(isoToExcelSerial("2004-09-30"));
    expect(at(plan, "A18")).toBe("Launch: Bass counts months from it");
    expect(cells.get("B18")).toMatchObject({ value: launched.launch, numberFormat: NUMBER_FORMATS.date, style: expect.objectContaining({ fill: "#FFF2CC" }) });
    expect(at(plan, "A20")).toBe("Results");
    expect(at(plan, "A21")).toBe("Model used");
    // The sheet without a launch keeps the row between the options and the results empty.
    expect(at(live, "A18")).toBeUndefined();
  });

  it("fits every curve to the months since the launch that CRS.PERIODS gives over the dates", () => {
    expect(formulaOf(cells.get("A34"))).toBe(`=CRS.COMPARE(${data},$B$12)`);
    expect(formulaOf(cells.get("A40"))).toBe(`=CRS.FIT($B$11,${data},$B$12)`);
    expect(at(plan, "A39")).toBe("Fit of the model chosen in the options (=CRS.FIT on months since the launch: estimates and standard errors)");
    const header = tableHeaderRow(plan);
    expect(header).toBe(50);
    expect(formulaOf(cells.get(`C${header + 1}`))).toBe(`=CRS.FORECASTAT($B$11,${data},${months(`$A${header + 1}`)},"forecast",$B$12,$B$15)`);
    expect(formulaOf(cells.get("B31"))).toBe(`=IF(OR(ISBLANK($B$13),ISBLANK($B$14)),"",CRS.CHANCE($B$11,${data},$B$13,${months("$B$14")},$B$12))`);
  });

  it("gives the date the target is as likely as not reached: the launch and REACH's periods, months of 365.25/12 days", () => {
    expect(formulaOf(cells.get("B30"))).toBe(`=IF(ISBLANK($B$13),"",$B$18+CRS.REACH($B$11,${data},$B$13,$B$12)*(365.25/12))`);
    expect(cells.get("B30")?.numberFormat).toBe(NUMBER_FORMATS.date);
    // In weeks: CRS.PERIODS counts weeks since the launch, and REACH's weeks are of 7 days.
    const weekly = planForecast({ flavour: "crs", series, options: pctOptions({ ...PCT_OPTIONS, model: "bass", launch: "", unit: "week" }), source: PCT_SOURCE }, NO_TAKEN_NAMES);
    expect([at(weekly, "B17"), at(weekly, "A18"), at(weekly, "B18")]).toEqual(["week", "Launch: Bass counts weeks from it", isoToExcelSerial("2004-10-31")]);
    expect(formulaOf(cellsOf(weekly).get("B30"))).toBe(`=IF(ISBLANK($B$13),"",$B$18+CRS.REACH($B$11,${data},$B$13,$B$12)*7)`);
  });

  it("shows in a file of values the launch it was fitted from", () => {
    const file = planForecast(portableInput(launched), NO_TAKEN_NAMES);
    expect([at(file, "A18"), at(file, "B18")]).toEqual(["Launch: Bass counts months from it", launched.launch]);
    expect(file.sheets[0].ranges.some((range) => range.style?.fill === "#FFF2CC")).toBe(false);
    expect(at(file, "A39")).toBe("Fit of the model used (CRS.FIT on months since the launch, values when written: estimates and standard errors)");
    expect(at(file, "B21")).toBe("bass");
    expect([...cellsOf(file).values()].filter((cell) => /CRS\./.test(cell.formula ?? ""))).toEqual([]);
  });
});
