/**
 * What a forecast sheet's `CRS.` formulas compute, computed here from the model layer directly,
 * for the portable file (values where only the add-in computes), the command's JSON and the
 * pane's check before it writes: the comparison (CRS.COMPARE), the fit of the chosen model
 * (CRS.FIT), the forecast, its bounds and the fitted curve over the data and the horizon
 * (CRS.FORECAST), the time the target is as likely as not reached (CRS.REACH) and the chance of it
 * by its date (CRS.CHANCE). Each is done as the functions do it, so the numbers are the same:
 * where no curve can be fitted to counts that are otherwise fine, the forecast carries the
 * recent pace on (`forecastOf`), and the fit's figures say why there is no curve.
 */
import type { Series } from "../../../data/series";
import { type ChosenFit, type ModelComparison, compareModels } from "../../../model/compare";
import { ModelError } from "../../../model/errors";
import { timeAsLikelyAsNot } from "../../../model/asLikelyAsNot";
import type { DiffusionFit } from "../../../model/fit";
import { type CountForecaster, forecastOf } from "../../../model/predictive";
import { PERIOD_UNIT_DAYS } from "../../../model/periods";
import { shownParameters } from "../../../model/timeOrigin";
import type { ForecastOptions } from "./options";
import { forecastTimes } from "./steps";

/** A number the add-in computed for a cell, or why there is none (the cell shows #N/A). */
export type Figure = number | { readonly missing: string };

/** A table a `CRS.` function spills, as values: texts, figures and blanks (""). */
export type FigureTable = readonly (readonly (string | Figure)[])[];

/**
 * What only the add-in computes, computed when a portable file is written: the same numbers
 * the `CRS.` functions give for the same counts and options (see `computeForecast` below).
 */
export interface ForecastFigures {
  /** CRS.COMPARE's table, header row first. */
  readonly compare: FigureTable;
  /** CRS.FIT's table, header row first. */
  readonly fit: FigureTable;
  /** The model the forecast uses: the chosen one, the lowest AICc's for "auto", or `NO_CURVE` (see `modelUsed`). */
  readonly modelUsed: string | { readonly missing: string };
  /** Its Akaike weight among the three. */
  readonly weightUsed: Figure;
  /** The forecast, its bounds and the fitted curve at each row of the forecast table (`forecastTimes`). */
  readonly rows: readonly ForecastPoint[];
  /** REACH for the target, or null without one. */
  readonly reach: Figure | null;
  /** CHANCE of the target by its date, or null without one. */
  readonly chance: Figure | null;
}

/** The forecast (the median of the count), its bounds and the fitted curve at one time. */
export interface ForecastPoint {
  readonly forecast: Figure;
  readonly lower: Figure;
  readonly upper: Figure;
  readonly fitted: Figure;
}

/** The forecast of a series with its options, as the add-in computes it. */
export interface ForecastResults {
  /**
   * The chosen model's fit (and, for "auto", the comparison it was chosen from), or why no curve
   * can be fitted to the counts: then the forecast carries the recent pace on (`withoutCurve`).
   */
  readonly chosen: ChosenFit | ModelError;
  /** The three models compared, or why they cannot be. */
  readonly comparison: ModelComparison | ModelError;
  /** The forecast table's times: the counts' and the horizon's. */
  readonly times: readonly number[];
  /** The forecast, its bounds and the fitted curve at each of those times. */
  readonly points: readonly ForecastPoint[];
  /** When the target is as likely as not reached (REACH), or null without a target. */
  readonly reach: Figure | null;
  /** The chance of at least the target by its date, or null without a target. */
  readonly chance: Figure | null;
}

/** A figure from a computation that may fail with a ModelError (which then says why there is none). */
function figure(compute: () => number): Figure {
  try {
    const value = compute();
    return Number.isFinite(value) ? value : { missing: "The number is too large to show." };
  } catch (error) {
    if (error instanceof ModelError) return { missing: error.message };
    throw error;
  }
}

