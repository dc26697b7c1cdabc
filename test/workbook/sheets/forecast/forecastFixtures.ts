/**
 * Series and sources for the forecast tests: the README's worked example (a PCT's 150 GPs,
 * eight month-end counts, the 30% threshold by 30 Jun 2005), as a worksheet range, a table and
 * a file; and the shipped real series.
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
import type { Cell, SheetPlan } from "../../../../src/workbook/plan/plan";

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
