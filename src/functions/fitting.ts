/* eslint-disable @typescript-eslint/no-explicit-any -- `any`/`any[][]` is how a custom function declares a parameter that takes a value or a range of any cell type. */
/**
 * The CRS diffusion-fitting custom functions: FIT, FORECAST, REACH, COMPARE and CHANCE. Each fits
 * a diffusion model (bass, logistic, gompertz, or "auto": the lowest AICc) to a user's cumulative
 * counts by least squares (`src/model/fit.ts`, `src/model/compare.ts`) and reports the fit, a
 * forecast with bounds from the predictive distribution (`src/model/predictive.ts`), the time a
 * target is reached, the models side by side, or the chance of reaching a target. The build
 * appends the `CustomFunctions.associate` call of each `@customfunction`.
 */
import { fitChosen, type ChosenFit, type ModelChoice } from "../model/compare";
import { centralBounds } from "../model/countDistribution";
import { findModel, MODELS } from "../model/diffusion";
import { ModelError } from "../model/errors";
import type { DiffusionFit } from "../model/fit";
import { timeAsLikelyAsNot } from "../model/asLikelyAsNot";
import { forecasterFor, withoutCurve, type CountForecaster } from "../model/predictive";
import { shownParameters, timesAreDates } from "../model/timeOrigin";
import { describe, elementwise, isEmpty, toNumber, zeroAsOmitted, type CellResult } from "./arguments";
import { blankZeros, itemNumbers, readCells, readSeries, single, withBlankZerosEmptied } from "./seriesRanges";
import { isExcelError, toExcelError } from "./errors";
import { FIT_CACHE_CAPACITY, FitCache, fitKey } from "./fitCache";
import { excelResult } from "./result";

/** The header row of FIT's table ("Parameter (logistic)" in its first cell when the model is "auto"). */
const FIT_HEADER = ["Parameter", "Estimate", "Std error"] as const;

/** The names of the statistics rows of FIT's table, after the parameters. */
const FIT_STATISTICS = ["sse", "rmse", "r2", "n"] as const;

/** The header row of COMPARE's table. */
const COMPARE_HEADER = ["Model", "SSE", "AICc", "Delta", "Weight"] as const;

/**
 * Fits a diffusion curve (bass, logistic, gompertz, or "auto" for the lowest AICc) to cumulative counts by least squares and spills its parameters with standard errors, then sse, rmse, r2 and n.
 * Example: =CRS.FIT("logistic", {0;1.05}, {3500;18981}, 35000) → rate 2.25 a month and midpoint 0.97 months after the end of June 2005, through the article's two GP counts with 35,000 GPs assumed (2 points fix 2 parameters exactly, so the standard errors are #N/A).
 * @customfunction FIT
 * @param model "bass" (p, q, m), "logistic" (m, rate, midpoint), "gompertz" (m, a, b; with dates as times m, steepest, b: placed by the date of its steepest growth), or "auto" for the one with the lowest AICc (its header reads e.g. "Parameter (logistic)"), in any case. One name, not a range: the result is one model's table.
 * @param times The times of the counts, one row or column: periods (e.g. months) or dates; for bass, periods since the launch, 0 or more.
 * @param values The cumulative counts at those times, 0 or more (e.g. GPs registered); rows blank in both times and values are skipped.
 * @param [market] A known market size, greater than 0, held fixed (its standard error is 0); fitted if omitted (e.g. 35,000 GPs). One value, not a range: a fit has one market size.
 * @returns A table: a header row, a row per parameter (name, estimate, standard error), then sse, rmse, r2 and n.
 */
export function FIT(model: string, times: any[][], values: any[][], market?: any): any[][] {
  return excelResult(() => {
    const { choice, fitted } = fitOf(model, times, values, market);
    const { fit } = fitted();
    const { names, estimates, standardErrors } = shownParameters(fit);
    const header = choice === "auto" ? `${FIT_HEADER[0]} (${fit.model.name})` : FIT_HEADER[0];
    const rows: any[][] = [[header, FIT_HEADER[1], FIT_HEADER[2]]];
    names.forEach((name, j) => {
      const fixed = fit.fixedMarket && j === fit.model.market;
      const error = fixed ? 0 : standardErrors ? representable(standardErrors[j], name) : uncertaintyError(fit);
      rows.push([name, representable(estimates[j], name), error]);
    });
    for (const statistic of FIT_STATISTICS) rows.push([statistic, fit[statistic], ""]);
    return rows;
  });
}

