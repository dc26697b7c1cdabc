import { describe, expect, it } from "vitest";
import { parseSourceRequest, requestText } from "../../src/taskpane/sourceRequest";

describe("the forecast's Data field", () => {
  it("reads nothing as the selection, addresses with or without their sheet, and table names", () => {
    expect(parseSourceRequest("  ")).toEqual({ kind: "selection" });
    expect(parseSourceRequest("Sheet1!A1:B40")).toEqual({ kind: "range", sheet: "Sheet1", address: "A1:B40" });
    expect(parseSourceRequest("'GP counts'!$a$1:$b$40")).toEqual({ kind: "range", sheet: "GP counts", address: "A1:B40" });
    expect(parseSourceRequest("'Dr''s counts'!A:B")).toEqual({ kind: "range", sheet: "Dr's counts", address: "A:B" });
    expect(parseSourceRequest("b2:c9")).toEqual({ kind: "range", sheet: null, address: "B2:C9" });
    expect(parseSourceRequest("2:40")).toEqual({ kind: "range", sheet: null, address: "2:40" });
    expect(parseSourceRequest("tbl_gps")).toEqual({ kind: "table", name: "tbl_gps" });
  });

  it("says what is wrong with what it cannot read", () => {
    expect(parseSourceRequest("Sheet1!B")).toEqual({ problem: '"B" is not a range address: write it as A1:B40.' });
    expect(parseSourceRequest("'GP counts!A1:B4")).toHaveProperty("problem", expect.stringMatching(/does not name a sheet/));
    expect(parseSourceRequest("!A1:B4")).toHaveProperty("problem", expect.stringMatching(/does not name a sheet/));
    expect(parseSourceRequest("my counts")).toHaveProperty("problem", expect.stringMatching(/^"my counts" is not a range address or a table name/));
  });

  it("refuses an address outside Excel's grid, saying which column or row does not exist", () => {
    const grid = "columns run from A to XFD and rows from 1 to 1,048,576.";
    expect(parseSourceRequest("ZZZ1:ZZZ9")).toEqual({ problem: `"ZZZ1:ZZZ9" is not a range on a sheet, as there is no column ZZZ: ${grid}` });
    expect(parseSourceRequest("Sheet1!$A$0")).toEqual({ problem: `"$A$0" is not a range on a sheet, as there is no row 0: ${grid}` });
    expect(parseSourceRequest("A1:B1048577")).toEqual({ problem: `"A1:B1048577" is not a range on a sheet, as there is no row 1048577: ${grid}` });
    expect(parseSourceRequest("xfe:xfe")).toHaveProperty("problem", expect.stringMatching(/no column XFE/));
    expect(parseSourceRequest("0:5")).toHaveProperty("problem", expect.stringMatching(/no row 0/));
    // The grid's corners are cells.
    expect(parseSourceRequest("A1:XFD1048576")).toEqual({ kind: "range", sheet: null, address: "A1:XFD1048576" });
    expect(parseSourceRequest("'GP counts'!xfd:xfd")).toEqual({ kind: "range", sheet: "GP counts", address: "XFD:XFD" });
    expect(parseSourceRequest("1048576:1048576")).toEqual({ kind: "range", sheet: null, address: "1048576:1048576" });
  });

  it("writes a request back as the field shows it", () => {
    for (const text of ["Sheet1!A1:B40", "'GP counts'!A1:B40", "'Dr''s counts'!A:B", "B2:C9", "tbl_gps", ""]) {
      const request = parseSourceRequest(text);
      if ("problem" in request) throw new Error(request.problem);
      expect(requestText(request)).toBe(text);
    }
  });
});
