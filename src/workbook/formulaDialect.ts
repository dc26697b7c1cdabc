/**
 * The two ways the model's formulas are written: with the add-in's `CRS.` functions, or with
 * Excel's own functions so that a workbook works where the add-in is not installed. Both give
 * the same numbers; each formula of the model is defined once here, per dialect.
 *
 * Arguments and results are Excel expressions: formula text without the leading "=", such as
 * a defined name, a cell reference, a number or a nested expression. The native dialect only
 * uses functions that every Excel since 2007 reads without an `_xlfn.` prefix, so Office.js
 * and an .xlsx file accept the very same text.
 */

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
  /** Logistic growth from `current` at `rate` per period towards `ceiling`, after `periods`. */
  project(current: Expression, rate: Expression, periods: Expression, ceiling: Expression): Expression;
  /** Periods until `project` reaches `target`; 0 if already there, #N/A if never. */
  periodsTo(current: Expression, target: Expression, rate: Expression, ceiling: Expression): Expression;
  /** Whole registrations still needed to reach `threshold` of `total`; 0 if met. */
  shortfall(registered: Expression, total: Expression, threshold: Expression): Expression;
  /** practices × payment if the threshold is met, else 0. */
  incentive(
    practices: Expression,
    registered: Expression,
    total: Expression,
    threshold: Expression,
    payment: Expression,
  ): Expression;
}

/** Days in the average month, as PERIODS counts months. */
const DAYS_PER_MONTH: Expression = "(365.25/12)";

/** An expression safe to use as an operand: names, references and numbers as they are, the rest in brackets. */
function operand(expression: Expression): Expression {
  return /^[\w.$]+$/.test(expression) ? expression : `(${expression})`;
}

/** A call of a function of the add-in's `CRS` namespace. */
function crsCall(name: string, args: readonly Expression[]): Expression {
  return `CRS.${name}(${args.join(",")})`;
}

/** The dialect of the add-in's own functions: `CRS.GROWTH(...)` and so on. */
export const CRS_DIALECT: FormulaDialect = {
  flavour: "crs",
  growth: (start, end, periods) => crsCall("GROWTH", [start, end, periods]),
  periods: (startDate, endDate) => crsCall("PERIODS", [startDate, endDate]),
  project: (current, rate, periods, ceiling) => crsCall("PROJECT", [current, rate, periods, ceiling]),
  periodsTo: (current, target, rate, ceiling) => crsCall("PERIODSTO", [current, target, rate, ceiling]),
  shortfall: (registered, total, threshold) => crsCall("SHORTFALL", [registered, total, threshold]),
  incentive: (practices, registered, total, threshold, payment) =>
    crsCall("INCENTIVE", [practices, registered, total, threshold, payment]),
};

/** The dialect of Excel's own functions, with the same results as the `CRS.` functions. */
export const NATIVE_DIALECT: FormulaDialect = {
  flavour: "portable",
  growth: (start, end, periods) => `POWER(${operand(end)}/${operand(start)},1/${operand(periods)})-1`,
  periods: (startDate, endDate) => `(${operand(endDate)}-${operand(startDate)})/${DAYS_PER_MONTH}`,
  // K/current − 1 is written (K − current)/current, and likewise for the target, so that a
  // value close to the ceiling keeps its digits (K − current is exact there) as in the model.
  project(current, rate, periods, ceiling) {
    const [c, r, k] = [operand(current), operand(rate), operand(ceiling)];
    return `IF(${c}=0,0,${k}/(1+(${k}-${c})/${c}*POWER(1+${r},-${operand(periods)})))`;
  },
  periodsTo(current, target, rate, ceiling) {
    const [c, t, r, k] = [operand(current), operand(target), operand(rate), operand(ceiling)];
    const never = `OR(${r}<=0,${c}=0,${t}>=${k})`;
    return `IF(${c}>=${t},0,IF(${never},NA(),LN((${k}-${c})*${t}/((${k}-${t})*${c}))/LN(1+${r})))`;
  },
  shortfall: (registered, total, threshold) =>
    `MAX(0,ROUNDUP(ROUND(${operand(threshold)}*${operand(total)}-${operand(registered)},9),0))`,
  incentive(practices, registered, total, threshold, payment) {
    const met = `${NATIVE_DIALECT.shortfall(registered, total, threshold)}=0`;
    return `IF(${met},${operand(practices)}*${operand(payment)},0)`;
  },
};

/** The dialect of a flavour. */
export function dialectOf(flavour: FormulaFlavour): FormulaDialect {
  return flavour === "crs" ? CRS_DIALECT : NATIVE_DIALECT;
}

/** The date `periods` months (as PERIODS counts them) after `date`: the inverse of `periods`. */
export function dateAfter(date: Expression, periods: Expression): Expression {
  return `${operand(date)}+${operand(periods)}*${DAYS_PER_MONTH}`;
}
