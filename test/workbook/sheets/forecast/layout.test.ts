import { describe, expect, it } from "vitest";
import { NO_TAKEN_NAMES } from "../../../../src/workbook/plan/names";
import { SENTENCE_CELLS, planForecast } from "../../../../src/workbook/sheets/forecast";
import { COLUMN_WIDTHS, ForecastLayout, OPTION_ROWS, RESULT_ROWS } from "../../../../src/workbook/sheets/forecast/layout";
import { SheetBuilder } from "../../../../src/workbook/sheets/sheetBuilder";
import { formulaOf, plannedCells } from "../../plan/planCells";
import { PCT_SOURCE, pctOptions, pctSeries } from "./forecastFixtures";

describe("ForecastLayout", () => {
  it("takes the sections' rows from the top, a row apart, and leaves the builder below the table's header", () => {
    const builder = new SheetBuilder("Forecast", {}, COLUMN_WIDTHS);
    const layout = new ForecastLayout(builder);
    expect({ ...layout }).toMatchObject({
      title: 1,
      source: 2,
      meaningHeader: 5,
      sentences: 6,
      optionsHeader: 10,
      options: 11,
      resultsHeader: 19,
      results: 20,
      compareCaption: 32,
      compare: 33,
      fitCaption: 38,
      fit: 39,
      tableCaption: 48,
      tableHeader: 49,
    });
    expect(builder.row).toBe(50);
    expect([layout.optionCell("model"), layout.optionCell("unit"), layout.resultCell("modelUsed"), layout.resultCell("chance")]).toEqual(["$B$11", "$B$17", "$B$20", "$B$30"]);
    expect(layout.sentenceCells).toEqual(["A6", "A7", "A8"]);
    expect(layout.chartPosition).toBe("D10:J29");
  });

  it("gives Bass with dates an option row more, for its launch, and moves the rows below the options down one", () => {
    const builder = new SheetBuilder("Forecast", {}, COLUMN_WIDTHS);
    const layout = new ForecastLayout(builder, true);
    expect({ ...layout }).toMatchObject({ sentences: 6, optionsHeader: 10, options: 11, resultsHeader: 20, results: 21, compare: 34, fit: 40, tableHeader: 50 });
    expect(builder.row).toBe(51);
    expect([layout.optionCell("unit"), layout.optionCell("launch"), layout.resultCell("modelUsed")]).toEqual(["$B$17", "$B$18", "$B$21"]);
    expect(layout.sentenceCells).toEqual(["A6", "A7", "A8"]);
    expect(() => new ForecastLayout(new SheetBuilder("Forecast", {}, COLUMN_WIDTHS)).optionCell("launch")).toThrow(/no launch option/);
  });

  it("is where the plan writes the sentences, the options, the results and the table's header", () => {
    const plan = planForecast({ flavour: "crs", series: pctSeries(), options: pctOptions(), source: PCT_SOURCE }, NO_TAKEN_NAMES);
    const cells = plannedCells(plan.sheets[0]);
    const layout = new ForecastLayout(new SheetBuilder("Forecast", {}, COLUMN_WIDTHS));
    for (const address of SENTENCE_CELLS) expect(formulaOf(cells.get(address)), address).toMatch(/^=IF/);
    // The row below the sentences is the gap before the options: no sentence runs into it.
    expect(cells.get(`A${layout.sentences + SENTENCE_CELLS.length}`)).toBeUndefined();
    expect(cells.get(`A${layout.options}`)?.value).toBe("Model (auto: the lowest AICc)");
    expect(cells.get(`A${layout.options + OPTION_ROWS.length - 1}`)?.value).toBe("Period");
    expect(cells.get(`A${layout.results + RESULT_ROWS.length - 1}`)?.value).toBe("Chance of the target by its date (CHANCE)");
    expect(cells.get(layout.optionCell("horizon").replace(/\$/g, ""))?.value).toBe(12);
    expect(cells.get(`A${layout.tableHeader}`)?.value).toBe("Date");
    expect(cells.get(`A${layout.tableHeader + 1}`)?.formula).toBe("='GP counts'!A2");
  });
});
