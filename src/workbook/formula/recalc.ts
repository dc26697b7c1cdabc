/**
 * The value of every formula cell of a workbook plan, as Excel or LibreOffice computes it on
 * recalculation: what the .xlsx writer stores as each formula's cached result, so that
 * previews, Protected View and viewers that do not calculate show the numbers.
 *
 * Formulas are computed in dependency order across all the plan's sheets, through its
 * workbook-scoped defined names. A circular reference is an error that names its cells; so is
 * a function the evaluator does not know (pass it in `functions`, as the tests pass the
 * add-in's `CRS.` functions).
 */
import { cellAddress, parseRange, sheetReference } from "../../excel/a1";
import { ARRAY_FUNCTIONS, EXCEL_FUNCTIONS } from "./worksheetFunctions";
import type { CellRange, EvaluationContext, FormulaFunction, FunctionTable } from "./evaluate";
import { evaluateFormula, rangeOf } from "./evaluate";
import type { FormulaNode } from "./syntax";
import { parseFormula } from "./syntax";
import { UnsupportedFormulaError, isArrayValue } from "./values";
import type { ArrayValue, ScalarValue } from "./values";
import type { Cell, CellValue, WorkbookPlan } from "../plan";
import { rangeCells } from "../plan";

/** Options of `computeFormulaValues`. */
export interface FormulaValueOptions {
  /** Functions beyond Excel's own (or in their place), by name in capitals, e.g. "CRS.GROWTH". */
  readonly functions?: FunctionTable;
  /**
   * How the empty cells of a range reach the functions passed in `functions` (custom
   * functions): as null (the default), as Excel on the web passes them, or as 0, as desktop
   * Excel may (office-js #1951). Excel's own functions read empty cells by their own rules.
   */
  readonly emptyCells?: "null" | "zero";
}

/**
 * A function that receives the empty cells of its ranges as 0, as desktop Excel may pass them to
 * a custom function; an argument left out stays null.
 */
function withEmptyCellsAsZero(fn: FormulaFunction): FormulaFunction {
  return (args, call) => fn(args.map((arg) => (isArrayValue(arg) ? arg.map((row) => row.map((cell) => cell ?? 0)) : arg)), call);
}

/** A circular reference: the formula cells that depend on each other, in order. */
export class FormulaCycleError extends Error {
  constructor(readonly cells: readonly string[]) {
    super(`Circular reference: ${[...cells, cells[0]].join(" → ")}. Excel cannot compute these cells; make one of them depend on inputs only.`);
    this.name = "FormulaCycleError";
  }
}

/**
 * The key of a cell in the map `computeFormulaValues` returns: its sheet and address.
 *
 * @example cellKey("CRS model", "B4") // "CRS model!B4"
 */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** A sheet's cells, by position. */
interface SheetCells {
  readonly name: string;
  readonly cells: Map<number, Cell>;
}

/** Positions as one number: Excel has 16,384 columns. */
const positionOf = (row: number, column: number): number => row * 16_384 + column;

/** The formula of a cell, or null. */
function formulaOf(cell: Cell | undefined): string | null {
  return cell !== null && cell !== undefined && typeof cell === "object" ? cell.formula : null;
}

/**
 * The value of every formula cell of `plan`, keyed by `cellKey`: a number, text, logical value
 * or Excel error (an empty result is 0, as Excel shows it).
 *
 * @example computeFormulaValues(planPortableWorkbook()).get("CRS model!B15") // 43 (RegisteredAtDeadline)
 */
export function computeFormulaValues(plan: WorkbookPlan, options: FormulaValueOptions = {}): Map<string, ScalarValue> {
  const sheets = new Map<string, SheetCells>();
  for (const sheet of plan.sheets) {
    const cells = new Map<number, Cell>();
    for (const range of sheet.ranges) {
      for (const cell of rangeCells(range).cells) cells.set(positionOf(cell.row, cell.column), cell.value);
    }
    sheets.set(sheet.name.toUpperCase(), { name: sheet.name, cells });
  }
  const names = new Map<string, CellRange>(
    plan.names.map((name) => {
      const { start, end } = parseRange(name.address);
      return [name.name.toUpperCase(), { sheet: name.sheet, top: start.row, left: start.column, bottom: end.row, right: end.column }];
    }),
  );
  const sheetOf = (name: string): SheetCells => {
    const sheet = sheets.get(name.toUpperCase());
    if (sheet === undefined) throw new UnsupportedFormulaError(`A formula refers to the sheet '${name}', which the plan does not write.`);
    return sheet;
  };

  const computed = new Map<string, ScalarValue>();
  const valueAt = (sheet: SheetCells, row: number, column: number): ScalarValue => {
    const cell = sheet.cells.get(positionOf(row, column));
    if (formulaOf(cell) === null) return (cell ?? null) as CellValue;
    const value = computed.get(cellKey(sheet.name, cellAddress(row, column)));
    if (value === undefined) throw new Error(`${cellKey(sheet.name, cellAddress(row, column))} was read before it was computed.`);
    return value;
  };
  const custom = [...(options.functions ?? [])].map(([name, fn]) => [name, options.emptyCells === "zero" ? withEmptyCellsAsZero(fn) : fn] as const);
  const functions = new Map([...EXCEL_FUNCTIONS, ...custom]);
  // A range is read once: every formula in it is computed before the first formula that reads
  // it, so its values never change after, and a lookup repeated down 10,000 rows stays linear.
  const ranges = new Map<string, ArrayValue>();
  const contextOf = (sheet: string): EvaluationContext => ({
    sheet,
    values(range: CellRange): ArrayValue {
      const cells = sheetOf(range.sheet);
      const key = `${cells.name}!${range.top}:${range.left}:${range.bottom}:${range.right}`;
      let values = ranges.get(key);
      if (values === undefined) {
        values = Array.from({ length: range.bottom - range.top + 1 }, (_, r) =>
          Array.from({ length: range.right - range.left + 1 }, (_, c) => valueAt(cells, range.top + r, range.left + c)),
        );
        ranges.set(key, values);
      }
      return values;
    },
    name: (name) => names.get(name.toUpperCase()),
    functions,
    arrayFunctions: ARRAY_FUNCTIONS,
  });

  for (const { sheet, row, column } of dependencyOrder([...sheets.values()], names, sheetOf)) {
    const formula = formulaOf(sheet.cells.get(positionOf(row, column)))!;
    const address = cellAddress(row, column);
    try {
      computed.set(cellKey(sheet.name, address), evaluateFormula(formula, contextOf(sheet.name)));
    } catch (error) {
      if (error instanceof UnsupportedFormulaError) {
        throw new UnsupportedFormulaError(`${sheetReference(sheet.name)}!${address} ${formula}: ${error.message}`);
      }
      throw error;
    }
  }
  return computed;
}

