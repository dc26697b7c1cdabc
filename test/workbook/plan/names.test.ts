import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NameAllocator,
  NO_TAKEN_NAMES,
  isValidObjectName,
  isValidSheetName,
  looksLikeCellReference,
  takenAfter,
  uniqueObjectName,
  uniqueSheetName,
  validObjectName,
  validSheetName,
} from "../../../src/workbook/plan/names";
import type { WorkbookPlan } from "../../../src/workbook/plan/plan";

/** Texts made of the characters that sit at the edges of sheet names: apostrophes, spaces, a letter. */
const edgy = fc.string({ unit: fc.constantFrom("'", " ", "a", "/"), maxLength: 12 });

describe("sheet names", () => {
  it("keeps a valid, free name as it is", () => {
    expect(uniqueSheetName("CRS model", ["Sheet1"]).name).toBe("CRS model");
  });

  it("numbers a taken name, comparing without case", () => {
    expect(uniqueSheetName("CRS model", ["crs MODEL"]).name).toBe("CRS model (2)");
    expect(uniqueSheetName("CRS model", ["CRS model", "CRS Model (2)"]).name).toBe("CRS model (3)");
  });

  it("replaces the characters Excel refuses and strips apostrophes at either end", () => {
    expect(validSheetName("Jun/Aug [2005]: GPs?*\\")).toBe("Jun-Aug -2005-- GPs---");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("   ")).toBe("Sheet");
    // Trimming the spaces must not leave an apostrophe at an end.
    expect(validSheetName("a' '")).toBe("a");
    expect(validSheetName(" ' a")).toBe("a");
  });

  it("states Excel's rules, which the writer checks every plan against", () => {
    for (const name of ["CRS model", "GPs (2)", "a'b", "x".repeat(31)]) expect(isValidSheetName(name), name).toBe(true);
    for (const name of ["", "x".repeat(32), "a/b", "a:b", "a[1]", "'a", "a'", "HISTORY"]) expect(isValidSheetName(name), name).toBe(false);
    for (const name of ["GPsAugust", "_1", "tbl_gps", "\\x", "Rate.2"]) expect(isValidObjectName(name), name).toBe(true);
    for (const name of ["", "1a", "a b", "GP2005", "R1C1", "TRUE", "x".repeat(256)]) expect(isValidObjectName(name), name).toBe(false);
  });

  it("cuts a long name to 31 characters at a word, and fits the suffix within 31", () => {
    expect(validSheetName("NHS staff registered for NHS CRS")).toBe("NHS staff registered for NHS");
    const long = "A".repeat(40);
    expect(uniqueSheetName(long, ["A".repeat(31)]).name).toBe(`${"A".repeat(27)} (2)`);
  });

  it("never takes History, which Excel keeps for itself", () => {
    expect(uniqueSheetName("history", []).name).toBe("history (2)");
  });

  it("always gives a valid name that is free", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 5 }), (wanted, taken) => {
        const { name } = uniqueSheetName(wanted, taken);
        expect(isValidSheetName(name), name).toBe(true);
        expect(taken.map((t) => t.toUpperCase())).not.toContain(name.toUpperCase());
      }),
    );
    fc.assert(
      fc.property(edgy, fc.array(edgy, { maxLength: 3 }), (wanted, taken) => {
        expect(isValidSheetName(uniqueSheetName(wanted, taken).name), JSON.stringify(wanted)).toBe(true);
      }),
    );
  });
});

describe("table and defined names", () => {
  it("refuses names that read as cell references", () => {
    for (const reference of ["GP1", "CRS2005", "xfd1048576", "A1", "R1C1", "RC", "R2", "C3", "R", "c", "rc12", "TRUE"]) {
      expect(looksLikeCellReference(reference), reference).toBe(true);
      expect(validObjectName(reference)).toBe(`_${reference}`);
    }
    for (const name of ["GPsAugust", "tbl_gp_registrations", "Rate", "ABCD1", "R1C1x"]) {
      expect(looksLikeCellReference(name), name).toBe(false);
    }
  });

  it("mends characters and the first character", () => {
    expect(validObjectName("2005 figures")).toBe("_2005_figures");
    expect(validObjectName("growth-rate %")).toBe("growth_rate__");
    expect(validObjectName("£")).toBe("_");
    expect(validObjectName("x".repeat(300))).toHaveLength(255);
  });

  it("suffixes _2, _3 against tables and defined names alike, without case", () => {
    expect(uniqueObjectName("Threshold", ["threshold"]).name).toBe("Threshold_2");
    expect(uniqueObjectName("Threshold", ["THRESHOLD", "Threshold_2"]).name).toBe("Threshold_3");
    expect(uniqueObjectName("y".repeat(255), ["y".repeat(255)]).name).toBe(`${"y".repeat(253)}_2`);
  });

  it("always gives a valid name that is free", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), (wanted, taken) => {
        const { name } = uniqueObjectName(wanted, taken);
        expect(isValidObjectName(name), name).toBe(true);
        expect(taken.map((t) => t.toUpperCase())).not.toContain(name.toUpperCase());
      }),
    );
  });
});

describe("NameAllocator", () => {
  it("shares one namespace between tables and defined names, and says what it renamed", () => {
    const allocate = new NameAllocator({ sheets: ["Data"], tables: ["Rates"], names: ["Growth"] });
    expect(allocate.definedName("rates")).toBe("rates_2");
    expect(allocate.table("GROWTH")).toBe("GROWTH_2");
    expect(allocate.definedName("rates")).toBe("rates_3");
    expect(allocate.sheet("data")).toBe("data (2)");
    expect(allocate.table("GP1")).toBe("_GP1");
    expect(allocate.renamings()).toEqual([
      "The name 'rates' is already used, so 'rates_2' was used instead.",
      "The table name 'GROWTH' is already used, so 'GROWTH_2' was used instead.",
      "The name 'rates' is already used, so 'rates_3' was used instead.",
      "The sheet name 'data' is already used, so 'data (2)' was used instead.",
      "The table name 'GP1' is not a valid Excel name, so '_GP1' was used instead.",
    ]);
  });

  it("counts the names a plan adds as taken", () => {
    const plan: WorkbookPlan = {
      sheets: [{ name: "S", ranges: [], tables: [{ name: "T", address: "A1:B2", style: "x" }], columnWidths: [], charts: [], freezeRows: 0 }],
      names: [{ name: "N", sheet: "S", address: "A1", comment: "" }],
      activate: "S",
      messages: [],
    };
    expect(takenAfter(NO_TAKEN_NAMES, plan)).toEqual({ sheets: ["S"], tables: ["T"], names: ["N"] });
  });
});
