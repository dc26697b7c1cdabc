import { describe, expect, it } from "vitest";
import { type IsoDate, isoToExcelSerial } from "../../../../src/data";
import { ModelError } from "../../../../src/model/errors";
import { EXAMPLE_PCT } from "../../../../src/workbook/sheets/pctModel/example";
import { numberOrNA } from "../../../../src/workbook/sheets/dialect";
import { computeFittedValues, displayDate, timelineDates } from "../../../../src/workbook/sheets/pctModel/fittedValues";
import { TIMELINE_MONTHS } from "../../../../src/workbook/sheets/pctModel/timelineGrid";

describe("the portable model's fitted values", () => {
  it("finds the timeline's month ends as EOMONTH does, across short months, leap years and year ends", () => {
    const dates = timelineDates(isoToExcelSerial("2004-10-31"));
    expect([4, 15, 16, 26].map((month) => dates[month])).toEqual(["2005-02-28", "2006-01-31", "2006-02-28", "2006-12-31"].map((date) => isoToExcelSerial(date as IsoDate)));
    expect(timelineDates(isoToExcelSerial("2004-01-15"))[1]).toBe(isoToExcelSerial("2004-02-29"));
    expect(dates).toHaveLength(TIMELINE_MONTHS);
    expect(dates.at(-1)).toBe(isoToExcelSerial("2007-09-30"));
  });

  it("fits the example as the sheet would, and says when", () => {
    const fitted = computeFittedValues(EXAMPLE_PCT, new Date(Date.UTC(2026, 10, 30, 23, 59)));
    expect(fitted.computedOn).toBe("30 Nov 2026");
    expect(fitted.targetGps).toBe(120);
    expect(fitted.firstDate).toBe(isoToExcelSerial("2004-10-31"));
    expect(fitted.outlook.fittedModel).toBe("logistic");
    expect(fitted.outlook.timeline).toHaveLength(TIMELINE_MONTHS);
    expect(fitted.dateTargetReached).toBeGreaterThan(isoToExcelSerial("2005-07-31"));
    // The market is held at the PCT's GPs, so no bound goes past them, and late on the upper one reaches them.
    const uppers = fitted.outlook.timeline.map((month) => month.upper as number);
    expect(Math.max(...uppers)).toBe(EXAMPLE_PCT.gps);
    expect(fitted.outlook.atTarget.upper).toBeLessThanOrEqual(EXAMPLE_PCT.gps);
  });

  it("writes a value as a number, an error as #N/A", () => {
    expect(numberOrNA(12.5)).toBe(12.5);
    expect(numberOrNA(new ModelError("num", "no spread"))).toEqual({ formula: "=NA()" });
    expect(displayDate(new Date(Date.UTC(2005, 5, 30)))).toBe("30 Jun 2005");
  });
});
