/**
 * The portable model as a user changes it: inputs typed into the written .xlsx file (with exceljs),
 * the file recalculated by LibreOffice Calc, and the outputs read back and compared with values
 * worked out here from the same inputs. One LibreOffice run converts every case.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { parseRange } from "../../src/excel/a1";
import { MODEL_SHEET, planModel } from "../../src/workbook/sheets/pctModel";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import { writeXlsx } from "../../src/workbook/xlsx/writer";
import { convertWithLibreOffice } from "../../scripts/libreOffice";
import { asNumber, loadWorkbook, shownValue } from "../workbook/xlsx/xlsxRead";

const plan = planModel(NO_TAKEN_NAMES, { formulas: "portable" });
const DAYS_PER_MONTH = 365.25 / 12;
const serial = (date: IsoDate): number => isoToExcelSerial(date);

/** The cell of a one-cell name, and the cells of a history column. */
function address(name: string): string {
  return plan.names.find((candidate) => candidate.name === name)!.address;
}

/** A history of counts, oldest first; null for a blank row. */
type History = readonly (readonly [IsoDate, number] | null)[];

/** What a case types into the model: one-cell inputs by name, and the history. */
interface Typed {
  readonly inputs?: Readonly<Record<string, number | string>>;
  readonly history?: History;
}

