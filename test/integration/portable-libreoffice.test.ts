/**
 * The portable workbook works without the add-in: written to .xlsx (formulas with their cached
 * values), opened and fully recalculated by LibreOffice Calc headless, and read back, every
 * formula cell of the model holds what the add-in's CRS functions compute from the same inputs,
 * every formula's cached value is what LibreOffice computes, every dataset figure is in its
 * table, the chart survives and no cell is an error.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DATASETS, isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { ARRAY_FUNCTIONS, EXCEL_FUNCTIONS } from "../../src/workbook/formula/worksheetFunctions";
import { evaluateFormula } from "../../src/workbook/formula/evaluate";
import type { CellRange, EvaluationContext } from "../../src/workbook/formula/evaluate";
import { errorValue, isExcelError } from "../../src/workbook/formula/values";
import type { ExcelErrorCode, ScalarValue } from "../../src/workbook/formula/values";
import { MODEL_SHEET, TIMELINE_SHEET, planModel } from "../../src/workbook/sheets/pctModel";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import { planPortableWorkbook } from "../../src/workbook/sheets/portable";
import { writeXlsx } from "../../src/workbook/xlsx/writer";
import { absoluteAddress, parseRange } from "../../src/excel/a1";
import { MODEL_FORMATS } from "../../src/workbook/sheets/pctModel/modelFormats";
import { SPEC_INPUTS, SPEC_OUTPUTS } from "../../src/workbook/sheets/pctModel/modelNames";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";
import { formulaOf, plannedCells } from "../workbook/plan/planCells";
import { asNumber, errorOf, loadWorkbook, sameValue, shownValue } from "../workbook/xlsx/xlsxRead";
import { recalculateWithLibreOffice } from "./libreOffice";

const plan = planPortableWorkbook();
/** The same model with the add-in's functions: what each portable cell must equal. */
const crsModel = planModel(NO_TAKEN_NAMES, { formulas: "crs" });

interface Workbooks {
  /** The file as `npm run workbook` writes it, with its cached values. */
  readonly written: ExcelJS.Workbook;
  /** The same file after LibreOffice recalculated every formula and saved it. */
  readonly recalculated: ExcelJS.Workbook;
  readonly recalculatedBytes: Uint8Array;
}

let workbooks: Promise<Workbooks> | undefined;

/**
 * The portable workbook as written and as LibreOffice recalculated it. Run once, from inside the
 * tests, so a missing LibreOffice fails them (a failing hook would only mark them skipped).
 */
function libreOfficeWorkbook(): Promise<Workbooks> {
  workbooks ??= (async () => {
    const bytes = await writeXlsx(plan);
    const recalculatedBytes = recalculateWithLibreOffice(bytes, "to check that the portable workbook recalculates without the add-in");
    return { written: await loadWorkbook(bytes), recalculated: await loadWorkbook(recalculatedBytes), recalculatedBytes };
  })();
  return workbooks;
}

/** A logical value as read back: LibreOffice saves TRUE as a logical value, or as 1 in a cell it formats so. */
function asLogical(value: unknown): boolean | unknown {
  return value === 1 ? true : value === 0 ? false : value;
}

/** Whether `actual` is within 1e-9 of `expected`, relatively (absolutely near 0). */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3);
}

/** A cell's value as read back from a file: a number (dates as serials), its error, or its text. */
function libreOfficeValue(cell: ExcelJS.Cell): ScalarValue {
  const shown = shownValue(cell);
  const error = errorOf(shown);
  if (error !== undefined) return errorValue(error as ExcelErrorCode);
  // exceljs reads a formula's empty text back as no value.
  if (shown === undefined && cell.type === ExcelJS.ValueType.Formula) return "";
  // LibreOffice saves a logical value as 1 or 0 in the cell's TRUE/FALSE format.
  if (cell.numFmt === MODEL_FORMATS.logical && typeof shown === "number") return shown !== 0;
  return asNumber(shown) ?? (shown as ScalarValue) ?? null;
}

