/**
 * The model's scalar rows, FAST-style: a label in column A, the value in B (styled as what it is:
 * an article figure, an assumption, a calculation or an output), its unit in C and a note in D,
 * labels and notes wrapped in their columns with their rows made tall enough.
 */
import { cellAddress } from "../../../excel/a1";
import type { Cell, CellStyle } from "../../plan";
import { LABEL_COLUMN, NOTE_COLUMN, UNIT_COLUMN, VALUE_COLUMN } from "./grid";
import type { NameKey } from "./modelNames";
import { type SheetBuilder, wrappedLines } from "../sheetBuilder";
import {
  INPUT_STYLE,
  ASSUMPTION_STYLE,
  BLOCK_TITLE_STYLE,
  CALCULATION_STYLE,
  FIXED_VALUE_STYLE,
  NOTE_STYLE,
  OUTPUT_STYLE,
  SUBHEADING_STYLE,
  UNIT_STYLE,
} from "../palette";

/**
 * What a row's value is: an input (the article's or an assumption), a calculation, a value fixed
 * when the file was written, an output, or an output fixed when the file was written.
 */
export type ItemKind = "article" | "assumption" | "calculation" | "fixed" | "output" | "fixedOutput";

const STYLE_OF: Readonly<Record<ItemKind, CellStyle>> = {
  article: INPUT_STYLE,
  assumption: ASSUMPTION_STYLE,
  calculation: CALCULATION_STYLE,
  fixed: FIXED_VALUE_STYLE,
  output: OUTPUT_STYLE,
  // Bold and boxed as an output, grey italic as a value written with the file.
  fixedOutput: { ...OUTPUT_STYLE, italic: FIXED_VALUE_STYLE.italic, fontColor: FIXED_VALUE_STYLE.fontColor },
};

/** One scalar row. */
export interface LineItem {
  /** The defined name of its value cell, if it has one. */
  readonly name?: NameKey;
  readonly label: string;
  /** The unit of the value; "" for a text, which then runs on over the empty unit column. */
  readonly unit: string;
  readonly kind: ItemKind;
  readonly format?: string;
  readonly value: Cell;
  /** A note in column D: a quote or a source, wrapped in the column's width. */
  readonly note?: string;
}

/** A block's title row: its title over the label column, then the headings of the other columns. */
export function writeBlockTitle(builder: SheetBuilder<NameKey>, title: string, headings: readonly string[] = ["Value", "Unit", "Note"]): number {
  const row = builder.take();
  builder.write(row, LABEL_COLUMN, [[title, ...headings]], { style: BLOCK_TITLE_STYLE });
  return row;
}

/** Notes in the label column, one a row, in the quiet style of notes. */
export function writeNotes(builder: SheetBuilder<NameKey>, notes: readonly string[]): void {
  builder.write(builder.take(notes.length), LABEL_COLUMN, notes.map((note) => [note]), { style: NOTE_STYLE });
}

/** A sub-heading inside a block, in the label column. */
export function writeSubheading(builder: SheetBuilder<NameKey>, text: string): void {
  builder.write(builder.take(), LABEL_COLUMN, [[text]], { style: SUBHEADING_STYLE });
}

/** Writes the rows one under the other and names their value cells. */
export function writeLineItems(builder: SheetBuilder<NameKey>, items: readonly LineItem[]): void {
  const first = builder.take(items.length);
  // At the top of a row made tall by a wrapped label or note, every cell of it reads from its first line.
  const top = (style: CellStyle): CellStyle => ({ ...style, vertical: "top" });
  builder.write(first, LABEL_COLUMN, items.map((item) => [item.label]), { style: top({ wrap: true }) });
  items.forEach((item, index) => builder.tallRow(first + index, wrappedLines(item.label, builder.widthOf(LABEL_COLUMN))));
  builder.write(first, UNIT_COLUMN, items.map((item) => [item.unit === "" ? null : item.unit]), { style: top(UNIT_STYLE) });
  items.forEach((item, index) => {
    const row = first + index;
    builder.write(row, VALUE_COLUMN, [[item.value]], { format: item.format, style: top(STYLE_OF[item.kind]) });
    if (item.note !== undefined) {
      builder.write(row, NOTE_COLUMN, [[item.note]], { style: top({ ...NOTE_STYLE, wrap: true }) });
      builder.tallRow(row, wrappedLines(item.note, builder.widthOf(NOTE_COLUMN)));
    }
    if (item.name !== undefined) builder.name(item.name, cellAddress(row, VALUE_COLUMN), item.unit === "" ? item.label : `${item.label} (${item.unit})`);
  });
}
