/**
 * The portable workbook works without the add-in: written to .xlsx (formulas, no cached
 * values), opened and recalculated by LibreOffice Calc headless, and read back, every formula
 * cell of the model holds what the add-in's CRS functions compute from the same inputs, every
 * dataset figure is in its table, the chart survives and no cell is an error.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { DATASETS, isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { MODEL_SHEET, planModel } from "../../src/workbook/modelPlan";
import { NO_TAKEN_NAMES } from "../../src/workbook/names";
import { planPortableWorkbook } from "../../src/workbook/portable";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { FormulaError, evaluateFormula } from "../workbook/formulaEvaluator";
import { formulaOf, plannedCells } from "../workbook/planCells";
import { asNumber, errorOf, loadWorkbook, shownValue } from "../workbook/xlsxRead";

const SOFFICE = "soffice";
const plan = planPortableWorkbook();
/** The same model with the add-in's functions: what each portable cell must equal. */
const crsModel = planModel(NO_TAKEN_NAMES, { formulas: "crs" });

let workDir: string | undefined;
let recalculated: Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> | undefined;

/** Converts `input` to .xlsx in `outDir` with LibreOffice headless, which recalculates it on load. */
function convertWithLibreOffice(input: string, outDir: string, profile: string): void {
  const run = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, input],
    { encoding: "utf8", timeout: 100_000 },
  );
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "LibreOffice (soffice) is not installed: it is needed to check that the portable workbook recalculates without the add-in (apt-get install -y libreoffice-calc).",
    );
  }
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
}

/**
 * The portable workbook as LibreOffice recalculated it. Run once, from inside the tests, so a
 * missing LibreOffice fails them (a failing hook would only mark them skipped).
 */
function libreOfficeWorkbook(): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  recalculated ??= (async () => {
    workDir = mkdtempSync(join(tmpdir(), "crs-portable-"));
    const input = join(workDir, "crs-adoption-model.xlsx");
    writeFileSync(input, await writeXlsx(plan));
    const outDir = join(workDir, "out");
    convertWithLibreOffice(input, outDir, join(workDir, "profile"));
    const bytes = new Uint8Array(readFileSync(join(outDir, "crs-adoption-model.xlsx")));
    return { workbook: await loadWorkbook(bytes), bytes };
  })();
  return recalculated;
}

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Whether `actual` is within 1e-9 of `expected`, relatively (absolutely near 0). */
function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-3);
}

describe("the portable workbook recalculated by LibreOffice Calc", () => {
  it("holds in every formula cell of the model what the CRS functions compute from the same inputs", async () => {
    const { workbook } = await libreOfficeWorkbook();
    const sheet = workbook.getWorksheet(MODEL_SHEET)!;
    const names = new Map(crsModel.names.map((name) => [name.name, name.address]));
    // Each CRS formula is computed from the values LibreOffice shows in the cells it refers to.
    const lookup = (reference: string): number => {
      const value = asNumber(shownValue(sheet.getCell(names.get(reference) ?? reference)));
      if (value === undefined) throw new Error(`${reference} holds no number`);
      return value;
    };
    let checked = 0;
    for (const [address, cell] of plannedCells(crsModel.sheets[0])) {
      const formula = formulaOf(cell);
      const shown = shownValue(sheet.getCell(address));
      if (formula === null) {
        if (typeof cell.value === "number") expect(asNumber(shown), address).toBe(cell.value);
        continue;
      }
      expect(sheet.getCell(address).formula, `${address} is a formula`).toBeTruthy();
      let expected: number | string;
      try {
        expected = evaluateFormula(formula, lookup);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        expected = error.code;
      }
      const actual = asNumber(shown) ?? errorOf(shown);
      if (typeof expected === "string" || typeof actual !== "number") {
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

  it("has every dataset figure in its table", async () => {
    const { workbook } = await libreOfficeWorkbook();
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
    const { bytes } = await libreOfficeWorkbook();
    const zip = await JSZip.loadAsync(bytes);
    const chartPath = Object.keys(zip.files).find((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
    expect(chartPath, "a chart part").toBeDefined();
    const chart = await zip.file(chartPath!)!.async("string");
    for (const series of crsModel.sheets[0].charts[0].series) {
      expect(chart).toContain(`!${series.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}<`);
    }
  });

  it("has no error in any cell of any sheet", async () => {
    const { workbook } = await libreOfficeWorkbook();
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
