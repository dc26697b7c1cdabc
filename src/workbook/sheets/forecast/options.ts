/**
 * The options of "Forecast from your data", read and checked in one place for the task pane
 * and `npm run forecast`: the model, a known market size, a target with the date to reach it
 * by, the launch Bass counts time from, the horizon, the period and the confidence. They
 * depend on the series (whether its times are dates, its largest count), so they are read
 * after it.
 */
import type { ModelName } from "../../../model/diffusion";
import { formatCount } from "../../../model/format";
import { PERIOD_UNIT_DAYS } from "../../../model/periods";
import type { Series } from "../../../data/series";
import { LAST_SERIAL } from "../../../excel/dates";
import { DATE_FORMS, EXCEL_DATES, FIRST_SERIAL, describeDate, readDateText, readNumberText } from "../../../data/textValues";

/** The model to fit: one of the three, or "auto" for the one COMPARE ranks first. */
export type ForecastModel = "auto" | ModelName;

/** The period the horizon counts in: a calendar unit, or "period" (one unit of numeric times). */
export type ForecastUnit = "day" | "week" | "month" | "quarter" | "year" | "period";

/** Checked options. */
export interface ForecastOptions {
  readonly model: ForecastModel;
  /** A known market size, held fixed in the fit; null to fit it. */
  readonly market: number | null;
  /** A count to reach and the time to reach it by (a date serial when the times are dates); or null. */
  readonly target: { readonly count: number; readonly by: number } | null;
  /**
   * For Bass with dates, the launch it counts time from (a date serial), the fits then taking
   * times as `unit` periods since it; null otherwise.
   */
  readonly launch: number | null;
  /** How many periods to forecast past the last count: a whole number from 1 to 600. */
  readonly horizon: number;
  readonly unit: ForecastUnit;
  /** The probability the forecast's bounds are to cover a count, between 0 and 1. */
  readonly confidence: number;
}

/**
 * Options as given: texts from a command line or the pane's fields, or numbers. A missing,
 * empty or blank option takes its default.
 */
export interface ForecastOptionsInput {
  readonly model?: unknown;
  readonly market?: unknown;
  readonly target?: unknown;
  readonly by?: unknown;
  /**
   * A date, or blank for the first count's date. The command and the pane offer it, and pass it
   * even blank; without it, Bass with dates is refused as CRS.FIT refuses it.
   */
  readonly launch?: unknown;
  readonly horizon?: unknown;
  readonly unit?: unknown;
  readonly confidence?: unknown;
}

/** The name of an option. */
export type ForecastOptionName = keyof ForecastOptionsInput;

/** The defaults: auto model, 12 periods, 80% bounds; the unit is month for dates, "period" otherwise. */
export const FORECAST_DEFAULTS = { model: "auto", horizon: 12, confidence: 0.8, dateUnit: "month", numberUnit: "period" } as const;

/** The longest horizon: 600 periods, 50 years of months. */
export const MAX_HORIZON = 600;

const MODELS: readonly ForecastModel[] = ["auto", "bass", "logistic", "gompertz"];

/** One option that is wrong, and a sentence that names it and says what it must be. */
export interface ForecastOptionProblem {
  readonly option: ForecastOptionName;
  readonly message: string;
}

/** Options that cannot be used: every problem found, one a line in the message. */
export class ForecastOptionsError extends Error {
  constructor(readonly problems: readonly ForecastOptionProblem[]) {
    super(problems.map((problem) => problem.message).join("\n"));
    this.name = "ForecastOptionsError";
  }
}

/** How the command line names an option: "--market". */
export const commandLineOption = (option: ForecastOptionName): string => `--${option}`;

