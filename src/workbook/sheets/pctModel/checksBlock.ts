/**
 * The Checks: each row tests one input rule and, when it fails, says in words which input is
 * wrong and what to do, naming the history entry where there is one. The formulas elsewhere
 * carry no domain tests of their own; a failed check is where the sheet explains an error cell.
 * One cell sums them up (ChecksPass), which the outputs and the warning at the top show.
 */
import { cellAddress } from "../../../excel/a1";
import type { Cell } from "../../plan";
import type { ModelContext } from "./context";
import { LABEL_COLUMN, NOTE_COLUMN, UNIT_COLUMN, VALUE_COLUMN } from "./grid";
import { writeBlockTitle } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";
import type { NameKey } from "./modelNames";
import { formula } from "../sheetBuilder";
import { CALCULATION_STYLE, OUTPUT_STYLE, UNIT_STYLE, WARNING_STYLE } from "../palette";

/** One check: what it tests, the formula that passes (TRUE) or fails, and its message when it fails (a text expression). */
interface Check {
  readonly label: string;
  readonly passes: string;
  readonly message: string;
}

/** A text as an Excel string literal: in double quotes, its own double quotes doubled. */
function excelText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A date in a message: "31 Jul 2005". */
function dateText(name: string, format = "d mmm yyyy"): string {
  return `TEXT(${name},"${format}")`;
}

