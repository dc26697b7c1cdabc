/** Test helpers over a workbook plan: its cells by address, and a cell's formula. */
import type { SheetPlan } from "../../../src/workbook/plan/plan";
import { type PlannedCell, rangeCells } from "../../../src/workbook/plan/rangeCells";

/** Every cell a sheet plan writes, by A1 address, as the writers walk it; a later range overrides an earlier one. */
export function plannedCells(sheet: SheetPlan): Map<string, PlannedCell> {
  return new Map(sheet.ranges.flatMap((range) => rangeCells(range).cells.map((cell) => [cell.address, cell] as const)));
}

/** The formula of a planned cell (with its "="), or null. */
export function formulaOf(cell: PlannedCell | undefined): string | null {
  return cell?.formula ?? null;
}