/** The fit options of a forecast's options. */
function fitOptions(options: ForecastOptions): { market?: number } {
  return options.market === null ? {} : { market: options.market };
}

/**
 * The clock the fits take times on: the series' own, or for Bass with dates `unit` periods since
 * the launch (`options.launch`), as CRS.PERIODS(launch, date, unit) gives them.
 */
function fitClock(options: ForecastOptions): { toFit(time: number): number; fromFit(time: number): number } {
  const { launch } = options;
  if (launch === null) return { toFit: (time) => time, fromFit: (time) => time };
  const days = PERIOD_UNIT_DAYS.get(options.unit)!;
  return { toFit: (date) => (date - launch) / days, fromFit: (periods) => launch + periods * days };
}

/**
 * The forecaster of a series, as the sheet's `CRS.` formulas have it: the chosen model fitted
 * (`chosen`, as CRS.FIT fits it) with its predictive distribution, or, where no curve can be
 * fitted to counts that are otherwise fine, why (`chosen` is then that ModelError) and the recent
 * pace carried on. Throws the ModelError the functions show for counts no forecast can take (too
 * few, not rising, Bass with dates and no launch), so the pane can say why before writing anything.
 *
 * @example forecasterOf(series, options).chosen // a ChosenFit, or the ModelError of "market size not determined"
 */
export function forecasterOf(series: Series, options: ForecastOptions): { readonly chosen: ChosenFit | ModelError; readonly forecaster: CountForecaster } {
  const { toFit } = fitClock(options);
  const { chosen, failure, forecaster } = forecastOf(options.model, series.times.map(toFit), series.counts, fitOptions(options));
  return { chosen: chosen ?? failure!, forecaster };
}

/**
 * Computes the forecast of a series. Throws the ModelError of counts no forecast can take (see
 * `forecasterOf`); anything else that cannot be computed (no curve, a comparison without AICc,
 * bounds without degrees of freedom, a target never reached) is a figure that says why there is none.
 */
export function computeForecast(series: Series, options: ForecastOptions): ForecastResults {
  const { chosen, forecaster } = forecasterOf(series, options);
  const times = forecastTimes(series, options);
  const target = options.target;
  const { toFit, fromFit } = fitClock(options);
  // "auto" that fits no curve is a comparison that failed: the same error, without fitting again.
  const compared = chosen instanceof ModelError ? (options.model === "auto" ? chosen : undefined) : chosen.comparison;
  return {
    chosen,
    comparison: compared ?? compareOrWhy(series, options),
    times,
    points: times.map((time) => pointAt(forecaster, toFit(time), options.confidence)),
    reach: target === null ? null : figure(() => fromFit(timeAsLikelyAsNot(forecaster, target.count))),
    chance: target === null ? null : figure(() => forecaster.distribution(toFit(target.by)).atLeast(target.count)),
  };
}