/** A formula cell to compute. */
interface FormulaCell {
  readonly sheet: SheetCells;
  readonly row: number;
  readonly column: number;
}

/**
 * The formula cells of all sheets, each after every formula cell it refers to (directly, or
 * through a name or a range), by a depth-first walk that keeps its own stack, so that a long
 * chain of rows cannot overflow the call stack. A cycle is a `FormulaCycleError`.
 */
function dependencyOrder(
  sheets: readonly SheetCells[],
  names: ReadonlyMap<string, CellRange>,
  sheetOf: (name: string) => SheetCells,
): FormulaCell[] {
  // Graph nodes are formula cells ("C" keys) and the ranges formulas refer to ("R" keys), so
  // that a range used by many formulas is walked once.
  const formulaCells = new Map<string, FormulaCell>();
  for (const sheet of sheets) {
    for (const [position, cell] of sheet.cells) {
      if (formulaOf(cell) === null) continue;
      const row = Math.floor(position / 16_384);
      formulaCells.set(`C${sheet.name}!${positionOf(row, position % 16_384)}`, { sheet, row, column: position % 16_384 });
    }
  }
  const ranges = new Map<string, CellRange>();
  const rangeKey = (range: CellRange): string => {
    const sheet = sheetOf(range.sheet);
    const key = `R${sheet.name}!${range.top}:${range.left}:${range.bottom}:${range.right}`;
    ranges.set(key, { ...range, sheet: sheet.name });
    return key;
  };
  const dependencies = (key: string): string[] => {
    const range = ranges.get(key);
    if (range !== undefined) {
      const sheet = sheetOf(range.sheet);
      const inside: string[] = [];
      for (let row = range.top; row <= range.bottom; row++) {
        for (let column = range.left; column <= range.right; column++) {
          const cellKeyOf = `C${sheet.name}!${positionOf(row, column)}`;
          if (formulaCells.has(cellKeyOf)) inside.push(cellKeyOf);
        }
      }
      return inside;
    }
    const { sheet, row, column } = formulaCells.get(key)!;
    const referred: string[] = [];
    const visit = (node: FormulaNode | null): void => {
      if (node === null) return;
      if (node.kind === "cells") referred.push(rangeKey(rangeOf(node, sheet.name)));
      else if (node.kind === "name") {
        const named = names.get(node.name.toUpperCase());
        if (named !== undefined) referred.push(rangeKey(named));
      } else if (node.kind === "unary") visit(node.operand);
      else if (node.kind === "binary") [node.left, node.right].forEach(visit);
      else if (node.kind === "call") node.args.forEach(visit);
    };
    visit(parseFormula(formulaOf(sheet.cells.get(positionOf(row, column)))!));
    return referred;
  };

  const order: FormulaCell[] = [];
  const done = new Set<string>();
  const onStack = new Set<string>();
  for (const start of formulaCells.keys()) {
    if (done.has(start)) continue;
    const stack: { key: string; next: string[] }[] = [{ key: start, next: dependencies(start) }];
    onStack.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = top.next.pop();
      if (next === undefined) {
        stack.pop();
        onStack.delete(top.key);
        done.add(top.key);
        const cell = formulaCells.get(top.key);
        if (cell !== undefined) order.push(cell);
        continue;
      }
      if (done.has(next)) continue;
      if (onStack.has(next)) {
        const cycle = stack.slice(stack.findIndex((frame) => frame.key === next)).map((frame) => frame.key);
        throw new FormulaCycleError(
          cycle.flatMap((key) => {
            const cell = formulaCells.get(key);
            return cell === undefined ? [] : [`${sheetReference(cell.sheet.name)}!${cellAddress(cell.row, cell.column)}`];
          }),
        );
      }
      onStack.add(next);
      stack.push({ key: next, next: dependencies(next) });
    }
  }
  return order;
}
