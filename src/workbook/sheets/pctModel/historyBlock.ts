/**
 * The PCT's history: its counts of GPs registered, dated, oldest first, in rows the user fills
 * (the example's counts first, then blank rows; blank rows at the end are ignored). Beside each
 * count, one formula per column: its time in months since the first count (what the fit uses),
 * whether it reaches the threshold, and a flag for each way an entry can be wrong, which the
 * Checks turn into words.
 */
import { cellAddress, columnLetters } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import type { Cell } from "../../plan";
import type { ModelContext } from "./context";
import { HISTORY_ROWS } from "./example";
import { LABEL_COLUMN, NOTE_COLUMN, UNIT_COLUMN, VALUE_COLUMN } from "./grid";
import type { NameKey } from "./modelNames";
import { MODEL_FORMATS } from "./modelFormats";
import { formula } from "../sheetBuilder";
import { writeNotes } from "./lineItems";
import { ASSUMPTION_STYLE, BLOCK_TITLE_STYLE, CALCULATION_STYLE, UNIT_STYLE } from "../palette";

/**
 * A calculated column beside the counts: its heading, its name and its formula for one row. A
 * flag's heading is one short word, as its narrow column allows, explained by its meaning.
 */
interface HistoryColumn {
  readonly heading: string;
  readonly meaning?: string;
  readonly name: NameKey;
  readonly unit: string;
  readonly format?: string;
  /** The formula of an entry's row, given the entry's date and count cells and the history's first and last rows. */
  readonly formula: (entry: EntryCells) => string;
}

/** The cells of one entry, and the rows the history spans, as formulas refer to them. */
interface EntryCells {
  /** The entry's date and count, e.g. "B45", "C45". */
  readonly date: string;
  readonly count: string;
  /** Date and count together, e.g. "B45:C45". */
  readonly pair: string;
  /** The dates from the title row down to the row above this entry, e.g. "B$44:B44" (the title is text, which MAX skips). */
  readonly datesAbove: string;
  /** The dates from this entry to the last row, e.g. "B45:B$68". */
  readonly datesFromHere: string;
}

/** A flag column: 1 where the entry is wrong in one way, else 0, so that its column reads "yes" or "-". */
function flag(heading: string, meaning: string, name: NameKey, condition: (entry: EntryCells) => string): HistoryColumn {
  return { heading, meaning, name, unit: "1/0", format: MODEL_FORMATS.flag, formula: (entry) => `IF(${condition(entry)},1,0)` };
}

/** Writes the history block; returns the rows of its entries. */
export function writeHistory(context: ModelContext): { first: number; last: number } {
  const { builder, n, dialect, example } = context;
  const columns: HistoryColumn[] = [
    {
      heading: "Months since the first count",
      name: "HistoryMonths",
      unit: "months",
      format: MODEL_FORMATS.months,
      formula: (e) => `IF(ISNUMBER(${e.date}),${dialect.periods(n.FirstDate, e.date)},"")`,
    },
    {
      heading: "At or above the threshold?",
      name: "HistoryReached",
      unit: "TRUE/FALSE",
      format: MODEL_FORMATS.logical,
      // Blank beside a blank row, as the months are: only an entry is at or above the threshold or not.
      formula: (e) => `IF(COUNT(${e.pair})=2,${e.count}>=${n.ThresholdGPs},"")`,
    },
    flag("Sort", "dated before an entry above it", "HistoryOutOfOrder", (e) => `AND(COUNT(${e.pair})=2,${e.date}<MAX(${e.datesAbove}))`),
    flag("Dup", "on the date of the entry above", "HistoryDateTwice", (e) => `AND(COUNT(${e.pair})=2,${e.date}=MAX(${e.datesAbove}))`),
    flag("Miss", "missing its date or its count", "HistoryIncomplete", (e) => `AND(COUNTBLANK(${e.pair})<2,COUNT(${e.pair})<2)`),
    flag("Gap", "blank with entries below it", "HistoryGap", (e) => `AND(COUNTBLANK(${e.pair})=2,COUNT(${e.datesFromHere})>0)`),
    flag("Neg", "a count below 0", "HistoryNegative", (e) => `AND(ISNUMBER(${e.count}),${e.count}<0)`),
    flag("Over", "a count above PCTGPs", "HistoryAbovePCTGPs", (e) => `AND(ISNUMBER(${e.count}),${e.count}>${n.PCTGPs})`),
  ];
  const meanings = columns.flatMap((column) => (column.meaning === undefined ? [] : [`${column.heading}, ${column.meaning}`]));
  // Two lines, each narrower than the sheet, so that neither is cut off in print.
  const half = Math.ceil(meanings.length / 2);
  const notes = [
    `Flags of an entry, 1 (shown "yes") where it is so: ${meanings.slice(0, half).join("; ")};`,
    `${meanings.slice(half).join("; ")}. The Checks say which entry to fix.`,
  ];
  writeNotes(builder, notes);
  const titleRow = builder.take();
  builder.writeWrapped(
    titleRow,
    LABEL_COLUMN,
    ["History: the PCT's counts, oldest first; blank rows at the end are ignored", "Date", "GPs registered", ...columns.map((column) => column.heading)],
    BLOCK_TITLE_STYLE,
  );
  const unitRow = builder.take();
  builder.write(unitRow, LABEL_COLUMN, [["Entry", "date", "GPs", ...columns.map((column) => column.unit)]], { style: UNIT_STYLE });
  const first = builder.take(HISTORY_ROWS);
  const last = first + HISTORY_ROWS - 1;
  builder.write(first, LABEL_COLUMN, Array.from({ length: HISTORY_ROWS }, (_, index) => [index + 1]), { style: { horizontal: "left" } });
  const entries: Cell[][] = Array.from({ length: HISTORY_ROWS }, (_, index) => {
    const count = example.history[index];
    return count === undefined ? [null, null] : [count.date, count.count];
  });
  builder.write(first, VALUE_COLUMN, entries.map(([date]) => [date]), { format: NUMBER_FORMATS.date, style: ASSUMPTION_STYLE });
  builder.write(first, UNIT_COLUMN, entries.map(([, count]) => [count]), { format: NUMBER_FORMATS.count, style: ASSUMPTION_STYLE });
  builder.name("HistoryDates", range(VALUE_COLUMN, first, last), "The dates of the PCT's counts, oldest first (date)");
  builder.name("HistoryCounts", range(UNIT_COLUMN, first, last), "GPs registered at each date, cumulative (GPs)");
  const dates = columnLetters(VALUE_COLUMN);
  const counts = columnLetters(UNIT_COLUMN);
  columns.forEach((column, index) => {
    const at = NOTE_COLUMN + index;
    const cells = Array.from({ length: HISTORY_ROWS }, (_, offset) => {
      const row = first + offset;
      const entry: EntryCells = {
        date: `${dates}${row}`,
        count: `${counts}${row}`,
        pair: `${dates}${row}:${counts}${row}`,
        datesAbove: `${dates}$${titleRow}:${dates}${row - 1}`,
        datesFromHere: `${dates}${row}:${dates}$${last}`,
      };
      return [formula(column.formula(entry))];
    });
    builder.write(first, at, cells, { format: column.format, style: CALCULATION_STYLE });
    builder.name(column.name, range(at, first, last), `${column.meaning ?? column.heading} (${column.unit}), one per history entry`);
  });
  return { first, last };
}

/** A column's cells from one row to another, e.g. "B45:B68". */
function range(column: number, first: number, last: number): string {
  return `${cellAddress(first, column)}:${cellAddress(last, column)}`;
}
