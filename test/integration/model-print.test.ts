/**
 * The model printed: the portable model written to .xlsx, printed to PDF by LibreOffice Calc (A4
 * landscape, each sheet fit to one page wide), and read back with poppler. The model sheet prints
 * at a readable scale, a page for each part it breaks before, its chart whole on page 1; the
 * timeline sheet prints on a page of its own, each row from its label to its last month on one
 * line. Every wrapped text prints whole in the rows the plan made tall enough for it, no text
 * runs off the page, and nothing prints as ###.
 *
 * LibreOffice and poppler-utils are required: without them this test fails rather than skips.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseRange } from "../../src/excel/a1";
import { TIMELINE_TITLE } from "../../src/workbook/sheets/pctModel/timelineBlock";
import { TIMELINE_MONTHS } from "../../src/workbook/sheets/pctModel/timelineGrid";
import { planModel } from "../../src/workbook/sheets/pctModel";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import type { SheetPlan } from "../../src/workbook/plan/plan";
import { writeXlsx } from "../../src/workbook/xlsx/writer";
import { convertWithLibreOffice } from "../../scripts/libreOffice";
import { plannedCells } from "../workbook/plan/planCells";
import { type PrintedPage, poppler, printedPages } from "./printedPdf";

const plan = planModel(NO_TAKEN_NAMES, { formulas: "portable" });
const [model, timeline] = plan.sheets;
const workDir = mkdtempSync(join(tmpdir(), "crs-model-print-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The scales LibreOffice prints the sheets at, one page wide, measured from the printout: what the layout reaches. */
const MODEL_SCALE = 0.84;
const TIMELINE_SCALE = 0.59;
/** Calc's default font size, the size of every cell's text before scaling. */
const CELL_POINTS = 11;
/** A4 landscape's width and the page margins of a sheet (Excel's defaults, 0.7 inch), in points. */
const PAGE_WIDTH = 841.89;
const SIDE_MARGIN = 0.7 * 72;

let printed: Promise<{ path: string; pages: PrintedPage[] }> | undefined;

/** The model printed to a PDF file, and its pages. */
function printedModel(): Promise<{ path: string; pages: PrintedPage[] }> {
  printed ??= (async () => {
    const [pdf] = convertWithLibreOffice([await writeXlsx(plan)], "pdf", "to print the model");
    const path = join(workDir, "model.pdf");
    writeFileSync(path, pdf);
    return { path, pages: printedPages(path) };
  })();
  return printed;
}

/** The pages of each sheet: the model sheet's come first, the timeline sheet's from the page with its title. */
async function sheetPages(): Promise<{ model: PrintedPage[]; timeline: PrintedPage[] }> {
  const { pages } = await printedModel();
  expect(plannedCells(timeline).get("A1")?.value).toBe(TIMELINE_TITLE);
  const first = pages.findIndex((page) => page.text.includes(TIMELINE_TITLE));
  expect(first, `the page with "${TIMELINE_TITLE}"`).toBeGreaterThan(0);
  return { model: pages.slice(0, first), timeline: pages.slice(first) };
}

/** The texts of a sheet that wrap, by row: those in rows the plan made taller, and the lines each row holds. */
function wrappedTexts(sheet: SheetPlan): { text: string; lines: number }[] {
  const heights = new Map((sheet.rowHeights ?? []).map((height) => [height.row, height.points]));
  return sheet.ranges
    .filter((range) => range.style?.wrap === true)
    .flatMap((range) => {
      const { start } = parseRange(range.address);
      return range.cells.flatMap((row, r) =>
        row.flatMap((cell) => (typeof cell === "string" && cell.trim() !== "" ? [{ text: cell, lines: (heights.get(start.row + r) ?? 15) / 15 }] : [])),
      );
    });
}

/**
 * The lines a text printed on: the distinct tops of its words, found in order on one page, each
 * after the one before on its line, or at the left edge of the first on the very next line (the
 * words of cells printed side by side interleave line by line).
 */
function printedLines(pages: readonly PrintedPage[], text: string): number | undefined {
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  for (const { words } of pages) {
    for (const [start, first] of words.entries()) {
      if (first.text !== tokens[0]) continue;
      const found = [first];
      let at = start;
      for (const token of tokens.slice(1)) {
        const last = found[found.length - 1];
        const next = words.findIndex(
          (word, index) =>
            index > at &&
            word.text === token &&
            ((Math.abs(word.yMin - last.yMin) < 1 && word.xMin > last.xMax) ||
              (word.yMin > last.yMin + 1 && word.yMin < last.yMax + 1 && Math.abs(word.xMin - first.xMin) < 1)),
        );
        if (next < 0) break;
        found.push(words[next]);
        at = next;
      }
      if (found.length === tokens.length) return new Set(found.map((word) => Math.round(word.yMin))).size;
    }
  }
  return undefined;
}

