/**
 * A forecast sheet of counts no curve fits yet: the first six weeks of England's first doses,
 * whose market the counts do not yet show. The CRS. functions forecast them from the recent pace
 * (`forecastOf`); so does the sheet, live and as values, and they say so.
 */
import { describe, expect, it } from "vitest";
import { ModelError } from "../../../../src/model/errors";
import { forecastOf } from "../../../../src/model/predictive";
import { centralBounds } from "../../../../src/model/countDistribution";
import { isoToExcelSerial } from "../../../../src/data";
import { readSeriesCsv } from "../../../../src/data/seriesCsv";
import type { Series } from "../../../../src/data/series";
import { FORECAST_SHEET, SENTENCE_CELLS, planForecast } from "../../../../src/workbook/sheets/forecast";
import { NO_CURVE, computeForecast, forecastFigures } from "../../../../src/workbook/sheets/forecast/figures";
import { type ForecastOptions, type ForecastOptionsInput, readForecastOptions } from "../../../../src/workbook/sheets/forecast/options";
import { forecastTimes } from "../../../../src/workbook/sheets/forecast/steps";
import { cellKey, computeFormulaValues } from "../../../../src/workbook/formula/recalc";
import type { ArrayValue, ScalarValue } from "../../../../src/workbook/formula/values";
import { NO_TAKEN_NAMES } from "../../../../src/workbook/plan/names";
import type { Cell, WorkbookPlan } from "../../../../src/workbook/plan/plan";
import { builtCrsFunctions } from "../../formula/crsFunctions";
import { plannedCells } from "../../plan/planCells";
import { earlyEnglandCsv, earlyEnglandSheet, liveWithSpills } from "./forecastFixtures";

const early = readSeriesCsv(earlyEnglandCsv());
/** Weekly, with a target of 10 million first doses by the end of February 2021. */
const INPUT: ForecastOptionsInput = { unit: "week", target: "10000000", by: "2021-02-28" };
const options = readForecastOptions(INPUT, early);

/** The forecast table's first row on every forecast sheet (below its header). */
const FIRST_ROW = 50;

/** The model's own forecaster of the same counts, as the CRS. functions use it. */
function reference(series: Series, choice: ForecastOptions["model"]) {
  return forecastOf(choice, series.times, series.counts);
}

function portablePlan(series: Series, input: ForecastOptions): WorkbookPlan {
  const figures = forecastFigures(computeForecast(series, input), input);
  return planForecast({ flavour: "portable", series, options: input, source: { kind: "file", name: "doses.csv" }, figures }, NO_TAKEN_NAMES);
}

