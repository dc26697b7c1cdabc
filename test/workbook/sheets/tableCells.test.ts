/**
 * No formula the add-in writes takes a figure out of a table that can hold an error cell
 * (COMPARE's row for a model with no AICc, FIT's #N/A standard errors, FORECAST's bounds): some
 * Excel builds show such a table as one bare #VALUE! (office-js #2174), which would take down
 * every formula reading it. The sheets show those tables spilled, each from a formula of its own,
 * and take the figures they need from scalar functions (BESTMODEL, WEIGHT, FORECASTAT, CHANCE,
 * REACH). Checked over every plan, in both flavours: no call of a table function inside another
 * formula, and no formula reading a cell a table spills into.
 */
import { describe, expect, it } from "vitest";
import { parseRange } from "../../../src/excel/a1";
import { DATASETS } from "../../../src/data";
import { parseFormula, type FormulaNode } from "../../../src/workbook/formula/syntax";
import { NO_TAKEN_NAMES } from "../../../src/workbook/plan";
import type { WorkbookPlan } from "../../../src/workbook/plan/plan";
import { rangeCells } from "../../../src/workbook/plan/rangeCells";
import { planDatasets, planModel } from "../../../src/workbook/sheets";
import { planForecast } from "../../../src/workbook/sheets/forecast";
import { PCT_SOURCE, pctOptions, pctSeries } from "./forecast/forecastFixtures";

/** The functions whose tables can hold an error cell beside figures. */
const TABLE_FUNCTIONS = new Set(["CRS.COMPARE", "CRS.FIT", "CRS.FORECAST"]);

/** Every call of a table function in a formula's tree, and whether it is the whole formula. */
function tableCalls(node: FormulaNode | null, root = true): { name: string; root: boolean }[] {
  if (node === null) return [];
  switch (node.kind) {
    case "call":
      return [...(TABLE_FUNCTIONS.has(node.name) ? [{ name: node.name, root }] : []), ...node.args.flatMap((arg) => tableCalls(arg, false))];
    case "unary":
      return tableCalls(node.operand, false);
    case "binary":
      return [...tableCalls(node.left, false), ...tableCalls(node.right, false)];
    default:
      return [];
  }
}

/** Every reference of a formula: its sheet (null: the formula's own) and its box. */
function references(node: FormulaNode | null): { sheet: string | null; top: number; left: number; bottom: number; right: number }[] {
  if (node === null) return [];
  switch (node.kind) {
    case "cells":
      return [node];
    case "call":
      return node.args.flatMap(references);
    case "unary":
      return references(node.operand);
    case "binary":
      return [...references(node.left), ...references(node.right)];
    default:
      return [];
  }
}

/** What is wrong in a plan: a table taken apart inside a formula, or a formula reading a table's spill. */
function tableCellsTaken(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  // The cells each table spills over: the block written with its formula in the top-left cell.
  const spills = plan.sheets.flatMap((sheet) =>
    sheet.ranges.flatMap((range) => {
      const block = rangeCells(range);
      const first = block.cells[0];
      if (first?.formula === undefined || first.formula === null || !tableCalls(parseFormula(first.formula)).some((call) => call.root)) return [];
      const { start } = parseRange(block.address);
      return [{ sheet: sheet.name, anchor: first.address, top: start.row, left: start.column, bottom: start.row + block.rows - 1, right: start.column + block.columns - 1 }];
    }),
  );
  for (const sheet of plan.sheets) {
    for (const range of sheet.ranges) {
      for (const cell of rangeCells(range).cells) {
        if (cell.formula === undefined || cell.formula === null) continue;
        const tree = parseFormula(cell.formula);
        for (const call of tableCalls(tree).filter((found) => !found.root)) problems.push(`${sheet.name}!${cell.address} takes a figure out of ${call.name}'s table: ${cell.formula}`);
        for (const reference of references(tree)) {
          const on = reference.sheet ?? sheet.name;
          const spill = spills.find((area) => area.sheet === on && reference.top <= area.bottom && area.top <= reference.bottom && reference.left <= area.right && area.left <= reference.right);
          if (spill) problems.push(`${sheet.name}!${cell.address} reads the table ${spill.sheet}!${spill.anchor} spills: ${cell.formula}`);
        }
      }
    }
  }
  return problems;
}

const PLANS: readonly [string, () => WorkbookPlan][] = [
  ["the datasets", () => planDatasets(DATASETS, NO_TAKEN_NAMES)],
  ["the PCT model (CRS formulas)", () => planModel(NO_TAKEN_NAMES, { formulas: "crs" })],
  ["the PCT model (portable)", () => planModel(NO_TAKEN_NAMES, { formulas: "portable" })],
  ["the forecast sheet (CRS formulas)", () => planForecast({ flavour: "crs", series: pctSeries(), options: pctOptions(), source: PCT_SOURCE }, NO_TAKEN_NAMES)],
];

describe("no formula takes a cell of a table that can hold an error", () => {
  for (const [name, plan] of PLANS) {
    it(name, () => {
      expect(tableCellsTaken(plan())).toEqual([]);
    });
  }

  it("finds a figure taken out of a table, and a formula reading a table's spill", () => {
    const sheet = {
      name: "S",
      ranges: [
        { address: "A1", cells: [[{ formula: "=CRS.COMPARE(D1:D5,E1:E5)" }, null], [null, null]] },
        { address: "A5", cells: [[{ formula: "=INDEX(CRS.FIT(\"logistic\",D1:D5,E1:E5),2,2)" }, { formula: "=B2*2" }]] },
      ],
      tables: [],
      columnWidths: [],
      charts: [],
      freezeRows: 0,
    };
    expect(tableCellsTaken({ sheets: [sheet], names: [], activate: null, messages: [] })).toEqual([
      'S!A5 takes a figure out of CRS.FIT\'s table: =INDEX(CRS.FIT("logistic",D1:D5,E1:E5),2,2)',
      "S!B5 reads the table S!A1 spills: =B2*2",
    ]);
  });
});
