/**
 * The cells of one forecast sheet, laid out by its builder: the title and where the counts come
 * from, the sentences, the options and results, the models compared, the fit, the forecast table
 * and the chart, in either flavour (see `index.ts`).
 */
import type { Series } from "../../../data/series";
import { describeDate } from "../../../data/textValues";
import { formatCount } from "../../../model/format";
import { PERIOD_UNIT_DAYS } from "../../../model/periods";
import { NUMBER_FORMATS } from "../../plan";
import type { Cell, ChartPlan, ChartSeriesPlan, DateAxisPlan } from "../../plan";
import { CALCULATION_STYLE, FIXED_VALUE_STYLE, HEADER_STYLE, INPUT_STYLE, NOTE_STYLE } from "../palette";
import { AVERAGE_MONTH_DAYS, DAYS_PER_MONTH, type ForecastFigure, numberOrNA } from "../dialect";
import { SheetBuilder } from "../sheetBuilder";
import { type Figure, type FigureTable, type ForecastFigures, NO_CURVE } from "./figures";
import {
  COLUMN_WIDTHS,
  COMPARE_SIZE,
  CrsCalls,
  FIT_SIZE,
  ForecastLayout,
  type Formats,
  type LaunchClock,
  MODEL_LIST,
  type OptionRow,
  RESULT_ROWS,
  type ResultRow,
  TITLE_STYLE,
  formatsOf,
} from "./layout";
import type { ForecastOptions } from "./options";
import { SentenceFormulas } from "./sentences";
import { type FileSource, type WorksheetSource, describeSource, seriesRanges, sourceCells, spareRowsAddress } from "./source";
import { type HorizonStep, forecastTimes, periodsText, stepFormula, stepOf } from "./steps";

/** What a forecast sheet is planned from. */
export type ForecastSheetInput =
  | { readonly flavour: "crs"; readonly series: Series; readonly options: ForecastOptions; readonly source: WorksheetSource }
  | {
      readonly flavour: "portable";
      readonly series: Series;
      readonly options: ForecastOptions;
      readonly source: FileSource;
      readonly figures: ForecastFigures;
    };

/** The cells of one forecast sheet, laid out and written section by section from the top. */
export class ForecastSheet {
  /** What the sheet writes: its ranges, row heights and drop-down list. */
  readonly builder: SheetBuilder;
  private readonly layout: ForecastLayout;
  private readonly series: Series;
  private readonly options: ForecastOptions;
  private readonly formats: Formats;
  private readonly step: HorizonStep;
  /** The times and counts as the formulas take them. */
  private readonly data: { readonly times: string; readonly counts: string };
  /** The forecast table's first and last data rows, and its last row. */
  private readonly firstRow: number;
  private readonly lastDataRow: number;
  private readonly lastRow: number;
  private readonly crs: CrsCalls;

  /**
   * Lays the sheet out and writes it: the sections take their rows in turn, then the forecast
   * table a row a count and a period of the horizon, and each section writes its cells.
   *
   * @param sheet the sheet's name, as the workbook gave it
   */
  constructor(
    private readonly input: ForecastSheetInput,
    sheet: string,
  ) {
    this.series = input.series;
    this.options = input.options;
    this.formats = formatsOf(input.series);
    this.step = stepOf(input.series, input.options);
    this.builder = new SheetBuilder(sheet, {}, COLUMN_WIDTHS);
    this.layout = new ForecastLayout(this.builder, input.options.launch !== null);
    this.firstRow = this.builder.take(this.series.times.length + this.options.horizon);
    this.lastDataRow = this.firstRow + this.series.times.length - 1;
    this.lastRow = this.lastDataRow + this.options.horizon;
    this.data =
      input.flavour === "crs"
        ? seriesRanges(input.series, input.source)
        : { times: `$A$${this.firstRow}:$A$${this.lastDataRow}`, counts: `$B$${this.firstRow}:$B$${this.lastDataRow}` };
    this.crs = new CrsCalls(this.data.times, this.data.counts, this.layout, this.launchClock());
    this.writeIntro();
    this.writeSentences();
    this.writeOptions();
    this.writeResults();
    this.writeCompare();
    this.writeFit();
    this.writeTable();
  }