function compareOrWhy(series: Series, options: ForecastOptions): ModelComparison | ModelError {
  try {
    return compareModels(series.times.map(fitClock(options).toFit), series.counts, fitOptions(options));
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
}

/** The forecast, its bounds and the fitted curve at one time, as a row of CRS.FORECAST. */
function pointAt(forecaster: CountForecaster, time: number, confidence: number): ForecastPoint {
  const quantile = (probability: number): Figure => figure(() => forecaster.distribution(time).quantile(probability));
  return { forecast: quantile(0.5), lower: quantile((1 - confidence) / 2), upper: quantile((1 + confidence) / 2), fitted: figure(() => forecaster.fitted(time)) };
}

/** What the sheet's "Model used" says when no curve is fitted and the forecast carries the recent pace on. */
export const NO_CURVE = "none: the recent pace";

/**
 * What the pane's status line and the command say when no curve can be fitted: why, and what the
 * forecast does instead.
 *
 * @example noCurveMessage(failure) // "No curve fits these counts yet: The values do not yet show … Give a known market size. Until one does, …"
 */
export function noCurveMessage(failure: ModelError): string {
  return `No curve fits these counts yet: ${failure.message} Until one does, the forecast carries the recent pace on, with wide bounds.`;
}

/**
 * The model the forecast uses, as the live sheet's formula reads it from the end of the horizon:
 * where the fitted curve is a number there, the chosen model (the lowest AICc's for "auto");
 * where it is not but the forecast is, `NO_CURVE`; else the fitted curve's missing figure.
 */
export function modelUsed(results: ForecastResults): string | { readonly missing: string } {
  const { fitted, forecast } = results.points[results.points.length - 1];
  if (typeof fitted === "number" && !(results.chosen instanceof ModelError)) return results.chosen.fit.model.name;
  if (typeof forecast === "number") return NO_CURVE;
  return typeof fitted === "number" ? forecast : fitted;
}

/**
 * The Akaike weight of the model used, as COMPARE gives it; with no curve, of the model chosen
 * in the options (0 for a model that cannot be fitted), or why there is none.
 */
function weightUsed(results: ForecastResults, options: ForecastOptions): Figure {
  const { comparison } = results;
  if (comparison instanceof ModelError) return { missing: comparison.message };
  const used = modelUsed(results);
  const name = used === NO_CURVE ? (options.model === "auto" ? comparison.best.model.name : options.model) : used;
  return comparison.scores.find((score) => score.model.name === name)?.weight ?? { missing: "The model is not compared." };
}

/** COMPARE's table: a header row, then bass, logistic and gompertz, each with its SSE, AICc, Delta and Weight. */
function compareTable(comparison: ModelComparison | ModelError): FigureTable {
  if (comparison instanceof ModelError) return [[{ missing: comparison.message }]];
  const rows = comparison.scores.map((score): (string | Figure)[] => {
    if (score.aicc === undefined) {
      const why = { missing: score.reason?.message ?? "No AICc." };
      return [score.model.name, why, why, why, 0];
    }
    return [score.model.name, score.fit!.sse, score.aicc, score.delta!, score.weight];
  });
  return [["Model", "SSE", "AICc", "Delta", "Weight"], ...rows];
}

/**
 * FIT's table: a header row (naming the model for "auto"), the parameters with standard errors,
 * then sse, rmse, r2 and n; or, where no curve can be fitted, why.
 */
function fitTable(chosen: ChosenFit | ModelError, auto: boolean): FigureTable {
  if (chosen instanceof ModelError) return [[{ missing: chosen.message }]];
  const { fit } = chosen;
  const header = auto ? `Parameter (${fit.model.name})` : "Parameter";
  const shown = shownParameters(fit);
  const parameters = shown.names.map((name, j): (string | Figure)[] => [name, shown.estimates[j], standardError(fit, shown.standardErrors, j)]);
  const statistics = (["sse", "rmse", "r2", "n"] as const).map((name): (string | Figure)[] => [name, fit[name], ""]);
  return [[header, "Estimate", "Std error"], ...parameters, ...statistics];
}

function standardError(fit: DiffusionFit, errors: readonly number[] | undefined, index: number): Figure {
  if (fit.fixedMarket && index === fit.model.market) return 0;
  if (!errors) return { missing: fit.uncertaintyNote ?? "The fit has no standard errors." };
  return errors[index];
}

/** What the portable sheet writes where the live one has `CRS.` formulas. */
export function forecastFigures(results: ForecastResults, options: ForecastOptions): ForecastFigures {
  return {
    compare: compareTable(results.comparison),
    fit: fitTable(results.chosen, options.model === "auto"),
    modelUsed: modelUsed(results),
    weightUsed: weightUsed(results, options),
    rows: results.points,
    reach: results.reach,
    chance: results.chance,
  };
}
