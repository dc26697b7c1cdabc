/**
 * Test helpers over a workbook plan: its cells by address, and their values computed by the
 * formula evaluator with the add-in's built `CRS.` functions.
 */
import { cellKey, computeFormulaValues } from "../../src/workbook/formulaValues";
import type { ExcelErrorValue } from "../../src/workbook/formulaValue";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { type PlannedCell, rangeCells } from "../../src/workbook/rangeCells";
import { builtCrsFunctions } from "./crsFunctions";

/** Every cell a sheet plan writes, by A1 address, as the writers walk it; a later range overrides an earlier one. */
export function plannedCells(sheet: SheetPlan): Map<string, PlannedCell> {
  return new Map(sheet.ranges.flatMap((range) => rangeCells(range).cells.map((cell) => [cell.address, cell] as const)));
}

/** The formula of a planned cell (with its "="), or null. */
export function formulaOf(cell: PlannedCell | undefined): string | null {
  return cell?.formula ?? null;
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
    if (cell.formula === null) continue;
    const value = values.get(cellKey(sheetName, address));
    if (typeof value !== "number" && (value === null || typeof value !== "object")) {
      throw new Error(`${address} ${cell.formula} gives ${JSON.stringify(value)}, not a number or an error.`);
    }
    computed.set(address, value);
  }
  return computed;
}
