/**
 * Test helpers over a workbook plan: its cells by address, and their values computed by the
 * formula evaluator with the add-in's built `CRS.` functions.
 */
import { cellAddress, parseRange } from "../../src/workbook/a1";
import { cellKey, computeFormulaValues } from "../../src/workbook/formulaValues";
import type { ExcelErrorValue } from "../../src/workbook/formulaValue";
import type { Cell, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { builtCrsFunctions } from "./crsFunctions";

/** A cell a plan writes: its value or formula and its number format. */
export interface PlannedCell {
  readonly value: Cell;
  readonly format: string | null;
}

/** Every cell a sheet plan writes, by A1 address; a later range overrides an earlier one. */
export function plannedCells(sheet: SheetPlan): Map<string, PlannedCell> {
  const cells = new Map<string, PlannedCell>();
  for (const range of sheet.ranges) {
    const { start } = parseRange(range.address);
    range.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = typeof range.numberFormat === "string" ? range.numberFormat : (range.numberFormat?.[r]?.[c] ?? null);
        cells.set(cellAddress(start.row + r, start.column + c), { value, format });
      }),
    );
  }
  return cells;
}

/** The formula of a planned cell, or null. */
export function formulaOf(cell: PlannedCell | undefined): string | null {
  return cell !== undefined && cell.value !== null && typeof cell.value === "object" ? cell.value.formula : null;
}

/** A computed cell: a number, or the Excel error it shows. */
export type Computed = number | ExcelErrorValue;

/**
 * Every number and formula cell of a sheet of the plan, by address, as a spreadsheet with the
 * add-in shows it: formulas computed by the formula evaluator with the built `CRS.` functions.
 */
export function computeSheet(plan: WorkbookPlan, sheetName: string): Map<string, Computed> {
  const sheet = plan.sheets.find((candidate) => candidate.name === sheetName)!;
  const values = computeFormulaValues(plan, { functions: builtCrsFunctions() });
  const computed = new Map<string, Computed>();
  for (const [address, cell] of plannedCells(sheet)) {
    if (typeof cell.value === "number") computed.set(address, cell.value);
    if (formulaOf(cell) === null) continue;
    const value = values.get(cellKey(sheetName, address));
    if (typeof value !== "number" && (value === null || typeof value !== "object")) {
      throw new Error(`${address} ${formulaOf(cell)} gives ${JSON.stringify(value)}, not a number or an error.`);
    }
    computed.set(address, value);
  }
  return computed;
}
