/**
 * The portfolio sheet's plan from what the pane read and the Portfolio form: the long-form table
 * checked (`readPortfolio`: a range it cannot use throws a SeriesError naming the cell), the
 * options checked (a PortfolioOptionsError naming the field), the PCTs fitted together, then the
 * sheet with live `CRS.` formulas wherever a cell can be live.
 */
import { readPortfolio } from "../data/portfolio";
import { type PortfolioOptionName, type PortfolioOptionsInput, readPortfolioOptions } from "../data/portfolioOptions";
import { describeDate } from "../data/textValues";
import { isoToExcelSerial } from "../data/dates";
import type { IsoDate } from "../data/types";
import { analysePortfolio } from "../model/portfolio/analysis";
import type { TakenNames, WorkbookPlan } from "../workbook/plan";
import { describeSource, planPortfolio } from "../workbook/sheets";
import type { SourceData } from "./sourceReader";

/** How the pane labels each option, for messages. */
const FIELD_LABELS: Readonly<Record<PortfolioOptionName, string>> = {
  threshold: "Threshold",
  payment: "Payment per practice",
  deadline: "Deadline",
  "target-share": "Later target",
  "target-date": "Reach it by",
  model: "Curve",
  confidence: "Confidence",
};

/** The label of a portfolio option's field. */
export function portfolioFieldLabel(option: PortfolioOptionName): string {
  return FIELD_LABELS[option];
}

/**
 * Plans the portfolio sheets of the table read, with the form's options, in a workbook that uses
 * the names `taken`. Throws for a table or options it cannot use; nothing is written then.
 */
export function planPortfolioFromData(data: SourceData, input: PortfolioOptionsInput, taken: TakenNames, today = new Date()): WorkbookPlan {
  const options = readPortfolioOptions(input, portfolioFieldLabel);
  const portfolio = readPortfolio(withHeaderRow(data));
  const analysis = analysePortfolio(portfolio.pcts, options);
  const fittedOn = describeDate(isoToExcelSerial(today.toISOString().slice(0, 10) as IsoDate));
  const plan = planPortfolio({ flavour: "crs", analysis, options, pcts: portfolio.pcts, source: describeSource(data.source), fittedOn }, taken);
  return { ...plan, messages: [...plan.messages, ...portfolio.warnings.map((warning) => warning.message)] };
}

/** A table's data body has no header row of its own: its columns' names stand for one, on the row above it. */
function withHeaderRow(data: SourceData): SourceData["grid"] {
  const { grid, source } = data;
  if (source.kind !== "table" || grid.origin.kind !== "range") return grid;
  const first = grid.values[0] ?? [];
  const isHeader = first.some((value) => typeof value === "string" && value.trim().toLowerCase() === "pct");
  if (isHeader) return grid;
  const blank = (rows: readonly (readonly unknown[])[] | undefined, fill: unknown) => rows && [source.columns.map(() => fill), ...rows];
  return {
    values: [source.columns, ...grid.values],
    numberFormat: blank(grid.numberFormat, "General"),
    valueTypes: blank(grid.valueTypes, "String"),
    origin: { ...grid.origin, row: grid.origin.row - 1 },
  };
}