  /** For Bass with dates, the fits' clock: periods since the launch in its option cell. */
  private launchClock(): LaunchClock | null {
    if (this.options.launch === null) return null;
    const { unit } = this.options;
    const days = unit === "month" ? DAYS_PER_MONTH : String(PERIOD_UNIT_DAYS.get(unit));
    return { launch: this.layout.optionCell("launch"), unit: this.layout.optionCell("unit"), days };
  }

  private get live(): boolean {
    return this.input.flavour === "crs";
  }

  /** What to call the counts and the times: the data's headers, or plain words. */
  private get countName(): string {
    return this.series.header?.count || "Count";
  }

  private get timeName(): string {
    return this.series.timesAreDates ? "Date" : this.series.header?.time || "Time";
  }

  /** The status line's sentence: what was added where, and what it follows. */
  summary(): string {
    const sheet = this.builder.sheet;
    const points = this.series.times.length;
    const span = `${this.describeTime(this.series.times[0])} to ${this.describeTime(this.series.times[points - 1])}`;
    const what = `Added the forecast in sheet '${sheet}' from ${describeSource(this.input.source)}: ${formatCount(points)} counts, ${span}, and ${periodsText(this.options.horizon, this.options.unit)} ahead.`;
    if (this.input.flavour === "portable") return what;
    return `${what} ${this.followNote(this.input.source)}`;
  }

  /**
   * How a live sheet follows its source, for the status line and the sheet's note. New counts
   * reach every formula over the source's columns, but the forecast table (and the chart, which
   * draws it) holds one row a count it was made with: linking the spare rows too would put empty
   * rows, drawn as gaps or zeros, between the counts and the horizon.
   */
  private followNote(source: WorksheetSource): string {
    const newCounts = "reach the fits, the results and the sentences; press Forecast again to add them to the table and the chart.";
    if (source.kind === "table") return `It follows table ${source.table} as it grows: its new rows ${newCounts}`;
    const spare = spareRowsAddress(source);
    return spare === null
      ? "The rows below your data are not empty, so only counts typed within it flow in."
      : `Counts you type in ${spare} ${newCounts}`;
  }

  private describeTime(time: number): string {
    return this.series.timesAreDates ? describeDate(time) : `time ${formatCount(time)}`;
  }

  private writeIntro(): void {
    const { source } = this.input;
    const points = formatCount(this.series.times.length);
    const from = this.live
      ? `Data: ${points} counts from ${describeSource(source)}, linked. ${this.followNote(source as WorksheetSource)}`
      : `Data: ${points} counts from ${describeSource(source)}, written as values below.`;
    const how = this.live
      ? "Live CRS. formulas of the CRS Adoption Modeller add-in: change a yellow option and the sheet follows."
      : "Grey italic figures are values the CRS Adoption Modeller computed when this file was written (the add-in's CRS. functions give the same); the dates and sentences are native formulas.";
    this.builder.write(this.layout.title, 1, [[`Forecast of ${this.countName}`]], { style: TITLE_STYLE });
    this.builder.write(this.layout.source, 1, [[from], [how]], { style: NOTE_STYLE });
  }

  private writeSentences(): void {
    const sentences = new SentenceFormulas(this.layout, this.series, this.options, this.formats, this.live);
    this.builder.write(this.layout.meaningHeader, 1, [["What it means", null]], { style: HEADER_STYLE });
    this.builder.write(this.layout.sentences, 1, [sentences.target(), sentences.forecast(), sentences.model()].map((formula) => [{ formula }]));
  }

