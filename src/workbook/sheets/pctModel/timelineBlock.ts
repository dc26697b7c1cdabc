/**
 * The monthly timeline, FAST-style, on a sheet of its own: one line item a row, one month a
 * column, one formula copied across each row. It runs from the month of the first count for a
 * fixed number of months: the month ends, the history (the last count on or before each month
 * end, up to the latest count), the fitted curve with its lower and upper bounds, the run-rate
 * scenarios from the latest count on, and the threshold and the target in GPs. The chart on the
 * model sheet draws these rows; the formulas read the model sheet's inputs by their names.
 *
 * #N/A is deliberate in three rows, where a chart must leave a gap: the history after the month
 * of the latest count, and the two scenarios before it. Both meet at the month end of the latest
 * count, whatever its day: the history shows the latest count there, and the scenarios start
 * there from it. The one input, the PCT's own trajectory (its plan, month by month), blank until
 * the user types it, which the chart draws beside the projection, sits in a block of its own
 * above the calculations, under their month ends.
 */
import { columnLetters } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import type { Cell, CellStyle } from "../../plan";
import { type ModelContext, fitCell } from "./context";
import type { ForecastFigure } from "../dialect";
import { forecastAt } from "./fitFormulas";
import { writeNotes } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";
import { type SheetBuilder, formula, wrappedLines } from "../sheetBuilder";
import type { NameKey } from "./modelNames";
import { ASSUMPTION_STYLE, BLOCK_TITLE_STYLE, CALCULATION_STYLE, FIXED_VALUE_STYLE, TITLE_STYLE, UNIT_STYLE } from "../palette";
import { TIMELINE_FIRST_COLUMN, TIMELINE_LABEL_COLUMN, TIMELINE_MONTHS, TIMELINE_UNIT_COLUMN, timelineRange } from "./timelineGrid";

/** The month counter's start, 0: a constant of the layout, neither an input to change nor a calculation. */
const START_STYLE: CellStyle = { border: "#BFBFBF" };

/** The timeline sheet's title. */
export const TIMELINE_TITLE = "CRS adoption model: the PCT month by month";

/** The rows of the timeline the chart and other blocks read. */
export interface TimelineRows {
  readonly monthEnd: number;
  readonly history: number;
  readonly fitted: number;
  readonly lower: number;
  readonly upper: number;
  readonly scenarios: readonly [number, number];
  readonly trajectory: number;
  readonly threshold: number;
  readonly target: number;
}

/** One line item of the timeline: its label, unit and the cell of each month. */
interface TimelineRow {
  readonly label: string;
  readonly unit: string;
  readonly format: string;
  readonly style: CellStyle;
  /** The cell of the month in column `column` (its letters, e.g. "F"), the month's index from 0. */
  readonly cell: (column: string, month: number) => Cell;
  /** A constant in the first month instead of `cell`, where the row counts on from it. */
  readonly start?: number;
}

