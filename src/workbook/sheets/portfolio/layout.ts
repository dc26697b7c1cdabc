/**
 * Where everything is on a portfolio sheet: the rows its sections take, the inputs, totals and
 * table columns, and the cells of the inputs and totals that the formulas refer to.
 */
import { cellAddress, columnLetters } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import type { SheetBuilder } from "../sheetBuilder";

/** The inputs, in their rows under the block title (column B holds the value). */
export const INPUTS = [
  { key: "threshold", label: "Threshold (% of a PCT's GPs)", format: "0%" },
  { key: "payment", label: "Payment per practice (£)", format: NUMBER_FORMATS.money },
  { key: "deadline", label: "Deadline (date)", format: NUMBER_FORMATS.date },
  { key: "targetShare", label: "Later target (% of a PCT's GPs)", format: "0%" },
  { key: "targetDate", label: "Later target's date", format: NUMBER_FORMATS.date },
  { key: "confidence", label: "Confidence of bounds and range (%)", format: "0%" },
] as const;
export type InputKey = (typeof INPUTS)[number]["key"];

/** The rows of what was fitted, under the inputs: the curve, and the common pattern's rate and midpoint. */
const FITTED_ROWS = 3;

/** The totals, in their rows under the block title (column B holds the value). */
export const TOTAL_ROWS = ["pcts", "gps", "registered", "paid", "pctsPaid", "expected", "lower", "upper", "missing", "still", "current"] as const;
export type TotalRow = (typeof TOTAL_ROWS)[number];

/** The sentences at the top: who is likely to miss the target, how many will meet it, and whether the fit is current. */
const SENTENCE_COUNT = 3;

/** The table's columns, in order: header, number format, width. */
export const COLUMNS = [
  { key: "pct", header: "PCT", format: null, width: 34 },
  { key: "gps", header: "GPs", format: NUMBER_FORMATS.count, width: 12 },
  { key: "practices", header: "Practices", format: NUMBER_FORMATS.count, width: 10 },
  { key: "latestDate", header: "Latest count's date", format: NUMBER_FORMATS.date, width: 12 },
  { key: "latestCount", header: "Latest count (GPs)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "atDeadline", header: "Registered at the deadline (GPs)", format: NUMBER_FORMATS.count, width: 12 },
  { key: "share", header: "Share at the deadline", format: "0.0%", width: 10 },
  { key: "incentive", header: "Incentive payable (£)", format: NUMBER_FORMATS.money, width: 12 },
  { key: "shortfall", header: "Short of the threshold (GPs)", format: NUMBER_FORMATS.count, width: 11 },
  { key: "targetGPs", header: "GPs the target takes", format: NUMBER_FORMATS.count, width: 10 },
  { key: "needed", header: "GPs a month needed", format: "0.0", width: 10 },
  { key: "forecast", header: "Forecast at the target date (as fitted)", format: NUMBER_FORMATS.count, width: 13 },
  { key: "lower", header: "Lower bound (as fitted)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "upper", header: "Upper bound (as fitted)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "chance", header: "Chance of the target (as fitted)", format: "0%", width: 11 },
  { key: "likely", header: "As likely as not by (as fitted)", format: NUMBER_FORMATS.date, width: 12 },
  { key: "rate", header: "Its curve's rate a month (as fitted)", format: "0.00", width: 10 },
  { key: "midpoint", header: "Its curve's midpoint (as fitted)", format: NUMBER_FORMATS.date, width: 12 },
  { key: "checks", header: "Checks", format: null, width: 40 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** Column widths in characters, from column A: the table's. */
export const COLUMN_WIDTHS: readonly number[] = COLUMNS.map((one) => one.width);

/** The column letter of a table column. */
export function column(key: ColumnKey): string {
  return columnLetters(COLUMNS.findIndex((one) => one.key === key) + 1);
}

/**
 * Where the sections of a portfolio sheet are: each asks the sheet's builder for its rows in
 * turn, from the top and a row apart. The sentences come first, under the title and the note;
 * the inputs and what was fitted, then the totals, sit left, the chart right of them; the table's
 * header below, on a new printed page, and its rows after it. The sentences refer to the input
 * and total cells through it, and none of these rows depends on the PCTs: every portfolio sheet
 * has them at the same place.
 */
export class PortfolioLayout {
  readonly title: number;
  readonly note: number;
  readonly sentences: number;
  /** What the chance of each PCT means, under the sentences. */
  readonly sentenceNote: number;
  readonly inputsHeader: number;
  readonly inputs: number;
  readonly fitted: number;
  readonly totalsHeader: number;
  readonly totals: number;
  readonly tableHeader: number;

  constructor(builder: SheetBuilder) {
    this.title = builder.take();
    this.note = builder.take();
    builder.gap();
    this.sentences = builder.take(SENTENCE_COUNT);
    this.sentenceNote = builder.take();
    builder.gap();
    this.inputsHeader = builder.take();
    this.inputs = builder.take(INPUTS.length);
    this.fitted = builder.take(FITTED_ROWS);
    builder.gap();
    this.totalsHeader = builder.take();
    this.totals = builder.take(TOTAL_ROWS.length);
    builder.gap();
    this.tableHeader = builder.take();
  }

  /** The absolute address of an input's or a total's value cell, in column B. */
  readonly inputCell = (key: InputKey): string => `$B$${this.inputs + INPUTS.findIndex((one) => one.key === key)}`;
  readonly totalCell = (key: TotalRow): string => `$B$${this.totals + TOTAL_ROWS.indexOf(key)}`;

  /** The cells of the sentences, top to bottom. */
  get sentenceCells(): string[] {
    return Array.from({ length: SENTENCE_COUNT }, (_, offset) => cellAddress(this.sentences + offset, 1));
  }

  /** The chart: right of the inputs and totals, down to the last total. */
  get chartPosition(): string {
    return `D${this.inputsHeader}:N${this.totals + TOTAL_ROWS.length - 1}`;
  }
}
