import { describe, expect, it } from "vitest";
import { placeOf } from "../../src/data/places";

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