/**
 * Forecasts cumulative counts: the forecast (the median of the count's predictive distribution, the distribution CHANCE uses), lower and upper bounds, and the fitted curve.
 * Example: =CRS.FORECAST("auto", A2:A9, B2:B9, DATE(2005,6,30), 150) → the forecast count of a PCT's 150 GPs on 30 June 2005, its 95% bounds and the fitted curve there.
 * @customfunction FORECAST
 * @param model "bass", "logistic", "gompertz" or "auto" (the lowest AICc; its bounds weigh all three models), in any case. One name, not a range: one forecast per table.
 * @param times The times of the counts, one row or column: periods (e.g. months since the launch) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param newTimes The times to forecast, one row or column, in the units of times; a blank cell gives a blank row.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted. One value, not a range: a fit has one market size.
 * @param [confidence] The probability the bounds are to hold the count, between 0 and 1; 0.95 if omitted. One value, not a range: the bounds are columns of one table.
 * @returns A table: a header row (Time, Forecast, Lower, Upper, Fitted), then a row per new time: the forecast is the count as likely to be above as below, always between the bounds; at a time with a count all three are that count, which the fitted curve may miss.
 */
export function FORECAST(model: string, times: any[][], values: any[][], newTimes: any[][], market?: any, confidence?: any): any[][] {
  return excelResult(() => {
    const level = readConfidence(confidence);
    const cells = readCells(newTimes, "newTimes");
    const chosen = fitOf(model, times, values, market);
    const forecaster = chosen.forecaster();
    const blank = blankZeros(cells, timesAreDates(chosen.times));
    const percent = `${Number((level * 100).toPrecision(6))}%`;
    const rows: any[][] = [["Time", "Forecast", `Lower ${percent}`, `Upper ${percent}`, "Fitted"]];
    cells.forEach((cell, index) => {
      if (isEmpty(cell) || blank[index]) {
        rows.push(["", "", "", "", ""]);
        return;
      }
      if (isExcelError(cell) || typeof cell !== "number" || !Number.isFinite(cell)) {
        const error = isExcelError(cell) ? cell : toExcelError(new ModelError("value", `newTimes must hold only numbers: item ${index + 1} is ${describe(cell)}.`));
        rows.push([error, error, error, error, error]);
        return;
      }
      const { forecast, lower, upper, fitted } = forecastFigures(forecaster, cell, level);
      rows.push([cell, forecast, lower, upper, fitted]);
    });
    return rows;
  });
}

/** The figures of a row of FORECAST (and FORECASTAT's choice of them): a number, or that figure's error. */
interface ForecastFigures {
  readonly forecast: CellResult;
  readonly lower: CellResult;
  readonly upper: CellResult;
  readonly fitted: CellResult;
}

/**
 * FORECAST's figures at one time: the median of the count's predictive distribution, its central
 * bounds holding the count with probability `level`, and the fitted curve. Where the distribution
 * is not defined its error stands for the three figures it gives, and the curve keeps its own.
 *
 * @example forecastFigures(forecaster, 38533, 0.95) // the forecast, 95% bounds and fitted curve on 30 June 2005
 */
function forecastFigures(forecaster: CountForecaster, time: number, level: number): ForecastFigures {
  const fitted = cellOf(() => forecaster.fitted(time));
  try {
    const distribution = forecaster.distribution(time);
    const { lower, upper } = centralBounds(distribution, level);
    return { forecast: distribution.quantile(0.5), lower, upper, fitted };
  } catch (error) {
    const excelError = toExcelError(error);
    return { forecast: excelError, lower: excelError, upper: excelError, fitted };
  }
}

/** The confidence of the bounds: 0.95 if omitted (or 0, an empty cell), else a #NUM!-kind error unless between 0 and 1. */
function readConfidence(confidence: unknown): number {
  const level = toNumber(zeroAsOmitted(single(confidence, "confidence")), "confidence", 0.95);
  // (1 + level)/2 is the upper bound's probability: a level so near 1 that it rounds to 1 has no bound.
  if (!(level > 0 && (1 + level) / 2 < 1)) throw new ModelError("num", "confidence must be between 0 and 1 (e.g. 0.95 for 95%).");
  return level;
}

