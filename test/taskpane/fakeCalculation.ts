/**
 * How the fake Excel calculates: a formula cell reads back as its value, computed by the
 * add-in's own formula evaluator (Excel's functions) and the BUILT `CRS.` functions, called as
 * Excel calls them. A formula that gives a table spills it over the cells below and to the
 * right, as Excel 365 does (#SPILL! where a cell in the way is not empty). Empty cells reach
 * the `CRS.` functions as null, as Excel on the web passes them, or as 0, as desktop Excel may.
 *
 * A formula the evaluator's reader (the same tokenizer) cannot read at all is one Excel refuses
 * too: `formulaRefusal` says why, and the fake refuses the write.
 */
import type { CellRange, EvaluationContext, FormulaFunction } from "../../src/workbook/formula/evaluate";
import { evaluateSpilling } from "../../src/workbook/formula/evaluate";
import { parseFormula } from "../../src/workbook/formula/syntax";
import type { ArrayValue, FormulaValue, ScalarValue } from "../../src/workbook/formula/values";
import { UnsupportedFormulaError, isArrayValue, isExcelError } from "../../src/workbook/formula/values";
import { ARRAY_FUNCTIONS, EXCEL_FUNCTIONS } from "../../src/workbook/formula/worksheetFunctions";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";

/** How empty cells reach the `CRS.` functions: as null (Excel on the web) or as 0 (desktop Excel). */
export type EmptyCells = "null" | "zero";

/** A value as `Range.values` gives it: an error as its code, an empty cell as "". */
export type ShownValue = string | number | boolean;

/** The cells the calculation reads: each cell's literal value or formula, by sheet and address. */
export interface CalculatedWorkbook {
  /** A cell's formula ("=…") or literal value (null if empty), on a sheet named in any case. */
  input(sheet: string, row: number, column: number): { readonly formula: string } | ScalarValue;
  /** The formula cells of a sheet, as [row, column] from 1, in reading order. */
  formulaCells(sheet: string): readonly (readonly [number, number])[];
  /** The cells a workbook-scoped defined name refers to, or undefined if there is none. */
  name(name: string): CellRange | undefined;
}

/**
 * Why Excel would refuse a formula, or null if it takes it: the evaluator's reader cannot read it
 * (unbalanced brackets, a stray operator). What the reader reads but the evaluator does not
 * compute (a whole column, LET) Excel takes.
 */
export function formulaRefusal(formula: string): string | null {
  try {
    parseFormula(formula);
    return null;
  } catch (error) {
    if (error instanceof UnsupportedFormulaError && error.message.startsWith("Cannot read the formula")) return error.message;
    return null;
  }
}

/** What Excel shows where a table cannot spill: an error the evaluator itself never gives. */
const SPILL_BLOCKED = { error: "#SPILL!" } as const;

/** A value as `Range.values` shows it. */
function shown(value: ScalarValue | typeof SPILL_BLOCKED | undefined): ShownValue {
  if (value === null || value === undefined) return "";
  if (value === SPILL_BLOCKED) return SPILL_BLOCKED.error;
  return isExcelError(value) ? value.error : (value as ShownValue);
}

/**
 * The values of a workbook's cells as Excel shows them once calculated: `value(sheet, row,
 * column)` is a literal, a formula's result, a cell a table spills into, or "" for an empty cell.
 * Computed on first read and kept: make a new one after the cells change.
 */
export class Calculation {
  /** Per sheet (in capitals): each formula's or spilled cell's value, by "row:column". */
  private readonly sheets = new Map<string, Map<string, ScalarValue>>();
  /** The formulas being computed ("SHEET!row:column"), so that a formula reading itself is not computed again. */
  private readonly computing = new Set<string>();
  /**
   * For each formula being computed, innermost last, the formulas still being computed that it
   * read (as empty): an empty cell read makes every formula of its sheet compute, in case one
   * spills into it, and one of those may read a formula whose computing led there. Its value is
   * then not kept, and it is computed again, in order, when it is next read.
   */
  private readonly unfinishedReads: Set<string>[] = [];
  /**
   * Per sheet (in capitals): its formula cells, listed on the first read of an empty cell there.
   * The cells do not change while a calculation lives, and listing them for every empty cell
   * read made reading the rows below 10,000 counts take seconds.
   */
  private readonly formulaCells = new Map<string, readonly (readonly [number, number])[]>();
  private table: ReadonlyMap<string, FormulaFunction> | undefined;

  constructor(
    private readonly workbook: CalculatedWorkbook,
    private readonly emptyCells: EmptyCells = "null",
  ) {}

