/**
 * What every block of the model is written with: where it writes, the model's two sheets, the
 * names it refers to, the dialect of its formulas, the example it is prefilled with, and, in the
 * portable flavour, the fit computed when the file is written.
 */
import type { OutlookValue } from "../../../model/outlook";
import { type Expression, type FormulaDialect, numberOrNA } from "../dialect";
import type { Cell } from "../../plan";
import type { PctExample } from "./example";
import type { FittedValues } from "./fittedValues";
import type { NameKey, Names } from "./modelNames";
import { type SheetBuilder, formula } from "../sheetBuilder";

/** The model's two sheets, as the workbook named them. */
export interface ModelSheets {
  /** The decision, the chart, the inputs, the history, the calculations, the checks and the context. */
  readonly model: string;
  /** The monthly timeline the chart draws. */
  readonly timeline: string;
}

export interface ModelContext {
  /** Where the block writes: the builder of its sheet. */
  readonly builder: SheetBuilder<NameKey>;
  readonly sheets: ModelSheets;
  /** The defined names, as the workbook gave them. */
  readonly n: Names;
  readonly dialect: FormulaDialect;
  readonly example: PctExample;
  /** The portable flavour's fit, computed by the add-in's model when the file is written; null with live `CRS.` functions. */
  readonly fitted: FittedValues | null;
}

/**
 * A cell of what only the add-in computes: its live `CRS.` formula, or in the portable flavour
 * the value computed when the file was written (#N/A where the add-in would show an error).
 */
export function fitCell(context: ModelContext, live: Expression, pick: (fitted: FittedValues) => OutlookValue): Cell {
  return context.fitted === null ? formula(live) : numberOrNA(pick(context.fitted));
}
