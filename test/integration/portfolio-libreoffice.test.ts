/**
 * The portfolio workbook `npm run portfolio` writes for the invented example, opened and fully
 * recalculated by LibreOffice Calc headless: every formula's cached value is what LibreOffice
 * computes (the sentences word for word), no cell is an error, "Fit current" turns FALSE when a
 * count is changed, and the table and the chart survive.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { PORTFOLIO_DEFAULTS } from "../../src/data/portfolioOptions";
import { readPortfolioCsv } from "../../src/data/seriesCsv";
import { analysePortfolio } from "../../src/model/portfolio/analysis";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import { PORTFOLIO_COUNTS_SHEET, PORTFOLIO_SHEET, planPortfolio } from "../../src/workbook/sheets/portfolio";
import { errorValue, type ExcelErrorCode, type ScalarValue } from "../../src/workbook/formula/values";
import { writeXlsx } from "../../src/workbook/xlsx";
import { convertWithLibreOffice } from "../../scripts/libreOffice";
import { portfolioCommand } from "../../scripts/portfolioCommand";
import { formulaOf, plannedCells } from "../workbook/plan/planCells";
import { asNumber, errorOf, loadWorkbook, sameValue, shownValue } from "../workbook/xlsx/xlsxRead";

const EXAMPLE = resolve(__dirname, "..", "..", "examples", "portfolio-30-pcts.csv");
const work = mkdtempSync(join(tmpdir(), "crs-portfolio-libreoffice-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A value read back as the evaluator holds one. */
function asScalar(value: unknown): ScalarValue {
  const error = errorOf(value);
  if (error !== undefined) return errorValue(error as ExcelErrorCode);
  return asNumber(value) ?? ((value ?? "") as ScalarValue);
}

let files: Promise<{ written: ExcelJS.Workbook; recalculated: ExcelJS.Workbook; bytes: Uint8Array; changed: ExcelJS.Workbook }> | undefined;

/** The command's file, and it and a copy with one count changed recalculated by LibreOffice in one run. */
function portfolioFiles() {
  files ??= (async () => {
    const out = join(work, "portfolio.xlsx");
    const status = await portfolioCommand([EXAMPLE, out], { cwd: work, stdout: () => {}, stderr: () => {} });
    if (status !== 0) throw new Error("npm run portfolio failed");
    const bytes = new Uint8Array(readFileSync(out));
    const written = await loadWorkbook(bytes);
    const edited = await loadWorkbook(bytes);
    const counts = edited.getWorksheet(PORTFOLIO_COUNTS_SHEET)!;
    counts.getCell("C2").value = Number(counts.getCell("C2").value) + 1;
    const changedBytes = new Uint8Array(await edited.xlsx.writeBuffer());
    const [recalculatedBytes, changedRecalculated] = convertWithLibreOffice([bytes, changedBytes], "xlsx", "to check the portfolio recalculates without the add-in");
    return { written, recalculated: await loadWorkbook(recalculatedBytes), bytes: recalculatedBytes, changed: await loadWorkbook(changedRecalculated) };
  })();
  return files;
}

describe("the portfolio file recalculated by LibreOffice Calc", () => {
  it("caches every formula's value as LibreOffice computes it", async () => {
    const { written, recalculated } = await portfolioFiles();
    const portfolio = readPortfolioCsv(readFileSync(EXAMPLE, "utf8"));
    const analysis = analysePortfolio(portfolio.pcts, PORTFOLIO_DEFAULTS);
    const plan = planPortfolio({ flavour: "portable", analysis, options: PORTFOLIO_DEFAULTS, pcts: portfolio.pcts, source: "x", fittedOn: "x" }, NO_TAKEN_NAMES);
    const mismatches: string[] = [];
    let checked = 0;
    for (const [address, cell] of plannedCells(plan.sheets[0])) {
      if (formulaOf(cell) === null) continue;
      const cached = shownValue(written.getWorksheet(PORTFOLIO_SHEET)!.getCell(address));
      const shown = shownValue(recalculated.getWorksheet(PORTFOLIO_SHEET)!.getCell(address));
      if (!sameValue(shown, asScalar(cached))) mismatches.push(`${address} ${formulaOf(cell)}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(shown)}`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it("has no error cell, and says what the portfolio means", async () => {
    const { recalculated } = await portfolioFiles();
    const sheet = recalculated.getWorksheet(PORTFOLIO_SHEET)!;
    const errors: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const error = errorOf(shownValue(cell));
        if (error !== undefined) errors.push(`${cell.address}: ${error}`);
      }),
    );
    expect(errors).toEqual([]);
    expect(shownValue(sheet.getCell("A4"))).toBe("11 of 30 PCTs are likely to miss 80% by 31 Mar 2006; the incentive paid was £2.8m to 19 PCTs.");
    expect(shownValue(sheet.getCell("A6"))).toBe("The fitted figures belong to the counts in the counts sheet.");
  });

  it("turns Fit current FALSE, with the warning, when a count changes", async () => {
    const { changed } = await portfolioFiles();
    const sheet = changed.getWorksheet(PORTFOLIO_SHEET)!;
    expect(shownValue(sheet.getCell("A6"))).toMatch(/^WARNING: the counts, the later target or the confidence have changed since the fit/);
  });

  it("keeps the filterable table and the chart of the chance per PCT", async () => {
    const { bytes } = await portfolioFiles();
    const zip = await JSZip.loadAsync(bytes);
    const tables = await Promise.all(Object.keys(zip.files).filter((path) => /^xl\/tables\/table\d+\.xml$/.test(path)).map((path) => zip.file(path)!.async("string")));
    expect(tables.some((table) => table.includes('ref="A33:S63"') && table.includes("autoFilter"))).toBe(true);
    const chartPath = Object.keys(zip.files).find((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
    const chart = await zip.file(chartPath!)!.async("string");
    expect(chart).toContain("$O$34:$O$63<");
    // The chance's axis runs from 0% to 100%.
    expect(chart).toMatch(/<c:valAx>.*<c:scaling><c:orientation val="minMax"\/><c:max val="1"\/><c:min val="0"\/><\/c:scaling>.*<c:numFmt formatCode="0%"/);
  });
});

describe("the plan", () => {
  it("writes the same file for the same counts, whatever the date", async () => {
    const portfolio = readPortfolioCsv(readFileSync(EXAMPLE, "utf8"));
    const analysis = analysePortfolio(portfolio.pcts, PORTFOLIO_DEFAULTS);
    const input = { flavour: "portable" as const, analysis, options: PORTFOLIO_DEFAULTS, pcts: portfolio.pcts, source: "x", fittedOn: "x" };
    expect((await writeXlsx(planPortfolio(input, NO_TAKEN_NAMES))).length).toBeGreaterThan(10_000);
  });
});
