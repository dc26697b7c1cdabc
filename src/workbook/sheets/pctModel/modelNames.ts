/**
 * The defined names of the model sheet. The spec's inputs and outputs are contracts that users'
 * workbooks and other sheets refer to: they keep these exact names (a workbook that already uses
 * one gets the next free name, as every plan does). The other names are the model's own
 * calculations, named so that every formula reads in words.
 */
import type { NameAllocator } from "../../plan";

/** The inputs the spec defines. */
export const SPEC_INPUTS = [
  "Threshold",
  "PaymentPerPractice",
  "Deadline",
  "PCTPractices",
  "PCTGPs",
  "HistoryDates",
  "HistoryCounts",
  "TargetShare",
  "TargetDate",
  "Model",
  "Confidence",
] as const;

/** The outputs the spec defines. */
export const SPEC_OUTPUTS = [
  "LatestDate",
  "LatestCount",
  "RegisteredAtDeadline",
  "ShareAtDeadline",
  "IncentivePayable",
  "ShortfallAtDeadline",
  "TargetGPs",
  "NeededPerMonth",
  "ProjectedAtTargetDate",
  "ForecastAtTargetDate",
  "LowerAtTargetDate",
  "UpperAtTargetDate",
  "ChanceOfTarget",
  "DateTargetReached",
  "FitCurrent",
] as const;

/** Names the model adds: further inputs, calculations and the checks. */
const MODEL_NAMES = [
  "DateThresholdMet",
  "ChecksPass",
  "RunRateA",
  "RunRateB",
  "HistoryMonths",
  "HistoryReached",
  "HistoryOutOfOrder",
  "HistoryDateTwice",
  "HistoryIncomplete",
  "HistoryGap",
  "HistoryNegative",
  "HistoryAbovePCTGPs",
  "HistoryPoints",
  "FirstDate",
  "ThresholdGPs",
  "DeadlineCountDate",
  "MonthsToTarget",
  "TargetMonths",
  "MonthEnds",
  "DeadlineWords",
  "CountWords",
  "PaymentWords",
  "ThresholdWords",
  "TargetWords",
  "NeededWords",
  "FitWords",
  "RangeWords",
  "ChanceWords",
  "ReachWords",
  "CheckPasses",
  "CheckMessages",
  "FitInputsSame",
] as const;

/** Every defined name the model asks for. */
export const MODEL_NAME_KEYS = [...SPEC_INPUTS, ...SPEC_OUTPUTS, ...MODEL_NAMES] as const;

/** A name the model asks for. */
export type NameKey = (typeof MODEL_NAME_KEYS)[number];

/** The name each wanted name was given: the same, or the next free one. */
export type Names = Readonly<Record<NameKey, string>>;

/** Names only the portable flavour has: its "as fitted" comparison. */
const PORTABLE_ONLY: readonly NameKey[] = ["FitInputsSame"];

/**
 * Free names for every name the model asks for, in a fixed order so that renamings are stable.
 * A name of the other flavour only keeps its own name, unused, so that no renaming is reported for it.
 */
export function allocateModelNames(allocate: NameAllocator, portable: boolean): Names {
  return Object.fromEntries(
    MODEL_NAME_KEYS.map((key) => [key, portable || !PORTABLE_ONLY.includes(key) ? allocate.definedName(key) : key]),
  ) as Names;
}
