/**
 * Series and sources for the forecast tests: the README's worked example (a PCT's 150 GPs,
 * eight month-end counts, the 30% threshold by 30 Jun 2005), as a worksheet range, a table and
 * a file; the shipped real series; and the early weeks of one of them, which no curve fits yet.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isoToExcelSerial } from "../../../../src/data";
import type { IsoDate } from "../../../../src/data";
import { type Series, readSeries } from "../../../../src/data/series";
import { readSeriesCsv } from "../../../../src/data/seriesCsv";
import { type ForecastOptionsInput, readForecastOptions, type ForecastOptions } from "../../../../src/workbook/sheets/forecast/options";
import type { RangeSource } from "../../../../src/workbook/sheets/forecast/source";
import type { Cell, SheetPlan, WorkbookPlan } from "../../../../src/workbook/plan/plan";
import { type ArrayValue, isArrayValue } from "../../../../src/workbook/formula/values";
import { builtCrsFunctions } from "../../formula/crsFunctions";

export const SERIES_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "fixtures", "series");

/** The shipped real series: file name and text. */
export const REAL_SERIES: readonly { readonly file: string; readonly text: string }[] = readdirSync(SERIES_FOLDER)
  .filter((file) => file.endsWith(".csv"))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(SERIES_FOLDER, file), "utf8") }));

/** The worked example's counts, as a sheet holds them: a header row, then month-end dates and counts. */
export const PCT_ROWS: readonly (readonly [string, number])[] = [
  ["2004-10-31", 2],
  ["2004-11-30", 6],
  ["2004-12-31", 8],
  ["2005-01-31", 14],
  ["2005-02-28", 17],
  ["2005-03-31", 24],
  ["2005-04-30", 28],
  ["2005-05-31", 36],
];

/** The example's cells as Excel's `Range.values` gives them for 'GP counts'!A1:B9: a header row, date serials and counts. */
export const PCT_CELLS: (string | number)[][] = [["Date", "GPs registered"], ...PCT_ROWS.map(([date, count]) => [isoToExcelSerial(date as IsoDate), count])];

/** The example's sheet, and where its counts are on it. */
export const PCT_SHEET = "GP counts";
export const PCT_SOURCE: RangeSource = { kind: "range", sheet: PCT_SHEET, address: "A1:B9", spareRows: 24 };

/** The example's grid as Excel's `Range.values` and `numberFormat` give it. */
export function pctGrid(): { values: Cell[][]; numberFormat: string[][] } {
  const values: Cell[][] = PCT_CELLS.map((row) => [...row]);
  return { values, numberFormat: values.map((_, r) => (r === 0 ? ["General", "General"] : ["d mmm yyyy", "General"])) };
}

/** The example read as the pane reads it. */
export function pctSeries(): Series {
  const grid = pctGrid();
  return readSeries({ values: grid.values, numberFormat: grid.numberFormat, origin: { kind: "range", sheet: PCT_SHEET, row: 1, column: 1 } });
}

/** The example's options: the market of 150 GPs and the threshold, 45 of them by 30 Jun 2005. */
export const PCT_OPTIONS: ForecastOptionsInput = { market: "150", target: "45", by: "30/06/2005" };

export function pctOptions(input: ForecastOptionsInput = PCT_OPTIONS): ForecastOptions {
  return readForecastOptions(input, pctSeries());
}

/** The example's source sheet as a plan sheet, so that formulas over it can be computed. */
export function pctSourceSheet(): SheetPlan {
  return { name: PCT_SHEET, ranges: [{ address: "A1", cells: pctGrid().values }], tables: [], columnWidths: [], charts: [], freezeRows: 0 };
}

/** A real series read from its file. */
export function realSeries(text: string): Series {
  return readSeriesCsv(text);
}

/**
 * The first weeks of England's first doses (`england-first-doses-weekly.csv`), as a CSV text
 * with its header: six weekly counts, 13 Dec 2020 to 17 Jan 2021 (55,576 to 3,520,056), are
 * still rising ever faster, so no curve can be fitted to them ("auto" compares none: the logistic
 * and Gompertz markets are not determined, Bass takes no dates); seven are the first a logistic
 * curve fits, and still no Gompertz curve.
 */
export function earlyEnglandCsv(weeks = 6): string {
  const england = REAL_SERIES.find((file) => file.file === "england-first-doses-weekly.csv")!;
  return `${england.text.split("\n").slice(0, weeks + 1).join("\n")}\n`;
}

/** The first weeks of England's first doses (see `earlyEnglandCsv`) in A1 of a sheet, dates as dates, and where they are. */
export function earlyEnglandSheet(weeks = 6): { readonly sheet: SheetPlan; readonly series: Series; readonly source: RangeSource } {
  const series = readSeriesCsv(earlyEnglandCsv(weeks));
  const values: Cell[][] = [["Date", "First doses"], ...series.times.map((time, i) => [time, series.counts[i]])];
  const numberFormat = values.map((_, r) => (r === 0 ? ["General", "General"] : ["d mmm yyyy", "General"]));
  const read = readSeries({ values, numberFormat, origin: { kind: "range", sheet: EARLY_SHEET, row: 1, column: 1 } });
  return {
    sheet: { name: EARLY_SHEET, ranges: [{ address: "A1", cells: values }], tables: [], columnWidths: [], charts: [], freezeRows: 0 },
    series: read,
    source: { kind: "range", sheet: EARLY_SHEET, address: `A1:B${weeks + 1}`, spareRows: 24 },
  };
}

const EARLY_SHEET = "Doses";

/** A spilled array as plan cells (errors as the formulas that give them), to stand in for a spill. */
function spillCells(values: ArrayValue): Cell[][] {
  return values.map((row) =>
    row.map((value): Cell => {
      if (value !== null && typeof value === "object") return { formula: value.error === "#N/A" ? "=NA()" : "=LN(0)" };
      return value;
    }),
  );
}

/** Where a forecast sheet's spilled tables are: COMPARE's and FIT's. */
const SPILL_ANCHORS = { compare: "A33", fit: "A39" } as const;

/**
 * A live forecast plan with its source sheet, and each spilled table replaced by what the built
 * `CRS.` function spills there, so that the formula evaluator can compute every other formula
 * (the evaluator computes one value per cell, not spills). `times` and `counts` are the columns
 * the sheet's formulas take, as the functions receive them (blank spare rows as null).
 */
export function liveWithSpills(
  plan: WorkbookPlan,
  source: SheetPlan,
  data: { readonly times: ArrayValue; readonly counts: ArrayValue },
  options: ForecastOptions,
): { plan: WorkbookPlan; spills: Map<string, ArrayValue> } {
  const crs = builtCrsFunctions();
  const call = { name: "", arrayContext: false };
  const { times, counts } = data;
  const spills = new Map<string, ArrayValue>([
    [SPILL_ANCHORS.compare, crs.get("CRS.COMPARE")!([times, counts, options.market], call) as ArrayValue],
    [SPILL_ANCHORS.fit, crs.get("CRS.FIT")!([options.model, times, counts, options.market], call) as ArrayValue],
  ]);
  const sheet = plan.sheets[0];
  const filled = [...spills].map(([address, values]) => ({ address, cells: spillCells(isArrayValue(values) ? values : [[values]]) }));
  return { plan: { ...plan, sheets: [source, { ...sheet, ranges: [...sheet.ranges, ...filled] }] }, spills };
}
