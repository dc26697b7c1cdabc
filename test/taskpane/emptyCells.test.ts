/**
 * The sheets the pane writes give the same figures whether Excel passes the empty cells of a
 * range to the `CRS.` functions as null (Excel on the web) or as 0 (desktop Excel, office-js
 * #1951): the PCT model computed by the formula evaluator in both of its modes, and the forecast
 * sheet (whose tables spill) written to the fake Excel and calculated both ways, cell by cell.
 * Both sheets pass the functions ranges longer than their data: the model's 24 history rows, the
 * forecast's 24 spare rows below the counts. The portfolio sheet, whose live cells take a PCT's
 * figures and the inputs (a blank practices or at-the-deadline cell among them), is computed
 * both ways too.
 */
import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { runPlan } from "../../src/taskpane/officeWriter";
import { computeFormulaValues } from "../../src/workbook/formula/recalc";
import type { FormulaFunction } from "../../src/workbook/formula/evaluate";
import type { ScalarValue } from "../../src/workbook/formula/values";
import { planModel } from "../../src/workbook/sheets";
import { planForecast } from "../../src/workbook/sheets/forecast";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan";
import { readFileSync } from "node:fs";
import { PORTFOLIO_DEFAULTS } from "../../src/data/portfolioOptions";
import { readPortfolioCsv } from "../../src/data/seriesCsv";
import { analysePortfolio } from "../../src/model/portfolio/analysis";
import { planPortfolio } from "../../src/workbook/sheets/portfolio";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";
import { addressOf } from "../workbook/sheets/pctModel/modelSheet";
import { PCT_ROWS, PCT_SOURCE, pctOptions, pctSeries } from "../workbook/sheets/forecast/forecastFixtures";
import { FakeExcel } from "./fakeExcel";

describe("the formula evaluator's empty cells", () => {
  it("reach a custom function as null, or as 0 in the mode for desktop Excel; an argument left out stays null", () => {
    const seen: unknown[] = [];
    const spy: FormulaFunction = (args) => {
      seen.push(args);
      return 1;
    };
    const plan = {
      sheets: [{ name: "S", ranges: [{ address: "A1", cells: [[1], [null], [{ formula: "=CRS.SPY(A1:A2,)" }]] }], tables: [], columnWidths: [], charts: [], freezeRows: 0 }],
      names: [],
      activate: null,
      messages: [],
    };
    for (const emptyCells of ["null", "zero"] as const) computeFormulaValues(plan, { functions: new Map([["CRS.SPY", spy]]), emptyCells });
    expect(seen).toEqual([
      [[[1], [null]], null],
      [[[1], [0]], null],
    ]);
  });
});

describe("the sheets give the same figures with empty cells as null or as 0", () => {
  it("the PCT model: every formula, its 14 empty history rows read either way", () => {
    const plan = planModel(NO_TAKEN_NAMES, { formulas: "crs" });
    const [asNull, asZero] = (["null", "zero"] as const).map((emptyCells) => computeFormulaValues(plan, { functions: builtCrsFunctions(), emptyCells }));
    expect([...asZero]).toEqual([...asNull]);
    // The figures are there to compare: the fitted outputs are numbers, not errors both ways.
    const sheet = plan.sheets[0].name;
    for (const name of ["ProjectedAtTargetDate", "LowerAtTargetDate", "UpperAtTargetDate", "ChanceOfTarget", "DateTargetReached"]) {
      expect(typeof asNull.get(`${sheet}!${addressOf(plan, name)}`), name).toBe("number");
    }
  });

  it("the forecast sheet: every cell, its tables spilled, the spare rows below the counts read either way", async () => {
    const cells: Record<string, string | number> = { A1: "Date", B1: "GPs registered" };
    const numberFormats: Record<string, string> = {};
    PCT_ROWS.forEach(([date, count], i) => {
      cells[`A${i + 2}`] = isoToExcelSerial(date as IsoDate);
      cells[`B${i + 2}`] = count;
      numberFormats[`A${i + 2}`] = "dd/mm/yyyy";
    });
    const excel = new FakeExcel({ sheets: [{ name: PCT_SOURCE.sheet, cells, numberFormats }] });
    const plan = await runPlan(excel.context, (taken) => planForecast({ flavour: "crs", series: pctSeries(), options: pctOptions(), source: PCT_SOURCE }, taken));
    const sheet = excel.state.sheets.find((candidate) => candidate.name === plan.sheets[0].name)!;
    const valuesOf = (emptyCells: "null" | "zero"): Record<string, ScalarValue | string | number | boolean> => {
      const calculation = excel.calculation(emptyCells);
      const values: Record<string, string | number | boolean> = {};
      for (let row = 1; row <= 80; row++) {
        for (let column = 1; column <= 8; column++) values[`${row}:${column}`] = calculation.value(sheet.name, row, column);
      }
      return values;
    };
    const asNull = valuesOf("null");
    expect(valuesOf("zero")).toEqual(asNull);
    // The sheet calculated: its sentences and its forecast table are there, no cell an error but #N/A.
    const shown = Object.values(asNull);
    expect(shown.filter((value) => typeof value === "string" && value.startsWith("#") && value !== "#N/A")).toEqual([]);
    expect(shown.some((value) => typeof value === "string" && /as likely as not by/.test(value))).toBe(true);
  });

  it("the portfolio sheet: every formula of the live sheet, read either way", () => {
    const text = readFileSync(new URL("../fixtures/portfolio/handworked.csv", import.meta.url), "utf8");
    const { pcts } = readPortfolioCsv(text);
    const plan = planPortfolio({ flavour: "crs", analysis: analysePortfolio(pcts, PORTFOLIO_DEFAULTS), options: PORTFOLIO_DEFAULTS, pcts, source: "x", fittedOn: "x" }, NO_TAKEN_NAMES);
    const [asNull, asZero] = (["null", "zero"] as const).map((emptyCells) => computeFormulaValues(plan, { functions: builtCrsFunctions(), emptyCells }));
    expect([...asZero]).toEqual([...asNull]);
    expect([...asNull.values()].filter((value) => typeof value === "number").length).toBeGreaterThan(20);
  });
});