/**
 * Reads and checks the options for a series. Each wrong option is named by `label` (the
 * command line's "--market" unless the pane gives its own field names); all are reported
 * together in a `ForecastOptionsError`.
 *
 * - model: auto, bass, logistic or gompertz, in any case;
 * - market: a number greater than 0, at least the largest count;
 * - target and by, both or neither: a count greater than 0 (at most the market, if given), and
 *   a date (2005-06-30 or 30/06/2005, or a number as a date serial, as a date cell gives it)
 *   when the times are dates, else a time on the same scale as the times;
 * - launch: with dates, a date on or before the first count (blank: the first count's date), for
 *   Bass only; with numeric times none (Bass counts from time 0);
 * - horizon: a whole number of periods from 1 to 600;
 * - unit: day, week, month, quarter or year (any case, plural too); with numeric times also
 *   "period", the default there, and the calendar units name what one time step is;
 * - confidence: between 0 and 1, or a percentage such as 80%.
 *
 * @example readForecastOptions({ target: "45", by: "30/06/2005", confidence: "90%" }, series)
 *   // { model: "auto", market: null, target: { count: 45, by: 38533 }, horizon: 12, unit: "month", confidence: 0.9 }
 */
export function readForecastOptions(
  input: ForecastOptionsInput,
  series: Pick<Series, "timesAreDates" | "counts"> & { readonly times?: readonly number[] },
  label: (option: ForecastOptionName) => string = commandLineOption,
): ForecastOptions {
  const problems: ForecastOptionProblem[] = [];
  const fail = (option: ForecastOptionName, message: string) => {
    problems.push({ option, message: `${label(option)} ${message}` });
    return undefined;
  };
  const given = (option: ForecastOptionName) => !isBlank(input[option]);

  const model = readModel(input.model, fail);
  const market = given("market") ? readMarket(input.market, series.counts, fail) : null;
  const count = given("target") ? readPositive(input.target, "target", "a count greater than 0, such as 45", fail) : undefined;
  const by = given("by") ? readBy(input.by, series.timesAreDates, fail) : undefined;
  if (given("target") !== given("by")) {
    if (given("target")) fail("target", `needs ${label("by")} too: the ${series.timesAreDates ? "date" : "time"} to reach it by.`);
    else fail("by", `needs ${label("target")} too: the count to reach by then.`);
  }
  if (count !== undefined && market !== null && market !== undefined && count > market) {
    fail("target", `${formatCount(count)} is more than the market size ${formatCount(market)}, so it is never reached.`);
  }
  const horizon = given("horizon") ? readHorizon(input.horizon, fail) : FORECAST_DEFAULTS.horizon;
  const unit = given("unit") ? readUnit(input.unit, series.timesAreDates, fail) : series.timesAreDates ? FORECAST_DEFAULTS.dateUnit : FORECAST_DEFAULTS.numberUnit;
  const confidence = given("confidence") ? readConfidence(input.confidence, fail) : FORECAST_DEFAULTS.confidence;
  const launch = input.launch === undefined || model !== "bass" ? null : readLaunch(input.launch, series, fail);
  if (given("launch") && !series.timesAreDates) fail("launch", "is for dates: with numbers as times, Bass counts time from 0.");
  else if (given("launch") && model !== "bass") fail("launch", "is for the Bass model only: the other curves need no launch.");

  if (problems.length > 0) throw new ForecastOptionsError(problems);
  return {
    model: model as ForecastModel,
    market: market as number | null,
    target: count !== undefined && by !== undefined ? { count, by } : null,
    launch: launch ?? null,
    horizon: horizon as number,
    unit: unit as ForecastUnit,
    confidence: confidence as number,
  };
}

type Fail = (option: ForecastOptionName, message: string) => undefined;

/** Whether an option was left out: nothing, or an empty or blank text. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** An option's value for a message: a text in quotes, anything else as it is. */
function shown(value: unknown): string {
  return typeof value === "string" ? `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"` : String(value);
}

