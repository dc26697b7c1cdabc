/**
 * Test helpers over a workbook plan: its cells by address, and their values computed with the
 * formula evaluator (names resolved through the plan's defined names).
 */
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { type PlannedCell, rangeCells } from "../../src/workbook/rangeCells";
import { FormulaError, evaluateFormula } from "./formulaEvaluator";

/** Every cell a sheet plan writes, by A1 address, as the writers walk it; a later range overrides an earlier one. */
export function plannedCells(sheet: SheetPlan): Map<string, PlannedCell> {
  return new Map(sheet.ranges.flatMap((range) => rangeCells(range).cells.map((cell) => [cell.address, cell] as const)));
}

/** The formula of a planned cell (with its "="), or null. */
export function formulaOf(cell: PlannedCell | undefined): string | null {
  return cell?.formula ?? null;
}

/** A computed cell: a number, or the Excel error it shows. */
export type Computed = number | FormulaError;

/**
 * Computes every numeric and formula cell of a sheet of the plan, as a spreadsheet would:
 * `lookup` resolves a defined name or a cell reference to a computed value.
 */
export function computeSheet(plan: WorkbookPlan, sheetName: string): Map<string, Computed> {
  const sheet = plan.sheets.find((candidate) => candidate.name === sheetName)!;
  const cells = plannedCells(sheet);
  const names = new Map(plan.names.map((name) => [name.name.toUpperCase(), name.address]));
  const computed = new Map<string, Computed>();
  const valueAt = (address: string): number => {
    const result = computeCell(address);
    if (result instanceof FormulaError) throw result;
    return result;
  };
  const computeCell = (address: string): Computed => {
    const known = computed.get(address);
    if (known !== undefined) return known;
    const cell = cells.get(address);
    const formula = formulaOf(cell);
    let result: Computed;
    if (formula === null) {
      result = typeof cell?.value === "number" ? cell.value : 0;
    } else {
      try {
        result = evaluateFormula(formula, (reference) => valueAt(names.get(reference.toUpperCase()) ?? reference.replace(/\$/g, "")));
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        result = error;
      }
    }
    computed.set(address, result);
    return result;
  };
  for (const [address, cell] of cells) if (typeof cell.value !== "string" && cell.value !== null) computeCell(address);
  return computed;
}
