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
import { COLUMN_WIDTHS, MODEL_LIST, optionCell } from "./layout";
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
  const cells = new ForecastSheet(input);
  return {
    sheets: [
      {
        name: sheet,
        ranges: cells.ranges(),
        tables: [],
        columnWidths: COLUMN_WIDTHS.map((characters, index) => ({ column: columnLetters(index + 1), characters })),
        charts: [cells.chart()],
        freezeRows: 0,
        rowHeights: cells.rowHeights(),
        validations:
          input.flavour === "crs"
            ? [{ address: optionCell("model").replace(/\$/g, ""), values: MODEL_LIST, message: "The model: auto (the lowest AICc), bass, logistic or gompertz." }]
            : [],
        pageSetup: { orientation: "landscape" },
      },
    ],
    names: [],
    activate: sheet,
    messages: [cells.summary(sheet), ...allocate.renamings(), ...input.series.warnings.map((warning) => warning.message)],
  };
}

export { type Figure, type FigureTable, type ForecastFigures, type ForecastPoint, type ForecastResults, computeForecast, fitForecast, forecastFigures, modelUsed } from "./figures";
export { SENTENCE_CELLS } from "./layout";
export { describeSource } from "./source";
export { FORECAST_DEFAULTS, type ForecastOptionName, type ForecastOptions, ForecastOptionsError, type ForecastOptionsInput, type ForecastUnit, readForecastOptions } from "./options";
export type { ForecastSheetInput } from "./sheet";
export type { FileSource, RangeSource, TableSource, WorksheetSource } from "./source";
export { forecastTimes } from "./steps";