  private writeOptions(): void {
    const { options } = this;
    const timeWord = this.series.timesAreDates ? "date" : "time";
    const rows: Record<OptionRow, { label: string; value: Cell; format?: string; fixed?: boolean }> = {
      model: { label: "Model (auto: the lowest AICc)", value: options.model },
      market: { label: "Known market size (empty: fitted)", value: options.market, format: this.formats.count },
      target: { label: "Target count", value: options.target?.count ?? null, format: this.formats.count },
      by: { label: `Target ${timeWord}: reach it by`, value: options.target?.by ?? null, format: this.formats.time },
      confidence: { label: "Confidence of the bounds", value: options.confidence, format: NUMBER_FORMATS.percent },
      horizon: { label: `Horizon (${options.unit}s past the last count)`, value: options.horizon, fixed: true },
      unit: { label: "Period", value: options.unit, fixed: true },
      launch: { label: `Launch: Bass counts ${options.unit}s from it`, value: options.launch, format: this.formats.time },
    };
    const header = this.live ? "Options (yellow: change them and the sheet follows)" : "Options used";
    this.builder.write(this.layout.optionsHeader, 1, [[header, "Value"]], { style: HEADER_STYLE });
    const { optionRows } = this.layout;
    this.builder.write(this.layout.options, 1, optionRows.map((row) => [rows[row].label]));
    optionRows.forEach((row, index) => {
      const option = rows[row];
      this.builder.write(this.layout.options + index, 2, [[option.value]], { format: option.format, style: this.live && !option.fixed ? INPUT_STYLE : CALCULATION_STYLE });
    });
    if (this.live) {
      const model = this.layout.optionCell("model").replace(/\$/g, "");
      this.builder.list(model, MODEL_LIST, "The model: auto (the lowest AICc), bass, logistic or gompertz.");
    }
  }

  private writeResults(): void {
    const results = this.resultCells();
    const labels: Record<ResultRow, string> = {
      modelUsed: "Model used",
      weight: "Its Akaike weight among the three",
      lastTime: `Last count: ${this.series.timesAreDates ? "date" : "time"}`,
      lastCount: "Last count",
      endTime: `Forecast end: ${periodsText(this.options.horizon, this.options.unit)} after the last count`,
      endForecast: "Forecast there (as likely above as below)",
      endLower: "Lower bound there",
      endUpper: "Upper bound there",
      endFitted: "Fitted curve there",
      reach: `Target as likely as not reached by (REACH)`,
      chance: "Chance of the target by its date (CHANCE)",
    };
    const formats: Record<ResultRow, string> = {
      modelUsed: "General",
      weight: "0.0%",
      lastTime: this.formats.time,
      lastCount: this.formats.count,
      endTime: this.formats.time,
      endForecast: this.formats.forecast,
      endLower: this.formats.forecast,
      endUpper: this.formats.forecast,
      endFitted: this.formats.forecast,
      reach: this.formats.time,
      chance: NUMBER_FORMATS.percent,
    };
    const header = this.live ? "Results" : "Results (grey italic: values when written)";
    this.builder.write(this.layout.resultsHeader, 1, [[header, "Value"]], { style: HEADER_STYLE });
    this.builder.write(this.layout.results, 1, RESULT_ROWS.map((row) => [labels[row]]));
    RESULT_ROWS.forEach((row, index) => {
      const cell = results[row];
      // A value the add-in computed when the file was written looks apart from a formula.
      const fixed = !this.live && (cell === null || typeof cell !== "object" || cell.formula === "=NA()");
      this.builder.write(this.layout.results + index, 2, [[cell]], { format: formats[row], style: fixed ? FIXED_VALUE_STYLE : CALCULATION_STYLE });
    });
  }

