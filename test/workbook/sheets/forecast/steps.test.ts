import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../../../src/data";
import type { IsoDate } from "../../../../src/data";
import type { ForecastUnit } from "../../../../src/workbook/sheets/forecast/options";
import { type HorizonStep, horizonStep, periodsText, stepFormula, stepTime } from "../../../../src/workbook/sheets/forecast/steps";
import { formulaValue } from "../../formula/formulaHarness";

const day = (iso: string) => isoToExcelSerial(iso as IsoDate);

describe("the horizon's steps", () => {
  it("steps month-end counts by month ends, other dates by calendar months as EDATE does", () => {
    const monthEnds = horizonStep([day("2005-04-30"), day("2005-05-31")], "month", true);
    expect(monthEnds.monthEnds).toBe(true);
    expect(stepTime(day("2005-05-31"), 1, monthEnds)).toBe(day("2005-06-30"));
    expect(stepTime(day("2005-06-30"), 1, monthEnds)).toBe(day("2005-07-31"));
    const mid = horizonStep([day("2005-04-15"), day("2005-05-31")], "month", true);
    expect(mid.monthEnds).toBe(false);
    expect(stepTime(day("2005-01-31"), 1, mid)).toBe(day("2005-02-28"));
    expect(stepTime(day("2005-05-15"), 3, horizonStep([day("2005-05-15")], "quarter", true))).toBe(day("2006-02-15"));
    expect(stepTime(day("2005-05-15"), 2, horizonStep([day("2005-05-15")], "year", true))).toBe(day("2007-05-15"));
  });

  it("steps days and weeks by days, and plain-number times by one", () => {
    expect(stepTime(day("2005-05-31"), 2, horizonStep([day("2005-05-31")], "week", true))).toBe(day("2005-06-14"));
    expect(stepTime(day("2005-05-31"), 2, horizonStep([day("2005-05-31")], "day", true))).toBe(day("2005-06-02"));
    for (const unit of ["period", "month", "week"] as ForecastUnit[]) expect(stepTime(14, 3, horizonStep([13, 14], unit, false))).toBe(17);
  });

  it("writes each step as a formula that gives the time Excel gives: EOMONTH, EDATE, days, or plus one", () => {
    // After 1, 2, 7 and 13 steps, worked out with Python's calendar (EOMONTH(31 May 2005, 7) = 31 Dec 2005 = 38717).
    const cases: [HorizonStep, number, number[]][] = [
      [{ unit: "month", timesAreDates: true, monthEnds: true }, day("2005-05-31"), [38533, 38564, 38717, 38898]],
      [{ unit: "month", timesAreDates: true, monthEnds: false }, day("2004-01-31"), [38046, 38077, 38230, 38411]],
      [{ unit: "quarter", timesAreDates: true, monthEnds: false }, day("2005-11-30"), [38776, 38867, 39324, 39872]],
      [{ unit: "year", timesAreDates: true, monthEnds: true }, day("2004-02-29"), [38411, 38776, 40602, 42794]],
      [{ unit: "week", timesAreDates: true, monthEnds: false }, day("2005-05-31"), [38510, 38517, 38552, 38594]],
      [{ unit: "day", timesAreDates: true, monthEnds: false }, day("2005-05-31"), [38504, 38505, 38510, 38516]],
      [{ unit: "period", timesAreDates: false, monthEnds: false }, 14.5, [15.5, 16.5, 21.5, 27.5]],
    ];
    expect(day("2005-12-31")).toBe(38717);
    expect(day("2004-02-29")).toBe(38046);
    for (const [step, anchor, expected] of cases) {
      [1, 2, 7, 13].forEach((periods, index) => {
        const formula = `=${stepFormula("Inputs!A1", periods, step)}`;
        expect(formulaValue(formula, { inputs: [[anchor]] }), `${formula} from ${anchor}`).toBe(expected[index]);
        expect(stepTime(anchor, periods, step), `${step.unit} ${periods} from ${anchor}`).toBe(expected[index]);
      });
    }
  });

  it("names a number of periods", () => {
    expect(periodsText(12, "month")).toBe("12 months");
    expect(periodsText(1, "week")).toBe("1 week");
    expect(periodsText(3, "period")).toBe("3 periods");
  });
});
