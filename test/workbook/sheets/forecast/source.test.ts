import { describe, expect, it } from "vitest";
import { readSeries } from "../../../../src/data/series";
import { describeSource, seriesRanges, sourceCells, spareRowsAddress, structuredReference } from "../../../../src/workbook/sheets/forecast/source";

/** Counts at C5:E10 of a sheet with spaces in its name: a header, a blank column between, a blank row. */
const series = readSeries({
  values: [["Month", "", "Sites"], [1, "", 3], [2, "", 8], ["", "", ""], [3, "", 15], [4, "", 30]],
  origin: { kind: "range", sheet: "Site counts", row: 5, column: 3 },
});

describe("forecast sources", () => {
  it("links each point to its own cells, skipping the blank row and column", () => {
    const cells = sourceCells(series, { kind: "range", sheet: "Site counts", address: "C5:E10", spareRows: 0 });
    expect(cells).toEqual([
      { time: "'Site counts'!C6", count: "'Site counts'!E6" },
      { time: "'Site counts'!C7", count: "'Site counts'!E7" },
      { time: "'Site counts'!C9", count: "'Site counts'!E9" },
      { time: "'Site counts'!C10", count: "'Site counts'!E10" },
    ]);
  });

  it("gives the fits the range from the first count down over the spare rows", () => {
    const source = { kind: "range", sheet: "Site counts", address: "C5:E10", spareRows: 12 } as const;
    expect(seriesRanges(series, source)).toEqual({ times: "'Site counts'!$C$6:$C$22", counts: "'Site counts'!$E$6:$E$22" });
    expect(spareRowsAddress(source)).toBe("'Site counts'!C11:E22");
    expect(spareRowsAddress({ ...source, spareRows: 0 })).toBeNull();
    expect(describeSource(source)).toBe("'Site counts'!C5:E10");
  });

  it("refers to a table's columns by name, escaping what Excel reserves in brackets", () => {
    const source = { kind: "table", sheet: "Site counts", table: "Sites", address: "C5:E10", columns: ["Month", "", "Sites"] } as const;
    expect(seriesRanges(series, source)).toEqual({ times: "Sites[Month]", counts: "Sites[Sites]" });
    expect(structuredReference("T", "Count # [new] 'a'")).toBe("T[Count '# '[new'] ''a'']");
    expect(describeSource(source)).toBe("table Sites ('Site counts'!C5:E10)");
    expect(describeSource({ kind: "file", name: "sites.csv" })).toBe("sites.csv");
  });
});