describe("the figures of counts no curve fits yet", () => {
  const results = computeForecast(early, options);
  const { failure, forecaster } = reference(early, "auto");

  it("say why there is no curve, as the functions do, and forecast from the recent pace instead of refusing", () => {
    expect(failure).toBeInstanceOf(ModelError);
    expect(failure!.message).toMatch(/^No model can be compared on these values\..*market size is not determined/);
    expect(results.chosen).toBeInstanceOf(ModelError);
    expect((results.chosen as ModelError).message).toBe(failure!.message);
    // "auto" fitting no curve is a comparison that failed, for the same reason.
    expect((results.comparison as ModelError).message).toBe(failure!.message);
  });

  it("give at every row the model's forecast and bounds of the recent pace, and no fitted curve, saying why", () => {
    const times = forecastTimes(early, options);
    expect(times).toHaveLength(6 + 12);
    expect(results.times).toEqual(times);
    results.points.forEach((point, i) => {
      const distribution = forecaster.distribution(times[i]);
      const { lower, upper } = centralBounds(distribution, 0.8);
      expect(point.forecast, `row ${i}`).toBeCloseTo(distribution.quantile(0.5), 6);
      expect(point.lower, `row ${i}`).toBeCloseTo(lower, 6);
      expect(point.upper, `row ${i}`).toBeCloseTo(upper, 6);
      expect(point.fitted).toEqual({ missing: failure!.message });
    });
  });

  it("close on each count at its time, and after the last keep the forecast between its bounds, never below the last count", () => {
    const last = early.counts[early.counts.length - 1];
    results.points.forEach((point, i) => {
      const [forecast, lower, upper] = [point.forecast, point.lower, point.upper] as number[];
      if (i < early.counts.length) {
        expect([forecast, lower, upper]).toEqual([early.counts[i], early.counts[i], early.counts[i]]);
        return;
      }
      expect(lower, `row ${i}`).toBeLessThanOrEqual(forecast);
      expect(forecast, `row ${i}`).toBeLessThan(upper);
      expect(lower, `row ${i}`).toBeGreaterThanOrEqual(last);
      // Wide: the upper bound adds at least as many again as the forecast does.
      expect(upper - last, `row ${i}`).toBeGreaterThan(forecast - last);
    });
  });

  it("give REACH's time, at which CHANCE is 1/2, and CHANCE by the target's date, from the same forecaster", () => {
    const reach = results.reach as number;
    expect(reach).toBeGreaterThan(early.times[early.times.length - 1]);
    expect(forecaster.distribution(reach).atLeast(10_000_000)).toBeCloseTo(0.5, 6);
    expect(results.chance).toBeCloseTo(forecaster.distribution(isoToExcelSerial("2021-02-28")).atLeast(10_000_000), 12);
  });

  it("show in the comparison and the fit why there is none, no model used but the pace, and no weight", () => {
    const figures = forecastFigures(results, options);
    expect(figures.modelUsed).toBe(NO_CURVE);
    expect(figures.weightUsed).toEqual({ missing: failure!.message });
    expect(figures.compare).toEqual([[{ missing: failure!.message }]]);
    expect(figures.fit).toEqual([[{ missing: failure!.message }]]);
  });

  it("still refuse counts no forecast can take: counts that do not rise, Bass with dates and no launch", () => {
    const flat = readSeriesCsv("week,count\n1,5\n2,5\n3,5\n4,5\n");
    expect(() => computeForecast(flat, readForecastOptions({}, flat))).toThrow(/values do not change/);
    expect(() => computeForecast(early, readForecastOptions({ model: "bass" }, early))).toThrow(/^bass counts time from the launch/);
  });
});

