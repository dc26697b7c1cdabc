import { describe, expect, it } from "vitest";
import { MODEL_NAME_KEYS, type Names } from "../../../../src/workbook/sheets/pctModel/modelNames";
import { SheetBuilder, formula, wrappedLines } from "../../../../src/workbook/sheets/pctModel/sheetBuilder";

const NAMES = Object.fromEntries(MODEL_NAME_KEYS.map((key) => [key, key])) as Names;
const WIDTHS = [30, 12];

describe("wrappedLines", () => {
  it("counts the lines a text takes in a column, words whole", () => {
    expect(wrappedLines("Date", 12)).toBe(1);
    expect(wrappedLines("Months since the first count", 12)).toBe(3);
    expect(wrappedLines("GPs registered", 12)).toBe(1);
    expect(wrappedLines("GPs registered at the deadline", 12, true)).toBeGreaterThan(wrappedLines("GPs registered at the deadline", 12));
    expect(wrappedLines("", 12)).toBe(1);
    expect(wrappedLines("Incomprehensibilities", 5)).toBeGreaterThanOrEqual(4);
  });
});

describe("SheetBuilder", () => {
  it("stacks blocks from the top, writes cells and names, and keeps the tallest height a row needs", () => {
    const builder = new SheetBuilder("Model", NAMES, WIDTHS);
    expect(builder.take(2)).toBe(1);
    builder.gap();
    expect(builder.row).toBe(4);
    builder.write(4, 2, [[1, formula("B4*2")]], { format: "0", style: { bold: true } });
    builder.name("PCTGPs", "B4", "GPs in the PCT (GPs)");
    builder.tallRow(4, 2);
    builder.tallRow(4, 3);
    builder.tallRow(5, 1);
    expect(builder.ranges).toEqual([{ address: "B4", cells: [[1, { formula: "=B4*2" }]], numberFormat: "0", style: { bold: true } }]);
    expect(builder.definedNames).toEqual([{ name: "PCTGPs", sheet: "Model", address: "B4", comment: "GPs in the PCT (GPs)" }]);
    expect(builder.addressOf("PCTGPs")).toBe("B4");
    expect(builder.rowHeights()).toEqual([{ row: 4, points: 45 }]);
  });

  it("refuses to name a cell twice, or to tell where an unplaced name is", () => {
    const builder = new SheetBuilder("Model", NAMES, WIDTHS);
    builder.name("PCTGPs", "B4", "");
    expect(() => builder.name("PCTGPs", "B5", "")).toThrow(/names PCTGPs twice/);
    expect(() => builder.addressOf("Model")).toThrow(/has not placed Model/);
  });

  it("makes a row of wrapped texts as tall as the tallest needs in its own column's width", () => {
    const builder = new SheetBuilder("Model", NAMES, WIDTHS);
    const heading = "Months since the first count";
    builder.writeWrapped(3, 1, ["History", heading], { bold: true });
    expect(builder.ranges[0]).toMatchObject({ address: "A3", cells: [["History", heading]], style: { bold: true, wrap: true } });
    expect(builder.rowHeights()).toEqual([{ row: 3, points: 15 * wrappedLines(heading, 12, true) }]);
    expect(builder.widthOf(1)).toBe(30);
    expect(() => builder.widthOf(3)).toThrow(/beyond the 2 columns of 'Model'/);
  });
});
