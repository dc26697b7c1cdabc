/**
 * The model's scalar calculations, each a short formula over named cells: the history's extent,
 * the whole GPs the threshold takes, the date of the count the incentive is judged on, the
 * months to the target date, the bounds at the target date, and the words of the decision's
 * sentences at the top of the sheet (each part short, joined there).
 */
import { NUMBER_FORMATS } from "../../plan";
import { type ModelContext, fitCell } from "./context";
import { forecastAt } from "./fitFormulas";
import { type LineItem, writeBlockTitle, writeLineItems, writeSubheading } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";
import { formula } from "../sheetBuilder";

/** A date in the decision's sentences: "30 Jun 2005". */
const DATE_WORDS = `"d mmm yyyy"`;

/** LowerAtTargetDate or UpperAtTargetDate: FORECAST's bound at TargetDate, or the fit's value in the portable flavour. */
function boundAtTarget(context: ModelContext, which: "lower" | "upper", label: string): LineItem {
  return {
    name: which === "lower" ? "LowerAtTargetDate" : "UpperAtTargetDate",
    label,
    unit: "GPs",
    kind: context.fitted === null ? "calculation" : "fixed",
    format: NUMBER_FORMATS.count,
    value: fitCell(context, forecastAt(context.n, context.n.TargetMonths, which), (fitted) => fitted.outlook.atTarget[which]),
  };
}

/** Writes the calculations block. */
export function writeCalculations(context: ModelContext): void {
  const { builder, n, dialect } = context;
  writeBlockTitle(builder, "Calculations", ["Value", "Unit"]);
  const scalars: LineItem[] = [
    { name: "HistoryPoints", label: "Dated counts in the history", unit: "counts", kind: "calculation", value: formula(`COUNT(${n.HistoryDates})`) },
    { name: "FirstDate", label: "Date of the first count", unit: "date", kind: "calculation", format: NUMBER_FORMATS.date, value: formula(`MIN(${n.HistoryDates})`) },
    { name: "ThresholdGPs", label: "GPs the threshold takes (Threshold of PCTGPs)", unit: "GPs", kind: "calculation", format: NUMBER_FORMATS.count, value: formula(dialect.wholeShare(n.Threshold, n.PCTGPs)) },
    {
      name: "DeadlineCountDate",
      label: "Date of the last count on or before the deadline",
      unit: "date",
      kind: "calculation",
      format: NUMBER_FORMATS.date,
      value: formula(`IF(COUNTIF(${n.HistoryDates},"<="&${n.Deadline})=0,NA(),SUMPRODUCT(MAX((${n.HistoryDates}<=${n.Deadline})*${n.HistoryDates})))`),
    },
    { name: "MonthsToTarget", label: "Months from the latest count to TargetDate", unit: "months", kind: "calculation", format: MODEL_FORMATS.months, value: formula(dialect.periods(n.LatestDate, n.TargetDate)) },
    { name: "TargetMonths", label: "TargetDate in months since the first count", unit: "months", kind: "calculation", format: MODEL_FORMATS.months, value: formula(dialect.periods(n.FirstDate, n.TargetDate)) },
    boundAtTarget(context, "lower", "Lower bound of the count at TargetDate"),
    boundAtTarget(context, "upper", "Upper bound of the count at TargetDate (at most PCTGPs)"),
  ];
  writeLineItems(builder, scalars);
  writeSubheading(builder, "The decision in words, joined in the sentences at the top (text)");
  const date = (name: string): string => `TEXT(${name},${DATE_WORDS})`;
  const words: LineItem[] = [
    {
      name: "DeadlineWords",
      label: "The threshold at the deadline",
      unit: "",
      kind: "calculation",
      value: formula(`IF(${n.ShortfallAtDeadline}=0,"Met the threshold","Short by "&${n.ShortfallAtDeadline}&" GPs")&" on "&${date(n.Deadline)}`),
    },
    {
      name: "CountWords",
      label: "The count at the deadline",
      unit: "",
      kind: "calculation",
      value: formula(`" ("&${n.RegisteredAtDeadline}&" of "&${n.PCTGPs}&" registered, "&${n.ThresholdGPs}&" needed)"`),
    },
    {
      name: "PaymentWords",
      label: "The payment",
      unit: "",
      kind: "calculation",
      value: formula(`IF(${n.IncentivePayable}>0,": "&TEXT(${n.IncentivePayable},"£#,##0")&" payable.",": no payment.")`),
    },
    {
      name: "ThresholdWords",
      label: "When the history reached the threshold",
      unit: "",
      kind: "calculation",
      value: formula(`IF(ISNA(${n.DateThresholdMet})," Not yet at "&${n.ThresholdGPs}&" GPs."," Reached "&${n.ThresholdGPs}&" GPs on "&${date(n.DateThresholdMet)}&".")`),
    },
    {
      name: "TargetWords",
      label: "The later target",
      unit: "",
      kind: "calculation",
      value: formula(`"Target "&${n.TargetGPs}&" GPs ("&TEXT(${n.TargetShare},"0%")&") by "&${date(n.TargetDate)}&": "`),
    },
    {
      name: "NeededWords",
      label: "What the target needs",
      unit: "",
      kind: "calculation",
      value: formula(`TEXT(${n.NeededPerMonth},"0.0")&" GPs a month needed from "&${n.LatestCount}&" on "&${date(n.LatestDate)}&"."`),
    },
    {
      name: "FitWords",
      label: "The forecast at TargetDate",
      unit: "",
      kind: "calculation",
      value: formula(`"Forecast ("&${n.Model}&"): "&TEXT(${n.ForecastAtTargetDate},"#,##0")&" GPs by then"`),
    },
    {
      name: "RangeWords",
      label: "Its bounds at TargetDate",
      unit: "",
      kind: "calculation",
      value: formula(`" ("&TEXT(${n.Confidence},"0%")&" range "&TEXT(${n.LowerAtTargetDate},"#,##0")&" to "&TEXT(${n.UpperAtTargetDate},"#,##0")&")"`),
    },
    {
      name: "ChanceWords",
      label: "The chance of the target",
      unit: "",
      kind: "calculation",
      value: formula(`"; chance of the target "&TEXT(${n.ChanceOfTarget},"0%")`),
    },
    {
      name: "ReachWords",
      label: "When the target is as likely as not reached",
      unit: "",
      kind: "calculation",
      value: formula(`IF(ISNA(${n.DateTargetReached}),"; never as likely as not.","; "&${n.TargetGPs}&" GPs: as likely as not by "&${date(n.DateTargetReached)}&".")`),
    },
  ];
  writeLineItems(builder, words);
}