  /** The result cells: `CRS.` formulas, or the add-in's figures with native formulas where those do. */
  private resultCells(): Record<ResultRow, Cell> {
    const { times, counts } = this.data;
    const { crs } = this;
    const { optionCell, resultCell } = this.layout;
    const lastTime = { formula: `=MAX(${times})` };
    const lastCount = { formula: `=INDEX(${counts},MATCH(${resultCell("lastTime")},${times},0))` };
    const endTime = { formula: `=${stepFormula(resultCell("lastTime"), this.options.horizon, this.step)}` };
    const target = optionCell("target");
    const by = optionCell("by");
    if (this.input.flavour === "crs") {
      // Each a figure of its own (FORECASTAT, BESTMODEL, WEIGHT), never a cell of COMPARE's or
      // FORECAST's table: a table holding an error shows as one bare #VALUE! on some Excel builds.
      const forecastAt = (figure: ForecastFigure): Cell => ({ formula: `=${crs.forecastAt(resultCell("endTime"), figure)}` });
      // The model used is the chosen one where its curve is fitted (the fitted figure, which takes
      // no confidence, is a number at the horizon's end), else the recent pace where that forecasts.
      const [model, used] = [optionCell("model"), resultCell("modelUsed")];
      const named = `IF(${model}="auto",${crs.bestModel()},LOWER(${model}))`;
      const noCurve = `IF(ISNUMBER(${resultCell("endForecast")}),"${NO_CURVE}",${resultCell("endFitted")})`;
      return {
        modelUsed: { formula: `=IF(ISNUMBER(${resultCell("endFitted")}),${named},${noCurve})` },
        // With no curve, the weight of the model chosen in the options (COMPARE's, 0 if it cannot be fitted).
        weight: { formula: `=${crs.weight(`IF(${used}="${NO_CURVE}",${model},${used})`)}` },
        lastTime,
        lastCount,
        endTime,
        endForecast: forecastAt("forecast"),
        endLower: forecastAt("lower"),
        endUpper: forecastAt("upper"),
        endFitted: forecastAt("fitted"),
        reach: { formula: `=IF(ISBLANK(${target}),"",${crs.reach(target)})` },
        chance: { formula: `=IF(OR(ISBLANK(${target}),ISBLANK(${by})),"",${crs.chance(target, by)})` },
      };
    }
    const { figures } = this.input;
    const end = figures.rows[figures.rows.length - 1];
    return {
      modelUsed: typeof figures.modelUsed === "string" ? figures.modelUsed : numberOrNA(figures.modelUsed),
      weight: numberOrNA(figures.weightUsed),
      lastTime,
      lastCount,
      endTime,
      endForecast: numberOrNA(end.forecast),
      endLower: numberOrNA(end.lower),
      endUpper: numberOrNA(end.upper),
      endFitted: numberOrNA(end.fitted),
      reach: figures.reach === null ? null : numberOrNA(figures.reach),
      chance: figures.chance === null ? null : numberOrNA(figures.chance),
    };
  }

  private writeCompare(): void {
    const caption = this.live
      ? "Models compared (=CRS.COMPARE; #N/A: a model with no AICc, hover over it for why)"
      : "Models compared (CRS.COMPARE, values when written; #N/A: a model with no AICc)";
    const figures = this.input.flavour === "portable" ? this.input.figures.compare : null;
    // SSE is a sum of squared counts: grouped thousands read better than 15 bare digits.
    const formats = ["General", NUMBER_FORMATS.count, "0.00", "0.00", "0.0%"];
    this.builder.write(this.layout.compareCaption, 1, [[caption]], { style: TITLE_STYLE });
    this.writeSpilledTable(this.layout.compare, COMPARE_SIZE, this.crs.compare(), figures, formats);
  }

  private writeFit(): void {
    const clock = this.options.launch === null ? "" : ` on ${this.options.unit}s since the launch`;
    const caption = this.live
      ? `Fit of the model chosen in the options (=CRS.FIT${clock}: estimates and standard errors)`
      : `Fit of the model used (CRS.FIT${clock}, values when written: estimates and standard errors)`;
    const figures = this.input.flavour === "portable" ? this.input.figures.fit : null;
    this.builder.write(this.layout.fitCaption, 1, [[caption]], { style: TITLE_STYLE });
    this.writeSpilledTable(this.layout.fit, FIT_SIZE, this.crs.fit(), figures, ["General", "General", "General"]);
  }

