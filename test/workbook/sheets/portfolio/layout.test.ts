import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PORTFOLIO_DEFAULTS } from "../../../../src/data/portfolioOptions";
import { readPortfolioCsv } from "../../../../src/data/seriesCsv";
import { analysePortfolio } from "../../../../src/model/portfolio/analysis";
import { cellKey, computeFormulaValues } from "../../../../src/workbook/formula";
import { NO_TAKEN_NAMES } from "../../../../src/workbook/plan/names";
import { PORTFOLIO_SENTENCE_CELLS, planPortfolio } from "../../../../src/workbook/sheets/portfolio";
import { COLUMN_WIDTHS, INPUTS, PortfolioLayout, TOTAL_ROWS } from "../../../../src/workbook/sheets/portfolio/layout";
import { SheetBuilder } from "../../../../src/workbook/sheets/sheetBuilder";
import { formulaOf, plannedCells } from "../../plan/planCells";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "fixtures", "portfolio");

describe("PortfolioLayout", () => {
  it("takes the sections' rows from the top, a row apart, and leaves the builder below the table's header", () => {
    const builder = new SheetBuilder("Portfolio", {}, COLUMN_WIDTHS);
    const layout = new PortfolioLayout(builder);
    expect({ ...layout }).toMatchObject({ title: 1, note: 2, sentences: 4, sentenceNote: 7, inputsHeader: 9, inputs: 10, fitted: 16, totalsHeader: 20, totals: 21, tableHeader: 33 });
    expect(builder.row).toBe(34);
    expect([layout.inputCell("threshold"), layout.inputCell("confidence"), layout.totalCell("pcts"), layout.totalCell("current")]).toEqual(["$B$10", "$B$15", "$B$21", "$B$31"]);
    expect(layout.sentenceCells).toEqual(["A4", "A5", "A6"]);
    expect(layout.chartPosition).toBe("D9:N31");
  });

  it("is where the plan writes the sentences, the inputs, the totals and the table's header", () => {
    const pcts = readPortfolioCsv(readFileSync(join(FIXTURES, "handworked.csv"), "utf8")).pcts;
    const analysis = analysePortfolio(pcts, PORTFOLIO_DEFAULTS);
    const plan = planPortfolio({ flavour: "crs", analysis, options: PORTFOLIO_DEFAULTS, pcts, source: "x", fittedOn: "x" }, NO_TAKEN_NAMES);
    const cells = plannedCells(plan.sheets[0]);
    const layout = new PortfolioLayout(new SheetBuilder("Portfolio", {}, COLUMN_WIDTHS));
    for (const address of PORTFOLIO_SENTENCE_CELLS) expect(formulaOf(cells.get(address)), address).toMatch(/^=/);
    expect(cells.get(`A${layout.inputs}`)?.value).toBe(INPUTS[0].label);
    expect(cells.get(`A${layout.inputs + INPUTS.length - 1}`)?.value).toBe(INPUTS.at(-1)?.label);
    expect(cells.get(`A${layout.totals + TOTAL_ROWS.length - 1}`)?.value).toBe("Fit current (TRUE/FALSE)");
    expect(cells.get(`A${layout.tableHeader}`)?.value).toBe("PCT");
    expect(cells.get(`A${layout.tableHeader + 1}`)?.value).toBe(analysis.rows[0].pct);
    expect(plan.sheets[0].rowHeights).toEqual([{ row: layout.tableHeader, points: 45 }]);
  });
});

describe("the portable portfolio's Fit current", () => {
  const pcts = readPortfolioCsv(readFileSync(join(FIXTURES, "handworked.csv"), "utf8")).pcts;
  const analysis = analysePortfolio(pcts, PORTFOLIO_DEFAULTS);
  const plan = planPortfolio({ flavour: "portable", analysis, options: PORTFOLIO_DEFAULTS, pcts, source: "x", fittedOn: "x" }, NO_TAKEN_NAMES);
  const sheet = plan.sheets[0];
  const layout = new PortfolioLayout(new SheetBuilder("Portfolio", {}, COLUMN_WIDTHS));
  const current = layout.totalCell("current").replace(/\$/g, "");
  /** The sheet's Fit current and its warning sentence with one input cell typed over. */
  const afterTyping = (key: "targetShare" | "targetDate" | "confidence" | "threshold" | null, value: number) => {
    const typed = key === null ? [] : [{ address: layout.inputCell(key).replace(/\$/g, ""), cells: [[value]] }];
    const values = computeFormulaValues({ ...plan, sheets: [{ ...sheet, ranges: [...sheet.ranges, ...typed] }, ...plan.sheets.slice(1)] });
    return [values.get(cellKey(sheet.name, current)), values.get(cellKey(sheet.name, PORTFOLIO_SENTENCE_CELLS[2]))];
  };

  it("is TRUE for the inputs fitted, and FALSE with the warning once the target, its date or the confidence is typed over", () => {
    expect(afterTyping(null, 0)[0]).toBe(true);
    for (const [key, value] of [["targetShare", 0.9], ["targetDate", PORTFOLIO_DEFAULTS.targetDate + 30], ["confidence", 0.95]] as const) {
      const [fitCurrent, sentence] = afterTyping(key, value);
      expect(fitCurrent, key).toBe(false);
      expect(sentence, key).toMatch(/^WARNING: the counts, the later target or the confidence have changed since the fit/);
    }
    // The threshold is no input of the fit: the incentive's figures follow it live.
    expect(afterTyping("threshold", 0.4)[0]).toBe(true);
  });
});
