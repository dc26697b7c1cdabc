/**
 * The outputs: the decision, on the first screen. First the incentive, judged at its deadline,
 * then the later target: how many GPs it takes, how many a month that needs, what the fitted
 * curve projects, the forecast, how likely the target is and by when it is as likely as not
 * reached, and whether the
 * inputs and the fitted figures can be trusted (the checks, FitCurrent, with a warning in words
 * under it when the fit is out of date).
 */
import { NUMBER_FORMATS } from "../../plan";
import { MODEL_FORMATS } from "./modelFormats";
import { type ModelContext, fitCell } from "./context";
import { LABEL_COLUMN } from "./grid";
import { chanceOfTarget, dateTargetReached, forecastAt } from "./fitFormulas";
import { type LineItem, writeBlockTitle, writeLineItems } from "./lineItems";
import { formula } from "../sheetBuilder";
import { WARNING_STYLE } from "../palette";

/** Writes the outputs block; returns its title row, where the chart beside it starts. */
export function writeOutputs(context: ModelContext): number {
  const { builder, n, dialect, fitted } = context;
  // The fitted outputs are values written with the portable file, labelled and styled so.
  const asFitted = (label: string): string => (fitted === null ? label : `${label} (as fitted)`);
  const fittedKind = fitted === null ? "output" : "fixedOutput";
  const items: LineItem[] = [
    {
      name: "IncentivePayable",
      label: "Incentive payable, judged at the deadline",
      unit: "£",
      kind: "output",
      format: NUMBER_FORMATS.money,
      value: formula(dialect.incentive(n.PCTPractices, n.RegisteredAtDeadline, n.PCTGPs, n.Threshold, n.PaymentPerPractice, n.ShortfallAtDeadline)),
    },
    {
      name: "RegisteredAtDeadline",
      label: "GPs registered at the deadline",
      unit: "GPs",
      kind: "output",
      format: NUMBER_FORMATS.count,
      value: formula(`INDEX(${n.HistoryCounts},MATCH(${n.DeadlineCountDate},${n.HistoryDates},0))`),
    },
    {
      name: "ShareAtDeadline",
      label: "Share of GPs registered at the deadline",
      unit: "%",
      kind: "output",
      format: MODEL_FORMATS.share,
      value: formula(`${n.RegisteredAtDeadline}/${n.PCTGPs}`),
    },
    {
      name: "ShortfallAtDeadline",
      label: "GPs short of the threshold at the deadline",
      unit: "GPs",
      kind: "output",
      format: NUMBER_FORMATS.count,
      value: formula(dialect.shortfall(n.RegisteredAtDeadline, n.PCTGPs, n.Threshold)),
    },
    {
      name: "DateThresholdMet",
      label: "Date the history reached the threshold",
      unit: "date",
      kind: "output",
      format: NUMBER_FORMATS.date,
      value: formula(`INDEX(${n.HistoryDates},MATCH(TRUE,${n.HistoryReached},0))`),
    },
    {
      name: "TargetGPs",
      label: "GPs the later target takes",
      unit: "GPs",
      kind: "output",
      format: NUMBER_FORMATS.count,
      value: formula(dialect.wholeShare(n.TargetShare, n.PCTGPs)),
    },
    {
      name: "LatestDate",
      label: "Date of the latest count",
      unit: "date",
      kind: "output",
      format: NUMBER_FORMATS.date,
      value: formula(`MAX(${n.HistoryDates})`),
    },
    {
      name: "LatestCount",
      label: "GPs registered at the latest count",
      unit: "GPs",
      kind: "output",
      format: NUMBER_FORMATS.count,
      value: formula(`INDEX(${n.HistoryCounts},MATCH(${n.LatestDate},${n.HistoryDates},0))`),
    },
    {
      name: "NeededPerMonth",
      label: "GPs a month needed to reach the target",
      unit: "GPs a month",
      kind: "output",
      format: MODEL_FORMATS.perMonth,
      value: formula(
        `IF(${n.LatestCount}>=${n.TargetGPs},0,IF(${n.MonthsToTarget}>0,(${n.TargetGPs}-${n.LatestCount})/${n.MonthsToTarget},NA()))`,
      ),
    },
    {
      name: "ProjectedAtTargetDate",
      label: asFitted("GPs at TargetDate on the fitted curve"),
      unit: "GPs",
      format: NUMBER_FORMATS.count,
      kind: fittedKind,
      value: fitCell(context, forecastAt(n, n.TargetMonths, "fitted"), (values) => values.outlook.atTarget.fitted),
    },
    {
      name: "ForecastAtTargetDate",
      label: asFitted("GPs at TargetDate: the forecast, as likely above as below"),
      unit: "GPs",
      format: NUMBER_FORMATS.count,
      kind: fittedKind,
      value: fitCell(context, forecastAt(n, n.TargetMonths, "forecast"), (values) => values.outlook.atTarget.forecast),
    },
    {
      name: "ChanceOfTarget",
      label: asFitted("Chance of the target by TargetDate"),
      unit: "%",
      format: NUMBER_FORMATS.percent,
      kind: fittedKind,
      value: fitCell(context, chanceOfTarget(n), (values) => values.outlook.chance),
    },
    {
      name: "DateTargetReached",
      label: asFitted("Date the target is as likely as not reached"),
      unit: "date",
      format: NUMBER_FORMATS.date,
      kind: fittedKind,
      value: fitCell(context, dateTargetReached(n), (values) => values.dateTargetReached),
    },
    {
      label: "Every input passes the checks",
      unit: "TRUE/FALSE",
      kind: "output",
      format: MODEL_FORMATS.logical,
      value: formula(n.ChecksPass),
    },
    {
      name: "FitCurrent",
      label: "Fitted figures belong to the inputs",
      unit: "TRUE/FALSE",
      kind: "output",
      format: MODEL_FORMATS.logical,
      value: fitted === null ? true : formula(`AND(${n.FitInputsSame})`),
    },
  ];
  const titleRow = writeBlockTitle(builder, "Outputs: the decision", ["Value", "Unit"]);
  writeLineItems(builder, items);
  // Under FitCurrent, in words; the chart stands beside the outputs, so the warning has a row of its own.
  builder.write(builder.take(), LABEL_COLUMN, [[formula(`IF(${n.FitCurrent},"","Out of date: the inputs changed after the fit (see As fitted).")`)]], {
    style: WARNING_STYLE,
  });
  return titleRow;
}
