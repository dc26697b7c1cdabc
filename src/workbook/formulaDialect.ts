/**
 * The two ways the model's formulas are written: with the add-in's `CRS.` functions, or with
 * Excel's own functions so that a workbook works where the add-in is not installed. Both give
 * the same numbers; each formula of the model is defined once here, per dialect.
 *
 * Arguments and results are Excel expressions: formula text without the leading "=", such as
 * a defined name, a cell reference, a number or a nested expression. The portable dialect only
 * uses functions that every Excel since 2007 reads without an `_xlfn.` prefix, so Office.js
 * and an .xlsx file accept the very same text.
 *
 * Outside a function's domain both dialects give the same error: the portable formulas check
 * the domain of the `CRS.` function first and give #NUM! where it does, so that (say) a PCT
 * with no GPs is an error in both, never an incentive paid in one of them.
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

/**
 * Excel's #NUM! error. No function before `_xlfn.` ones returns it directly; the logarithm of 0
 * is #NUM! in Excel and in LibreOffice alike.
 */
const NUM_ERROR: Expression = "LN(0)";

/** `value`, or #NUM! where any of the conditions `outside` holds, as a `CRS.` function's domain check. */
function withinDomain(outside: readonly Expression[], value: Expression): Expression {
  return `IF(OR(${outside.join(",")}),${NUM_ERROR},${value})`;
}

/** The portable dialect: Excel's own functions, with the same results as the `CRS.` functions. */
export const PORTABLE_DIALECT: FormulaDialect = {
  flavour: "portable",
  growth(start, end, periods) {
    const [s, e, n] = [operand(start), operand(end), operand(periods)];
    return withinDomain([`${s}<=0`, `${e}<0`, `${n}<=0`], `POWER(${e}/${s},1/${n})-1`);
  },
  periods: (startDate, endDate) => `(${operand(endDate)}-${operand(startDate)})/${DAYS_PER_MONTH}`,
  // K/current − 1 is written (K − current)/current, and likewise for the target, so that a
  // value close to the ceiling keeps its digits (K − current is exact there) as in the model.
  project(current, rate, periods, ceiling) {
    const [c, r, k] = [operand(current), operand(rate), operand(ceiling)];
    const value = `IF(${c}=0,0,${k}/(1+(${k}-${c})/${c}*POWER(1+${r},-${operand(periods)})))`;
    return withinDomain([`${c}<0`, `${r}<=-1`, `${k}<=0`], value);
  },
  periodsTo(current, target, rate, ceiling) {
    const [c, t, r, k] = [operand(current), operand(target), operand(rate), operand(ceiling)];
    const never = `OR(${r}<=0,${c}=0,${t}>=${k})`;
    const value = `IF(${c}>=${t},0,IF(${never},NA(),LN((${k}-${c})*${t}/((${k}-${t})*${c}))/LN(1+${r})))`;
    return withinDomain([`${c}<0`, `${r}<=-1`, `${k}<=0`], value);
  },
  shortfall(registered, total, threshold) {
    const [g, n, h] = [operand(registered), operand(total), operand(threshold)];
    return withinDomain([`${g}<0`, `${n}<=0`, `${h}<0`, `${h}>1`], `MAX(0,ROUNDUP(ROUND(${h}*${n}-${g},9),0))`);
  },
  incentive(practices, registered, total, threshold, payment) {
    const [p, m] = [operand(practices), operand(payment)];
    const met = `${PORTABLE_DIALECT.shortfall(registered, total, threshold)}=0`;
    return withinDomain([`${p}<0`, `${m}<0`], `IF(${met},${p}*${m},0)`);
  },
};

/** The dialect of a flavour. */
export function dialectOf(flavour: FormulaFlavour): FormulaDialect {
  return flavour === "crs" ? CRS_DIALECT : PORTABLE_DIALECT;
}

/** The date `periods` months (as PERIODS counts them) after `date`: the inverse of `periods`. */
export function dateAfter(date: Expression, periods: Expression): Expression {
  return `${operand(date)}+${operand(periods)}*${DAYS_PER_MONTH}`;
}
