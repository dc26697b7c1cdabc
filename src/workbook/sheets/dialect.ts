/**
 * The two ways the model's formulas are written: with the add-in's `CRS.` functions, or with
 * Excel's own functions so that a workbook works where the add-in is not installed. Both give
 * the same numbers for valid inputs; each formula that differs is defined once here, per dialect.
 *
 * Arguments and results are Excel expressions: formula text without the leading "=", such as
 * a defined name, a cell reference, a number or a nested expression. The portable dialect only
 * uses functions that every Excel since 2007 reads without an `_xlfn.` prefix, so Office.js
 * and an .xlsx file accept the very same text.
 *
 * The portable formulas carry no domain checks of their own: the model sheet's Checks block says
 * in words which input is outside its domain, and a formula given such an input shows Excel's own
 * error (#DIV/0!, #NUM!) where the `CRS.` function shows #NUM! with a message.
 */
import { unitDays } from "../../model/periods";
import type { Cell } from "../plan";

/** An Excel expression: formula text without its leading "=". */
export type Expression = string;

/** Which dialect a model is written in. */
export type FormulaFlavour = "crs" | "portable";

/** The model's formulas, each with the arguments and mathematics of its `CRS.` function. */
export interface FormulaDialect {
  readonly flavour: FormulaFlavour;
  /** Compound growth rate per period from `start` to `end`: (end/start)^(1/periods) − 1. */
  growth(start: Expression, end: Expression, periods: Expression): Expression;
  /** Months between two dates: days / (365.25/12). */
  periods(startDate: Expression, endDate: Expression): Expression;
  /** Whole registrations still needed to reach `threshold` of `total`; 0 if met. */
  shortfall(registered: Expression, total: Expression, threshold: Expression): Expression;
  /** Whole registrations `share` of `total` takes: the shortfall from none. */
  wholeShare(share: Expression, total: Expression): Expression;
  /**
   * practices × payment if `registered` of `total` reaches `threshold`, else 0. The portable
   * dialect reads the reaching from `shortfall`, the cell holding the shortfall, not a copy of
   * its formula.
   */
  incentive(
    practices: Expression,
    registered: Expression,
    total: Expression,
    threshold: Expression,
    payment: Expression,
    shortfall: Expression,
  ): Expression;
}

/** Days in the average month, as PERIODS and the fits count months: 365.25 / 12. */
export const AVERAGE_MONTH_DAYS = unitDays("month");

/** The average month as a formula writes it: `AVERAGE_MONTH_DAYS`, spelt so a reader sees where it comes from. */
export const DAYS_PER_MONTH: Expression = "(365.25/12)";

/**
 * A number the add-in computed, as a cell: the number, or #N/A where there is none (a figure's
 * `{ missing }`, a fit's ModelError), which a formula over it shows as Excel does.
 *
 * @example numberOrNA(12.5) // 12.5
 * @example numberOrNA({ missing: "no spread" }) // { formula: "=NA()" }
 */
export function numberOrNA(value: number | object): Cell {
  return typeof value === "number" ? value : { formula: "=NA()" };
}

/** An expression safe to use as an operand: names, references and numbers as they are, the rest in brackets. */
export function operand(expression: Expression): Expression {
  return /^[\w.$]+$/.test(expression) ? expression : `(${expression})`;
}

/** A call of a function of the add-in's `CRS` namespace. */
export function crsCall(name: string, args: readonly Expression[]): Expression {
  return `CRS.${name}(${args.join(",")})`;
}

/**
 * The calls of the add-in's fitting functions, one spelling each, arguments in the order of the
 * spec's function table: every sheet that writes one writes it with these.
 */
export const FIT_CALLS = {
  compare: (times: Expression, counts: Expression, market: Expression): Expression => crsCall("COMPARE", [times, counts, market]),
  fit: (model: Expression, times: Expression, counts: Expression, market: Expression): Expression => crsCall("FIT", [model, times, counts, market]),
  forecast: (model: Expression, times: Expression, counts: Expression, newTimes: Expression, market: Expression, confidence: Expression): Expression =>
    crsCall("FORECAST", [model, times, counts, newTimes, market, confidence]),
  reach: (model: Expression, times: Expression, counts: Expression, target: Expression, market: Expression): Expression =>
    crsCall("REACH", [model, times, counts, target, market]),
  chance: (model: Expression, times: Expression, counts: Expression, target: Expression, by: Expression, market: Expression): Expression =>
    crsCall("CHANCE", [model, times, counts, target, by, market]),
  // The scalar ones a sheet takes a single figure with, never a cell of a table that may hold an error.
  bestModel: (times: Expression, counts: Expression, market: Expression): Expression => crsCall("BESTMODEL", [times, counts, market]),
  weight: (model: Expression, times: Expression, counts: Expression, market: Expression): Expression => crsCall("WEIGHT", [model, times, counts, market]),
  // Without a confidence, FORECASTAT's default (0.95), which the fitted curve does not depend on.
  forecastAt: (model: Expression, times: Expression, counts: Expression, time: Expression, figure: ForecastFigure, market: Expression, confidence?: Expression): Expression =>
    crsCall("FORECASTAT", [model, times, counts, time, `"${figure}"`, market, ...(confidence === undefined ? [] : [confidence])]),
} as const;

/** A figure of FORECAST's table that FORECASTAT gives on its own. */
export type ForecastFigure = "forecast" | "lower" | "upper" | "fitted";

/** The dialect of the add-in's own functions: `CRS.GROWTH(...)` and so on. */
export const CRS_DIALECT: FormulaDialect = {
  flavour: "crs",
  growth: (start, end, periods) => crsCall("GROWTH", [start, end, periods]),
  periods: (startDate, endDate) => crsCall("PERIODS", [startDate, endDate]),
  shortfall: (registered, total, threshold) => crsCall("SHORTFALL", [registered, total, threshold]),
  wholeShare: (share, total) => crsCall("SHORTFALL", ["0", total, share]),
  incentive: (practices, registered, total, threshold, payment) =>
    crsCall("INCENTIVE", [practices, registered, total, threshold, payment]),
};

/**
 * The whole number at or above `x` after rounding `x` to 9 decimals, as SHORTFALL counts: the
 * rounding forgives the binary error of a product such as 0.3 × 10 (3.0000000000000004), so a
 * share exactly at the threshold counts as reached.
 */
function wholeAbove(x: Expression): Expression {
  return `ROUNDUP(ROUND(${x},9),0)`;
}

/** The portable dialect: Excel's own functions, with the same results as the `CRS.` functions. */
export const PORTABLE_DIALECT: FormulaDialect = {
  flavour: "portable",
  growth: (start, end, periods) => `POWER(${operand(end)}/${operand(start)},1/${operand(periods)})-1`,
  periods: (startDate, endDate) => `(${operand(endDate)}-${operand(startDate)})/${DAYS_PER_MONTH}`,
  shortfall: (registered, total, threshold) =>
    `MAX(0,${wholeAbove(`${operand(threshold)}*${operand(total)}-${operand(registered)}`)})`,
  wholeShare: (share, total) => wholeAbove(`${operand(share)}*${operand(total)}`),
  incentive: (practices, _registered, _total, _threshold, payment, shortfall) =>
    `IF(${operand(shortfall)}=0,${operand(practices)}*${operand(payment)},0)`,
};

/** The dialect of a flavour. */
export function dialectOf(flavour: FormulaFlavour): FormulaDialect {
  return flavour === "crs" ? CRS_DIALECT : PORTABLE_DIALECT;
}