/** A number given as a number or as text (1,234 allowed), or undefined. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return typeof value === "string" ? readNumberText(value) : undefined;
}

function readModel(value: unknown, fail: Fail): ForecastModel | undefined {
  if (isBlank(value)) return FORECAST_DEFAULTS.model;
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  const model = MODELS.find((candidate) => candidate === name);
  return model ?? fail("model", `must be auto, bass, logistic or gompertz, not ${shown(value)}.`);
}

function readPositive(value: unknown, option: ForecastOptionName, what: string, fail: Fail): number | undefined {
  const number = numberOf(value);
  if (number === undefined) return fail(option, `must be ${what}, not ${shown(value)}.`);
  return number > 0 ? number : fail(option, `must be ${what}, not ${formatCount(number)}.`);
}

function readMarket(value: unknown, counts: readonly number[], fail: Fail): number | undefined {
  const market = readPositive(value, "market", "a market size greater than 0, such as 150", fail);
  if (market === undefined) return undefined;
  const largest = Math.max(...counts);
  if (market < largest) return fail("market", `${formatCount(market)} is less than the largest count, ${formatCount(largest)}: the market size is all who can adopt, at least as many as have.`);
  return market;
}

function readBy(value: unknown, timesAreDates: boolean, fail: Fail): number | undefined {
  if (!timesAreDates) {
    const time = numberOf(value);
    return time ?? fail("by", `must be a time on the scale of your times (a number, as the times are numbers), not ${shown(value)}.`);
  }
  // A number is a date serial, as a date cell in the pane gives it; text must be written as a date.
  if (typeof value === "number") {
    return value >= FIRST_SERIAL && value < LAST_SERIAL + 1 ? value : fail("by", `must be a date (${EXCEL_DATES}), not ${shown(value)}.`);
  }
  const date = typeof value === "string" ? readDateText(value) : undefined;
  if (date && "serial" in date) return date.serial;
  const why = date ? `: ${date.problem}` : "";
  return fail("by", `must be a date, such as ${DATE_FORMS}, as the times are dates, not ${shown(value)}${why}.`);
}

/** The launch of Bass with dates: a date on or before the first count, by default the first count's date; none with numeric times. */
function readLaunch(value: unknown, series: { readonly timesAreDates: boolean; readonly times?: readonly number[] }, fail: Fail): number | undefined {
  if (!series.timesAreDates || series.times === undefined) return undefined;
  const first = Math.min(...series.times);
  if (isBlank(value)) return first;
  const date = typeof value === "string" ? readDateText(value) : undefined;
  if (!date || !("serial" in date)) return fail("launch", `must be a date, such as ${DATE_FORMS}, not ${shown(value)}${date ? `: ${date.problem}` : ""}.`);
  if (date.serial <= first) return date.serial;
  return fail("launch", `must be on or before the first count's date, ${describeDate(first)}, not ${shown(value)}: Bass counts the adopters from the launch.`);
}

function readHorizon(value: unknown, fail: Fail): number | undefined {
  const horizon = numberOf(value);
  if (horizon !== undefined && Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON) return horizon;
  return fail("horizon", `must be a whole number of periods from 1 to ${MAX_HORIZON}, such as 12, not ${shown(value)}.`);
}

function readUnit(value: unknown, timesAreDates: boolean, fail: Fail): ForecastUnit | undefined {
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  const singular = name.endsWith("s") ? name.slice(0, -1) : name;
  if (PERIOD_UNIT_DAYS.has(singular)) return singular as ForecastUnit;
  if (singular === "period" && !timesAreDates) return "period";
  const units = [...PERIOD_UNIT_DAYS.keys()].join(", ");
  return fail("unit", `must be one of ${units}${timesAreDates ? "" : " or period"}, not ${shown(value)}.`);
}

function readConfidence(value: unknown, fail: Fail): number | undefined {
  const percent = typeof value === "string" && value.trim().endsWith("%");
  const number = numberOf(percent ? (value as string).trim().slice(0, -1) : value);
  const confidence = number === undefined ? undefined : percent ? number / 100 : number;
  if (confidence !== undefined && confidence > 0 && confidence < 1) return confidence;
  return fail("confidence", `must be between 0 and 1, or a percentage, such as 0.8 or 80%, not ${shown(value)}.`);
}
