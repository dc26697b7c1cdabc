/**
 * Test helpers over the model sheet's plan: where a defined name is, the plan with some inputs
 * typed over (as a user types into the named cells), and its values computed as a spreadsheet
 * computes them (the formula evaluator, with the add-in's built `CRS.` functions).
 */
import { parseRange } from "../../../../src/excel/a1";
import { cellKey, computeFormulaValues } from "../../../../src/workbook/formula/recalc";
import type { ScalarValue } from "../../../../src/workbook/formula/values";
import type { CellValue, WorkbookPlan } from "../../../../src/workbook/plan/plan";
import { builtCrsFunctions } from "../../formula/crsFunctions";

/** The address a defined name of the plan refers to, e.g. "B14" or "B47:B70". */
export function addressOf(plan: WorkbookPlan, name: string): string {
  const found = plan.names.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`The plan has no name ${name}.`);
  return found.address;
}

/** What a test types over: a single value for a one-cell name, a column of values for a range (the rest of it cleared). */
export type TypedInputs = Readonly<Record<string, CellValue | readonly CellValue[]>>;

/**
 * The plan with `inputs` typed into the cells of their names: later writes override earlier
 * ones, as they would in the workbook.
 *
 * @example withInputs(plan, { PCTGPs: 10, HistoryCounts: [1, 2, 3] })
 */
export function withInputs(plan: WorkbookPlan, inputs: TypedInputs): WorkbookPlan {
  const [sheet, ...others] = plan.sheets;
  const typed = Object.entries(inputs).map(([name, value]) => {
    const address = addressOf(plan, name);
    const { start, end } = parseRange(address);
    const cells = Array.isArray(value)
      ? Array.from({ length: end.row - start.row + 1 }, (_, index) => [value[index] ?? null])
      : [[value as CellValue]];
    return { address, cells };
  });
  return { ...plan, sheets: [{ ...sheet, ranges: [...sheet.ranges, ...typed] }, ...others] };
}

/** The value of every formula cell, and a reader of a named cell's value. */
export interface ComputedModel {
  readonly values: ReadonlyMap<string, ScalarValue>;
  /** The value shown in a one-cell name's cell (an input's own value for an input). */
  at(name: string): ScalarValue;
}

/** Computes the model sheet of a plan as a spreadsheet with the add-in does; once a plan, as plans do not change. */
export function computeModel(plan: WorkbookPlan): ComputedModel {
  let computed = COMPUTED.get(plan);
  if (computed === undefined) COMPUTED.set(plan, (computed = compute(plan)));
  return computed;
}
const COMPUTED = new WeakMap<WorkbookPlan, ComputedModel>();

function compute(plan: WorkbookPlan): ComputedModel {
  const sheet = plan.sheets[0];
  const values = computeFormulaValues(plan, { functions: builtCrsFunctions() });
  const literal = (address: string): ScalarValue => {
    let found: ScalarValue = null;
    for (const range of sheet.ranges) {
      const { start } = parseRange(range.address);
      const { row, column } = parseRange(address).start;
      const cell = range.cells[row - start.row]?.[column - start.column];
      if (cell !== undefined && (cell === null || typeof cell !== "object")) found = cell;
    }
    return found;
  };
  return {
    values,
    at(name) {
      const address = addressOf(plan, name);
      return values.get(cellKey(sheet.name, address)) ?? literal(address);
    },
  };
}

/** A value that must be a number. */
export function numberOf(value: ScalarValue, what: string): number {
  if (typeof value !== "number") throw new Error(`${what} is ${JSON.stringify(value)}, not a number.`);
  return value;
}
