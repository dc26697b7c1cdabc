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

  it("writes a request back as the field shows it", () => {
    for (const text of ["Sheet1!A1:B40", "'GP counts'!A1:B40", "'Dr''s counts'!A:B", "B2:C9", "tbl_gps", ""]) {
      const request = parseSourceRequest(text);
      if ("problem" in request) throw new Error(request.problem);
      expect(requestText(request)).toBe(text);
    }
  });
});
