/**
 * The portable flavour's "as fitted" block: the inputs the fitted figures were computed from,
 * each beside its value now, so that FitCurrent turns FALSE as soon as one of them changes. The
 * history is compared by checksums (how many dates and counts, their sums, and the sum of date ×
 * count, which moves when counts are swapped between dates); numbers are compared to 9
 * significant digits, so that a spreadsheet's own order of summing makes no difference.
 */
import { cellAddress } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import type { Cell } from "../../plan";
import type { ModelContext } from "./context";
import type { FittedValues } from "./fittedValues";
import { LABEL_COLUMN, NOTE_COLUMN, UNIT_COLUMN, VALUE_COLUMN } from "./grid";
import { writeBlockTitle } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";
import { formula } from "../sheetBuilder";
import { CALCULATION_STYLE, FIXED_VALUE_STYLE } from "../palette";

/** One input the fit depends on: its value when fitted and the formula of its value now. */
interface FittedInput {
  readonly label: string;
  readonly asFitted: number | string;
  readonly now: string;
  readonly format?: string;
}

/** Writes the block; the portable flavour only. */
export function writeAsFitted(context: ModelContext, fitted: FittedValues): void {
  const { builder, n, example } = context;
  const dates = example.history.map((count) => count.date);
  const counts = example.history.map((count) => count.count);
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  const inputs: FittedInput[] = [
    { label: "Dates in the history (count)", asFitted: dates.length, now: `COUNT(${n.HistoryDates})` },
    { label: "Sum of the history's dates (date serials)", asFitted: sum(dates), now: `SUM(${n.HistoryDates})`, format: NUMBER_FORMATS.count },
    { label: "Counts in the history (count)", asFitted: counts.length, now: `COUNT(${n.HistoryCounts})` },
    { label: "Sum of the history's counts (GPs)", asFitted: sum(counts), now: `SUM(${n.HistoryCounts})`, format: NUMBER_FORMATS.count },
    {
      label: "Sum of date × count over the history",
      asFitted: sum(example.history.map((count) => count.date * count.count)),
      now: `SUMPRODUCT(${n.HistoryDates},${n.HistoryCounts})`,
      format: NUMBER_FORMATS.count,
    },
    { label: "PCTGPs (GPs)", asFitted: example.gps, now: n.PCTGPs, format: NUMBER_FORMATS.count },
    { label: "Model (text)", asFitted: example.model, now: n.Model },
    { label: "Confidence (%)", asFitted: example.confidence, now: n.Confidence, format: NUMBER_FORMATS.percent },
    { label: "TargetGPs (GPs)", asFitted: fitted.targetGps, now: n.TargetGPs, format: NUMBER_FORMATS.count },
    { label: "TargetDate (date)", asFitted: example.targetDate, now: n.TargetDate, format: NUMBER_FORMATS.date },
  ];
  writeBlockTitle(builder, `Inputs of the fit, as fitted on ${fitted.computedOn}`, ["As fitted", "Now", "Same"]);
  const first = builder.take(inputs.length);
  const last = first + inputs.length - 1;
  builder.write(first, LABEL_COLUMN, inputs.map((input) => [input.label]));
  inputs.forEach((input, index) => {
    const row = first + index;
    const [was, now] = [cellAddress(row, VALUE_COLUMN), cellAddress(row, UNIT_COLUMN)];
    builder.write(row, VALUE_COLUMN, [[input.asFitted]], { format: input.format, style: FIXED_VALUE_STYLE });
    builder.write(row, UNIT_COLUMN, [[formula(input.now)]], { format: input.format, style: CALCULATION_STYLE });
    const same: Cell =
      typeof input.asFitted === "string"
        ? formula(`${now}=${was}`)
        : formula(`IFERROR(ABS(${now}-${was})<=1E-9*MAX(1,ABS(${was})),FALSE)`);
    builder.write(row, NOTE_COLUMN, [[same]], { format: MODEL_FORMATS.logical, style: CALCULATION_STYLE });
  });
  builder.name("FitInputsSame", `${cellAddress(first, NOTE_COLUMN)}:${cellAddress(last, NOTE_COLUMN)}`, "Whether each input of the fit is as fitted (TRUE/FALSE)");
}
