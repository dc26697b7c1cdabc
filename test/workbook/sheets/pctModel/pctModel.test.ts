/**
 * The model sheet's plan: the spec's names, short formulas in both flavours, the default
 * example's decision computed as a spreadsheet computes it (the CRS flavour through the add-in's
 * built functions, equal to the portable flavour's native formulas and written values), inputs
 * typed over with outputs checked against values worked out here, the Checks' words, and the layout.
 */
import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../../../src/data";
import type { IsoDate } from "../../../../src/data";
import { columnLetters, parseRange } from "../../../../src/excel/a1";
import { cellKey } from "../../../../src/workbook/formula/recalc";
import { isExcelError } from "../../../../src/workbook/formula/values";
import { EXAMPLE_PCT, HISTORY_ROWS } from "../../../../src/workbook/sheets/pctModel/example";
import { SPEC_INPUTS, SPEC_OUTPUTS } from "../../../../src/workbook/sheets/pctModel/modelNames";
import { LABEL_COLUMN, MODEL_WIDTHS, NOTE_COLUMN } from "../../../../src/workbook/sheets/pctModel/grid";
import { wrappedLines } from "../../../../src/workbook/sheets/sheetBuilder";
import { TIMELINE_FIRST_COLUMN, TIMELINE_MONTHS } from "../../../../src/workbook/sheets/pctModel/timelineGrid";
import { MODEL_SHEET, TIMELINE_SHEET, planModel } from "../../../../src/workbook/sheets/pctModel";
import { NO_TAKEN_NAMES } from "../../../../src/workbook/plan/names";
import type { TakenNames, WorkbookPlan } from "../../../../src/workbook/plan/plan";
import { plannedCells } from "../../plan/planCells";
import { type TypedInputs, addressOf, computeModel, numberOf, withInputs } from "./modelSheet";

const COMPUTED_ON = new Date(Date.UTC(2026, 10, 30));
const crs = planModel(NO_TAKEN_NAMES, { formulas: "crs" });
const portable = planModel(NO_TAKEN_NAMES, { formulas: "portable", computedOn: COMPUTED_ON });
const FLAVOURS = [
  ["crs", crs],
  ["portable", portable],
] as const;

/** A month as the sheet counts them. */
const DAYS_PER_MONTH = 365.25 / 12;
const serial = (date: IsoDate): number => isoToExcelSerial(date);

/**
 * Excel 2007's own functions that the portable flavour may use: none needs an `_xlfn.` prefix in
 * a file, so Office.js and the .xlsx writer take the same text.
 */
const PORTABLE_FUNCTIONS = new Set([
  "AND", "OR", "NOT", "IF", "IFERROR", "ISNUMBER", "ISNA", "NA", "ABS", "MAX", "MIN", "SUM", "SUMPRODUCT", "POWER",
  "ROUND", "ROUNDUP", "COUNT", "COUNTBLANK", "COUNTIF", "INDEX", "MATCH", "EDATE", "EOMONTH", "YEAR", "TEXT",
]);

/** Every formula of the model's sheets, by sheet and address ("CRS model!B14"). */
function formulas(plan: WorkbookPlan): Map<string, string> {
  const found = new Map<string, string>();
  for (const sheet of plan.sheets) {
    for (const [address, cell] of plannedCells(sheet)) if (cell.formula !== null) found.set(cellKey(sheet.name, address), cell.formula);
  }
  return found;
}

/** A history of monthly counts as dates and counts, for typing over HistoryDates and HistoryCounts. */
function history(counts: readonly (readonly [IsoDate, number] | null)[]): { HistoryDates: (number | null)[]; HistoryCounts: (number | null)[] } {
  return {
    HistoryDates: counts.map((entry) => (entry === null ? null : serial(entry[0]))),
    HistoryCounts: counts.map((entry) => (entry === null ? null : entry[1])),
  };
}

