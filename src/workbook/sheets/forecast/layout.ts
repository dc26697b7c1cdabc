/**
 * Where everything is on a forecast sheet: the rows its sections take, its columns and tables,
 * the cells of its options and results that the formulas refer to, the formats of its numbers,
 * and the `CRS.` calls over its counts and options.
 */
import type { Series } from "../../../data/series";
import { cellAddress } from "../../../excel/a1";
import { type CellStyle, NUMBER_FORMATS } from "../../plan";
import { FIT_CALLS, type ForecastFigure, crsCall } from "../dialect";
import type { SheetBuilder } from "../sheetBuilder";

/** The title, and the caption above each table: bold, and unwrapped so that it runs on over the empty cells beside it. */
export const TITLE_STYLE: CellStyle = { bold: true };
export const MODEL_LIST = ["auto", "bass", "logistic", "gompertz"] as const;

/** The size of COMPARE's and FIT's tables, header included: 3 models; 3 parameters and 4 statistics. */
export const COMPARE_SIZE = { rows: 4, columns: 5 } as const;
export const FIT_SIZE = { rows: 8, columns: 3 } as const;

/** Column widths in characters: labels and the table's dates, then values. */
export const COLUMN_WIDTHS = [44, 16, 14, 14, 14, 14, 14] as const;

/** The option rows, in order, by what they hold. */
export const OPTION_ROWS = ["model", "market", "target", "by", "confidence", "horizon", "unit"] as const;
/** The option row of Bass with dates only, after the others: the launch its time counts from. */
export const LAUNCH_ROW = "launch";
/** The result rows, in order. */
export const RESULT_ROWS = ["modelUsed", "weight", "lastTime", "lastCount", "endTime", "endForecast", "endLower", "endUpper", "endFitted", "reach", "chance"] as const;

export type OptionRow = (typeof OPTION_ROWS)[number] | typeof LAUNCH_ROW;
export type ResultRow = (typeof RESULT_ROWS)[number];

/** The sentences that say what the forecast means: of the target, the forecast and the model. */
const SENTENCE_COUNT = 3;

/**
 * Where the sections of a forecast sheet are: each asks the sheet's builder for its rows in
 * turn, from the top and a row apart, so that a section's rows follow from those above it. The
 * options and results sit left, the chart right of them on the first screen; the comparison,
 * the fit and the forecast table's caption and header below, and the table's rows after them.
 * The formulas refer to the option and result cells through it, and none of these rows depends
 * on the counts: every forecast sheet has them at the same place, but for Bass with dates, whose
 * launch takes an option row more and moves the rows below the options down one.
 */
export class ForecastLayout {
  /** The option rows this sheet has, in order. */
  readonly optionRows: readonly OptionRow[];
  readonly title: number;
  /** Where the counts come from, and the kind of formulas, on the row below. */
  readonly source: number;
  readonly meaningHeader: number;
  readonly sentences: number;
  readonly optionsHeader: number;
  readonly options: number;
  readonly resultsHeader: number;
  readonly results: number;
  readonly compareCaption: number;
  readonly compare: number;
  readonly fitCaption: number;
  readonly fit: number;
  readonly tableCaption: number;
  readonly tableHeader: number;

  /** @param launch whether the sheet has the launch of Bass with dates among its options */
  constructor(builder: SheetBuilder, launch = false) {
    this.optionRows = launch ? [...OPTION_ROWS, LAUNCH_ROW] : OPTION_ROWS;
    this.title = builder.take();
    this.source = builder.take(2);
    builder.gap();
    this.meaningHeader = builder.take();
    this.sentences = builder.take(SENTENCE_COUNT);
    builder.gap();
    this.optionsHeader = builder.take();
    this.options = builder.take(this.optionRows.length);
    builder.gap();
    this.resultsHeader = builder.take();
    this.results = builder.take(RESULT_ROWS.length);
    builder.gap();
    this.compareCaption = builder.take();
    this.compare = builder.take(COMPARE_SIZE.rows);
    builder.gap();
    this.fitCaption = builder.take();
    this.fit = builder.take(FIT_SIZE.rows);
    builder.gap();
    this.tableCaption = builder.take();
    this.tableHeader = builder.take();
  }

