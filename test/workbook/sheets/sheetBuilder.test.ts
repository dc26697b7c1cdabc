import { describe, expect, it } from "vitest";
import { SheetBuilder, formula, wrappedLines } from "../../../src/workbook/sheets/sheetBuilder";

/** The names a sheet may place, as the workbook gave them: one was taken, so it got the next free name. */
const NAMES = { PCTGPs: "PCTGPs_2", Model: "Model" } as const;
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
    expect(builder.definedNames).toEqual([{ name: "PCTGPs_2", sheet: "Model", address: "B4", comment: "GPs in the PCT (GPs)" }]);
    expect(builder.addressOf("PCTGPs")).toBe("B4");
    expect(builder.rowHeights()).toEqual([{ row: 4, points: 45 }]);
  });

  it("lays out a sheet without names, with a format a cell and a drop-down list", () => {
    const builder = new SheetBuilder("Forecast", {}, WIDTHS);
    const header = builder.take();
    builder.gap();
    const body = builder.take(2);
    expect([header, body, builder.row]).toEqual([1, 3, 5]);
    builder.write(body, 1, [[1, 2], [3, 4]], { format: [["0", null], ["0.0", "0%"]] });
    builder.list("B3", ["auto", "bass"], "The model.");
    expect(builder.ranges).toEqual([{ address: "A3", cells: [[1, 2], [3, 4]], numberFormat: [["0", null], ["0.0", "0%"]] }]);
    expect(builder.validations).toEqual([{ address: "B3", values: ["auto", "bass"], message: "The model." }]);
    expect(builder.definedNames).toEqual([]);
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