/**
 * The earliest time at which the count is as likely as not to have reached a target (CHANCE = 1/2), from the predictive distribution FORECAST and CHANCE use; #N/A if that never happens.
 * Example: =CRS.REACH("logistic", {0;1.05}, {3500;18981}, 10500, 35000) → about 0.6: 30% of 35,000 GPs was as likely as not registered about 0.6 months after the end of June 2005.
 * @customfunction REACH
 * @param model "bass", "logistic", "gompertz" or "auto" (the lowest AICc; its chance weighs all three models), in any case. One name, not a range: one model is fitted.
 * @param times The times of the counts, one row or column: periods (e.g. months) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param target The count to reach, greater than 0 (e.g. 10,500 GPs, 30% of 35,000); a range gives a time for each.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted. One value, not a range: a fit has one market size.
 * @returns The time, in the units of times (a date serial when times are dates), from which the count is at least as likely as not to be at or above the target: CHANCE(target, that time) = 1/2.
 */
export function REACH(model: string, times: any[][], values: any[][], target: any[][], market?: any): any[][] {
  return excelResult(() => {
    const forecaster = fitOf(model, times, values, market).forecaster();
    return elementwise([target], (cells) => timeAsLikelyAsNot(forecaster, toNumber(cells[0], "target")));
  });
}

/**
 * Compares the three diffusion models on the same counts: the sum of squared errors, AICc, its difference from the lowest, and the Akaike weight of each (bass, logistic, gompertz).
 * Example: =CRS.COMPARE(A2:A13, B2:B13, 150) → a PCT's twelve monthly counts of its 150 GPs; the model with Delta 0 is the one "auto" uses, and the weights say how much more likely it is than the others.
 * @customfunction COMPARE
 * @param times The times of the counts, one row or column: periods (e.g. months) or dates (bass then shows #N/A: it needs periods since the launch).
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param [market] A known market size, greater than 0, held fixed in every model; fitted if omitted. One value, not a range: a fit has one market size.
 * @returns A table: a header row (Model, SSE, AICc, Delta, Weight), then a row each for bass, logistic and gompertz; #N/A with the reason, and weight 0, for a model with no AICc.
 */
export function COMPARE(times: any[][], values: any[][], market?: any): any[][] {
  return excelResult(() => {
    const { comparison } = fitOf("auto", times, values, market).fitted();
    const rows: any[][] = [[...COMPARE_HEADER]];
    for (const score of comparison!.scores) {
      if (score.aicc === undefined) {
        const reason = toExcelError(new ModelError("na", withHint(score.reason!, score.model.name, comparison!.best.fit.times).message));
        rows.push([score.model.name, reason, reason, reason, 0]);
      } else {
        rows.push([score.model.name, score.fit!.sse, score.aicc, score.delta!, score.weight]);
      }
    }
    return rows;
  });
}

/**
 * The chance (0 to 1) that the count at a time is at least a target, from the predictive distribution FORECAST's bounds come from; target and time may be ranges.
 * Example: =CRS.CHANCE("auto", A2:A9, B2:B9, 45, DATE(2005,6,30), 150) → the chance that 45 of a PCT's 150 GPs (30%, the incentive threshold) are registered on 30 June 2005, from its monthly counts in A2:B9.
 * @customfunction CHANCE
 * @param model "bass", "logistic", "gompertz" or "auto" (the lowest AICc; its chance weighs all three models), in any case. One name, not a range: one model is fitted.
 * @param times The times of the counts, one row or column: periods (e.g. months since the launch) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param target The count to reach (e.g. 45 GPs); a range gives a chance for each.
 * @param time The time by which to reach it, in the units of times (e.g. DATE(2005,6,30)); a range gives a chance for each.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted (e.g. 150 GPs). One value, not a range: a fit has one market size.
 * @returns The probability that the count at time is at least target.
 */
export function CHANCE(model: string, times: any[][], values: any[][], target: any[][], time: any[][], market?: any): any[][] {
  return excelResult(() => {
    const forecaster = fitOf(model, times, values, market).forecaster();
    return elementwise([target, time], (cells) => {
      const goal = toNumber(cells[0], "target");
      return forecaster.distribution(toNumber(cells[1], "time")).atLeast(goal);
    });
  });
}

/** A fit (or the error that there is none) with the forecaster made on first use. */
interface CachedFit {
  /** The fit, or the ModelError (with its hint) of a fit that failed. */
  fitted(): ChosenFit;
  /** The forecaster of the fit, or where there is no fit the recent pace alone (`withoutCurve`). */
  forecaster(): CountForecaster;
}