/**
 * What a CRS formula on the sheet `sheet` sees in a spreadsheet where the add-in is loaded and the
 * cells hold what LibreOffice shows: the formula evaluator with the built CRS functions, reading
 * the cells of the recalculated model's sheets.
 */
function contextOver(workbook: ExcelJS.Workbook, sheet: string): EvaluationContext {
  const names = new Map(crsModel.names.map((name) => [name.name.toUpperCase(), name]));
  return {
    sheet,
    values: (range: CellRange) => {
      const cells = workbook.getWorksheet(range.sheet)!;
      return Array.from({ length: range.bottom - range.top + 1 }, (_, r) =>
        Array.from({ length: range.right - range.left + 1 }, (_, c) => libreOfficeValue(cells.getCell(range.top + r, range.left + c))),
      );
    },
    name(name) {
      const found = names.get(name.toUpperCase());
      if (found === undefined) return undefined;
      const { start, end } = parseRange(found.address);
      return { sheet: found.sheet, top: start.row, left: start.column, bottom: end.row, right: end.column };
    },
    functions: new Map([...EXCEL_FUNCTIONS, ...builtCrsFunctions()]),
    arrayFunctions: ARRAY_FUNCTIONS,
  };
}

describe("the portable workbook recalculated by LibreOffice Calc", () => {
  it("holds in every formula cell of the model's two sheets what the CRS functions compute from the same inputs", async () => {
    const { recalculated } = await libreOfficeWorkbook();
    const names = new Map(crsModel.names.map((name) => [name.name, name.address]));
    let checked = 0;
    for (const [index, sheetPlan] of crsModel.sheets.entries()) {
      const sheet = recalculated.getWorksheet(sheetPlan.name)!;
      // Each CRS formula is computed from the values LibreOffice shows in the cells it refers to.
      const context = contextOver(recalculated, sheetPlan.name);
      const portableCells = plannedCells(plan.sheets[index]);
      for (const [address, cell] of plannedCells(sheetPlan)) {
        const formula = formulaOf(cell);
        const shown = shownValue(sheet.getCell(address));
        if (formula === null) {
          if (typeof cell.value === "number") expect(asNumber(shown), address).toBe(cell.value);
          continue;
        }
        // The fit is a value in the portable file, computed when it was written; the rest are formulas.
        const written = portableCells.get(address)!;
        if (written.formula !== null || typeof written.value !== "number") expect(sheet.getCell(address).formula, `${address} is a formula`).toBeTruthy();
        const computed = evaluateFormula(formula, context);
        const expected = isExcelError(computed) ? computed.error : computed;
        // Texts (the decision in words) and logical values (the checks) read back as they are.
        const read = libreOfficeValue(sheet.getCell(address));
        const actual = typeof expected === "string" && !expected.startsWith("#") ? read : typeof expected === "boolean" ? asLogical(read) : (asNumber(shown) ?? errorOf(shown));
        if (typeof expected !== "number" || typeof actual !== "number") {
          expect(actual, `${address}: ${formula}`).toBe(expected);
        } else {
          expect(close(actual, expected), `${address}: ${formula} is ${expected}, LibreOffice shows ${actual}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    const sheet = recalculated.getWorksheet(MODEL_SHEET)!;
    expect(asNumber(shownValue(sheet.getCell(names.get("ShortfallAtDeadline")!)))).toBe(2);
    expect(asNumber(shownValue(sheet.getCell(names.get("ThresholdGPs")!)))).toBe(45);
    expect(asNumber(shownValue(sheet.getCell(names.get("IncentivePayable")!)))).toBe(0);
  });

  it("defines every input and output of the spec as a workbook-scoped name", async () => {
    const { recalculated } = await libreOfficeWorkbook();
    const model = (recalculated.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }).model;
    for (const name of [...SPEC_INPUTS, ...SPEC_OUTPUTS]) {
      const found = model.find((candidate) => candidate.name === name);
      expect(found, name).toBeDefined();
      expect(found!.localSheetId, name).toBeUndefined();
      expect(found!.ranges, name).toEqual([`'${MODEL_SHEET}'!${absoluteAddress(plan.names.find((candidate) => candidate.name === name)!.address)}`]);
    }
    const monthEnds = model.find((candidate) => candidate.name === "MonthEnds");
    expect(monthEnds?.ranges).toEqual([`'${TIMELINE_SHEET}'!${absoluteAddress(plan.names.find((candidate) => candidate.name === "MonthEnds")!.address)}`]);
  });

  it("carries in every formula cell the value LibreOffice computes for it", async () => {
    const { written, recalculated } = await libreOfficeWorkbook();
    const mismatches: string[] = [];
    let checked = 0;
    for (const sheetPlan of plan.sheets) {
      const ours = written.getWorksheet(sheetPlan.name)!;
      const theirs = recalculated.getWorksheet(sheetPlan.name)!;
      for (const [address, cell] of plannedCells(sheetPlan)) {
        if (formulaOf(cell) === null) continue;
        const cached = libreOfficeValue(ours.getCell(address));
        const shown = shownValue(theirs.getCell(address));
        if (!sameValue(shown, cached)) mismatches.push(`${sheetPlan.name}!${address} ${formulaOf(cell)}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(shown)}`);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked, "formula cells").toBe(plan.sheets.flatMap((sheet) => [...plannedCells(sheet).values()]).filter((cell) => formulaOf(cell) !== null).length);
    expect(checked).toBeGreaterThan(100);
  });

  it("has every dataset figure in its table", async () => {
    const { recalculated: workbook } = await libreOfficeWorkbook();
    for (const [index, dataset] of DATASETS.entries()) {
      // The datasets' sheets follow the model's two.
      const sheetPlan = plan.sheets[index + 2];
      const sheet = workbook.getWorksheet(sheetPlan.name);
      expect(sheet, sheetPlan.name).toBeDefined();
      dataset.rows.forEach((row, r) =>
        dataset.columns.forEach((column, c) => {
          const raw = row.values[column.key];
          if (raw === null) return;
          const expected = column.kind === "date" ? isoToExcelSerial(raw as IsoDate) : raw;
          const shown = shownValue(sheet!.getCell(5 + r, 1 + c));
          expect(typeof expected === "number" ? asNumber(shown) : shown, `${dataset.name} ${column.key} row ${r}`).toBe(expected);
        }),
      );
    }
  });

  it("keeps the model's chart over the timeline sheet's rows", async () => {
    const { recalculatedBytes } = await libreOfficeWorkbook();
    const zip = await JSZip.loadAsync(recalculatedBytes);
    const chartPath = Object.keys(zip.files).find((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
    expect(chartPath, "a chart part").toBeDefined();
    const chart = await zip.file(chartPath!)!.async("string");
    for (const series of crsModel.sheets[0].charts[0].series) {
      expect(chart).toContain(`&apos;${TIMELINE_SHEET}&apos;!${series.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}<`);
    }
  });

  it("has no error in any cell but the #N/A gaps the chart leaves: the history after the latest count, the scenarios before it", async () => {
    const { recalculated: workbook } = await libreOfficeWorkbook();
    const [chart] = plan.sheets[0].charts;
    const gapRows = chart.series.filter((series) => /^(History|Scenario)/.test(series.name)).map((series) => parseRange(series.values).start.row);
    expect(gapRows).toHaveLength(3);
    const errors: string[] = [];
    let gaps = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row, rowNumber) =>
        row.eachCell((cell) => {
          const error = errorOf(shownValue(cell));
          if (error === undefined) return;
          if (sheet.name === TIMELINE_SHEET && error === "#N/A" && gapRows.includes(rowNumber)) gaps++;
          else errors.push(`${sheet.name}!${cell.address}: ${error}`);
        }),
      );
    }
    expect(errors).toEqual([]);
    expect(gaps).toBeGreaterThan(0);
  });
});