  /**
   * A table a `CRS.` function spills, formatted by column below its header row: in the live
   * flavour the formula in its top-left cell and the rest left empty for the spill; in the
   * portable one, the figures.
   */
  private writeSpilledTable(
    row: number,
    size: { readonly rows: number; readonly columns: number },
    formula: string,
    figures: FigureTable | null,
    columnFormats: readonly string[],
  ): void {
    const cells: Cell[][] =
      figures === null
        ? Array.from({ length: size.rows }, (_, r) => Array.from({ length: size.columns }, (_, c): Cell => (r === 0 && c === 0 ? { formula: `=${formula}` } : null)))
        : figures.map((rowCells) => rowCells.map((cell) => (cell === "" ? null : typeof cell === "string" ? cell : tableFigureCell(cell))));
    const format = cells.map((rowCells, r) => rowCells.map((_, c) => (r === 0 ? null : (columnFormats[c] ?? null))));
    this.builder.write(row, 1, cells, { format, style: figures === null ? CALCULATION_STYLE : FIXED_VALUE_STYLE });
    if (figures !== null) this.writeMissingNotes(row, size.columns + 1, figures);
  }

  /** Beside each row of a table written as values that has an "n/a", why (the function's message). */
  private writeMissingNotes(row: number, column: number, figures: FigureTable): void {
    figures.forEach((rowCells, r) => {
      const missing = rowCells.find((cell): cell is { readonly missing: string } => typeof cell === "object");
      if (missing !== undefined) this.builder.write(row + r, column, [[`${NOT_AVAILABLE}: ${missing.missing}`]], { style: NOTE_STYLE });
    });
  }

  /**
   * The forecast table: time, count, forecast, lower and upper bound, fitted curve (and the
   * target). Its header row is two lines high when a header is too long for its column.
   */
  private writeTable(): void {
    const hasTarget = this.options.target !== null;
    const ahead = periodsText(this.options.horizon, this.options.unit);
    const caption = this.live
      ? `Forecast (=CRS.FORECAST) over the counts and ${ahead} past the last`
      : `Forecast (CRS.FORECAST, values when written) over the counts and ${ahead} past the last`;
    const percent = `${Number((this.options.confidence * 100).toPrecision(6))}%`;
    const { crs } = this;
    const { optionCell, resultCell } = this.layout;
    // Live, the bounds' headers follow the confidence option, as FORECAST's own do.
    const boundHeader = (bound: "Lower" | "Upper"): Cell =>
      this.live ? { formula: `="${bound} "&ROUND(${optionCell("confidence")}*100,4)&"%"` } : `${bound} ${percent}`;
    const header: Cell[] = [this.timeName, this.countName, "Forecast", boundHeader("Lower"), boundHeader("Upper"), "Fitted", ...(hasTarget ? ["Target"] : [])];
    const target: Cell[] = hasTarget ? [{ formula: `=IF(ISBLANK(${optionCell("target")}),NA(),${optionCell("target")})` }] : [];
    const links = this.input.flavour === "crs" ? sourceCells(this.series, this.input.source) : null;
    const figures = this.input.flavour === "portable" ? this.input.figures.rows : null;
    // Live, a formula per figure and row: each its own number, never a cell of FORECAST's table,
    // which some Excel builds show as one bare #VALUE! when any of its cells is an error.
    const fitted = (index: number): Cell[] => {
      if (figures === null) {
        const time = `$A${this.firstRow + index}`;
        return (["forecast", "lower", "upper", "fitted"] as const).map((figure) => ({ formula: `=${crs.forecastAt(time, figure)}` }));
      }
      const point = figures[index];
      return [numberOrNA(point.forecast), numberOrNA(point.lower), numberOrNA(point.upper), numberOrNA(point.fitted)];
    };
    const dataRows = this.series.times.map((time, i): Cell[] => [
      links ? { formula: `=${links[i].time}` } : time,
      links ? { formula: `=${links[i].count}` } : this.series.counts[i],
      ...fitted(i),
      ...target,
    ]);
    const horizonRows = Array.from({ length: this.options.horizon }, (_, j): Cell[] => [
      { formula: `=${stepFormula(resultCell("lastTime"), j + 1, this.step)}` },
      null,
      ...fitted(this.series.times.length + j),
      ...target,
    ]);
    const forecastFormats = [this.formats.forecast, this.formats.forecast, this.formats.forecast, this.formats.forecast];
    const rowFormats = [this.formats.time, this.formats.count, ...forecastFormats, ...(hasTarget ? [this.formats.count] : [])];
    const body = [...dataRows, ...horizonRows];
    this.builder.write(this.layout.tableCaption, 1, [[caption]], { style: TITLE_STYLE });
    this.builder.write(this.layout.tableHeader, 1, [header], { style: HEADER_STYLE });
    this.builder.write(this.firstRow, 1, body, { format: body.map(() => rowFormats) });
    const widest = Math.max(this.countName.length, this.timeName.length);
    if (widest > this.builder.widthOf(2) - 2) this.builder.tallRow(this.layout.tableHeader, 2);
  }

