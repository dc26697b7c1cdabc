/**
 * The chart a manager would put in a board paper: the PCT's counts as markers, the fitted curve
 * with its bounds dashed, the run-rate scenarios, and the threshold and the target as lines, by
 * month on a date axis. It draws the rows of the timeline sheet and sits on the model sheet
 * beside the outputs, on the first screen, from the note column to the one before the sheet's
 * last: a chart that reaches the sheet's right edge makes LibreOffice print one more column, and
 * so the whole sheet smaller.
 */
import { cellAddress } from "../../../excel/a1";
import type { ChartPlan, ChartSeriesPlan } from "../../plan";
import { LAST_COLUMN, NOTE_COLUMN } from "./grid";
import { MODEL_FORMATS } from "./modelFormats";
import type { TimelineRows } from "./timelineBlock";
import { timelineRange } from "./timelineGrid";

/** The chart of the timeline sheet `dataSheet`'s rows, `height` rows tall from `topRow` down on the model sheet. */
export function modelChart(rows: TimelineRows, dataSheet: string, topRow: number, height: number): ChartPlan {
  const series = (name: string, row: number, look: ChartSeriesPlan["look"], color: string): ChartSeriesPlan => ({
    name,
    values: timelineRange(row),
    look,
    color,
  });
  return {
    title: "GPs registered in the PCT: history, fitted curve with its bounds, scenarios",
    categories: timelineRange(rows.monthEnd),
    dataSheet,
    series: [
      series("History", rows.history, "markers", "#000000"),
      series("Fitted curve", rows.fitted, "line", "#2F5597"),
      series("Lower bound", rows.lower, "dashed", "#8FAADC"),
      series("Upper bound", rows.upper, "dashed", "#8FAADC"),
      // Static names, as Office.js names a series: the rates are the inputs RunRateA and RunRateB.
      series("Scenario A", rows.scenarios[0], "line", "#ED7D31"),
      series("Scenario B", rows.scenarios[1], "line", "#70AD47"),
      // Blank until the user types a plan. Its empty cells also keep LibreOffice leaving gaps at
      // #N/A: it draws #N/A as 0 in a line chart from an .xlsx file whose charted cells are none empty.
      series("Your trajectory", rows.trajectory, "dashed", "#404040"),
      series("Incentive threshold", rows.threshold, "line", "#C00000"),
      series("Target", rows.target, "line", "#7030A0"),
    ],
    xAxisTitle: "Month end",
    yAxisTitle: "GPs registered",
    position: `${cellAddress(topRow, NOTE_COLUMN)}:${cellAddress(topRow + height - 1, LAST_COLUMN - 1)}`,
    // Month ends a month apart, labelled every quarter so the labels stay level and legible.
    dateAxis: { format: MODEL_FORMATS.chartMonth, unit: "months", labelEvery: 3 },
  };
}