  /** Excel's functions and the built CRS. ones, loaded when a formula first needs them. */
  private get functions(): ReadonlyMap<string, FormulaFunction> {
    if (this.table === undefined) {
      const crs = [...builtCrsFunctions()].map(([name, fn]) => [name, this.emptyCells === "zero" ? withEmptyAsZero(fn) : fn] as const);
      this.table = new Map([...EXCEL_FUNCTIONS, ...crs]);
    }
    return this.table;
  }

  /** A cell's value as `Range.values` gives it. */
  value(sheet: string, row: number, column: number): ShownValue {
    return shown(this.scalar(sheet, row, column));
  }

  /** A cell's type as `Range.valueTypes` gives it: "Double", "String", "Boolean", "Error" or "Empty". */
  valueType(sheet: string, row: number, column: number): string {
    const value = this.scalar(sheet, row, column);
    if (value === null) return "Empty";
    if (typeof value === "object") return "Error";
    return typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
  }

  /**
   * A cell's value: a literal as it is; a formula computed when first read (each formula after
   * those it reads, as Excel orders them); an empty cell, what a table spills into it, once every
   * formula of its sheet has been computed.
   */
  private scalar(sheet: string, row: number, column: number): ScalarValue {
    const input = this.workbook.input(sheet, row, column);
    const values = this.valuesOf(sheet);
    const key = `${row}:${column}`;
    if (input !== null && typeof input === "object" && "formula" in input) {
      this.compute(sheet, row, column, input.formula);
      return values.get(key) ?? null;
    }
    if (input !== null) return input;
    // What the formulas computed here read unfinished is theirs: the formula reading this cell does not read them.
    this.unfinishedReads.push(new Set());
    try {
      for (const [r, c] of this.formulaCellsOf(sheet)) this.compute(sheet, r, c, (this.workbook.input(sheet, r, c) as { formula: string }).formula);
    } finally {
      this.unfinishedReads.pop();
    }
    return values.get(key) ?? null;
  }

  private formulaCellsOf(sheet: string): readonly (readonly [number, number])[] {
    const key = sheet.toUpperCase();
    let cells = this.formulaCells.get(key);
    if (cells === undefined) this.formulaCells.set(key, (cells = this.workbook.formulaCells(sheet)));
    return cells;
  }

  private valuesOf(sheet: string): Map<string, ScalarValue> {
    const key = sheet.toUpperCase();
    let values = this.sheets.get(key);
    if (values === undefined) this.sheets.set(key, (values = new Map()));
    return values;
  }

  /** Computes a formula once and lays out what it gives: its value, or its table spilled (#SPILL! where a cell is in the way). */
  private compute(sheet: string, row: number, column: number, formula: string): void {
    const values = this.valuesOf(sheet);
    const key = `${row}:${column}`;
    const id = `${sheet.toUpperCase()}!${key}`;
    if (values.has(key)) return;
    if (this.computing.has(id)) {
      this.unfinishedReads.at(-1)?.add(id);
      return;
    }
    this.computing.add(id);
    const unfinished = new Set<string>();
    this.unfinishedReads.push(unfinished);
    try {
      const result = this.evaluate(formula, sheet);
      unfinished.delete(id);
      if (unfinished.size > 0) return;
      if (!isArrayValue(result)) {
        values.set(key, result);
        return;
      }
      const blocked = result.some((cells, r) => cells.some((_, c) => (r > 0 || c > 0) && this.workbook.input(sheet, row + r, column + c) !== null));
      if (blocked) {
        values.set(key, SPILL_BLOCKED as unknown as ScalarValue);
        return;
      }
      result.forEach((cells, r) => cells.forEach((value, c) => values.set(`${row + r}:${column + c}`, value)));
    } finally {
      this.computing.delete(id);
      this.unfinishedReads.pop();
      // What this formula read unfinished, the formula that read it did too.
      for (const other of unfinished) if (other !== id) this.unfinishedReads.at(-1)?.add(other);
    }
  }

  /** A formula's result: one value, or the table it spills, as Excel 365 computes it. */
  private evaluate(formula: string, sheet: string): FormulaValue {
    const context: EvaluationContext = {
      sheet,
      values: (range: CellRange): ArrayValue =>
        Array.from({ length: range.bottom - range.top + 1 }, (_, r) => Array.from({ length: range.right - range.left + 1 }, (_, c) => this.scalar(range.sheet, range.top + r, range.left + c))),
      name: (name) => this.workbook.name(name),
      functions: this.functions,
      arrayFunctions: ARRAY_FUNCTIONS,
    };
    return evaluateSpilling(formula, context);
  }
}

/** A `CRS.` function that receives the empty cells of its ranges as 0, as desktop Excel may pass them. */
function withEmptyAsZero(fn: FormulaFunction): FormulaFunction {
  return (args, call) => fn(args.map((arg) => (isArrayValue(arg) ? arg.map((row) => row.map((cell) => cell ?? 0)) : arg)), call);
}
