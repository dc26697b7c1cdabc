/**
 * The forecast sheet's plan from what the pane read and the form: the counts checked
 * (`readSeries`: a range it cannot use throws a SeriesError naming the cell), the options
 * checked against them (a ForecastOptionsError naming the field), the chosen model fitted (a
 * ModelError for counts no forecast can take, rather than a sheet of error cells), then the live
 * sheet. Where no curve fits counts that are otherwise fine (their market not yet determined), the
 * sheet forecasts the recent pace, as its `CRS.` formulas do, and the status line says so and why.
 */
import { ModelError } from "../model/errors";
import { readSeries, type Series } from "../data/series";
import type { WorksheetSource } from "../workbook/sheets";
import { readForecastOptions, type ForecastOptionsInput, planForecast, forecasterOf, noCurveMessage } from "../workbook/sheets";
import type { TakenNames, WorkbookPlan } from "../workbook/plan";
import { fieldLabel } from "./forecastForm";
import type { SourceData } from "./sourceReader";

/**
 * Plans the live forecast sheet of the counts read, with the form's options, in a workbook that
 * uses the names `taken`. Throws for counts or options it cannot use, or counts no forecast can
 * take; its messages say what was added, and why no curve fits where none does.
 */
export function planForecastFromData(data: SourceData, input: ForecastOptionsInput, taken: TakenNames): WorkbookPlan {
  const series = withTableHeader(readSeries(data.grid), data.source);
  const options = readForecastOptions(input, series, fieldLabel);
  const { chosen } = forecasterOf(series, options);
  const plan = planForecast({ flavour: "crs", series, options, source: data.source }, taken);
  if (!(chosen instanceof ModelError)) return plan;
  const [added, ...rest] = plan.messages;
  return { ...plan, messages: [added, noCurveMessage(chosen), ...rest] };
}

/** A table's data body has no header row of its own: its columns' names stand for one. */
function withTableHeader(series: Series, source: WorksheetSource): Series {
  if (series.header !== null || source.kind !== "table") return series;
  return { ...series, header: { time: source.columns[series.columns.time], count: source.columns[series.columns.count] } };
}
