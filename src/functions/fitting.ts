/* eslint-disable @typescript-eslint/no-explicit-any -- `any`/`any[][]` is how a custom function declares a parameter that takes a value or a range of any cell type. */
/**
 * The CRS diffusion-fitting custom functions: FIT, FORECAST and REACH. Each fits a diffusion
 * model (bass, logistic or gompertz) to a user's cumulative counts by least squares
 * (`src/model/fit.ts`) and reports the fit, a forecast with prediction bounds, or the time a
 * target is reached. The build appends the `CustomFunctions.associate` call of each
 * `@customfunction`.
 */
import { findModel, MODELS, type DiffusionModel } from "../model/diffusion";
import { ModelError } from "../model/errors";
import { fitDiffusion, type DiffusionFit } from "../model/fit";
import { forecastAt } from "../model/forecast";
import { reachTime } from "../model/reach";
import { describe, elementwise, isEmpty, toNumber } from "./arguments";
import { isExcelError, toExcelError } from "./errors";
import { excelResult } from "./result";

/** The header row of FIT's table. */
export const FIT_HEADER = ["Parameter", "Estimate", "Std error"] as const;

/** The names of the statistics rows of FIT's table, after the parameters. */
export const FIT_STATISTICS = ["sse", "rmse", "r2", "n"] as const;

/**
 * Fits a diffusion curve (bass, logistic or gompertz) to cumulative counts by least squares and spills its parameters with standard errors, then sse, rmse, r2 and n.
 * Example: =CRS.FIT("logistic", {0;1.05}, {3500;18981}, 35000) → rate 2.25 a month and midpoint 0.97 months after the end of June 2005, through the article's two GP counts with 35,000 GPs assumed (2 points fix 2 parameters exactly, so the standard errors are #N/A).
 * @customfunction FIT
 * @param model "bass" (p, q, m), "logistic" (m, rate, midpoint) or "gompertz" (m, a, b), in any case. One name, not a range: the result is one model's table.
 * @param times The times of the counts, one row or column, in periods (e.g. months); for bass, periods since the launch, 0 or more.
 * @param values The cumulative counts at those times, 0 or more (e.g. GPs registered); rows blank in both times and values are skipped.
 * @param [market] A known market size, greater than 0, held fixed (its standard error is 0); fitted if omitted (e.g. 35,000 GPs). One value, not a range: a fit has one market size.
 * @returns A table: a header row, a row per parameter (name, estimate, standard error), then sse, rmse, r2 and n.
 */
export function FIT(model: string, times: any[][], values: any[][], market?: any): any[][] {
  return excelResult(() => {
    const fit = fitOf(model, times, values, market);
    const { parameters, standardErrors } = fit;
    const rows: any[][] = [[...FIT_HEADER]];
    fit.model.parameters.forEach((name, j) => {
      const fixed = fit.fixedMarket && j === fit.model.market;
      rows.push([name, parameters[j], fixed ? 0 : standardErrors ? standardErrors[j] : uncertaintyError(fit)]);
    });
    for (const statistic of FIT_STATISTICS) rows.push([statistic, fit[statistic], ""]);
    return rows;
  });
}

/**
 * Forecasts cumulative counts from a fitted diffusion curve, with lower and upper prediction bounds for the counts at those times.
 * Example: =CRS.FORECAST("bass", A2:A25, B2:B25, SEQUENCE(12,1,25)) → months 25 to 36 with the forecast and its 95% prediction interval.
 * @customfunction FORECAST
 * @param model "bass", "logistic" or "gompertz", in any case. One name, not a range: one model is fitted.
 * @param times The times of the counts, one row or column (e.g. months since the launch).
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param newTimes The times to forecast, one row or column; a blank cell gives a blank row.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted. One value, not a range: a fit has one market size.
 * @param [confidence] The probability the interval is to cover a new count, between 0 and 1; 0.95 if omitted. One value, not a range: the bounds are columns of one table.
 * @returns A table: a header row, then a row per new time with the time, the forecast and the lower and upper bounds.
 */
export function FORECAST(model: string, times: any[][], values: any[][], newTimes: any[][], market?: any, confidence?: any): any[][] {
  return excelResult(() => {
    const level = toNumber(single(confidence, "confidence"), "confidence", 0.95);
    if (!(level > 0 && level < 1)) throw new ModelError("num", "confidence must be between 0 and 1 (e.g. 0.95 for 95%).");
    const cells = readCells(newTimes, "newTimes");
    const fit = fitOf(model, times, values, market);
    const percent = `${Number((level * 100).toPrecision(6))}%`;
    const rows: any[][] = [["Time", "Forecast", `Lower ${percent}`, `Upper ${percent}`]];
    cells.forEach((cell, index) => {
      if (isEmpty(cell)) {
        rows.push(["", "", "", ""]);
        return;
      }
      try {
        if (isExcelError(cell)) throw cell;
        if (typeof cell !== "number" || !Number.isFinite(cell)) {
          throw new ModelError("value", `newTimes must hold only numbers: item ${index + 1} is ${describe(cell)}.`);
        }
        const point = forecastAt(fit, cell, level);
        rows.push([cell, point.value, point.lower ?? uncertaintyError(fit), point.upper ?? uncertaintyError(fit)]);
      } catch (error) {
        const excelError = toExcelError(error);
        rows.push([typeof cell === "number" && Number.isFinite(cell) ? cell : excelError, excelError, excelError, excelError]);
      }
    });
    return rows;
  });
}