describe("the forecast sheet of counts no curve fits yet", () => {
  const portable = portablePlan(early, options);
  const portableValues = computeFormulaValues(portable);
  const at = (address: string): Cell | undefined => plannedCells(portable.sheets[0]).get(address)?.value;
  const sentences = (values: Map<string, ScalarValue>) => SENTENCE_CELLS.map((address) => values.get(cellKey(FORECAST_SHEET, address)));

  it("says in its sentences that no curve fits yet and the forecast carries the recent pace on, quoting its cells", () => {
    const result = (row: number): number => (portableValues.get(cellKey(FORECAST_SHEET, `B${row}`)) ?? at(`B${row}`)) as number;
    const count = (value: number): string => Math.round(value).toLocaleString("en-GB");
    expect(sentences(portableValues)).toEqual([
      `10,000,000: as likely as not by ${day(result(29))}; ${Math.round(100 * result(30))}% by 28 Feb 2021.`,
      `By 11 Apr 2021, 12 weeks after the last count (3,520,056 on 17 Jan 2021), the forecast is ${count(result(25))}, as likely above as below, ` +
        `and the count is between ${count(result(26))} and ${count(result(27))} with 80% confidence.`,
      "No curve fits these counts yet: they do not yet show where they level off, or are too few (see the fit below). " +
        "So the forecast carries the recent pace on, with wide bounds; a known market size in B12 may give a curve.",
    ]);
  });

  it("names the pace as the model used, writes the fit's reason beside it, and leaves the fitted column and its line out", () => {
    expect(at("B20")).toBe(NO_CURVE);
    expect(at("A39")).toBe("n/a");
    expect(at("D39")).toMatch(/^n\/a: No model can be compared on these values\./);
    for (let row = FIRST_ROW; row < FIRST_ROW + 18; row++) expect(at(`F${row}`), `F${row}`).toEqual({ formula: "=NA()" });
    expect(portable.sheets[0].charts[0].series.map((item) => item.name)).toEqual(["people_vaccinated_first_dose", "Forecast", "Lower bound", "Upper bound", "Target"]);
  });

  for (const { name, weeks, input } of [
    { name: '"auto", which compares no curve', weeks: 6, input: INPUT },
    { name: "Gompertz, which fits no curve where a logistic one fits", weeks: 7, input: { ...INPUT, model: "gompertz" } },
  ]) {
    it(`gives live, with the built CRS functions, every figure and sentence the file of values gives: ${name}`, () => {
      const { sheet: source, series, source: range } = earlyEnglandSheet(weeks);
      const chosen = readForecastOptions(input, series);
      expect(reference(series, chosen.model).failure).toBeInstanceOf(ModelError);
      const live = planForecast({ flavour: "crs", series, options: chosen, source: range }, NO_TAKEN_NAMES);
      const file = portablePlan(series, chosen);
      const { plan, spills } = liveWithSpills(live, source, columnsOf(series, range.spareRows), chosen);
      const values = computeFormulaValues(plan, { functions: builtCrsFunctions() });
      const fileValues = computeFormulaValues(file);
      const fileCells = plannedCells(file.sheets[0]);
      const shown = (computed: Map<string, ScalarValue>, address: string) => computed.get(cellKey(FORECAST_SHEET, address)) ?? fileCells.get(address)?.value;
      const last = FIRST_ROW + weeks + 12 - 1;
      const addresses = [
        ...Array.from({ length: 11 }, (_, i) => `B${20 + i}`),
        ...["C", "D", "E", "F"].flatMap((column) => Array.from({ length: last - FIRST_ROW + 1 }, (_, i) => `${column}${FIRST_ROW + i}`)),
      ];
      for (const address of addresses) {
        const [got, expected] = [values.get(cellKey(FORECAST_SHEET, address)), shown(fileValues, address)];
        if (typeof expected === "number") expect(got as number, address).toBeCloseTo(expected, 9);
        // A figure the file has none of is #N/A there; live, the function's own error.
        else if (expected !== null && typeof expected === "object") expect(got, address).toHaveProperty("error");
        else expect(got, address).toEqual(expected);
      }
      expect(values.get(cellKey(FORECAST_SHEET, "B20"))).toBe(NO_CURVE);
      // The weight: none where no model can be compared, else the chosen model's, 0 as it fits no curve.
      expect(values.get(cellKey(FORECAST_SHEET, "B21"))).toEqual(chosen.model === "auto" ? { error: "#N/A" } : 0);
      expect(sentences(values)).toEqual(sentences(fileValues));
      // The tables that spill an error live are "n/a" in the file.
      for (const [anchor, spilled] of spills) {
        const top = Array.isArray(spilled) ? spilled[0][0] : spilled;
        if (top !== null && typeof top === "object") expect(fileCells.get(anchor)?.value, anchor).toBe("n/a");
      }
      // Live, the chart keeps the fitted line: a market typed in the options may yet fit a curve.
      expect(live.sheets[0].charts[0].series.map((item) => item.name)).toContain("Fitted curve");
    });
  }

  it("live, turns to a curve when a known market size is typed, as its sentence says", () => {
    const { sheet: source, series, source: range } = earlyEnglandSheet();
    const live = planForecast({ flavour: "crs", series, options, source: range }, NO_TAKEN_NAMES);
    const { plan } = liveWithSpills(live, source, columnsOf(series, range.spareRows), options);
    const sheet = plan.sheets[1];
    // About the adults of England, 45 million.
    const typed = { ...plan, sheets: [plan.sheets[0], { ...sheet, ranges: [...sheet.ranges, { address: "B12", cells: [[45_000_000]] }] }] };
    const values = computeFormulaValues(typed, { functions: builtCrsFunctions() });
    const model = values.get(cellKey(FORECAST_SHEET, "B20"));
    expect(["bass", "logistic", "gompertz"]).toContain(model);
    expect(values.get(cellKey(FORECAST_SHEET, SENTENCE_CELLS[2]))).toMatch(new RegExp(`^The ${String(model)} curve fits these counts best of the three`));
    expect(typeof values.get(cellKey(FORECAST_SHEET, "B28"))).toBe("number");
  });
});

/** "17 Jan 2021", as the sentences show a date serial. */
function day(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** The times and counts a live sheet's formulas take: the series, then its blank spare rows. */
function columnsOf(series: Series, spareRows: number): { times: ArrayValue; counts: ArrayValue } {
  const spare = Array.from({ length: spareRows }, () => [null]);
  return { times: [...series.times.map((time) => [time]), ...spare], counts: [...series.counts.map((count) => [count]), ...spare] };
}
