import { describe, expect, it } from "vitest";
import { DATASETS, PROVENANCE_COLUMNS, provenanceValues, sheetValue } from "../../src/data";

describe("the provenance of a row as columns", () => {
  it("gives each provenance field under the column of its name, a missing note as null", () => {
    for (const { rows } of DATASETS) {
      for (const { provenance } of rows) {
        const values = provenanceValues(provenance);
        const fields: Record<string, unknown> = { ...provenance };
        PROVENANCE_COLUMNS.forEach((column, c) => expect(values[c], column.key).toEqual(fields[column.key] ?? null));
      }
    }
  });

  it("types the date a figure is as of as a date, the rest as text", () => {
    expect(PROVENANCE_COLUMNS.map((column) => column.kind)).toEqual(["date", "text", "text", "text", "text"]);
  });
});

describe("dataset values as a sheet holds them", () => {
  it("turns the dates of a date column into Excel serial numbers and leaves the rest alone", () => {
    expect(sheetValue("2005-08-01", "date")).toBe(38_565);
    expect(sheetValue("2005-08-01", "text")).toBe("2005-08-01");
    expect(sheetValue("Early 2006", "date")).toBe("Early 2006");
    expect(sheetValue(null, "date")).toBeNull();
    expect(sheetValue(18_981, "count")).toBe(18_981);
  });
});