/**
 * The time at which a diffusion curve fitted to cumulative counts reaches a target; #N/A if it never does (the target is at or above the fitted market size).
 * Example: =CRS.REACH("logistic", {0;1.05}, {3500;18981}, 10500, 35000) → 0.60: 30% of 35,000 GPs were registered about 0.6 months after the end of June 2005.
 * @customfunction REACH
 * @param model "bass", "logistic" or "gompertz", in any case. One name, not a range: one model is fitted.
 * @param times The times of the counts, one row or column (e.g. months).
 * @param values The cumulative counts at those times, 0 or more; rows blank in both are skipped.
 * @param target The count to reach, greater than 0 (e.g. 10,500 GPs, 30% of 35,000); a range gives a time for each.
 * @param [market] A known market size, greater than 0, held fixed; fitted if omitted. One value, not a range: a fit has one market size.
 * @returns The time, in the units of times, at which the fitted curve reaches the target.
 */
export function REACH(model: string, times: any[][], values: any[][], target: any[][], market?: any): any[][] {
  return excelResult(() => {
    const fit = fitOf(model, times, values, market);
    return elementwise([target], (cells) => reachTime(fit.model, fit.parameters, toNumber(cells[0], "target")));
  });
}

/** Reads the model, data and market size and fits the model. */
function fitOf(model: unknown, times: unknown, values: unknown, market: unknown): DiffusionFit {
  const diffusion = readModel(model);
  const known = single(market, "market");
  const data = readSeries(times, values);
  return fitDiffusion(diffusion, data.times, data.values, isEmpty(known) ? {} : { market: toNumber(known, "market") });
}

/** The model of a name (any case), or a #VALUE!-kind error listing the models. */
function readModel(value: unknown): DiffusionModel {
  const name = single(value, "model");
  if (isExcelError(name)) throw name;
  const model = typeof name === "string" ? findModel(name) : undefined;
  if (model) return model;
  const names = MODELS.map((candidate) => `"${candidate.name}"`);
  throw new ModelError("value", `model must be ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}, not ${describe(name)}.`);
}

/**
 * The value of a parameter that takes one value: itself, or the one cell of a 1 × 1 range. A
 * larger range is a #VALUE!-kind error: market, confidence and the model are one per fit.
 */
function single(value: unknown, argument: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new ModelError("value", `${argument} must be a single value, not a range.`);
}

/**
 * The cells of a one-row or one-column range (or of a single value), in reading order. Any
 * other shape is a #VALUE!-kind error naming the argument.
 */
function readCells(range: unknown, argument: string): unknown[] {
  if (!Array.isArray(range)) return [range];
  const width = Array.isArray(range[0]) ? range[0].length : -1;
  const rectangular = range.length > 0 && width > 0 && range.every((row) => Array.isArray(row) && row.length === width);
  if (!rectangular || (range.length > 1 && width > 1)) {
    throw new ModelError("value", `${argument} must be a single row or a single column.`);
  }
  return (range as unknown[][]).flat();
}

/**
 * The paired times and values as numbers. The two ranges must have as many cells; a pair blank
 * in both is skipped (so a range can reach below the data); a blank on one side only, or a cell
 * that is not a number, is a #VALUE!-kind error naming the argument and the item.
 */
function readSeries(times: unknown, values: unknown): { times: number[]; values: number[] } {
  const timeCells = readCells(times, "times");
  const valueCells = readCells(values, "values");
  if (timeCells.length !== valueCells.length) {
    throw new ModelError(
      "value",
      `times and values must have as many cells each (times has ${timeCells.length}, values ${valueCells.length}).`,
    );
  }
  const result = { times: [] as number[], values: [] as number[] };
  for (let i = 0; i < timeCells.length; i++) {
    const t = timeCells[i];
    const y = valueCells[i];
    if (isEmpty(t) && isEmpty(y)) continue;
    result.times.push(readNumber(t, "times", i, isEmpty(y) ? undefined : "values"));
    result.values.push(readNumber(y, "values", i, isEmpty(t) ? undefined : "times"));
  }
  return result;
}

/** One cell of a data range as a finite number, or a #VALUE!-kind error naming it. */
function readNumber(cell: unknown, argument: string, index: number, other: string | undefined): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (isExcelError(cell)) throw cell;
  const pair = isEmpty(cell) && other ? ` while ${other} has a number there` : "";
  throw new ModelError("value", `${argument} must hold only numbers: item ${index + 1} is ${describe(cell)}${pair}.`);
}

/** The cell shown where the fit has no standard error: #N/A with no degrees of freedom, else #NUM!. */
function uncertaintyError(fit: DiffusionFit): CustomFunctions.Error {
  const kind = fit.variance === undefined ? "na" : "num";
  return toExcelError(new ModelError(kind, fit.uncertaintyNote ?? "The fit has no standard errors."));
}