/** Writes the timeline sheet's title, notes and block; returns the rows the chart draws. */
export function writeTimeline(context: ModelContext): TimelineRows {
  const { builder, n, dialect, fitted, sheets } = context;
  builder.write(builder.take(), TIMELINE_LABEL_COLUMN, [[TIMELINE_TITLE]], { style: TITLE_STYLE });
  writeNotes(builder, [
    `From the month of the first count, for ${TIMELINE_MONTHS} months: the rows the chart on '${sheets.model}' draws, from its inputs and history. One formula across each row.`,
    "#N/A leaves a gap in the chart: the history after the latest count's month, the scenarios before it. Your trajectory (orange) is an input: type your plan, month by month.",
  ]);
  builder.gap();
  // The one input, apart from the calculations and above them, under its own month ends.
  builder.write(builder.take(), TIMELINE_LABEL_COLUMN, [["Input: your trajectory", "Unit"]], { style: BLOCK_TITLE_STYLE });
  const inputs = { monthEnd: builder.take(), trajectory: builder.take() };
  builder.gap();
  builder.write(builder.take(), TIMELINE_LABEL_COLUMN, [["Monthly timeline", "Unit"]], { style: BLOCK_TITLE_STYLE });
  const first = builder.row;
  // Each row's position is fixed before any formula is written, so rows can refer to rows below them.
  const at = {
    month: first,
    year: first + 1,
    monthEnd: first + 2,
    monthsSinceFirst: first + 3,
    monthsSinceLatest: first + 4,
    history: first + 5,
    fitted: first + 6,
    lower: first + 7,
    upper: first + 8,
    scenarioA: first + 9,
    scenarioB: first + 10,
    threshold: first + 11,
    target: first + 12,
  };
  const ref = (column: string, row: number): string => `${column}$${row}`;
  const fit = (which: ForecastFigure, label: string): TimelineRow => ({
    label: fitted === null ? label : `${label} (as fitted)`,
    unit: "GPs",
    format: MODEL_FORMATS.timelineCount,
    style: fitted === null ? CALCULATION_STYLE : FIXED_VALUE_STYLE,
    cell: (column, month) =>
      fitCell(context, forecastAt(n, ref(column, at.monthsSinceFirst), which), (values) => values.outlook.timeline[month][which]),
  });
  const scenario = (rate: string, letter: string): TimelineRow => ({
    label: `Scenario ${letter}: latest count + ${rate} a month`,
    unit: "GPs",
    format: MODEL_FORMATS.timelineCount,
    style: CALCULATION_STYLE,
    cell: (column) =>
      formula(`IF(${ref(column, at.monthEnd)}<EOMONTH(${n.LatestDate},0),NA(),MIN(${n.PCTGPs},${n.LatestCount}+${rate}*${ref(column, at.monthsSinceLatest)}))`),
  });
  const calculation = (label: string, unit: string, format: string, text: (column: string) => string): TimelineRow => ({
    label,
    unit,
    format,
    style: CALCULATION_STYLE,
    cell: (column) => formula(text(column)),
  });
  const rows: TimelineRow[] = [
    {
      label: "Months after the first count's month",
      unit: "months",
      format: "0",
      style: CALCULATION_STYLE,
      // A counter: month 0, then each month the one before it plus one.
      start: 0,
      cell: (_, month) => formula(`${columnLetters(TIMELINE_FIRST_COLUMN + month - 1)}$${at.month}+1`),
    },
    calculation("Year", "year", "0", (c) => `YEAR(${ref(c, at.monthEnd)})`),
    calculation("Month end", "date", MODEL_FORMATS.month, (c) => `EOMONTH(${n.FirstDate},${ref(c, at.month)})`),
    calculation("Months since the first count (the fit's time)", "months", MODEL_FORMATS.months, (c) => dialect.periods(n.FirstDate, ref(c, at.monthEnd))),
    calculation("Months after the latest count", "months", MODEL_FORMATS.months, (c) => dialect.periods(n.LatestDate, ref(c, at.monthEnd))),
    calculation("History: the last count on or before the month end", "GPs", NUMBER_FORMATS.count, (c) => {
      const lastDate = `SUMPRODUCT(MAX((${n.HistoryDates}<=${ref(c, at.monthEnd)})*${n.HistoryDates}))`;
      return `IF(${ref(c, at.monthEnd)}>EOMONTH(${n.LatestDate},0),NA(),INDEX(${n.HistoryCounts},MATCH(${lastDate},${n.HistoryDates},0)))`;
    }),
    fit("fitted", "Fitted curve"),
    fit("lower", "Lower bound"),
    fit("upper", "Upper bound, at most PCTGPs"),
    scenario(n.RunRateA, "A"),
    scenario(n.RunRateB, "B"),
    calculation("Threshold", "GPs", NUMBER_FORMATS.count, () => n.ThresholdGPs),
    calculation("Target", "GPs", NUMBER_FORMATS.count, () => n.TargetGPs),
  ];
  const top = builder.take(rows.length);
  if (top !== first) throw new Error("The timeline moved while it was laid out.");
  builder.write(top, TIMELINE_LABEL_COLUMN, rows.map((row) => [row.label]), { style: { wrap: true } });
  rows.forEach((row, index) => builder.tallRow(top + index, wrappedLines(row.label, builder.widthOf(TIMELINE_LABEL_COLUMN))));
  builder.write(top, TIMELINE_UNIT_COLUMN, rows.map((row) => [row.unit]), { style: UNIT_STYLE });
  rows.forEach((row, index) => {
    const from = row.start === undefined ? 0 : 1;
    if (row.start !== undefined) builder.write(top + index, TIMELINE_FIRST_COLUMN, [[row.start]], { format: row.format, style: START_STYLE });
    const cells = Array.from({ length: TIMELINE_MONTHS - from }, (_, i) => row.cell(columnLetters(TIMELINE_FIRST_COLUMN + from + i), from + i));
    builder.write(top + index, TIMELINE_FIRST_COLUMN + from, [cells], { format: row.format, style: row.style });
  });
  writeTrajectory(builder, inputs, at.monthEnd);
  builder.name("MonthEnds", timelineRange(at.monthEnd), "The month ends of the timeline (dates)");
  return {
    monthEnd: at.monthEnd,
    history: at.history,
    fitted: at.fitted,
    lower: at.lower,
    upper: at.upper,
    scenarios: [at.scenarioA, at.scenarioB],
    trajectory: inputs.trajectory,
    threshold: at.threshold,
    target: at.target,
  };
}

/**
 * The trajectory input: blank cells under the timeline's month ends (linked from its month-end
 * row, so that they say which month a cell is), for the PCT's own plan, which the chart draws.
 */
function writeTrajectory(builder: SheetBuilder<NameKey>, rows: { readonly monthEnd: number; readonly trajectory: number }, monthEndRow: number): void {
  const labels = [
    ["Month end", "date"],
    ["Your trajectory, if you have one: GPs planned", "GPs"],
  ];
  builder.write(rows.monthEnd, TIMELINE_LABEL_COLUMN, labels.map(([label]) => [label]), { style: { wrap: true } });
  labels.forEach(([label], index) => builder.tallRow(rows.monthEnd + index, wrappedLines(label, builder.widthOf(TIMELINE_LABEL_COLUMN))));
  builder.write(rows.monthEnd, TIMELINE_UNIT_COLUMN, labels.map(([, unit]) => [unit]), { style: UNIT_STYLE });
  const columns = Array.from({ length: TIMELINE_MONTHS }, (_, month) => columnLetters(TIMELINE_FIRST_COLUMN + month));
  builder.write(rows.monthEnd, TIMELINE_FIRST_COLUMN, [columns.map((column) => formula(`${column}$${monthEndRow}`))], {
    format: MODEL_FORMATS.month,
    style: CALCULATION_STYLE,
  });
  builder.write(rows.trajectory, TIMELINE_FIRST_COLUMN, [columns.map(() => null)], { format: NUMBER_FORMATS.count, style: ASSUMPTION_STYLE });
}
