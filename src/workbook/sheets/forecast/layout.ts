/**
 * Where everything is on a forecast sheet: its fixed rows, columns and tables, the cells of its
 * options and results that the formulas refer to, the formats of its numbers, and the `CRS.`
 * calls over its counts and options.
 */
import type { Series } from "../../../data/series";
import { cellAddress } from "../../../excel/a1";
import { type CellStyle, NUMBER_FORMATS } from "../../plan";
import { FIT_CALLS, type ForecastFigure } from "../dialect";

/** The title, and the caption above each table: bold, and unwrapped so that it runs on over the empty cells beside it. */
export const TITLE_STYLE: CellStyle = { bold: true };
export const MODEL_LIST = ["auto", "bass", "logistic", "gompertz"] as const;

/** The size of COMPARE's and FIT's tables, header included: 3 models; 3 parameters and 4 statistics. */
export const COMPARE_SIZE = { rows: 4, columns: 5 } as const;
export const FIT_SIZE = { rows: 8, columns: 3 } as const;

/** Column widths in characters: labels and the table's dates, then values. */
export const COLUMN_WIDTHS = [44, 16, 14, 14, 14, 14] as const;

/**
 * The fixed rows of the sheet. The options and results sit left, the chart right of them on
 * the first screen; the comparison, the fit and the forecast table below.
 */
export const ROW = {
  title: 1,
  /** Where the counts come from, and the kind of formulas, on the row below. */
  source: 2,
  meaningHeader: 5,
  sentences: 6,
  optionsHeader: 10,
  options: 11,
  resultsHeader: 19,
  results: 20,
  compareCaption: 31,
  compare: 32,
  fitCaption: 32 + COMPARE_SIZE.rows + 1,
  fit: 32 + COMPARE_SIZE.rows + 2,
  tableCaption: 32 + COMPARE_SIZE.rows + 2 + FIT_SIZE.rows + 1,
} as const;
export const TABLE_HEADER_ROW = ROW.tableCaption + 1;
/** The cells of the sentences that say what the forecast means, top to bottom. */
export const SENTENCE_CELLS = [0, 1, 2].map((offset) => cellAddress(ROW.sentences + offset, 1));
/** The chart: right of the options and results. */
export const CHART_POSITION = `D${ROW.optionsHeader}:J${ROW.results + 9}`;

/** The option rows, in order, by what they hold. */
export const OPTION_ROWS = ["model", "market", "target", "by", "confidence", "horizon", "unit"] as const;
/** The result rows, in order. */
export const RESULT_ROWS = ["modelUsed", "weight", "lastTime", "lastCount", "endTime", "endFitted", "endLower", "endUpper", "reach", "chance"] as const;

export type OptionRow = (typeof OPTION_ROWS)[number];
export type ResultRow = (typeof RESULT_ROWS)[number];

/** The absolute address of an option's or a result's value cell, in column B. */
export const optionCell = (row: OptionRow): string => `$B$${ROW.options + OPTION_ROWS.indexOf(row)}`;
export const resultCell = (row: ResultRow): string => `$B$${ROW.results + RESULT_ROWS.indexOf(row)}`;

/** The formats of the sheet's numbers, which depend on the series. */
export interface Formats {
  readonly time: string;
  readonly count: string;
  /** Fitted counts and bounds: a decimal for small counts, where it matters. */
  readonly forecast: string;
}

export function formatsOf(series: Series): Formats {
  const largest = Math.max(...series.counts);
  return {
    time: series.timesAreDates ? NUMBER_FORMATS.date : "General",
    count: series.counts.every(Number.isInteger) ? NUMBER_FORMATS.count : "#,##0.00",
    forecast: largest < 1_000 ? "#,##0.0" : NUMBER_FORMATS.count,
  };
}

/** The `CRS.` calls of a sheet, over its counts and its options. */
export class CrsCalls {
  private readonly model = optionCell("model");
  private readonly market = optionCell("market");

  constructor(
    private readonly times: string,
    private readonly counts: string,
  ) {}

  compare(): string {
    return FIT_CALLS.compare(this.times, this.counts, this.market);
  }

  fit(): string {
    return FIT_CALLS.fit(this.model, this.times, this.counts, this.market);
  }

  forecast(newTimes: string): string {
    return FIT_CALLS.forecast(this.model, this.times, this.counts, newTimes, this.market, optionCell("confidence"));
  }

  reach(target: string): string {
    return FIT_CALLS.reach(this.model, this.times, this.counts, target, this.market);
  }

  chance(target: string, by: string): string {
    return FIT_CALLS.chance(this.model, this.times, this.counts, target, by, this.market);
  }

  bestModel(): string {
    return FIT_CALLS.bestModel(this.times, this.counts, this.market);
  }

  weight(model: string): string {
    return FIT_CALLS.weight(model, this.times, this.counts, this.market);
  }

  forecastAt(time: string, figure: ForecastFigure): string {
    return FIT_CALLS.forecastAt(this.model, this.times, this.counts, time, figure, this.market, optionCell("confidence"));
  }
}

