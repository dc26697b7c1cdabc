/**
 * One formula computed by the formula evaluator, for the tests: the formula in cell A1 of a
 * sheet "Formula", the inputs from A1 of a sheet "Inputs", defined names on the inputs.
 */
import type { FunctionTable } from "../../../src/workbook/formula/evaluate";
import { cellKey, computeFormulaValues } from "../../../src/workbook/formula/recalc";
import type { ScalarValue } from "../../../src/workbook/formula/values";
import type { Cell, SheetPlan, WorkbookPlan } from "../../../src/workbook/plan/plan";

export interface FormulaInputs {
  /** Rows of values (or formulas) from A1 of the sheet "Inputs". */
  readonly inputs?: readonly (readonly Cell[])[];
  /** Workbook-scoped names on cells or ranges of "Inputs", e.g. { Rate: "A2" }. */
  readonly names?: Readonly<Record<string, string>>;
  readonly functions?: FunctionTable;
}

/** A sheet plan with nothing but cells. */
export function sheetOf(name: string, address: string, cells: SheetPlan["ranges"][number]["cells"]): SheetPlan {
  return { name, ranges: cells.length === 0 ? [] : [{ address, cells }], tables: [], columnWidths: [], charts: [], freezeRows: 0 };
}

/**
 * The value of a formula as a spreadsheet shows it.
 *
 * @example formulaValue("=Rate*2", { inputs: [[0.25]], names: { Rate: "A1" } }) // 0.5
 */
export function formulaValue(formula: string, { inputs = [], names = {}, functions }: FormulaInputs = {}): ScalarValue {
  const plan: WorkbookPlan = {
    sheets: [sheetOf("Inputs", "A1", inputs), sheetOf("Formula", "A1", [[{ formula }]])],
    names: Object.entries(names).map(([name, address]) => ({ name, sheet: "Inputs", address, comment: "" })),
    activate: "Formula",
    messages: [],
  };
  return computeFormulaValues(plan, { functions }).get(cellKey("Formula", "A1"))!;
}
