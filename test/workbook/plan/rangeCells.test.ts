import { describe, expect, it } from "vitest";
import { cellInput, needsTextPrefix, rangeCells } from "../../../src/workbook/plan/rangeCells";
import type { RangeWrite } from "../../../src/workbook/plan/plan";
import { PlanError } from "../../../src/workbook/plan/planError";
import { readInput } from "../../taskpane/fakeExcel";

describe("cell inputs", () => {
  it("writes formulas with their equals sign and literals as they are", () => {
    expect(cellInput({ formula: "=CRS.GROWTH(1,2)" })).toBe("=CRS.GROWTH(1,2)");
    expect(cellInput({ formula: "SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(cellInput(75_216)).toBe(75_216);
    expect(cellInput(false)).toBe(false);
    expect(cellInput(null)).toBe("");
    expect(cellInput("Smartcards issued")).toBe("Smartcards issued");
  });

  it.each(["=1+1", "+44", "-5", "@risk", "'quoted", "#N/A", "75,216", "30%", "£6,000", "Aug 2005", "1/8/2005", "TRUE", "false"])(
    "protects the text %s, which Excel would otherwise convert",
    (text) => {
      expect(needsTextPrefix(text)).toBe(true);
      expect(readInput(cellInput(text))).toMatchObject({ kind: "text", value: text, converted: false });
    },
  );

  it("leaves plain words alone", () => {
    for (const text of ["Available", "Not yet held", "Choose and Book", "stated", "derived", ""]) {
      expect(needsTextPrefix(text)).toBe(false);
    }
  });
});

describe("walking a block", () => {
  const write: RangeWrite = {
    address: "B2",
    cells: [
      [1, { formula: " C5*2" }],
      ["30%", null],
    ],
    numberFormat: [
      ["0", null],
      [null, "@"],
    ],
    style: { bold: true },
  };

  it("gives the whole block as one array of inputs and one of number formats", () => {
    const block = rangeCells(write);
    expect(block.address).toBe("B2:C3");
    expect([block.rows, block.columns]).toEqual([2, 2]);
    expect(block.inputs).toEqual([
      [1, "=C5*2"],
      ["'30%", ""],
    ]);
    expect(block.numberFormats).toEqual([
      ["0", "General"],
      ["General", "@"],
    ]);
  });

  it("gives each cell, row by row, with its address, formula, input, number format and style", () => {
    const cells = rangeCells(write).cells;
    expect(cells.map((cell) => [cell.address, cell.row, cell.column])).toEqual([
      ["B2", 2, 2],
      ["C2", 2, 3],
      ["B3", 3, 2],
      ["C3", 3, 3],
    ]);
    expect(cells.map((cell) => cell.formula)).toEqual([null, "=C5*2", null, null]);
    expect(cells.map((cell) => cell.value)).toEqual([1, { formula: " C5*2" }, "30%", null]);
    expect(cells.map((cell) => cell.numberFormat)).toEqual(["0", null, null, "@"]);
    expect(cells.every((cell) => cell.style === write.style)).toBe(true);
  });

  it("spreads one number format over the block, and sets none when the block plans none", () => {
    expect(rangeCells({ address: "A1:B1", cells: [[1, 2]], numberFormat: "0%" }).numberFormats).toEqual([["0%", "0%"]]);
    const bare = rangeCells({ address: "A1", cells: [[1, 2]] });
    expect(bare.numberFormats).toBeNull();
    expect(bare.cells.map((cell) => cell.numberFormat)).toEqual([null, null]);
  });

  it("refuses a block it cannot write", () => {
    expect(() => rangeCells({ address: "A1", cells: [[1, 2], [3]] })).toThrow(PlanError);
    expect(() => rangeCells({ address: "A1", cells: [[1, 2]], numberFormat: [["0"]] })).toThrow(PlanError);
    expect(() => rangeCells({ address: "A1", cells: [[1, Number.NaN]] })).toThrow("Cell B1 cannot hold NaN.");
    expect(() => rangeCells({ address: "XFD1", cells: [[1, 2]] })).toThrow(/runs off the sheet/);
  });
});