/** The written model with a case's inputs typed over, as a user would in Excel. */
async function typedInto(bytes: Uint8Array, typed: Typed): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes);
  const sheet = workbook.getWorksheet(MODEL_SHEET)!;
  for (const [name, value] of Object.entries(typed.inputs ?? {})) sheet.getCell(address(name)).value = value;
  if (typed.history !== undefined) {
    const dates = parseRange(address("HistoryDates"));
    for (let row = dates.start.row; row <= dates.end.row; row++) {
      const entry = typed.history[row - dates.start.row] ?? null;
      // A date typed into a date cell: exceljs writes a JavaScript date as the day's serial.
      sheet.getCell(row, dates.start.column).value = entry === null ? null : new Date(Date.UTC(1899, 11, 30) + serial(entry[0]) * 86_400_000);
      sheet.getCell(row, dates.start.column + 1).value = entry === null ? null : entry[1];
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The cases, each a change a manager makes, with what the sheet must then show. */
const CASES = {
  deadlineAmidCounts: {
    history: [["2005-04-30", 30], ["2005-05-31", 38], null, ["2005-06-28", 44], ["2005-07-15", 50], ["2005-08-31", 70], null, null],
  },
  threeOfTen: { inputs: { PCTGPs: 10, PCTPractices: 4, TargetShare: 0.9 }, history: [["2005-05-31", 2], ["2005-06-30", 3], ["2005-07-31", 4]] },
  fortyFourOf150: { history: [["2005-05-31", 40], ["2005-06-30", 44], ["2005-07-31", 50]] },
  fortyFiveOf150: { history: [["2005-05-31", 40], ["2005-06-30", 45], ["2005-07-31", 50]] },
  acrossTheYearEnd: { inputs: { TargetDate: serial("2006-02-28") }, history: [["2005-09-30", 60], ["2005-10-31", 66], ["2005-11-30", 71]] },
  outOfOrder: { history: [["2005-04-30", 30], ["2005-06-30", 40], ["2005-05-31", 35], ["2005-07-31", 50]] },
  countChanged: { inputs: { PCTGPs: 160 } },
} satisfies Readonly<Record<string, Typed>>;

type CaseName = keyof typeof CASES;
let results: Promise<Map<CaseName, ExcelJS.Worksheet>> | undefined;

/** Every case recalculated by LibreOffice, in one run, from inside the tests (a missing LibreOffice fails them). */
function recalculated(): Promise<Map<CaseName, ExcelJS.Worksheet>> {
  results ??= (async () => {
    const written = await writeXlsx(plan);
    const names = Object.keys(CASES) as CaseName[];
    const files = await Promise.all(names.map((name) => typedInto(written, CASES[name])));
    const converted = convertWithLibreOffice(files, "xlsx", "to recalculate the model with a user's inputs");
    const sheets = await Promise.all(converted.map(async (bytes) => (await loadWorkbook(bytes)).getWorksheet(MODEL_SHEET)!));
    return new Map(names.map((name, index) => [name, sheets[index]]));
  })();
  return results;
}

/** What LibreOffice shows at a name in a case: numbers (dates as serials), texts, logical values, errors. */
async function shown(name: CaseName, at: string): Promise<unknown> {
  const sheet = (await recalculated()).get(name)!;
  const value = shownValue(sheet.getCell(address(at)));
  return asNumber(value) ?? value;
}

/** The last count dated on or before a date, worked out from a history. */
function lastCountBy(history: History, date: number): number {
  return history.filter((entry) => entry !== null && serial(entry[0]) <= date).at(-1)![1];
}

describe("the portable model recalculated by LibreOffice with a user's inputs", () => {
  it("judges the incentive on the last count on or before the deadline, with counts after it and blank rows", async () => {
    const expected = lastCountBy(CASES.deadlineAmidCounts.history, serial("2005-06-30"));
    expect(expected).toBe(44);
    expect(await shown("deadlineAmidCounts", "RegisteredAtDeadline")).toBe(expected);
    expect(await shown("deadlineAmidCounts", "ShortfallAtDeadline")).toBe(Math.max(0, Math.ceil(0.3 * 150 - expected - 1e-9)));
    expect(await shown("deadlineAmidCounts", "IncentivePayable")).toBe(0);
    expect(await shown("deadlineAmidCounts", "LatestDate")).toBe(serial("2005-08-31"));
    expect(await shown("deadlineAmidCounts", "LatestCount")).toBe(70);
  });

  it("pays on 3 of 10 GPs at 30%, exactly at the threshold", async () => {
    expect(await shown("threeOfTen", "ShortfallAtDeadline")).toBe(0);
    expect(await shown("threeOfTen", "IncentivePayable")).toBe(4 * 6_000);
  });

  it("pays nothing on 44 of 150 GPs and £240,000 on 45", async () => {
    expect(await shown("fortyFourOf150", "ShortfallAtDeadline")).toBe(1);
    expect(await shown("fortyFourOf150", "IncentivePayable")).toBe(0);
    expect(await shown("fortyFiveOf150", "ShortfallAtDeadline")).toBe(0);
    expect(await shown("fortyFiveOf150", "IncentivePayable")).toBe(40 * 6_000);
  });

  it("needs the GPs a month from the latest count to a target date across a year end", async () => {
    const months = (serial("2006-02-28") - serial("2005-11-30")) / DAYS_PER_MONTH;
    const needed = await shown("acrossTheYearEnd", "NeededPerMonth");
    expect(Math.abs((needed as number) - (120 - 71) / months)).toBeLessThanOrEqual(1e-9 * 20);
  });

  it("says in the Checks which history entry is out of order, and warns at the top", async () => {
    expect(await shown("outOfOrder", "ChecksPass")).not.toBe(true);
    const sheet = (await recalculated()).get("outOfOrder")!;
    const { start, end } = parseRange(address("CheckMessages"));
    const messages = Array.from({ length: end.row - start.row + 1 }, (_, index) => shownValue(sheet.getCell(`D${start.row + index}`))).filter(
      (text): text is string => typeof text === "string" && text !== "",
    );
    expect(messages[0]).toBe("History entry 3 is dated before an entry above it: sort the history by date, oldest first.");
    const top = Array.from({ length: 12 }, (_, index) => shownValue(sheet.getCell(`A${index + 1}`)));
    expect(top).toContain(`Check the inputs: ${messages[0]}`);
  });

  it("turns FitCurrent FALSE, with its warning, once an input of the fit changes", async () => {
    expect(await shown("countChanged", "FitCurrent")).not.toBe(true);
    const sheet = (await recalculated()).get("countChanged")!;
    // The warning is the line under FitCurrent, in the label column.
    expect(shownValue(sheet.getCell(`A${parseRange(address("FitCurrent")).start.row + 1}`))).toMatch(/^Out of date/);
  });
});
