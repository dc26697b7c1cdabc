/**
 * The one JSON object `npm run forecast -- --json` prints, in the spec's shape:
 *
 *   {"model", "n", "parameters": {NAME: {"estimate", "stdError"}}, "sse",
 *    "compare": [{"model", "sse", "aicc", "delta", "weight"}],
 *    "forecast": [{"time", "date", "forecast", "lower", "upper", "fitted"}],
 *    "reach": {"target", "time", "date"} | null, "chance": {"target", "by", "probability"} | null,
 *    "noCurve": TEXT | null}
 *
 * Times are as the fits take them (Excel date serials when the times are dates), dates ISO text
 * (2005-06-30), and null wherever there is no number: a model without an AICc, bounds without
 * degrees of freedom, a target never reached, a date for plain-number times. `reach` and
 * `chance` are null without a target. As CRS.FORECAST, `forecast` is the median of the count
 * (between `lower` and `upper`) and `fitted` the least-squares curve; `reach` is CRS.REACH's
 * time, the earliest at which CHANCE reaches 1/2; the parameters are FIT's rows (a Gompertz
 * curve fitted to dates by its steepest date), every estimate a number.
 *
 * Where no curve can be fitted (the counts' market not yet determined), `noCurve` says why and
 * the forecast carries the recent pace on, as CRS.FORECAST's does: `model` and `sse` are null,
 * `parameters` empty, `n` the counts', every row's `fitted` null and its forecast and bounds the
 * pace's. With a curve, `noCurve` is null.
 */
import { excelSerialToIso } from "../src/data/dates";
import type { Series } from "../src/data/series";
import { ModelError } from "../src/model/errors";
import type { DiffusionFit } from "../src/model/fit";
import { shownParameters } from "../src/model/timeOrigin";
import type { ForecastOptions, Figure, ForecastResults } from "../src/workbook/sheets";

/** A number, or null where there is none. */
type JsonNumber = number | null;

export interface ForecastJson {
  /** The model used; null where no curve can be fitted (see `noCurve`). */
  readonly model: string | null;
  readonly n: number;
  readonly parameters: Record<string, { readonly estimate: JsonNumber; readonly stdError: JsonNumber }>;
  readonly sse: JsonNumber;
  readonly compare: readonly { model: string; sse: JsonNumber; aicc: JsonNumber; delta: JsonNumber; weight: number }[];
  readonly forecast: readonly { time: number; date: string | null; forecast: JsonNumber; lower: JsonNumber; upper: JsonNumber; fitted: JsonNumber }[];
  readonly reach: { target: number; time: JsonNumber; date: string | null } | null;
  readonly chance: { target: number; by: number | string; probability: JsonNumber } | null;
  /** Why no curve can be fitted, the forecast then carrying the recent pace on; null with a curve. */
  readonly noCurve: string | null;
}

/** A finite number, or null. */
function finiteOrNull(value: number | undefined): JsonNumber {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function figureOrNull(figure: Figure): JsonNumber {
  return typeof figure === "number" ? figure : null;
}

/** FIT's parameter rows: each estimate and its standard error (0 for a market held fixed). */
function parametersOf(fit: DiffusionFit): ForecastJson["parameters"] {
  const shown = shownParameters(fit);
  return Object.fromEntries(
    shown.names.map((name, j) => {
      const fixed = fit.fixedMarket && j === fit.model.market;
      return [name, { estimate: finiteOrNull(shown.estimates[j]), stdError: fixed ? 0 : finiteOrNull(shown.standardErrors?.[j]) }];
    }),
  );
}

/**
 * The JSON object of a forecast.
 *
 * @example forecastJson(series, options, computeForecast(series, options)).model // "gompertz"
 */
export function forecastJson(series: Series, options: ForecastOptions, results: ForecastResults): ForecastJson {
  const fit = results.chosen instanceof ModelError ? null : results.chosen.fit;
  const dateOf = (time: number | null): string | null => (time !== null && series.timesAreDates ? excelSerialToIso(time) : null);
  const parameters = fit === null ? {} : parametersOf(fit);

  const compare =
    results.comparison instanceof ModelError
      ? []
      : results.comparison.scores.map((score) => ({
          model: score.model.name,
          sse: score.aicc === undefined ? null : finiteOrNull(score.fit?.sse),
          aicc: finiteOrNull(score.aicc),
          delta: finiteOrNull(score.delta),
          weight: score.weight,
        }));
  const target = options.target;
  const reachTime = results.reach === null ? null : figureOrNull(results.reach);
  return {
    model: fit?.model.name ?? null,
    n: fit?.n ?? series.counts.length,
    parameters,
    sse: fit?.sse ?? null,
    compare,
    forecast: results.times.map((time, i) => ({
      time,
      date: dateOf(time),
      forecast: figureOrNull(results.points[i].forecast),
      lower: figureOrNull(results.points[i].lower),
      upper: figureOrNull(results.points[i].upper),
      fitted: figureOrNull(results.points[i].fitted),
    })),
    reach: target === null ? null : { target: target.count, time: reachTime, date: dateOf(reachTime) },
    chance:
      target === null || results.chance === null
        ? null
        : { target: target.count, by: dateOf(target.by) ?? target.by, probability: figureOrNull(results.chance) },
    noCurve: results.chosen instanceof ModelError ? results.chosen.message : null,
  };
}
