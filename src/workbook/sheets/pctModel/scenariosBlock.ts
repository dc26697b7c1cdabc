/**
 * The run-rate scenarios side by side: for each, from the latest count on at its GPs a month
 * (never above PCTGPs), the count and share at TargetDate, whether the target is met, and the
 * date it is reached.
 */
import { cellAddress } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import { DAYS_PER_MONTH } from "../dialect";
import type { ModelContext } from "./context";
import { EXTRA_COLUMN, LABEL_COLUMN, NOTE_COLUMN, UNIT_COLUMN, VALUE_COLUMN } from "./grid";
import { MODEL_FORMATS } from "./modelFormats";
import { formula } from "../sheetBuilder";
import { BLOCK_TITLE_STYLE, CALCULATION_STYLE, UNIT_STYLE } from "../palette";

/** Writes the scenarios' table. */
export function writeScenarios(context: ModelContext): void {
  const { builder, n } = context;
  const titleRow = builder.take();
  builder.writeWrapped(
    titleRow,
    LABEL_COLUMN,
    ["Run-rate scenarios at TargetDate", "GPs at TargetDate", "Share of PCTGPs", "Target met", "Date target reached"],
    BLOCK_TITLE_STYLE,
  );
  builder.write(builder.take(), LABEL_COLUMN, [["Scenario", "GPs", "%", "TRUE/FALSE", "date"]], { style: UNIT_STYLE });
  const scenarios = [
    { letter: "A", rate: n.RunRateA },
    { letter: "B", rate: n.RunRateB },
  ];
  const first = builder.take(scenarios.length);
  scenarios.forEach(({ letter, rate }, index) => {
    const row = first + index;
    const count = cellAddress(row, VALUE_COLUMN);
    builder.write(row, LABEL_COLUMN, [[`Scenario ${letter}: ${rate} GPs a month from now`]]);
    builder.write(row, VALUE_COLUMN, [[formula(`MIN(${n.PCTGPs},${n.LatestCount}+${rate}*MAX(0,${n.MonthsToTarget}))`)]], {
      format: NUMBER_FORMATS.count,
      style: CALCULATION_STYLE,
    });
    builder.write(row, UNIT_COLUMN, [[formula(`${count}/${n.PCTGPs}`)]], { format: MODEL_FORMATS.share, style: CALCULATION_STYLE });
    builder.write(row, NOTE_COLUMN, [[formula(`${count}>=${n.TargetGPs}`)]], { format: MODEL_FORMATS.logical, style: CALCULATION_STYLE });
    const reached =
      `IF(${n.LatestCount}>=${n.TargetGPs},${n.LatestDate},IF(OR(${rate}<=0,${n.TargetGPs}>${n.PCTGPs}),NA(),` +
      `${n.LatestDate}+(${n.TargetGPs}-${n.LatestCount})/${rate}*${DAYS_PER_MONTH}))`;
    builder.write(row, EXTRA_COLUMN, [[formula(reached)]], { format: NUMBER_FORMATS.date, style: CALCULATION_STYLE });
  });
}
