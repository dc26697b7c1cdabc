/**
 * The portfolio's options as a user gives them (texts from the command line, or cells' values
 * from the pane), read and checked: the incentive scheme, the later target, the curve and the
 * confidence, each defaulting as the PCT adoption model's inputs do.
 */
import { isoToExcelSerial } from "./dates";
import type { PortfolioModel, PortfolioOptions } from "../model/portfolio/analysis";
import { DATE_FORMS, EXCEL_DATES, FIRST_SERIAL, readDateText, readNumberText } from "./textValues";
import { LAST_SERIAL } from "../excel/dates";

/** The options by the names the command line gives them (without the "--"). */
export interface PortfolioOptionsInput {
  readonly threshold?: unknown;
  readonly payment?: unknown;
  readonly deadline?: unknown;
  readonly "target-share"?: unknown;
  readonly "target-date"?: unknown;
  readonly model?: unknown;
  readonly confidence?: unknown;
}
export type PortfolioOptionName = keyof PortfolioOptionsInput;

/**
 * The defaults, as the PCT model's inputs: the article's scheme (30% of GPs by 30 Jun 2005,
 * £6,000 a practice) and the model's example target (80% by 31 Mar 2006), the logistic curve,
 * 80% bounds.
 */
export const PORTFOLIO_DEFAULTS: PortfolioOptions = {
  threshold: 0.3,
  payment: 6_000,
  deadline: isoToExcelSerial("2005-06-30"),
  targetShare: 0.8,
  targetDate: isoToExcelSerial("2006-03-31"),
  model: "logistic",
  confidence: 0.8,
};

const MODELS: readonly PortfolioModel[] = ["logistic", "gompertz", "auto"];

/** Options that cannot be used: every problem found, one a line in the message. */
export class PortfolioOptionsError extends Error {
  constructor(readonly problems: readonly { readonly option: PortfolioOptionName; readonly message: string }[]) {
    super(problems.map((problem) => problem.message).join("\n"));
    this.name = "PortfolioOptionsError";
  }
}

/**
 * Reads and checks the options, naming each wrong one by `label` (the command line's
 * "--threshold" unless the pane gives its own field names); all the problems are reported
 * together in a `PortfolioOptionsError`.
 *
 * - threshold and target-share: a share, 0 to 1 or a percentage (30%); the target above 0;
 * - payment: pounds, 0 or more (£6,000 or 6000);
 * - deadline and target-date: dates (2005-06-30 or 30/06/2005, or a date serial as a date cell gives it);
 * - model: logistic, gompertz or auto, in any case;
 * - confidence: between 0 and 1, or a percentage such as 80%.
 *
 * @example readPortfolioOptions({ threshold: "30%", "target-date": "31/03/2006" }).threshold // 0.3
 */
export function readPortfolioOptions(
  input: PortfolioOptionsInput,
  label: (option: PortfolioOptionName) => string = (option) => `--${option}`,
): PortfolioOptions {
  const problems: { option: PortfolioOptionName; message: string }[] = [];
  const fail = (option: PortfolioOptionName, message: string): undefined => {
    problems.push({ option, message: `${label(option)} ${message}` });
    return undefined;
  };
  const read = <T>(option: PortfolioOptionName, reader: (value: unknown, fail: (message: string) => undefined) => T | undefined, fallback: T): T | undefined =>
    isBlank(input[option]) ? fallback : reader(input[option], (message) => fail(option, message));
  const options = {
    threshold: read("threshold", (value, no) => readShare(value, false, "0.3 or 30%", no), PORTFOLIO_DEFAULTS.threshold),
    payment: read("payment", readPayment, PORTFOLIO_DEFAULTS.payment),
    deadline: read("deadline", (value, no) => readDate(value, "2005-06-30", no), PORTFOLIO_DEFAULTS.deadline),
    targetShare: read("target-share", (value, no) => readShare(value, true, "0.8 or 80%", no), PORTFOLIO_DEFAULTS.targetShare),
    targetDate: read("target-date", (value, no) => readDate(value, "2006-03-31", no), PORTFOLIO_DEFAULTS.targetDate),
    model: read("model", readModel, PORTFOLIO_DEFAULTS.model),
    confidence: read("confidence", readConfidence, PORTFOLIO_DEFAULTS.confidence),
  };
  if (problems.length > 0) throw new PortfolioOptionsError(problems);
  return options as PortfolioOptions;
}

/** Whether an option was left out: nothing, or an empty or blank text. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** An option's value for a message: a text in quotes, anything else as it is. */
function shown(value: unknown): string {
  return typeof value === "string" ? `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"` : String(value);
}

/** A number given as a number or as text (1,234 allowed), with an optional trailing "%" read as hundredths. */
function numberOf(value: unknown, percentAllowed: boolean): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (percentAllowed && text.endsWith("%")) {
    const number = readNumberText(text.slice(0, -1));
    return number === undefined ? undefined : number / 100;
  }
  return readNumberText(text);
}

function readShare(value: unknown, aboveZero: boolean, example: string, fail: (message: string) => undefined): number | undefined {
  const share = numberOf(value, true);
  if (share !== undefined && share <= 1 && (aboveZero ? share > 0 : share >= 0)) return share;
  return fail(`must be a share of the GPs ${aboveZero ? "above 0" : "from 0"} up to 1 (100%), such as ${example}, not ${shown(value)}.`);
}

function readPayment(value: unknown, fail: (message: string) => undefined): number | undefined {
  const text = typeof value === "string" ? value.trim().replace(/^£/, "") : value;
  const payment = numberOf(text, false);
  if (payment !== undefined && payment >= 0) return payment;
  return fail(`must be pounds per practice, 0 or more, such as 6000, not ${shown(value)}.`);
}

function readDate(value: unknown, example: string, fail: (message: string) => undefined): number | undefined {
  if (typeof value === "number") {
    return value >= FIRST_SERIAL && value < LAST_SERIAL + 1 ? Math.floor(value) : fail(`must be a date (${EXCEL_DATES}), not ${shown(value)}.`);
  }
  const date = typeof value === "string" ? readDateText(value) : undefined;
  if (date && "serial" in date) return date.serial;
  const why = date ? `: ${date.problem}` : "";
  return fail(`must be a date, such as ${example} (${DATE_FORMS}), not ${shown(value)}${why}.`);
}

function readModel(value: unknown, fail: (message: string) => undefined): PortfolioModel | undefined {
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  const model = MODELS.find((candidate) => candidate === name);
  if (model) return model;
  if (name === "bass") {
    return fail("cannot be bass for a portfolio: Bass counts time from each PCT's own launch, and the portfolio places every PCT's curve on one national timeline. Use logistic, gompertz or auto.");
  }
  return fail(`must be logistic, gompertz or auto, not ${shown(value)}.`);
}

function readConfidence(value: unknown, fail: (message: string) => undefined): number | undefined {
  const confidence = numberOf(value, true);
  if (confidence !== undefined && confidence > 0 && confidence < 1) return confidence;
  return fail(`must be between 0 and 1, or a percentage, such as 0.8 or 80%, not ${shown(value)}.`);
}
