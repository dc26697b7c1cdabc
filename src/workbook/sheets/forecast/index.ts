/**
 * The plan of a forecast sheet: a user's own cumulative counts turned into a sheet that says
 * when a target is reached and how likely that is by a date, with the models compared, the fit,
 * a forecast table with bounds and a native chart. Excel's Forecast Sheet, for adoption curves.
 *
 * One plan, two flavours, the same cells:
 * - "crs" (the task pane): the counts linked to the user's sheet, the options as input cells,
 *   and every figure a live `CRS.` formula over the counts and the options, so that the sheet
 *   follows new counts and changed options;
 * - "portable" (`npm run forecast`): the counts as values, and what only the add-in computes
 *   (the comparison, the fit, the forecast and its bounds, REACH and CHANCE) as values computed
 *   when the file was written, labelled so; the rest (the last count, the horizon's dates, the
 *   sentences) stays native formulas.
 *
 * The sentences at the top are formulas with TEXT in both flavours, so they stay true when the
 * numbers change.
 */
import { columnLetters } from "../../../excel/a1";
import { NameAllocator, type TakenNames, type WorkbookPlan } from "../../plan";
import { SheetBuilder } from "../sheetBuilder";
import { COLUMN_WIDTHS, ForecastLayout } from "./layout";
import { type ForecastSheetInput, ForecastSheet } from "./sheet";

/** The sheet name a forecast asks for; a taken one gets "Forecast (2)" and so on. */
export const FORECAST_SHEET = "Forecast";

/**
 * Plans a forecast sheet in a workbook that already uses the names in `taken`: a free sheet
 * name ("Forecast", "Forecast (2)", …), never anything the user has.
 *
 * @example planForecast({ flavour: "crs", series, options, source: { kind: "range", sheet: "Sheet1", address: "A1:B9", spareRows: 24 } }, taken).sheets[0].name // "Forecast"
 */
export function planForecast(input: ForecastSheetInput, taken: TakenNames): WorkbookPlan {
  const allocate = new NameAllocator(taken);
  const sheet = allocate.sheet(FORECAST_SHEET);
  const forecast = new ForecastSheet(input, sheet);
  const { builder } = forecast;
  return {
    sheets: [
      {
        name: sheet,
        ranges: builder.ranges,
        tables: [],
        columnWidths: COLUMN_WIDTHS.map((characters, index) => ({ column: columnLetters(index + 1), characters })),
        charts: [forecast.chart()],
        freezeRows: 0,
        rowHeights: builder.rowHeights(),
        validations: builder.validations,
        pageSetup: { orientation: "landscape" },
      },
    ],
    names: builder.definedNames,
    activate: sheet,
    messages: [forecast.summary(), ...allocate.renamings(), ...input.series.warnings.map((warning) => warning.message)],
  };
}

/**
 * The cells of the sentences that say what the forecast means, top to bottom: the same on every
 * forecast sheet, as the rows above the forecast table do not depend on the counts.
 */
export const SENTENCE_CELLS: readonly string[] = new ForecastLayout(new SheetBuilder(FORECAST_SHEET, {}, COLUMN_WIDTHS)).sentenceCells;

export { type Figure, type FigureTable, type ForecastFigures, type ForecastPoint, type ForecastResults, NO_CURVE, computeForecast, forecastFigures, forecasterOf, modelUsed, noCurveMessage } from "./figures";
export { describeSource } from "./source";
export { FORECAST_DEFAULTS, type ForecastOptionName, type ForecastOptions, ForecastOptionsError, type ForecastOptionsInput, type ForecastUnit, readForecastOptions } from "./options";
export type { ForecastSheetInput } from "./sheet";
export type { FileSource, RangeSource, TableSource, WorksheetSource } from "./source";
export { forecastTimes } from "./steps";