describe("the model printed by LibreOffice", () => {
  it("prints on A4 landscape: the model sheet on a page for each part it starts, the timeline on one", async () => {
    const { path } = await printedModel();
    expect(poppler("pdfinfo", [path])).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = await sheetPages();
    // No page is split further than the plan's breaks: each part of the sheet fits its page.
    expect(pages.model).toHaveLength(model.pageSetup!.breaksBeforeRows!.length + 1);
    expect(pages.timeline).toHaveLength(1);
  });

  it(`prints the model sheet at ${MODEL_SCALE * 100}% or more of full size, and the timeline at ${TIMELINE_SCALE * 100}% or more`, async () => {
    const pages = await sheetPages();
    const scales = (sheetPages: readonly PrintedPage[]): number[] => sheetPages.map((page) => page.fontSize / CELL_POINTS);
    const [modelScale] = scales(pages.model);
    expect(modelScale).toBeGreaterThanOrEqual(MODEL_SCALE);
    expect(scales(pages.model)).toEqual(pages.model.map(() => modelScale));
    expect(scales(pages.timeline)[0]).toBeGreaterThanOrEqual(TIMELINE_SCALE);
  });

  it("is one page wide: the history from its entry to its last flag, each timeline row from its label to its last month, on one line", async () => {
    const pages = await sheetPages();
    const cells = plannedCells(model);
    const unitRow = [...cells.values()].find((cell) => cell.value === "Entry")!.row;
    const units = [...cells.values()].filter((cell) => cell.row === unitRow).sort((a, b) => a.column - b.column).map((cell) => String(cell.value));
    expect(units).toHaveLength(11);
    const modelLines = pages.model.flatMap((page) => page.text.split("\n"));
    expect(modelLines.filter((line) => line.trim().split(/\s+/).join(" ") === units.join(" "))).toHaveLength(1);
    const counter = pages.timeline.flatMap((page) => page.text.split("\n")).filter((line) => line.includes("Months after the first count's month"));
    expect(counter).toHaveLength(1);
    expect(counter[0].trim().split(/\s+/).slice(-TIMELINE_MONTHS)).toEqual(Array.from({ length: TIMELINE_MONTHS }, (_, month) => String(month)));
    for (const page of [...pages.model, ...pages.timeline]) {
      const beyond = page.words.filter((word) => word.xMin < SIDE_MARGIN - 2 || word.xMax > PAGE_WIDTH - SIDE_MARGIN + 2);
      expect(beyond.map((word) => word.text)).toEqual([]);
    }
  });

  it("prints the chart whole on the model sheet's first page, beside the outputs, its legend saying Scenario A and B", async () => {
    const pages = await sheetPages();
    const [chart] = model.charts;
    const title = chart.title.split(" ").slice(0, 5).join(" ");
    expect([...pages.model, ...pages.timeline].map((page) => page.text.includes(title))).toEqual([true, ...Array(pages.model.length + pages.timeline.length - 1).fill(false)]);
    // The chart ends above the first page break, and the page is not split further.
    const firstBreak = model.pageSetup!.breaksBeforeRows![0];
    expect(parseRange(chart.position).end.row).toBeLessThan(firstBreak);
    const [first] = pages.model;
    for (const series of chart.series) expect(first.text, series.name).toContain(series.name);
    expect(chart.series.slice(4, 6).map((series) => series.name)).toEqual(["Scenario A", "Scenario B"]);
    expect(first.text).toContain(chart.xAxisTitle);
    expect(first.text).toContain("Incentive payable, judged at the deadline");
  });

  it("prints every wrapped text whole in the lines its row holds, and nothing as ###", async () => {
    const pages = await sheetPages();
    for (const [sheet, printedPages] of [[model, pages.model], [timeline, pages.timeline]] as const) {
      const texts = wrappedTexts(sheet);
      expect(texts.filter((text) => text.lines > 1).length, sheet.name).toBeGreaterThan(3);
      for (const { text, lines } of texts) {
        const printedIn = printedLines(printedPages, text);
        expect(printedIn, `${sheet.name}: "${text}" printed`).toBeDefined();
        expect(printedIn!, `${sheet.name}: "${text}" in ${lines} lines`).toBeLessThanOrEqual(lines);
      }
    }
    for (const page of [...pages.model, ...pages.timeline]) expect(page.text).not.toMatch(/###/);
  });
});
