/**
 * The top of the model sheet: what it answers, which flavour of formulas it holds, that its
 * PCT is an example to replace, where its timeline is, how its cells are coloured, and the
 * decision in words.
 */
import { SOURCE } from "../../../data";
import { LABEL_COLUMN } from "./grid";
import type { ModelContext } from "./context";
import { formula } from "../sheetBuilder";
import { writeNotes } from "./lineItems";
import { DECISION_STYLE, TITLE_STYLE, WARNING_STYLE } from "../palette";

/** The sheet's title. */
const MODEL_TITLE = "CRS adoption model: will the PCT be paid the smartcard incentive, and when will it reach its target?";

/** Writes the title, the notes on how to read and use the sheet, and the decision's sentences. */
export function writeIntro(context: ModelContext): void {
  const { builder, n, fitted, sheets } = context;
  // Two lines in either flavour, so that every row below is where it is in the other.
  const flavour =
    fitted === null
      ? [
          "Live: the fitted curve, its bounds, the chance and the date reached are the add-in's CRS. functions.",
          "They follow the history as you type.",
        ]
      : [
          `Portable: native Excel formulas. The fitted curve, its bounds, the chance and the date reached were computed by the CRS Adoption Modeller on ${fitted.computedOn}.`,
          "They are values fitted to the history below as it was then; FitCurrent says whether they still belong to it.",
        ];
  builder.write(builder.take(), LABEL_COLUMN, [[MODEL_TITLE]], { style: TITLE_STYLE });
  // Each note one line, no wider than the sheet, so that none is cut off in print.
  const notes = [
    "From the PCT's own monthly counts of GPs registered for smartcards: the incentive at its deadline, a later target, a fitted projection and run-rate scenarios.",
    ...flavour,
    `Replace the example's history and size with your PCT's (orange cells under Inputs). The monthly timeline the chart draws is on the sheet '${sheets.timeline}'.`,
    `Yellow: figures from ${SOURCE.publisher}, "${SOURCE.title}" (${SOURCE.published}). Orange: assumptions. Grey: calculations. Bold and boxed: outputs.`,
  ];
  writeNotes(builder, notes);
  builder.gap();
  const decision = builder.take(3);
  builder.write(
    decision,
    LABEL_COLUMN,
    [
      [formula(`IFERROR(${n.DeadlineWords}&${n.CountWords}&${n.PaymentWords}&${n.ThresholdWords},"The incentive cannot be judged: see the Checks below.")`)],
      [formula(`IFERROR(${n.TargetWords}&${n.NeededWords},"The target cannot be worked out: see the Checks below.")`)],
      [formula(`IFERROR(${n.FitWords}&${n.RangeWords}&${n.ChanceWords}&${n.ReachWords},"The fitted curve cannot be computed: see the Checks below.")`)],
    ],
    { style: DECISION_STYLE },
  );
  builder.write(
    builder.take(),
    LABEL_COLUMN,
    [[formula(`IF(${n.ChecksPass},"","Check the inputs: "&INDEX(${n.CheckMessages},MATCH(FALSE,${n.CheckPasses},0)))`)]],
    { style: WARNING_STYLE },
  );
}