/** Fits of recent inputs: enough for every series and model of a large workbook (see FIT_CACHE_CAPACITY). */
const FITS = new FitCache<CachedFit>(FIT_CACHE_CAPACITY);

/** Reads the model, data and market size and fits the model, or takes the fit from the cache. */
function fitOf(model: unknown, times: unknown, values: unknown, market: unknown): { choice: ModelChoice; times: readonly number[] } & CachedFit {
  const choice = readModel(model);
  const known = zeroAsOmitted(single(market, "market"));
  const data = readSeries(times, values);
  const options = isEmpty(known) ? {} : { market: toNumber(known, "market") };
  const cached = FITS.get(fitKey(choice, options.market, data.times, data.values), () => {
    let fitted: ChosenFit | undefined;
    let failure: unknown;
    try {
      fitted = fitChosen(choice, data.times, data.values, options);
    } catch (error) {
      failure = withHint(error, choice, data.times);
    }
    let forecaster: CountForecaster | undefined;
    return {
      fitted() {
        if (!fitted) throw failure;
        return fitted;
      },
      forecaster() {
        if (forecaster) return forecaster;
        if (fitted) return (forecaster = forecasterFor(fitted));
        if (!(failure instanceof ModelError)) throw failure;
        return (forecaster = withoutCurve(data.times, data.values, failure, options.market));
      },
    };
  });
  return { choice, times: data.times, fitted: cached.fitted, forecaster: cached.forecaster };
}

/** A number computed for a cell, or the Excel error of the ModelError it throws. */
function cellOf(compute: () => number): number | CustomFunctions.Error {
  try {
    return compute();
  } catch (error) {
    return toExcelError(error);
  }
}

/**
 * A model's error with the hint of the function to use: Bass given dates is told of CRS.PERIODS
 * (the model's own messages name no Excel functions).
 */
function withHint(error: ModelError, model: string, times: readonly number[]): ModelError;
function withHint(error: unknown, model: string, times: readonly number[]): unknown;
function withHint(error: unknown, model: string, times: readonly number[]): unknown {
  if (!(error instanceof ModelError) || model !== "bass" || !timesAreDates(times)) return error;
  return new ModelError(error.kind, `${error.message} For example, =CRS.PERIODS(DATE(2005,3,31), A2:A13) gives months since a launch at the end of March 2005.`);
}

/** The model choice of a name (any case): a model's name or "auto", or a #VALUE!-kind error listing them. */
function readModel(value: unknown): ModelChoice {
  const name = zeroAsOmitted(single(value, "model"));
  if (isExcelError(name)) throw name;
  if (typeof name === "string") {
    if (name.trim().toLowerCase() === "auto") return "auto";
    const model = findModel(name);
    if (model) return model.name;
  }
  const quoted = [...MODELS.map((candidate) => candidate.name), "auto"].map((candidate) => `"${candidate}"`);
  throw new ModelError("value", `model must be ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}, not ${describe(name)}.`);
}

/** An estimate or standard error as a cell: the number, or #NUM! saying it is beyond the largest number. */
function representable(value: number, name: string): number | CustomFunctions.Error {
  if (Number.isFinite(value)) return value;
  return toExcelError(new ModelError("num", `${name} is too large to show: the values do not pin it down. Give a known market size, or more points.`));
}

/** The cell shown where the fit has no standard error: #N/A with no degrees of freedom, else #NUM!. */
function uncertaintyError(fit: DiffusionFit): CustomFunctions.Error {
  const kind = fit.variance === undefined ? "na" : "num";
  return toExcelError(new ModelError(kind, fit.uncertaintyNote ?? "The fit has no standard errors."));
}

/**
 * The model "auto" uses for these counts: the one with the lowest AICc among bass, logistic and gompertz (COMPARE's row with Delta 0), as one text, so a sheet can name it without reading a cell of COMPARE's table.
 * Example: =CRS.BESTMODEL(A2:A13, B2:B13, 150) → "logistic" for a PCT's twelve monthly counts of its 150 GPs that a logistic curve fits best.
 * @customfunction BESTMODEL
 * @param times The times of the counts, one row or column: periods (e.g. months) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param [market] A known market size, greater than 0, held fixed in every model; fitted if omitted. One value, not a range: a fit has one market size.
 * @returns "bass", "logistic" or "gompertz"; #N/A with the reason if no model has an AICc.
 */