  /** The absolute address of an option's or a result's value cell, in column B. */
  readonly optionCell = (row: OptionRow): string => {
    const index = this.optionRows.indexOf(row);
    if (index === -1) throw new Error(`This forecast sheet has no ${row} option.`);
    return `$B$${this.options + index}`;
  };
  readonly resultCell = (row: ResultRow): string => `$B$${this.results + RESULT_ROWS.indexOf(row)}`;

  /** The cells of the sentences, top to bottom. */
  get sentenceCells(): string[] {
    return Array.from({ length: SENTENCE_COUNT }, (_, offset) => cellAddress(this.sentences + offset, 1));
  }

  /** The chart: right of the options and results. */
  get chartPosition(): string {
    return `D${this.optionsHeader}:J${this.results + 9}`;
  }
}

/** The formats of the sheet's numbers, which depend on the series. */
export interface Formats {
  readonly time: string;
  readonly count: string;
  /** Forecasts, bounds and the fitted curve: a decimal for small counts, where it matters. */
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

/**
 * The clock of Bass with dates: the fits take each date as the periods since the launch in cell
 * `launch` (CRS.PERIODS(launch, date, unit), the unit named in cell `unit`), and a time they give
 * back, REACH's, is the launch plus that many periods of `days` days ((365.25/12) for a month).
 */
export interface LaunchClock {
  readonly launch: string;
  readonly unit: string;
  readonly days: string;
}

/**
 * The `CRS.` calls of a sheet, over its counts and its options; with a launch clock (Bass with
 * dates), in periods since the launch, REACH's time turned back into a date.
 */
export class CrsCalls {
  private readonly model: string;
  private readonly market: string;
  private readonly confidence: string;
  /** The times as the fits take them: the data's, or periods since the launch. */
  private readonly times: string;

  constructor(
    times: string,
    private readonly counts: string,
    layout: ForecastLayout,
    private readonly clock: LaunchClock | null = null,
  ) {
    this.model = layout.optionCell("model");
    this.market = layout.optionCell("market");
    this.confidence = layout.optionCell("confidence");
    this.times = this.fitTime(times);
  }

  /** A time (or range of times) as the fits take it: as it is, or as periods since the launch. */
  private fitTime(time: string): string {
    return this.clock === null ? time : crsCall("PERIODS", [this.clock.launch, time, this.clock.unit]);
  }

  compare(): string {
    return FIT_CALLS.compare(this.times, this.counts, this.market);
  }

  fit(): string {
    return FIT_CALLS.fit(this.model, this.times, this.counts, this.market);
  }

  forecast(newTimes: string): string {
    return FIT_CALLS.forecast(this.model, this.times, this.counts, this.fitTime(newTimes), this.market, this.confidence);
  }

  /** REACH's time: with a launch, the date that many periods after it. */
  reach(target: string): string {
    const reach = FIT_CALLS.reach(this.model, this.times, this.counts, target, this.market);
    return this.clock === null ? reach : `${this.clock.launch}+${reach}*${this.clock.days}`;
  }

  chance(target: string, by: string): string {
    return FIT_CALLS.chance(this.model, this.times, this.counts, target, this.fitTime(by), this.market);
  }

  bestModel(): string {
    return FIT_CALLS.bestModel(this.times, this.counts, this.market);
  }

  weight(model: string): string {
    return FIT_CALLS.weight(model, this.times, this.counts, this.market);
  }

  /** One figure of FORECAST at `time`; the fitted curve, the same at any confidence, takes none (so a confidence out of range leaves it standing). */
  forecastAt(time: string, figure: ForecastFigure): string {
    return FIT_CALLS.forecastAt(this.model, this.times, this.counts, this.fitTime(time), figure, this.market, figure === "fitted" ? undefined : this.confidence);
  }
}

