import { describe, expect, it } from "vitest";
import { SeriesError } from "../../src/data/seriesProblems";
import { ModelError } from "../../src/model/errors";
import { forecastFailure } from "../../src/taskpane/display";
import { SourceNotFoundError } from "../../src/taskpane/forecastAction";
import { ForecastOptionsError } from "../../src/workbook/sheets/forecast/options";

describe("what the status line says when a forecast fails", () => {
  it("lists every problem with the data, each naming its cell, and that nothing was written", () => {
    const error = new SeriesError([
      { code: "not-a-number", severity: "error", place: "Sheet1!B5", row: 4, message: "Sheet1!B5: \"x\" is not a number." },
      { code: "missing", severity: "error", place: "Sheet1!B7", row: 6, message: "Sheet1!B7: no count." },
    ]);
    expect(forecastFailure(error)).toEqual(["Your data cannot be used as it is, so nothing was written:", 'Sheet1!B5: "x" is not a number.', "Sheet1!B7: no count."]);
  });

  it("names the options, says why nothing is there or nothing can be forecast, and gives Excel's own words otherwise", () => {
    expect(forecastFailure(new ForecastOptionsError([{ option: "horizon", message: "Horizon must be a whole number." }]))).toEqual([
      "The options cannot be used as they are, so nothing was written:",
      "Horizon must be a whole number.",
    ]);
    expect(forecastFailure(new SourceNotFoundError({ kind: "table", name: "T" }))[0]).toMatch(/^There is no table named "T"/);
    expect(forecastFailure(new ModelError("num", "values do not grow over time; an adoption curve needs cumulative counts that rise."))).toEqual([
      "No forecast can be made from these counts, so nothing was written: values do not grow over time; an adoption curve needs cumulative counts that rise.",
    ]);
    expect(forecastFailure(new Error("The workbook is protected."))).toEqual([
      "Excel could not add the forecast: The workbook is protected. Check the workbook is not protected and try again.",
    ]);
  });
});