export function BESTMODEL(times: any[][], values: any[][], market?: any): any[][] {
  return excelResult(() => [[fitOf("auto", times, values, market).fitted().comparison!.best.fit.model.name]]);
}

/**
 * The Akaike weight of a model among the three on the same counts (COMPARE's Weight column, 0 to 1): how much the counts favour it, as one number.
 * Example: =CRS.WEIGHT("logistic", A2:A13, B2:B13, 150) → 0.93 when the counts favour the logistic curve 93 to 7 over the others.
 * @customfunction WEIGHT
 * @param model "bass", "logistic", "gompertz" or "auto" (the weight of the model "auto" uses), in any case. One name, not a range: one model's weight.
 * @param times The times of the counts, one row or column: periods (e.g. months) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param [market] A known market size, greater than 0, held fixed in every model; fitted if omitted. One value, not a range: a fit has one market size.
 * @returns The weight, from 0 to 1; 0 for a model with no AICc.
 */
export function WEIGHT(model: string, times: any[][], values: any[][], market?: any): any[][] {
  return excelResult(() => {
    const choice = readModel(model);
    const comparison = fitOf("auto", times, values, market).fitted().comparison!;
    const name = choice === "auto" ? comparison.best.fit.model.name : choice;
    return [[comparison.scores.find((score) => score.model.name === name)!.weight]];
  });
}

/** The figures of a row of FORECAST that FORECASTAT gives, by name. */
const FORECAST_FIGURES = ["forecast", "lower", "upper", "fitted"] as const;

/**
 * One figure of FORECAST at each time, as a number of its own: the forecast, the lower or upper bound, or the fitted curve; so a sheet takes a figure without reading a cell of FORECAST's table, and an error is that figure's only.
 * Example: =CRS.FORECASTAT("auto", A2:A9, B2:B9, DATE(2005,6,30), "upper", 150, 0.8) → the upper 80% bound of a PCT's count of its 150 GPs on 30 June 2005.
 * @customfunction FORECASTAT
 * @param model "bass", "logistic", "gompertz" or "auto", in any case. One name, not a range: one model is fitted.
 * @param times The times of the counts, one row or column: periods (e.g. months since the launch) or dates.
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param time The time of the figure, in the units of times (e.g. DATE(2005,6,30)); a range gives a figure for each.
 * @param figure "forecast", "lower", "upper" or "fitted" (the least-squares curve), as FORECAST's columns, in any case. One name, not a range: one column of FORECAST.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted. One value, not a range: a fit has one market size.
 * @param [confidence] The probability the bounds are to hold the count, between 0 and 1; 0.95 if omitted. One value, not a range: the bounds of one confidence.
 * @returns The figure at each time, as FORECAST gives it.
 */
export function FORECASTAT(model: string, times: any[][], values: any[][], time: any[][], figure: any, market?: any, confidence?: any): any[][] {
  return excelResult(() => {
    const wanted = zeroAsOmitted(single(figure, "figure"));
    if (isExcelError(wanted)) throw wanted;
    const name = FORECAST_FIGURES.find((candidate) => typeof wanted === "string" && candidate === wanted.trim().toLowerCase());
    if (!name) {
      throw new ModelError("value", `figure must be "forecast", "lower", "upper" or "fitted", not ${describe(wanted)}.`);
    }
    const empty = new ModelError("na", "time is empty: give the time of the figure.");
    // The fit (or why there is none) is read once; its error is each figure's, as FORECAST's is each row's.
    let figuresAt: ((time: number) => ForecastFigures) | undefined;
    let failure: unknown;
    let cells: unknown = time;
    try {
      const level = readConfidence(confidence);
      const chosen = fitOf(model, times, values, market);
      const forecaster = chosen.forecaster();
      figuresAt = (at) => forecastFigures(forecaster, at, level);
      cells = withBlankZerosEmptied(time, timesAreDates(chosen.times));
    } catch (error) {
      failure = error;
    }
    return elementwise([cells, itemNumbers(cells)], ([cell, item]) => {
      if (isEmpty(cell)) throw empty;
      if (!figuresAt) throw failure;
      if (typeof cell !== "number" || !Number.isFinite(cell)) {
        throw new ModelError("value", `time must hold only numbers: item ${String(item)} is ${describe(cell)}.`);
      }
      const value = figuresAt(cell)[name];
      if (isExcelError(value)) throw value;
      return value;
    });
  });
}
