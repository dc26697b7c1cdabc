import { describe, expect, it } from "vitest";
import { columnLetters, placeOf, sheetReference } from "../../src/data/places";

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

describe("placeOf", () => {
  it("names a cell of a range by its address, with the sheet when known", () => {
    expect(placeOf({ kind: "range", row: 1, column: 1 }, 0, 0)).toBe("A1");
    expect(placeOf({ kind: "range", row: 3, column: 2 }, 4, 1)).toBe("C7");
    expect(placeOf({ kind: "range", sheet: "GP counts", row: 2, column: 26 }, 0, 1)).toBe("'GP counts'!AA2");
  });

  it("names a row of a file by the line it starts on", () => {
    expect(placeOf({ kind: "csv", lines: [1, 2, 4] }, 2, 1)).toBe("line 4");
  });
});
