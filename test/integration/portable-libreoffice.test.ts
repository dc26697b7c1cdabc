/**
 * The portable workbook works without the add-in: written to .xlsx (formulas with their cached
 * values), opened and fully recalculated by LibreOffice Calc headless, and read back, every
 * formula cell of the model holds what the add-in's CRS functions compute from the same inputs,
 * every formula's cached value is what LibreOffice computes, every dataset figure is in its
 * table, the chart survives and no cell is an error.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DATASETS, isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { ARRAY_FUNCTIONS, EXCEL_FUNCTIONS } from "../../src/workbook/excelFunctions";
import { evaluateFormula } from "../../src/workbook/formulaEvaluator";
import type { CellRange, EvaluationContext } from "../../src/workbook/formulaEvaluator";
import { excelError, isExcelError } from "../../src/workbook/formulaValue";
import type { ExcelErrorCode, ScalarValue } from "../../src/workbook/formulaValue";
import { MODEL_SHEET, planModel } from "../../src/workbook/modelPlan";
import { NO_TAKEN_NAMES } from "../../src/workbook/names";
import { planPortableWorkbook } from "../../src/workbook/portable";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { parseRange } from "../../src/workbook/a1";
import { builtCrsFunctions } from "../workbook/crsFunctions";
import { formulaOf, plannedCells } from "../workbook/planCells";
import { asNumber, errorOf, loadWorkbook, sameValue, shownValue } from "../workbook/xlsxRead";
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

/** Whether `actual` is within 1e-9 of `expected`, relatively (absolutely near 0). */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3);
}

/** A cell's value as read back from a file: a number (dates as serials), its error, or its text. */
function libreOfficeValue(cell: ExcelJS.Cell): ScalarValue {
  const shown = shownValue(cell);
  const error = errorOf(shown);
  if (error !== undefined) return excelError(error as ExcelErrorCode);
  return asNumber(shown) ?? (shown as ScalarValue) ?? null;
}

/**
 * What a CRS formula sees in a spreadsheet where the add-in is loaded and the cells hold what
 * LibreOffice shows: the formula evaluator with the built CRS functions, reading the cells of
 * the recalculated model sheet.
 */
function contextOver(sheet: ExcelJS.Worksheet): EvaluationContext {
  const names = new Map(crsModel.names.map((name) => [name.name.toUpperCase(), name.address]));
  return {
    sheet: MODEL_SHEET,
    values: (range: CellRange) =>
      Array.from({ length: range.bottom - range.top + 1 }, (_, r) =>
        Array.from({ length: range.right - range.left + 1 }, (_, c) => libreOfficeValue(sheet.getCell(range.top + r, range.left + c))),
      ),
    name(name) {
      const address = names.get(name.toUpperCase());
      if (address === undefined) return undefined;
      const { start, end } = parseRange(address);
      return { sheet: MODEL_SHEET, top: start.row, left: start.column, bottom: end.row, right: end.column };
    },
    functions: new Map([...EXCEL_FUNCTIONS, ...builtCrsFunctions()]),
    arrayFunctions: ARRAY_FUNCTIONS,
  };
}

describe("the portable workbook recalculated by LibreOffice Calc", () => {
  it("holds in every formula cell of the model what the CRS functions compute from the same inputs", async () => {
    const { recalculated } = await libreOfficeWorkbook();
    const sheet = recalculated.getWorksheet(MODEL_SHEET)!;
    const names = new Map(crsModel.names.map((name) => [name.name, name.address]));
    // Each CRS formula is computed from the values LibreOffice shows in the cells it refers to.
    const context = contextOver(sheet);
    let checked = 0;
    for (const [address, cell] of plannedCells(crsModel.sheets[0])) {
      const formula = formulaOf(cell);
      const shown = shownValue(sheet.getCell(address));
      if (formula === null) {
        if (typeof cell.value === "number") expect(asNumber(shown), address).toBe(cell.value);
        continue;
      }
      expect(sheet.getCell(address).formula, `${address} is a formula`).toBeTruthy();
      const computed = evaluateFormula(formula, context);
      const expected = isExcelError(computed) ? computed.error : computed;
      const actual = asNumber(shown) ?? errorOf(shown);
      if (typeof expected !== "number" || typeof actual !== "number") {
        expect(actual, `${address}: ${formula}`).toBe(expected);
      } else {
        expect(close(actual, expected), `${address}: ${formula} is ${expected}, LibreOffice shows ${actual}`).toBe(true);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(asNumber(shownValue(sheet.getCell(names.get("PCTShortfall")!)))).toBe(15);
    expect(asNumber(shownValue(sheet.getCell(names.get("EnglandThresholdGPs")!)))).toBe(10_500);
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
      const sheetPlan = plan.sheets[index + 1];
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

  it("keeps the model's chart over the projection", async () => {
    const { recalculatedBytes } = await libreOfficeWorkbook();
    const zip = await JSZip.loadAsync(recalculatedBytes);
    const chartPath = Object.keys(zip.files).find((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
    expect(chartPath, "a chart part").toBeDefined();
    const chart = await zip.file(chartPath!)!.async("string");
    for (const series of crsModel.sheets[0].charts[0].series) {
      expect(chart).toContain(`!${series.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}<`);
    }
  });

  it("has no error in any cell of any sheet", async () => {
    const { recalculated: workbook } = await libreOfficeWorkbook();
    const errors: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const error = errorOf(shownValue(cell));
          if (error !== undefined) errors.push(`${sheet.name}!${cell.address}: ${error}`);
        }),
      );
    }
    expect(errors).toEqual([]);
  });
});