/** Writes the Checks block. */
export function writeChecks(context: ModelContext): void {
  const { builder, n, fitted } = context;
  const entryCheck = (label: string, flags: NameKey, problem: string): Check => ({
    label,
    passes: `COUNTIF(${n[flags]},1)=0`,
    message: `"History entry "&MATCH(1,${n[flags]},0)&" ${problem}"`,
  });
  const share = (name: string, example: string): Check => ({
    label: `${name} is a share from 0% to 100%`,
    passes: `AND(ISNUMBER(${name}),${name}>=0,${name}<=1)`,
    message: `"${name} must be a share from 0% to 100%, such as ${example}."`,
  });
  const checks: Check[] = [
    entryCheck("History dates in order", "HistoryOutOfOrder", "is dated before an entry above it: sort the history by date, oldest first."),
    entryCheck("No date twice", "HistoryDateTwice", "repeats the date of the entry above it: keep one count per date."),
    entryCheck("Every entry has a date and a count", "HistoryIncomplete", "needs both a date and a count, as numbers: complete it or clear the row."),
    entryCheck("No blank row inside the history", "HistoryGap", "is blank but later entries are not: move the later entries up."),
    entryCheck("No negative count", "HistoryNegative", "has a count below 0: counts are 0 or more."),
    {
      label: "No count above PCTGPs",
      passes: `COUNTIF(${n.HistoryAbovePCTGPs},1)=0`,
      message: `"History entry "&MATCH(1,${n.HistoryAbovePCTGPs},0)&" counts more GPs than ${n.PCTGPs} ("&${n.PCTGPs}&"): correct it or ${n.PCTGPs}."`,
    },
    {
      label: "Enough counts to fit a curve",
      passes: `${n.HistoryPoints}>=3`,
      message: `"The history has "&${n.HistoryPoints}&" counts: a fit needs at least 3 (5 for auto)."`,
    },
    {
      label: "TargetDate and Deadline are dates",
      passes: `AND(ISNUMBER(${n.TargetDate}),ISNUMBER(${n.Deadline}))`,
      message: `IF(ISNUMBER(${n.TargetDate}),"${n.Deadline}","${n.TargetDate}")&" must be a date, such as 31 Mar 2006, not a text."`,
    },
    // The checks on a date pass while it is not one: the check above says what to fix, and
    // EDATE and TEXT of a text would give #VALUE! or a message about the wrong thing.
    {
      label: "A count on or before the deadline",
      passes: `IF(ISNUMBER(${n.Deadline}),ISNUMBER(${n.DeadlineCountDate}),TRUE)`,
      message: `"No count is dated on or before ${n.Deadline} ("&${dateText(n.Deadline)}&"): add the PCT's count at the deadline."`,
    },
    {
      label: "PCT's size and payment are valid",
      passes: `AND(ISNUMBER(${n.PCTGPs}),${n.PCTGPs}>0,ISNUMBER(${n.PCTPractices}),${n.PCTPractices}>=0,ISNUMBER(${n.PaymentPerPractice}),${n.PaymentPerPractice}>=0)`,
      message: `"${n.PCTGPs} must be a number above 0, and ${n.PCTPractices} and ${n.PaymentPerPractice} numbers 0 or more."`,
    },
    share(n.Threshold, "30%"),
    share(n.TargetShare, "80%"),
    {
      label: "Confidence between 0% and 100%",
      passes: `AND(ISNUMBER(${n.Confidence}),${n.Confidence}>0,${n.Confidence}<1)`,
      message: `"${n.Confidence} must be above 0% and below 100%, such as 80%."`,
    },
    {
      label: "Model is auto, bass, logistic or gompertz",
      passes: `OR(${n.Model}="auto",${n.Model}="bass",${n.Model}="logistic",${n.Model}="gompertz")`,
      message: `"${n.Model} must be auto, bass, logistic or gompertz: pick one from the cell's list."`,
    },
    {
      label: "TargetDate after the latest count",
      passes: `IF(ISNUMBER(${n.TargetDate}),${n.TargetDate}>${n.LatestDate},TRUE)`,
      message: `"${n.TargetDate} ("&${dateText(n.TargetDate)}&") must be after the latest count ("&${dateText(n.LatestDate)}&")."`,
    },
    {
      label: "Timeline reaches 6 months past TargetDate",
      passes: `IF(ISNUMBER(${n.TargetDate}),EDATE(${n.TargetDate},6)<=MAX(${n.MonthEnds}),TRUE)`,
      message: `"The timeline ends "&${dateText(`MAX(${n.MonthEnds})`, "mmm yyyy")}&", before six months past ${n.TargetDate}: choose an earlier one."`,
    },
    fitted === null
      ? {
          label: "The curve fits the history",
          passes: `AND(ISNUMBER(${n.ProjectedAtTargetDate}),ISNUMBER(${n.ChanceOfTarget}))`,
          message: `"The fit gives an error: point at ${n.ProjectedAtTargetDate} or ${n.ChanceOfTarget} to read the add-in's message."`,
        }
      : {
          label: "The curve fitted the history",
          passes: fitted.outlook.failure === null ? "TRUE" : "FALSE",
          message: excelText(`The fit failed: ${fitted.outlook.failure?.message ?? ""}`),
        },
    {
      label: "Fitted figures belong to the inputs",
      passes: n.FitCurrent,
      message:
        fitted === null
          ? `"The fit is live: it always belongs to the inputs."`
          : `"The inputs differ from those fitted on ${fitted.computedOn} (see As fitted): the fitted figures are out of date."`,
    },
  ];
  writeBlockTitle(builder, "Checks: each says which input to fix", ["Passes", "Unit", "What to fix"]);
  const first = builder.take(checks.length);
  const last = first + checks.length - 1;
  builder.write(first, LABEL_COLUMN, checks.map((check) => [check.label]));
  builder.write(first, VALUE_COLUMN, checks.map((check) => [formula(check.passes)]), { format: MODEL_FORMATS.logical, style: CALCULATION_STYLE });
  builder.write(first, UNIT_COLUMN, checks.map(() => ["TRUE/FALSE"]), { style: UNIT_STYLE });
  const messages: Cell[][] = checks.map((check, index) => [formula(`IF(${cellAddress(first + index, VALUE_COLUMN)},"",${check.message})`)]);
  builder.write(first, NOTE_COLUMN, messages, { style: WARNING_STYLE });
  builder.name("CheckPasses", `${cellAddress(first, VALUE_COLUMN)}:${cellAddress(last, VALUE_COLUMN)}`, "Whether each check passes (TRUE/FALSE)");
  builder.name("CheckMessages", `${cellAddress(first, NOTE_COLUMN)}:${cellAddress(last, NOTE_COLUMN)}`, "Each failed check's message, in words");
  const summary = builder.take();
  builder.write(summary, LABEL_COLUMN, [["All checks pass"]], { style: { bold: true } });
  builder.write(summary, VALUE_COLUMN, [[formula(`AND(${n.CheckPasses})`)]], { format: MODEL_FORMATS.logical, style: OUTPUT_STYLE });
  builder.write(summary, UNIT_COLUMN, [["TRUE/FALSE"]], { style: UNIT_STYLE });
  builder.name("ChecksPass", cellAddress(summary, VALUE_COLUMN), "Whether every input passes the checks (TRUE/FALSE)");
}