describe("the model's defined names", () => {
  it.each(FLAVOURS)("has every input and output of the spec, workbook-scoped on the model sheet (%s)", (_, plan) => {
    for (const name of [...SPEC_INPUTS, ...SPEC_OUTPUTS]) {
      const found = plan.names.find((candidate) => candidate.name === name);
      expect(found, name).toBeDefined();
      expect(found!.sheet).toBe(MODEL_SHEET);
      const { start, end } = parseRange(found!.address);
      if (name === "HistoryDates" || name === "HistoryCounts") {
        expect(end.column, name).toBe(start.column);
        expect(end.row - start.row + 1, name).toBeGreaterThanOrEqual(24);
      } else {
        expect(end, name).toEqual(start);
      }
    }
    expect(addressOf(plan, "HistoryCounts")).toBe(addressOf(plan, "HistoryDates").replace(/B/g, "C"));
    const keys = plan.names.map((name) => name.name.toUpperCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("adds DateThresholdMet and ChecksPass beside the spec's names", () => {
    expect(addressOf(crs, "DateThresholdMet")).toMatch(/^B\d+$/);
    expect(addressOf(crs, "ChecksPass")).toMatch(/^B\d+$/);
  });

  it("refers to every named cell by its name, never by its address", () => {
    const single = new Set(crs.names.filter((name) => !name.address.includes(":")).map((name) => cellKey(name.sheet, name.address)));
    expect(single.size).toBeGreaterThan(40);
    for (const [key, formula] of formulas(crs)) {
      const sheet = key.slice(0, key.lastIndexOf("!"));
      for (const reference of formula.match(/(?<![\w.$])\$?[A-Z]{1,3}\$?\d+(?![\w(])/g) ?? []) {
        expect(single.has(cellKey(sheet, reference.replace(/\$/g, ""))), `${key}: ${formula}`).toBe(false);
      }
    }
  });

  it("puts the monthly timeline on a sheet of its own, which MonthEnds refers to, and the spec's names on the model sheet", () => {
    expect(crs.sheets.map((sheet) => sheet.name)).toEqual([MODEL_SHEET, TIMELINE_SHEET]);
    const monthEnds = crs.names.find((name) => name.name === "MonthEnds")!;
    expect(monthEnds.sheet).toBe(TIMELINE_SHEET);
    expect(parseRange(monthEnds.address).end.column - parseRange(monthEnds.address).start.column + 1).toBe(TIMELINE_MONTHS);
    expect(crs.names.filter((name) => name.sheet === TIMELINE_SHEET).map((name) => name.name)).toEqual(["MonthEnds"]);
    expect(crs.activate).toBe(MODEL_SHEET);
    expect(crs.messages[0]).toContain(`in sheet '${MODEL_SHEET}', with its monthly timeline in sheet '${TIMELINE_SHEET}'`);
  });
});

describe("the model's formulas", () => {
  it.each(FLAVOURS)("are at most 160 characters long (%s)", (_, plan) => {
    const long = [...formulas(plan)].filter(([, formula]) => formula.length > 160);
    expect(long).toEqual([]);
  });

  it("use only Excel 2007's own functions in the portable flavour", () => {
    for (const [address, formula] of formulas(portable)) {
      expect(formula, address).not.toMatch(/CRS\.|_xlfn/);
      for (const [, name] of formula.matchAll(/([A-Za-z][\w.]*)\(/g)) expect(PORTABLE_FUNCTIONS.has(name), `${name} in ${address}: ${formula}`).toBe(true);
    }
  });

  it("fit live in the CRS flavour: FORECAST, CHANCE and REACH over the history's months and counts, the market held at PCTGPs", () => {
    const all = [...formulas(crs).values()];
    const fits = all.filter((formula) => /CRS\.(FORECAST|CHANCE|REACH)/.test(formula));
    expect(fits.length).toBe(3 * TIMELINE_MONTHS + 6);
    for (const formula of fits) expect(formula).toMatch(/\(Model,HistoryMonths,HistoryCounts,[^)]*PCTGPs/);
    expect(plannedCells(crs.sheets[0]).get(addressOf(crs, "FitCurrent"))?.value).toBe(true);
    expect(all.some((formula) => formula.includes("CRS.SHORTFALL(RegisteredAtDeadline,PCTGPs,Threshold)"))).toBe(true);
  });

  it("write the fit as values in the portable flavour, labelled so, and compare its inputs for FitCurrent", () => {
    const cells = plannedCells(portable.sheets[0]);
    expect(typeof cells.get(addressOf(portable, "ProjectedAtTargetDate"))?.value).toBe("number");
    expect(typeof cells.get(addressOf(portable, "ChanceOfTarget"))?.value).toBe("number");
    const texts = [...cells.values()].map((cell) => cell.value).filter((value): value is string => typeof value === "string");
    expect(texts.some((text) => text.includes("computed by the CRS Adoption Modeller on 30 Nov 2026"))).toBe(true);
    expect(cells.get(addressOf(portable, "FitCurrent"))?.formula).toBe("=AND(FitInputsSame)");
    for (const [flavour, plan] of FLAVOURS) {
      for (const name of ["ProjectedAtTargetDate", "ForecastAtTargetDate", "ChanceOfTarget", "DateTargetReached"]) {
        const { row } = parseRange(addressOf(plan, name)).start;
        const label = plannedCells(plan.sheets[0]).get(`A${row}`)?.value;
        const style = plan.sheets[0].ranges.filter((range) => range.address === addressOf(plan, name)).at(-1)?.style;
        expect([label, style?.bold, style?.italic ?? false], `${name} (${flavour})`).toEqual(
          flavour === "portable" ? [expect.stringMatching(/ \(as fitted\)$/), true, true] : [expect.not.stringMatching(/as fitted/), true, false],
        );
      }
    }
  });

  it.each(FLAVOURS)("keep the timeline's one input, your trajectory, apart above its calculations, and chart it (%s)", (_, plan) => {
    const timeline = plan.sheets[1];
    const cells = plannedCells(timeline);
    const labelRow = (text: RegExp) => [...cells.values()].find((cell) => cell.column === 1 && typeof cell.value === "string" && text.test(cell.value))!.row;
    const [inputs, trajectory, calculations] = [labelRow(/^Input: your trajectory$/), labelRow(/^Your trajectory/), labelRow(/^Monthly timeline$/)];
    expect(inputs).toBeLessThan(trajectory);
    expect(trajectory).toBeLessThan(calculations);
    const first = columnLetters(TIMELINE_FIRST_COLUMN);
    const input = timeline.ranges.find((range) => range.address === `${first}${trajectory}`)!;
    expect(input.cells[0]).toHaveLength(TIMELINE_MONTHS);
    expect(input.cells[0].every((cell) => cell === null)).toBe(true);
    expect(input.style?.fill).toBe("#FCE4D6");
    const monthEnds = computeModel(plan).values;
    const linked = Array.from({ length: TIMELINE_MONTHS }, (_, i) => monthEnds.get(cellKey(TIMELINE_SHEET, `${columnLetters(TIMELINE_FIRST_COLUMN + i)}${trajectory - 1}`)));
    expect(linked[0]).toBe(serial("2004-10-31"));
    expect(linked.at(-1)).toBe(serial("2007-09-30"));
    const series = plan.sheets[0].charts[0].series.find((item) => item.name === "Your trajectory")!;
    expect(parseRange(series.values.replace(/^.*!/, "")).start.row).toBe(trajectory);
  });

  it("copy one formula across each row of the timeline", () => {
    const cells = plannedCells(crs.sheets[1]);
    const rows = new Map<number, Set<string>>();
    for (const cell of cells.values()) {
      if (cell.formula === null) continue;
      expect(cell.column, cell.address).toBeGreaterThanOrEqual(TIMELINE_FIRST_COLUMN);
      const letters = /^[A-Z]+/.exec(cell.address)![0];
      // The month before's column reads as "@-1", this month's as "@": a counter is one formula too.
      const before = columnLetters(cell.column - 1);
      const relative = cell.formula
        .replace(new RegExp(`\\b${before}(?=\\$?\\d)`, "g"), "@-1")
        .replace(new RegExp(`\\b${letters}(?=\\$?\\d)`, "g"), "@");
      rows.set(cell.row, (rows.get(cell.row) ?? new Set()).add(relative));
    }
    expect(rows.size).toBeGreaterThanOrEqual(10);
    for (const [row, kinds] of rows) expect([...kinds], `row ${row}`).toHaveLength(1);
  });

  it.each(FLAVOURS)("count the months from a constant 0, each the month before plus one (%s)", (_, plan) => {
    const cells = plannedCells(plan.sheets[1]);
    const counter = [...cells.values()].find((cell) => cell.value === "Months after the first count's month")!.row;
    const start = cells.get(`${columnLetters(TIMELINE_FIRST_COLUMN)}${counter}`)!;
    expect([start.value, start.formula]).toEqual([0, null]);
    const values = computeModel(plan).values;
    const months = Array.from({ length: TIMELINE_MONTHS - 1 }, (_, i) => values.get(cellKey(TIMELINE_SHEET, `${columnLetters(TIMELINE_FIRST_COLUMN + 1 + i)}${counter}`)));
    expect(months).toEqual(Array.from({ length: TIMELINE_MONTHS - 1 }, (_, i) => i + 1));
  });
});

describe("the default example, computed as a spreadsheet computes it", () => {
  const model = computeModel(portable);
  const live = computeModel(crs);
  const first = EXAMPLE_PCT.history[0].date;
  const latest = EXAMPLE_PCT.history.at(-1)!;

  it("misses the threshold at the deadline by 2 GPs, pays nothing, and crosses it a month later", () => {
    expect(model.at("RegisteredAtDeadline")).toBe(43);
    expect(model.at("ShareAtDeadline")).toBeCloseTo(43 / 150, 12);
    expect(model.at("ShortfallAtDeadline")).toBe(2);
    expect(model.at("IncentivePayable")).toBe(0);
    expect(model.at("DateThresholdMet")).toBe(serial("2005-07-31"));
  });

  it("works out the later target: 120 GPs, the GPs a month it needs, and the latest count", () => {
    expect(model.at("TargetGPs")).toBe(120);
    expect(model.at("LatestDate")).toBe(latest.date);
    expect(model.at("LatestCount")).toBe(52);
    const months = (EXAMPLE_PCT.targetDate - latest.date) / DAYS_PER_MONTH;
    expect(numberOf(model.at("NeededPerMonth"), "NeededPerMonth")).toBeCloseTo((120 - 52) / months, 12);
  });

  it("projects the fitted curve, its chance and the date it reaches the target, and passes every check", () => {
    const projected = numberOf(model.at("ProjectedAtTargetDate"), "ProjectedAtTargetDate");
    expect(projected).toBeGreaterThan(120);
    expect(projected).toBeLessThan(150);
    const chance = numberOf(model.at("ChanceOfTarget"), "ChanceOfTarget");
    expect(chance).toBeGreaterThan(0.5);
    expect(chance).toBeLessThan(1);
    const reached = numberOf(model.at("DateTargetReached"), "DateTargetReached");
    expect(reached).toBeGreaterThan(latest.date);
    expect(reached).toBeLessThan(EXAMPLE_PCT.targetDate);
    expect(model.at("FitCurrent")).toBe(true);
    expect(model.at("ChecksPass")).toBe(true);
  });

  it("says the decision in words at the top", () => {
    const line = (row: number): unknown => model.values.get(cellKey(MODEL_SHEET, `A${row}`));
    const lines = [6, 7, 8, 9, 10].map(line).filter((text) => typeof text === "string" && text !== "");
    expect(lines).toContain("Short by 2 GPs on 30 Jun 2005 (43 of 150 registered, 45 needed): no payment. Reached 45 GPs on 31 Jul 2005.");
    expect(lines.some((text) => String(text).startsWith("Target 120 GPs (80%) by 31 Mar 2006: 8.5 GPs a month needed from 52 on 31 Jul 2005."))).toBe(true);
    const decision = lines.map(String).find((text) => text.startsWith("Forecast (logistic)"));
    expect(decision).toMatch(/^Forecast \(logistic\): (\d+) GPs by then \(80% range (\d+) to (\d+)\); chance of the target \d+%; 120 GPs: as likely as not by \d+ \w{3} 200\d\.$/);
    // The sentence quotes the cells it is made of: the forecast between its bounds.
    const [, forecast, lower, upper] = /(\d+) GPs by then \(80% range (\d+) to (\d+)/.exec(decision!)!.map(Number);
    expect(forecast).toBe(Math.round(model.at("ForecastAtTargetDate") as number));
    expect(lower).toBeLessThanOrEqual(forecast);
    expect(forecast).toBeLessThanOrEqual(upper);
  });

  it("shows #N/A only where the chart leaves a gap: the history after the latest count, the scenarios before it", () => {
    const errors = [...model.values].filter(([, value]) => isExcelError(value));
    expect(errors.every(([key]) => key.startsWith(`${TIMELINE_SHEET}!`))).toBe(true);
    const rows = new Set(errors.map(([key]) => Number(/\d+$/.exec(key)![0])));
    expect(errors.every(([, value]) => isExcelError(value) && value.error === "#N/A")).toBe(true);
    expect(rows.size).toBe(3);
    const labels = [...rows].map((row) => plannedCells(portable.sheets[1]).get(`A${row}`)?.value);
    expect(labels).toEqual([expect.stringMatching(/^History/), expect.stringMatching(/^Scenario A/), expect.stringMatching(/^Scenario B/)]);
    // Months after the latest count hold no history; months before it no scenario.
    const monthsAfter = TIMELINE_MONTHS - (EXAMPLE_PCT.history.length - 1) - 1;
    expect(errors).toHaveLength(monthsAfter + 2 * (EXAMPLE_PCT.history.length - 1));
    expect(first).toBe(serial("2004-10-31"));
  });

  it("computes the same outputs with live CRS functions as the portable flavour does with native formulas and its written fit", () => {
    for (const name of [...SPEC_OUTPUTS, "DateThresholdMet", "ChecksPass"]) {
      const a = live.at(name);
      const b = model.at(name);
      if (typeof a === "number" && typeof b === "number") expect(Math.abs(a - b), name).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      else expect(b, name).toEqual(a);
    }
    const fitted = crs.sheets.flatMap((sheet, index) =>
      [...plannedCells(sheet).values()].filter((cell) => cell.formula?.includes("CRS.FORECAST")).map((cell) => ({ sheet, index, cell })),
    );
    expect(fitted.length).toBe(3 * TIMELINE_MONTHS + 4);
    for (const { sheet, index, cell } of fitted) {
      const a = live.values.get(cellKey(sheet.name, cell.address));
      const b = model.values.get(cellKey(sheet.name, cell.address)) ?? plannedCells(portable.sheets[index]).get(cell.address)?.value;
      expect(typeof a, cell.address).toBe("number");
      expect(Math.abs((a as number) - (b as number)), cell.address).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a as number)));
    }
  });
});

describe("inputs typed over, outputs worked out independently", () => {
  it("judges the incentive on the last count on or before the deadline, past counts after it and blank rows", () => {
    const counts = [["2005-04-30", 30], ["2005-05-31", 38], null, ["2005-06-28", 44], ["2005-07-15", 50], ["2005-08-31", 70]] as const;
    const typed = withInputs(crs, { ...history([...counts, null, null]) });
    const model = computeModel(typed);
    const onOrBefore = counts.filter((entry) => entry !== null && serial(entry[0]) <= serial("2005-06-30"));
    const expected = onOrBefore.at(-1)![1];
    expect(model.at("RegisteredAtDeadline")).toBe(expected);
    expect(model.at("ShortfallAtDeadline")).toBe(Math.ceil(0.3 * 150 - expected));
    expect(model.at("IncentivePayable")).toBe(0);
    expect(model.at("ChecksPass")).toBe(false);
  });

  it.each([
    [3, 10, 40 * 6_000],
    [44, 150, 0],
    [45, 150, 40 * 6_000],
  ])("pays on %i of %i GPs at 30% exactly what the scheme pays", (registered, gps, payment) => {
    const typed = withInputs(crs, { PCTGPs: gps, TargetShare: 0.9, ...history([["2005-05-31", Math.max(0, registered - 1)], ["2005-06-30", registered], ["2005-07-31", registered]]) });
    for (const flavour of [typed, withInputs(portable, { PCTGPs: gps, TargetShare: 0.9, ...history([["2005-05-31", Math.max(0, registered - 1)], ["2005-06-30", registered], ["2005-07-31", registered]]) })]) {
      const model = computeModel(flavour);
      expect(model.at("IncentivePayable")).toBe(payment);
      expect(model.at("ShortfallAtDeadline")).toBe(payment > 0 ? 0 : 1);
    }
  });

  it.each(FLAVOURS)("draws counts dated on the 1st up to the latest, where the scenarios start from it (%s)", (_, plan) => {
    const typed = withInputs(plan, history([["2005-03-01", 20], ["2005-04-01", 27], ["2005-05-01", 33]]));
    const model = computeModel(typed);
    const timeline = plannedCells(typed.sheets[1]);
    const rowOf = (label: RegExp): number => [...timeline.values()].find((cell) => typeof cell.value === "string" && label.test(cell.value))!.row;
    const across = (row: number) =>
      Array.from({ length: 4 }, (_, month) => model.values.get(cellKey(TIMELINE_SHEET, `${columnLetters(TIMELINE_FIRST_COLUMN + month)}${row}`)));
    const na = { error: "#N/A" };
    expect(across(rowOf(/^Month end$/))).toEqual((["2005-03-31", "2005-04-30", "2005-05-31", "2005-06-30"] as const).map(serial));
    expect(across(rowOf(/^History/))).toEqual([20, 27, 33, na]);
    // From 1 May to the month ends: 30 days, then 60, at 6 and 10 GPs a month (of 365.25/12 days).
    const scenario = (rate: number) => [na, na, 33 + (rate * 30) / DAYS_PER_MONTH, 33 + (rate * 60) / DAYS_PER_MONTH];
    for (const [label, rate] of [[/^Scenario A/, 6], [/^Scenario B/, 10]] as const) {
      const values = across(rowOf(label));
      expect(values.slice(0, 2), String(label)).toEqual([na, na]);
      values.slice(2).forEach((value, index) => expect(value as number, String(label)).toBeCloseTo(scenario(rate)[index + 2] as number, 9));
    }
  });

  it.each(FLAVOURS)("runs each scenario from the latest count at its rate to TargetDate, capped at PCTGPs (%s)", (_, plan) => {
    const model = computeModel(plan);
    const cells = plannedCells(plan.sheets[0]);
    const [latestDate, latestCount, targetDate] = [serial("2005-07-31"), 52, serial("2006-03-31")];
    const months = (targetDate - latestDate) / DAYS_PER_MONTH;
    for (const [letter, rate] of [["A", 6], ["B", 10]] as const) {
      const { row } = [...cells.values()].find((cell) => cell.column === 1 && typeof cell.value === "string" && cell.value.startsWith(`Scenario ${letter}:`) && cell.value.endsWith("GPs a month from now"))!;
      const [count, share, met, reached] = ["B", "C", "D", "E"].map((column) => model.values.get(cellKey(MODEL_SHEET, `${column}${row}`)));
      const expected = Math.min(150, latestCount + rate * months);
      expect(count as number, letter).toBeCloseTo(expected, 9);
      expect(share as number, letter).toBeCloseTo(expected / 150, 9);
      expect(met, letter).toBe(expected >= 120);
      expect(reached as number, letter).toBeCloseTo(latestDate + ((120 - latestCount) / rate) * DAYS_PER_MONTH, 9);
    }
  });

  it("needs the GPs a month from the latest count to a target date across a year boundary", () => {
    const typed = withInputs(portable, { TargetDate: serial("2006-02-28"), ...history([["2005-09-30", 60], ["2005-10-31", 66], ["2005-11-30", 71]]) });
    const model = computeModel(typed);
    const months = (serial("2006-02-28") - serial("2005-11-30")) / DAYS_PER_MONTH;
    expect(numberOf(model.at("NeededPerMonth"), "NeededPerMonth")).toBeCloseTo((120 - 71) / months, 12);
    const met = computeModel(withInputs(typed, { TargetShare: 0.4 }));
    expect(met.at("NeededPerMonth")).toBe(0);
  });
});

describe("the Checks say which input to fix", () => {
  /** The messages of the failed checks, in order. */
  function messages(plan: WorkbookPlan): string[] {
    const model = computeModel(plan);
    const { start, end } = parseRange(addressOf(plan, "CheckMessages"));
    return Array.from({ length: end.row - start.row + 1 }, (_, index) => model.values.get(cellKey(MODEL_SHEET, `D${start.row + index}`)))
      .filter((text): text is string => typeof text === "string" && text !== "");
  }

  it("passes the default example", () => {
    expect(messages(crs)).toEqual([]);
    expect(messages(portable)).toEqual([]);
  });

  it.each([
    ["dates out of order", [["2005-04-30", 30], ["2005-06-30", 40], ["2005-05-31", 35]], /^History entry 3 is dated before an entry above it: sort the history by date, oldest first\.$/],
    ["a date twice", [["2005-04-30", 30], ["2005-04-30", 31], ["2005-05-31", 35]], /^History entry 2 repeats the date/],
    ["a count without a date", [["2005-04-30", 30], [null, 31], ["2005-05-31", 35]], /^History entry 2 needs both a date and a count/],
    ["a blank row inside", [["2005-04-30", 30], null, ["2005-05-31", 35]], /^History entry 2 is blank but later entries are not/],
    ["a negative count", [["2005-04-30", -3], ["2005-05-31", 35], ["2005-06-30", 40]], /^History entry 1 has a count below 0/],
    ["a count above PCTGPs", [["2005-04-30", 30], ["2005-05-31", 151], ["2005-06-30", 40]], /^History entry 2 counts more GPs than PCTGPs \(150\)/],
  ] as const)("names the history entry with %s", (_, entries, message) => {
    const typed = withInputs(crs, {
      HistoryDates: entries.map((entry) => (entry === null || entry[0] === null ? null : serial(entry[0]))),
      HistoryCounts: entries.map((entry) => (entry === null ? null : entry[1])),
    });
    expect(messages(typed)[0]).toMatch(message);
    expect(computeModel(typed).at("ChecksPass")).toBe(false);
  });

  it("says which share is outside 0 to 100%, and when the target date is too early or too late", () => {
    expect(messages(withInputs(crs, { Threshold: 1.3 }))).toContain("Threshold must be a share from 0% to 100%, such as 30%.");
    expect(messages(withInputs(crs, { Confidence: 80 }))).toContain("Confidence must be above 0% and below 100%, such as 80%.");
    expect(messages(withInputs(crs, { TargetDate: serial("2005-07-01") }))).toContain("TargetDate (1 Jul 2005) must be after the latest count (31 Jul 2005).");
    expect(messages(withInputs(crs, { TargetDate: serial("2007-06-30") }))[0]).toMatch(/^The timeline ends Sep 2007, before six months past TargetDate: choose an earlier one\.$/);
  });

  it.each(FLAVOURS)("says which of TargetDate and Deadline is a text, not a date, and only that (%s)", (_, plan) => {
    for (const [name, text] of [["TargetDate", "end of March"], ["Deadline", "end of June"]] as const) {
      const typed = withInputs(plan, { [name]: text });
      const message = `${name} must be a date, such as 31 Mar 2006, not a text.`;
      // The fit's own checks may fail too (it cannot be projected to a text date); no other check speaks of the dates.
      expect(messages(typed).filter((line) => !/^The inputs differ|^The fit/.test(line)), name).toEqual([message]);
      const model = computeModel(typed);
      expect(model.at("ChecksPass"), name).toBe(false);
      const warnings = [...model.values].filter(([key, value]) => key.startsWith(`${MODEL_SHEET}!A`) && typeof value === "string" && value.startsWith("Check the inputs"));
      expect(warnings.map(([, value]) => value), name).toEqual([`Check the inputs: ${message}`]);
    }
    expect(messages(withInputs(plan, { TargetDate: null }))[0]).toBe("TargetDate must be a date, such as 31 Mar 2006, not a text.");
  });

  it("turns FitCurrent FALSE in the portable flavour when the history or a fitted input changes, with a visible warning", () => {
    const changes: TypedInputs[] = [{ HistoryCounts: [4, 5, 9, 12, 17, 21, 28, 34, 43, 53] }, { PCTGPs: 160 }, { Model: "gompertz" }, { TargetDate: serial("2006-06-30") }];
    for (const inputs of changes) {
      const typed = withInputs(portable, inputs);
      const model = computeModel(typed);
      expect(model.at("FitCurrent"), JSON.stringify(inputs)).toBe(false);
      expect(messages(typed).at(-1)).toMatch(/^The inputs differ from those fitted on 30 Nov 2026/);
      const warning = model.values.get(cellKey(MODEL_SHEET, `A${parseRange(addressOf(portable, "FitCurrent")).start.row + 1}`));
      expect(warning).toMatch(/^Out of date/);
    }
    const current = computeModel(withInputs(portable, { Threshold: 0.25 }));
    expect(current.at("FitCurrent")).toBe(true);
    expect(current.values.get(cellKey(MODEL_SHEET, `A${parseRange(addressOf(portable, "FitCurrent")).start.row + 1}`))).toBe("");
  });
});

describe("the model's layout", () => {
  const sheet = crs.sheets[0];
  const cells = plannedCells(sheet);

  it("puts the outputs and the chart on the first screen, right of the outputs", () => {
    // The bounds at the target date are spec outputs computed beside the forecast's calculation, below the first screen.
    const belowFirstScreen = ["LowerAtTargetDate", "UpperAtTargetDate"];
    for (const name of SPEC_OUTPUTS.filter((output) => !belowFirstScreen.includes(output))) {
      expect(parseRange(addressOf(crs, name)).start.row, name).toBeLessThanOrEqual(30);
    }
    const [chart] = sheet.charts;
    const { start, end } = parseRange(chart.position);
    expect(start.row).toBeLessThanOrEqual(15);
    expect(start.column).toBeGreaterThan(3);
    // Inside the sheet's columns, short of the last, so that no spreadsheet prints the sheet wider for it.
    expect(end.column).toBeLessThan(MODEL_WIDTHS.length);
    expect(chart.dataSheet).toBe(TIMELINE_SHEET);
    expect(parseRange(chart.categories)).toEqual(parseRange(addressOf(crs, "MonthEnds")));
    expect(chart.series.map((series) => series.name)).toEqual(expect.arrayContaining(["Scenario A", "Scenario B"]));
    expect(chart.dateAxis).toBeDefined();
    expect(chart.series.find((series) => series.name === "History")?.look).toBe("markers");
    expect(chart.series.filter((series) => series.look === "dashed").map((series) => series.name)).toEqual(["Lower bound", "Upper bound", "Your trajectory"]);
  });

  it("gives every named one-cell value a unit beside it", () => {
    for (const name of crs.names.filter((candidate) => /^B\d+$/.test(candidate.address) && !candidate.name.endsWith("Words"))) {
      const row = parseRange(name.address).start.row;
      expect(cells.get(`C${row}`)?.value, name.name).toMatch(/^(GPs|£|%|date|GPs a month|months|TRUE\/FALSE|practices|text|counts)$/);
    }
  });

  it("styles the article's figures yellow and the assumptions orange, and quotes each sentence of the article once", () => {
    const fillOf = (name: string): string | undefined => sheet.ranges.find((range) => range.address === addressOf(crs, name))?.style?.fill;
    expect(fillOf("Threshold")).toBe("#FFF2CC");
    expect(fillOf("Deadline")).toBe("#FFF2CC");
    expect(fillOf("PCTGPs")).toBe("#FCE4D6");
    expect(fillOf("TargetShare")).toBe("#FCE4D6");
    const quotes = [...cells.values()].map((cell) => cell.value).filter((value): value is string => typeof value === "string" && value.startsWith('"') && value.length > 60);
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("offers the four models in a drop-down list, with logistic chosen", () => {
    expect(sheet.validations).toEqual([{ address: addressOf(crs, "Model"), values: ["auto", "bass", "logistic", "gompertz"], message: expect.any(String) }]);
    expect(cells.get(addressOf(crs, "Model"))?.value).toBe("logistic");
  });

  it("prints on A4 landscape with page breaks, and makes rows of wrapped text tall enough", () => {
    expect(sheet.pageSetup?.orientation).toBe("landscape");
    expect(sheet.pageSetup?.breaksBeforeRows?.length).toBeGreaterThanOrEqual(1);
    expect(sheet.rowHeights?.length).toBeGreaterThan(0);
  });

  it.each(FLAVOURS)("keeps every text of the label column that runs on to the right within the sheet's columns, the decision's sentences too (%s)", (_, plan) => {
    const sheetWidth = MODEL_WIDTHS.reduce((sum, width) => sum + width, 0);
    const all = [...plannedCells(plan.sheets[0]).values()];
    const runOn = all.filter((cell) => cell.column === LABEL_COLUMN && !all.some((other) => other.row === cell.row && other.column > LABEL_COLUMN));
    const computed = computeModel(plan);
    const shown = runOn.map((cell) => (cell.formula === null ? cell.value : computed.values.get(cellKey(MODEL_SHEET, cell.address))));
    const long = shown.filter((text): text is string => typeof text === "string" && text.length > 80);
    expect(long.length).toBeGreaterThanOrEqual(8);
    for (const text of long) expect(wrappedLines(text, sheetWidth, true), text).toBe(1);
  });

  it("wraps each note in the note column, in a row made tall enough for it, read from the top", () => {
    const heights = new Map((sheet.rowHeights ?? []).map((height) => [height.row, height.points]));
    const notes = sheet.ranges.filter((range) => parseRange(range.address).start.column === NOTE_COLUMN && typeof range.cells[0][0] === "string");
    expect(notes.length).toBeGreaterThanOrEqual(10);
    for (const note of notes) {
      const text = note.cells[0][0] as string;
      expect(note.style, text).toMatchObject({ wrap: true, vertical: "top" });
      expect(heights.get(parseRange(note.address).start.row) ?? 15, text).toBeGreaterThanOrEqual(15 * wrappedLines(text, MODEL_WIDTHS[NOTE_COLUMN - 1]));
    }
    expect(notes.some((note) => (heights.get(parseRange(note.address).start.row) ?? 15) >= 45)).toBe(true);
  });

  it("leaves a blank history row blank beside it, where an entry says whether it reaches the threshold", () => {
    const computed = computeModel(crs);
    const { start, end } = parseRange(addressOf(crs, "HistoryReached"));
    const reached = Array.from({ length: end.row - start.row + 1 }, (_, index) => computed.values.get(cellKey(MODEL_SHEET, `E${start.row + index}`)));
    const entries = EXAMPLE_PCT.history.map((count) => count.count >= 45);
    expect(reached).toEqual([...entries, ...Array(HISTORY_ROWS - entries.length).fill("")]);
  });

  it("holds 24 rows of history, the example's counts first", () => {
    const { start, end } = parseRange(addressOf(crs, "HistoryDates"));
    expect(end.row - start.row + 1).toBe(HISTORY_ROWS);
    expect(cells.get(`B${start.row}`)?.value).toBe(EXAMPLE_PCT.history[0].date);
    expect(cells.get(`C${start.row + 8}`)?.value).toBe(43);
    expect(cells.get(`B${end.row}`)?.value).toBeNull();
  });
});

describe("the article's national figures, as context", () => {
  it("works out the growth a month of staff and GP registrations and England's share of GPs registered", () => {
    for (const [plan, computed] of [[crs, computeModel(crs)], [portable, computeModel(portable)]] as const) {
      const byLabel = (label: string): unknown => {
        const cell = [...plannedCells(plan.sheets[0]).values()].find((candidate) => candidate.value === label);
        return computed.values.get(cellKey(MODEL_SHEET, `B${cell!.row}`));
      };
      const staffMonths = (serial("2005-08-01") - serial("2005-06-01")) / DAYS_PER_MONTH;
      const gpMonths = (serial("2005-08-01") - serial("2005-06-30")) / DAYS_PER_MONTH;
      expect(byLabel("Staff registrations' growth a month")).toBeCloseTo(Math.pow(3, 1 / staffMonths) - 1, 12);
      expect(byLabel("GP registrations' growth a month")).toBeCloseTo(Math.pow(18_981 / 3_500, 1 / gpMonths) - 1, 12);
      expect(byLabel("Share of England's GPs registered, beginning of Aug 2005")).toBeCloseTo(18_981 / 35_000, 12);
    }
  });
});

describe("planModel in a workbook that uses the model's names", () => {
  const wanted = crs.names.map((name) => name.name);
  const taken: TakenNames = { sheets: ["crs MODEL"], tables: wanted.slice(0, 5), names: wanted.slice(5) };
  const renamed = planModel(taken, { formulas: "crs" });

  it("chooses free sheets and free defined names, and says so", () => {
    expect(renamed.sheets.map((sheet) => sheet.name)).toEqual(["CRS model (2)", TIMELINE_SHEET]);
    expect(renamed.names.map((name) => name.name)).toEqual(wanted.map((name) => `${name}_2`));
    expect(renamed.names.every((name) => name.sheet === (name.name === "MonthEnds_2" ? TIMELINE_SHEET : "CRS model (2)"))).toBe(true);
    expect(renamed.sheets[0].charts[0].dataSheet).toBe(TIMELINE_SHEET);
    expect(renamed.messages).toContain("The sheet name 'CRS model' is already used, so 'CRS model (2)' was used instead.");
    expect(renamed.messages).toContain("The name 'PCTGPs' is already used, so 'PCTGPs_2' was used instead.");
  });

  it("writes every formula with the names it was given, and computes the same", () => {
    expect(formulas(renamed).size).toBe(formulas(crs).size);
    const oldNames = wanted.map((name) => [name, new RegExp(`\\b${name}\\b(?!_2)`)] as const);
    const usingOldNames = [...formulas(renamed)].flatMap(([address, formula]) => oldNames.filter(([, pattern]) => pattern.test(formula)).map(([name]) => `${address}: ${formula} uses ${name}`));
    expect(usingOldNames).toEqual([]);
    const before = computeModel(crs);
    const after = computeModel(renamed);
    for (const name of SPEC_OUTPUTS) expect(after.at(`${name}_2`), name).toEqual(before.at(name));
  });
});
