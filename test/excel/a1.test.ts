import { describe, expect, it } from "vitest";
import { spanAddress, box, boxAddress, boxSize, columnLetters, corners, sheetReference } from "../../src/excel/a1";

describe("blocks of cells", () => {
  it("extends a top-left cell to the block's size", () => {
    expect(spanAddress("A4", 3, 2)).toBe("A4:B6");
    expect(spanAddress("Z1", 1, 3)).toBe("Z1:AB1");
    expect(spanAddress("C3", 1, 1)).toBe("C3");
  });

  it("accepts a whole range of the block's size, and refuses any other", () => {
    expect(spanAddress("A4:B6", 3, 2)).toBe("A4:B6");
    expect(spanAddress("$B$6:$A$4", 3, 2)).toBe("A4:B6");
    expect(() => spanAddress("A4:B5", 3, 2)).toThrow(/2×2 but has 3×2/);
    expect(() => spanAddress("A1", 0, 1)).toThrow(/no cells/);
  });

  it("refuses what does not fit on a sheet", () => {
    expect(() => spanAddress("XFD1", 1, 2)).toThrow(/runs off the sheet/);
    expect(() => spanAddress("A1048576", 2, 1)).toThrow(/runs off the sheet/);
    expect(() => box("A1048577")).toThrow(/outside the sheet/);
    expect(() => box("XFE1")).toThrow(/outside the sheet/);
    expect(() => box("not a cell")).toThrow();
  });

  it("measures and names rectangles", () => {
    const chart = box("P20:H2");
    expect(corners(chart)).toEqual(["H2", "P20"]);
    expect(boxAddress(chart)).toBe("H2:P20");
    expect(boxSize(chart)).toEqual({ rows: 19, columns: 9 });
  });
});

describe("columnLetters", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("names column %d %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });
});

describe("sheetReference", () => {
  it.each([
    ["Sheet1", "Sheet1"],
    ["Data_2005", "Data_2005"],
    ["GP counts", "'GP counts'"],
    ["2005", "'2005'"],
    ["A1", "'A1'"],
    ["ABC12", "'ABC12'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["Dr O'Neil", "'Dr O''Neil'"],
    ["Données", "'Données'"],
  ])("writes %j as %s", (sheet, reference) => {
    expect(sheetReference(sheet)).toBe(reference);
  });
});
