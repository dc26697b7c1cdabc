/**
 * Lays a sheet out from the top down: each section asks for its rows in turn and writes cells,
 * defined names, row heights and drop-down lists there, so that the sections stack without any
 * of them knowing where the others are. The result is the sheet's part of a plan. Every sheet
 * the add-in lays out row by row uses it: the PCT model's blocks and the forecast and portfolio
 * sheets' sections.
 */
import { cellAddress } from "../../excel/a1";
import type { Cell, CellStyle, ListValidationPlan, NamePlan, RangeWrite, RowHeightPlan } from "../plan";

/** Excel's default row height in points (Calibri 11). */
const LINE_POINTS = 15;

/** How a range of cells is written: its number format (one for all, or one a cell) and look. */
export interface CellOptions {
  readonly format?: RangeWrite["numberFormat"];
  readonly style?: CellStyle;
}

/** A formula cell from formula text without its "=". */
export function formula(text: string): Cell {
  return { formula: `=${text}` };
}

/**
 * How wide an average character of text is, in digits of the default font: Excel measures
 * column widths in digits, and letters and spaces are narrower on average (a little margin kept).
 */
const CHARACTER_WIDTH = 0.85;

/**
 * The lines a text takes wrapped in a column `characters` wide: words are kept whole; a
 * character is taken as `CHARACTER_WIDTH` of a digit, bold text a tenth wider.
 *
 * @example wrappedLines("Months since the first count", 12) // 3
 */
export function wrappedLines(text: string, characters: number, bold = false): number {
  const room = characters / CHARACTER_WIDTH / (bold ? 1.1 : 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const length = word.length;
    if (used > 0 && used + 1 + length > room) {
      lines += 1 + Math.floor(length / room);
      used = length % room;
    } else {
      used += (used > 0 ? 1 : 0) + length;
      if (used > room) {
        lines += Math.floor(used / room);
        used %= room;
      }
    }
  }
  return lines;
}

/**
 * Collects what the sections of a sheet write, row after row. `Key` is the defined names the
 * sheet may place (none for a sheet without names), each given the name the workbook gave it.
 */
export class SheetBuilder<Key extends string = never> {
  private nextRow = 1;
  readonly ranges: RangeWrite[] = [];
  readonly definedNames: NamePlan[] = [];
  readonly validations: ListValidationPlan[] = [];
  private readonly heights = new Map<number, number>();
  private readonly placed = new Map<Key, string>();

  /**
   * @param sheet the sheet's name, as the workbook gave it
   * @param names the defined names the sheet may place, as the workbook gave them
   * @param widths the sheet's column widths in characters, from column A
   */
  constructor(
    readonly sheet: string,
    readonly names: Readonly<Record<Key, string>>,
    readonly widths: readonly number[],
  ) {}

  /** The width in characters of a column (1 for A); the sheet has no other columns. */
  widthOf(column: number): number {
    const width = this.widths[column - 1];
    if (width === undefined) throw new Error(`Column ${column} is beyond the ${this.widths.length} columns of '${this.sheet}'.`);
    return width;
  }

  /** The row the next section starts on. */
  get row(): number {
    return this.nextRow;
  }

  /** Takes `count` rows for a section and returns the first. */
  take(count = 1): number {
    const first = this.nextRow;
    this.nextRow += count;
    return first;
  }

  /** Leaves `count` rows empty between sections. */
  gap(count = 1): void {
    this.nextRow += count;
  }

  /** Writes rows of cells with their top-left cell at (row, column). */
  write(row: number, column: number, cells: readonly (readonly Cell[])[], options: CellOptions = {}): void {
    this.ranges.push({
      address: cellAddress(row, column),
      cells,
      ...(options.format === undefined ? {} : { numberFormat: options.format }),
      ...(options.style === undefined ? {} : { style: options.style }),
    });
  }

  /** Writes a row of texts that wrap in their columns, and makes the row tall enough for them. */
  writeWrapped(row: number, column: number, texts: readonly (string | null)[], style: CellStyle): void {
    this.write(row, column, [texts], { style: { ...style, wrap: true } });
    const lines = Math.max(...texts.map((text, index) => (text === null ? 1 : wrappedLines(text, this.widthOf(column + index), style.bold === true))));
    this.tallRow(row, lines);
  }

  /** Makes a row `lines` lines of text high (never lower than another section asked for). */
  tallRow(row: number, lines: number): void {
    if (lines <= 1) return;
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, lines * LINE_POINTS));
  }

  /** Gives a cell or range its defined name, with a comment saying what it holds (Excel shows it in the Name Manager). */
  name(key: Key, address: string, comment: string): void {
    if (this.placed.has(key)) throw new Error(`'${this.sheet}' names ${key} twice (${this.placed.get(key)} and ${address}).`);
    this.placed.set(key, address);
    this.definedNames.push({ name: this.names[key], sheet: this.sheet, address, comment });
  }

  /** Where a name was placed. */
  addressOf(key: Key): string {
    const address = this.placed.get(key);
    if (address === undefined) throw new Error(`'${this.sheet}' has not placed ${key} yet.`);
    return address;
  }

  /** Offers a drop-down list of texts in a cell. */
  list(address: string, values: readonly string[], message: string): void {
    this.validations.push({ address, values, message });
  }

  /** The rows made taller than the default, top to bottom. */
  rowHeights(): RowHeightPlan[] {
    return [...this.heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points }));
  }
}
