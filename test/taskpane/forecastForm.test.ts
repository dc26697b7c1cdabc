/**
 * The forecast form as the option reader takes it: every field's text, the launch too, and each
 * wrong option named as its field is labelled.
 */
import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import { type FormFields, fieldLabel, formOptions } from "../../src/taskpane/forecastForm";
import { planForecastFromData } from "../../src/taskpane/forecastFromData";
import type { SourceData } from "../../src/taskpane/sourceReader";
import type { ForecastOptionsInput } from "../../src/workbook/sheets";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import { plannedCells } from "../workbook/plan/planCells";
import { PCT_SHEET, PCT_SOURCE, pctGrid } from "../workbook/sheets/forecast/forecastFixtures";

/** The form's fields as a user left them: the defaults of the pane, with `typed` over them. */
function fields(typed: Partial<Record<keyof FormFields, string>> = {}): FormFields {
  const texts = { model: "auto", launch: "", market: "", target: "", by: "", horizon: "12", unit: "", confidence: "80%", ...typed };
  return Object.fromEntries(Object.entries(texts).map(([option, value]) => [option, { value }])) as unknown as FormFields;
}

/** The worked example as the pane reads it from 'GP counts'!A1:B9. */
function pctData(): SourceData {
  return { grid: { ...pctGrid(), origin: { kind: "range", sheet: PCT_SHEET, row: 1, column: 1 } }, source: PCT_SOURCE };
}

/** The status line's lines for options the pane refuses (failing the test if it accepts them). */
function refusal(input: ForecastOptionsInput, data = pctData()): string[] {
  try {
    planForecastFromData(data, input, NO_TAKEN_NAMES);
  } catch (error) {
    expect((error as Error).name).toBe("ForecastOptionsError");
    return (error as Error).message.split("\n");
  }
  throw new Error("expected the options to be refused");
}

describe("the forecast form", () => {
  it("passes every field's text, the launch even empty", () => {
    expect(formOptions(fields({ model: "bass", target: "45", by: "30/06/2005" }))).toEqual({
      model: "bass",
      launch: "",
      market: "",
      target: "45",
      by: "30/06/2005",
      horizon: "12",
      unit: "",
      confidence: "80%",
    });
    expect(formOptions(fields({ model: "bass", launch: "30/09/2004" })).launch).toBe("30/09/2004");
  });

  it("fits Bass to dates from the first count's date when Launch is empty, and from the date typed there", () => {
    const launchRow = (launch: string) => {
      const cells = plannedCells(planForecastFromData(pctData(), formOptions(fields({ model: "bass", launch })), NO_TAKEN_NAMES).sheets[0]);
      return [cells.get("A18")?.value, cells.get("B18")?.value];
    };
    expect(launchRow("")).toEqual(["Launch: Bass counts months from it", isoToExcelSerial("2004-10-31")]);
    expect(launchRow("2004-09-30")).toEqual(["Launch: Bass counts months from it", isoToExcelSerial("2004-09-30")]);
  });

  it("names a launch it cannot use by its field, saying what it must be", () => {
    expect(fieldLabel("launch")).toBe("Launch");
    expect(refusal(formOptions(fields({ model: "bass", launch: "31/12/2004" })))).toEqual([
      `Launch must be on or before the first count's date, 31 Oct 2004, not "31/12/2004": Bass counts the adopters from the launch.`,
    ]);
    expect(refusal(formOptions(fields({ model: "bass", launch: "next spring" })))).toEqual([
      `Launch must be a date, such as 2005-06-30 or 30/06/2005, not "next spring".`,
    ]);
    expect(refusal(formOptions(fields({ model: "logistic", launch: "30/09/2004" })))).toEqual(["Launch is for the Bass model only: the other curves need no launch."]);
    // Months since the launch, as numbers: Bass counts them from 0 already.
    const months: SourceData = {
      grid: { values: [["Month", "GPs"], [0, 2], [1, 6], [2, 8], [3, 14], [4, 17], [5, 24]], origin: { kind: "range", sheet: PCT_SHEET, row: 1, column: 1 } },
      source: { ...PCT_SOURCE, address: "A1:B7" },
    };
    expect(refusal(formOptions(fields({ model: "bass", launch: "30/09/2004" })), months)).toEqual(["Launch is for dates: with numbers as times, Bass counts time from 0."]);
  });
});
