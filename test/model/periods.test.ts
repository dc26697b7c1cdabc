import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import { periodsBetween, unitDays } from "../../src/model/periods";

const june30 = isoToExcelSerial("2005-06-30");
const august1 = isoToExcelSerial("2005-08-01");

describe("periodsBetween", () => {
  it("counts 1.0513 months from the end of June 2005 to the beginning of August (32 days)", () => {
    expect(periodsBetween(june30, august1)).toBe(32 / 30.4375);
    expect(periodsBetween(june30, august1)).toBeCloseTo(1.0513, 4);
  });

  it("counts in days, weeks, months, quarters and years", () => {
    expect(periodsBetween(june30, august1, "day")).toBe(32);
    expect(periodsBetween(june30, august1, "week")).toBe(32 / 7);
    expect(periodsBetween(june30, august1, "month")).toBe(32 / (365.25 / 12));
    expect(periodsBetween(june30, august1, "quarter")).toBe(32 / (365.25 / 4));
    expect(periodsBetween(june30, august1, "year")).toBe(32 / 365.25);
  });

  it("makes a year of 12 months, 4 quarters and 365.25 days", () => {
    const start = isoToExcelSerial("2005-01-01");
    const end = start + 365.25;
    expect(periodsBetween(start, end, "year")).toBe(1);
    expect(periodsBetween(start, end, "month")).toBe(12);
    expect(periodsBetween(start, end, "quarter")).toBe(4);
  });

  it("is negative when the end is before the start", () => {
    expect(periodsBetween(august1, june30, "days")).toBe(-32);
  });

  it("gives #NUM! when the dates are too far apart for a double", () => {
    expect(() => periodsBetween(-1.7e308, 1.7e308, "day")).toThrow(/too far apart/);
  });
});

describe("unitDays", () => {
  it("accepts any case, plural and surrounding spaces", () => {
    expect(unitDays("Months")).toBe(365.25 / 12);
    expect(unitDays(" WEEKS ")).toBe(7);
    expect(unitDays("days")).toBe(1);
  });

  it("lists the units for an unknown unit, as a #VALUE!-kind error", () => {
    for (const unit of ["fortnight", "", "s", "constructor", "__proto__", "toString"]) {
      expect(() => unitDays(unit)).toThrowError(/unit must be one of day, week, month, quarter, year/);
    }
  });
});