  /**
   * The chart: counts as markers, the fitted curve through them, the forecast line and its bounds
   * dashed (which meet the counts at their times and open after the last), the target; dates on a
   * date axis. A file of values with no curve fitted has no fitted line to draw; the live sheet
   * keeps it, as a known market size typed in its options may yet fit one (its #N/A draws nothing).
   */
  chart(): ChartPlan {
    const column = (letter: string): string => `${letter}${this.firstRow}:${letter}${this.lastRow}`;
    const noCurve = this.input.flavour === "portable" && this.input.figures.rows.every((row) => typeof row.fitted !== "number");
    const series: ChartSeriesPlan[] = [
      { name: this.countName, values: column("B"), look: "markers", color: "#1F4E79" },
      ...(noCurve ? [] : [{ name: "Fitted curve", values: column("F"), look: "line" as const, color: "#7F7F7F" }]),
      { name: "Forecast", values: column("C"), look: "line", color: "#C55A11" },
      { name: "Lower bound", values: column("D"), look: "dashed", color: "#C55A11" },
      { name: "Upper bound", values: column("E"), look: "dashed", color: "#C55A11" },
      ...(this.options.target !== null ? [{ name: "Target", values: column("G"), look: "dashed" as const, color: "#7F7F7F" }] : []),
    ];
    return {
      title: `${this.countName}: counts and forecast`,
      categories: column("A"),
      series,
      xAxisTitle: this.timeName,
      yAxisTitle: this.countName,
      position: this.layout.chartPosition,
      ...(this.series.timesAreDates ? { dateAxis: this.dateAxis() } : {}),
    };
  }

  /**
   * The chart's date axis: in months when no two counts are less than four weeks apart (so that
   * month-end counts sit on their months), else in days; about a dozen labels along it.
   */
  private dateAxis(): DateAxisPlan {
    const times = forecastTimes(this.series, this.options);
    const gaps = times.slice(1).map((time, i) => time - times[i]);
    const monthly = Math.min(...gaps) >= 28;
    const span = times[times.length - 1] - times[0];
    const units = monthly ? span / AVERAGE_MONTH_DAYS : span;
    return { format: "mmm yy", unit: monthly ? "months" : "days", labelEvery: Math.max(1, Math.ceil(units / AXIS_LABELS)) };
  }
}

/** About how many labels a date axis shows. */
const AXIS_LABELS = 12;

/**
 * A figure of a table written as values: the number, or "n/a" where the `CRS.` function shows
 * #N/A or #NUM! with a message; the message, which a file of values cannot hover, is written
 * beside the row (see `missingNotes`).
 */
function tableFigureCell(figure: Figure): Cell {
  return typeof figure === "number" ? figure : NOT_AVAILABLE;
}

/** What a table written as values shows where there is no figure. */
const NOT_AVAILABLE = "n/a";
