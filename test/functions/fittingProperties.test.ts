import "./standIn";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as fitting from "../../src/functions/fitting";
import { asShownInCell, ErrorCode, ExcelError } from "./standIn";

// As a cell shows them: an error thrown in place of the table is the cell's error, [[error]].
const FIT = asShownInCell(fitting.FIT);
const FORECAST = asShownInCell(fitting.FORECAST);
const REACH = asShownInCell(fitting.REACH);
const COMPARE = asShownInCell(fitting.COMPARE);
const CHANCE = asShownInCell(fitting.CHANCE);

/**
 * Runs of each property. Over arbitrary inputs a run rarely gets as far as a fit, so runs are
 * cheap: 150 for FIT, whose three arguments of six kinds each make the most combinations, and
 * 100 (fast-check's default) for FORECAST and REACH. Over adoption-like data every run fits one
 * to three curves: 100 for FIT, enough to meet each model with and without a known market, at
 * every stage of the curve, many times; 80 for the four functions run together on each series.
 */
const RUNS = { ANY_FIT: 150, ANY_FORECAST: 100, ANY_REACH: 100, DATA_FIT: 100, DATA_ALL: 80 } as const;

/** The Excel errors the fitting functions may give. */
const ALLOWED = new Set<string>([ErrorCode.invalidValue, ErrorCode.invalidNumber, ErrorCode.notAvailable]);

/** Anything a cell can hold, and some things it cannot. */
const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e-300, 1e300, Number.MAX_VALUE),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constantFrom("", null, undefined),
);

/** A range as Excel passes it (a column, a row, a block), or a shape it never passes. */
const range = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((cells) => cells.map((value) => [value])),
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((cells) => [cells]),
  fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
  cell,
  fc.constant([]),
  fc.constant([[1, 2], [3]]),
);

const modelName = fc.oneof(fc.constantFrom("bass", "logistic", "gompertz", "auto", "Bass", "LOGISTIC", " gompertz"), cell, range);

/** A series that looks like adoption data: S-shaped counts with noise, at any stage, sometimes falling. */
const curveData = fc
  .record({
    n: fc.integer({ min: 2, max: 40 }),
    start: fc.double({ min: 0, max: 30, noNaN: true }),
    step: fc.double({ min: 0.2, max: 5, noNaN: true }),
    logCeiling: fc.double({ min: 0, max: 16, noNaN: true }),
    ratePerStep: fc.double({ min: 0.02, max: 3, noNaN: true }),
    falling: fc.boolean(),
    middle: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    noise: fc.double({ min: 0, max: 0.3, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ n, start, step, logCeiling, ratePerStep, falling, middle, noise, seed }) => {
    let state = seed | 1;
    const random = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff - 0.5;
    };
    const rate = ((falling && seed % 5 === 0 ? -1 : 1) * ratePerStep) / step;
    const midpoint = start + middle * n * step;
    const times = Array.from({ length: n }, (_, i) => start + i * step);
    const values = times.map((t) => Math.max(0, (Math.exp(logCeiling) / (1 + Math.exp(-rate * (t - midpoint)))) * (1 + noise * random())));
    return { times: times.map((t) => [t]), values: values.map((y) => [y]) };
  });

/** What is wrong with an error a function gives: a code it may not give, or the message of a bug. */
function errorProblems(error: ExcelError, where: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED.has(error.code)) problems.push(`${where}${error.code} is not an error the fitting functions give`);
  if (/^Unexpected error/.test(error.message)) problems.push(`${where}${error.code} says "${error.message}"`);
  return problems;
}

/**
 * What keeps a result from being an allowed Excel error, or a well-formed table of finite
 * numbers, texts and allowed errors. Nothing, for a good result.
 */
function resultProblems(result: unknown): string[] {
  if (result instanceof ExcelError) return errorProblems(result, "");
  if (!Array.isArray(result) || result.length === 0) return [`${JSON.stringify(result)} is not a non-empty table`];
  const rows = result as unknown[];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0) return ["its first row is not a non-empty array"];
  return rows.flatMap((row, r) => {
    if (!Array.isArray(row) || row.length !== width) return [`row ${r + 1} is not an array ${width} wide`];
    return row.flatMap((value: unknown, c) => {
      const where = `row ${r + 1}, column ${c + 1}: `;
      if (value instanceof ExcelError) return errorProblems(value, where);
      if (typeof value === "number") return Number.isFinite(value) ? [] : [`${where}${value} is not finite`];
      return typeof value === "string" ? [] : [`${where}${String(value)} is neither a number, a text nor an Excel error`];
    });
  });
}

/**
 * A result is an allowed Excel error, or a well-formed table, in one assertion: the properties
 * check thousands of cells, and an assertion per cell would cost more than the fits.
 */
function checkResult(result: unknown): void {
  expect(resultProblems(result)).toEqual([]);
}

/** Runs a function, failing on an exception, and checks its result (a hang fails on the test's timeout). */
function call(run: () => unknown): void {
  checkResult(run());
}

describe("fitting functions over arbitrary inputs", () => {
  it("FIT gives a finite table or an allowed error", () => {
    fc.assert(
      fc.property(modelName, range, range, fc.option(cell), (model, times, values, market) => {
        call(() => FIT(model as string, times as unknown[][], values as unknown[][], market));
      }),
      { numRuns: RUNS.ANY_FIT },
    );
  });

  it("FORECAST gives a finite table or an allowed error", () => {
    fc.assert(
      fc.property(modelName, range, range, range, fc.option(cell), fc.option(cell), (model, times, values, newTimes, market, confidence) => {
        call(() => FORECAST(model as string, times as unknown[][], values as unknown[][], newTimes as unknown[][], market, confidence));
      }),
      { numRuns: RUNS.ANY_FORECAST },
    );
  });

  it("REACH gives finite times or allowed errors", () => {
    fc.assert(
      fc.property(modelName, range, range, range, fc.option(cell), (model, times, values, target, market) => {
        call(() => REACH(model as string, times as unknown[][], values as unknown[][], target as unknown[][], market));
      }),
      { numRuns: RUNS.ANY_REACH },
    );
  });
});

describe("fitting functions over adoption-like data", () => {
  const model = fc.constantFrom("bass", "logistic", "gompertz", "auto");
  const market = fc.option(fc.double({ min: 1e-3, max: 1e10, noNaN: true }), { nil: undefined });

  it("FIT fits or explains, never NaN, Infinity or a hang", () => {
    fc.assert(
      fc.property(model, curveData, market, (name, data, known) => {
        call(() => FIT(name, data.times, data.values, known));
      }),
      { numRuns: RUNS.DATA_FIT },
    );
  });

  it("FORECAST and REACH fit or explain, never NaN, Infinity or a hang", () => {
    const targets = fc.array(fc.double({ min: -10, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 3 });
    const times = fc.array(fc.double({ min: -100, max: 500, noNaN: true }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(model, curveData, market, times, targets, (name, data, known, newTimes, target) => {
        call(() => FORECAST(name, data.times, data.values, [newTimes], known, 0.9));
        call(() => REACH(name, data.times, data.values, [target], known));
        call(() => CHANCE(name, data.times, data.values, [target], [newTimes.slice(0, 1)], known));
        call(() => COMPARE(data.times, data.values, known));
      }),
      { numRuns: RUNS.DATA_ALL },
    );
  });
});
