/**
 * What the model sheet is prefilled with: the article's figures (the incentive scheme, the
 * national registrations) and an example PCT, which the user replaces with their own.
 *
 * The example PCT shows the decision the sheet is for: 150 GPs in 40 practices, 43 registered at
 * the end of June 2005 where 45 (30%) were needed, so no payment, and 52 by the end of July,
 * over the threshold a month late. Its later target is 80% of its GPs by the end of March 2006.
 */
import { findDataset, isoToExcelSerial } from "../../../data";
import type { DatasetValue, IsoDate } from "../../../data";
import type { ModelChoice } from "../../../model/compare";

/** A figure of one of the article's datasets, with the sentence it comes from. */
export interface ArticleFigure {
  /** A number; a date as an Excel serial. */
  readonly value: number;
  readonly quote: string;
  readonly note: string | undefined;
}

/** A figure of a dataset row, as a cell value (dates as Excel serials), with its quote. */
function articleFigure(dataset: string, row: number, key: string): ArticleFigure {
  const found = findDataset(dataset)?.rows[row];
  const value: DatasetValue | undefined = found?.values[key];
  if (found === undefined || value === null || value === undefined) {
    throw new Error(`The model needs ${dataset} row ${row} ${key}, which the datasets lack.`);
  }
  return {
    value: typeof value === "number" ? value : isoToExcelSerial(value as IsoDate),
    quote: found.provenance.quote,
    note: found.provenance.note,
  };
}

/** The incentive scheme as the article states it. */
export const SCHEME = {
  threshold: articleFigure("incentive_scheme", 0, "threshold"),
  payment: articleFigure("incentive_scheme", 0, "payment"),
  deadline: articleFigure("incentive_scheme", 0, "deadline"),
} as const;

/** The article's national registrations: context beside the decision. */
export const NATIONAL = {
  staffEarlierDate: articleFigure("staff_registrations", 0, "date"),
  staffLater: articleFigure("staff_registrations", 1, "registered"),
  staffLaterDate: articleFigure("staff_registrations", 1, "date"),
  gpsEarlier: articleFigure("gp_registrations", 0, "registered"),
  gpsEarlierDate: articleFigure("gp_registrations", 0, "date"),
  gpsLater: articleFigure("gp_registrations", 1, "registered"),
  gpsLaterDate: articleFigure("gp_registrations", 1, "date"),
  /** Not in the article: about how many GPs work in England. */
  gpsInEngland: 35_000,
} as const;

/** One count of the PCT's history: its date (an Excel serial) and the GPs registered by then. */
export interface HistoryCount {
  readonly date: number;
  readonly count: number;
}

/** The example PCT and its later target; every figure an assumption the user replaces. */
export interface PctExample {
  readonly practices: number;
  readonly gps: number;
  readonly targetShare: number;
  /** An Excel serial. */
  readonly targetDate: number;
  readonly model: ModelChoice;
  readonly confidence: number;
  /** The run-rate scenarios: GPs registered a month from the latest count on. */
  readonly runRates: readonly [number, number];
  /** Monthly counts, oldest first. */
  readonly history: readonly HistoryCount[];
}

const EXAMPLE_HISTORY: readonly (readonly [IsoDate, number])[] = [
  ["2004-10-31", 4],
  ["2004-11-30", 5],
  ["2004-12-31", 9],
  ["2005-01-31", 12],
  ["2005-02-28", 17],
  ["2005-03-31", 21],
  ["2005-04-30", 28],
  ["2005-05-31", 34],
  ["2005-06-30", 43],
  ["2005-07-31", 52],
];

/** The example the sheet is built with. */
export const EXAMPLE_PCT: PctExample = {
  practices: 40,
  gps: 150,
  targetShare: 0.8,
  targetDate: isoToExcelSerial("2006-03-31"),
  model: "logistic",
  confidence: 0.8,
  runRates: [6, 10],
  history: EXAMPLE_HISTORY.map(([date, count]) => ({ date: isoToExcelSerial(date), count })),
};

/** Rows of the history block: room for two years of monthly counts; blank rows at the end are ignored. */
export const HISTORY_ROWS = 24;
