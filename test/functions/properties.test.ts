/**
 * Bad input, property-tested: each function of the BUILT bundle, called as Excel calls it, over
 * arbitrary arguments (numbers, 0, negatives, NaN, ±Infinity, huge values, texts, booleans,
 * empty cells, Excel errors, ranges of any shape, malformed ranges), gives a well-formed result
 * every time: a non-empty rectangular array whose cells are finite numbers (or texts, for the
 * dataset functions) or Excel errors with an allowed code.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CustomFunction, ErrorCode, ExcelError, loadFunctions } from "./host";

/** The functions taking numbers (or a unit) element by element, with their number of parameters. */
const ELEMENTWISE: Record<string, number> = {
  GROWTH: 3,
  PERIODS: 3,
  PROJECT: 4,
  PERIODSTO: 4,
  SHORTFALL: 3,
  INCENTIVE: 5,
  LOGISTIC: 4,
  BASS: 4,
};

/** The errors the functions raise themselves; an error passed in a cell comes out unchanged. */
const OWN_CODES: string[] = [ErrorCode.invalidValue, ErrorCode.invalidNumber, ErrorCode.notAvailable];
const PASSED_IN = new ExcelError(ErrorCode.divisionByZero);

/**
 * Runs of each property: enough for every kind of argument to come up many times, at a cost of
 * a few tens of milliseconds a property (the fitting ones, a few hundred).
 * - ANY_ARGUMENTS: an argument is one of five kinds (one cell, a range, left out, a bare value, a
 *   malformed range) and a cell one of eight, so 120 calls of three to five arguments meet each
 *   kind of argument in each place about 24 times, and each kind of cell more.
 * - ANY_NUMBERS: 200, more, because the numbers that overflow (huge, tiny, infinite) are the
 *   rare draws of three kinds of number.
 * - DATASET_NAMES: 200 names of every kind of cell and range, for a lookup that costs nothing;
 *   DATASETS takes no arguments, so 100 sets of them.
 * - FITTING: 100 series and argument sets; each run fits up to three curves, so these are the
 *   properties that cost most; in 100 runs a third of the model arguments name a model (each of
 *   the four five times or more), and three in four data sets are adoption-like series.
 */
const RUNS = { ANY_ARGUMENTS: 120, ANY_NUMBERS: 200, DATASET_NAMES: 200, DATASETS: 100, FITTING: 100 } as const;

let fns: Map<string, CustomFunction>;
beforeAll(() => {
  fns = loadFunctions();
});

/** Any value a cell might hold, and some that it cannot but a careless caller might pass. */
const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, -1, 0.3, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
  fc.double({ min: 0, max: 1 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("day", "Weeks", "MONTH", "quarters", "year", "fortnight", "", " "),
  fc.boolean(),
  fc.constantFrom(null, undefined, PASSED_IN, {}, [1]),
);

/** A rectangular range of cells, 1 to 4 rows by 1 to 4 columns. */
const range = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

/** Ranges Excel never sends: empty, ragged, flat. */
const malformed = fc.oneof(
  fc.constant([]),
  fc.constant([[]]),
  fc.tuple(cell, cell, cell).map(([a, b, c]) => [[a, b], [c]]),
  fc.tuple(cell, cell).map(([a, b]) => [a, b]),
);

/** An argument: mostly one cell ([[x]], as Excel sends it), else a range, omitted, a bare value, or malformed. */
const argument = fc.oneof(
  { weight: 6, arbitrary: cell.map((value) => [[value]]) },
  { weight: 3, arbitrary: range },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: cell },
  { weight: 1, arbitrary: malformed },
);

/** Which texts a result may hold: any (a table's labels), only "" (PERIODS' empty cell where a date is empty), or none. */
type AllowedText = boolean | "empty";

/** Texts the element-wise functions may give: PERIODS leaves a cell empty where a date is. */
const ELEMENTWISE_TEXT: Readonly<Record<string, AllowedText>> = { PERIODS: "empty" };

/** What is wrong with a result that is not a non-empty rectangular array of allowed cells: nothing, if it is. */
function malformations(result: unknown, allowText: AllowedText): string[] {
  if (!Array.isArray(result) || result.length === 0) return [`${JSON.stringify(result)} is not a non-empty array`];
  const rows = result as unknown[][];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0) return ["the first row is empty or not an array"];
  const problems: string[] = [];
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width) {
      problems.push(`row ${r + 1} is not ${width} cells wide`);
      return;
    }
    row.forEach((value, c) => {
      const where = `[${r}][${c}]`;
      if (typeof value === "number") {
        if (!Number.isFinite(value)) problems.push(`${where} ${value} is not finite`);
      } else if (typeof value === "string") {
        if (!(allowText === true || (allowText === "empty" && value === ""))) problems.push(`${where} text "${value}" in a numeric result`);
      } else if (!(value instanceof ExcelError)) {
        problems.push(`${where} ${String(value)} is neither a number, a text nor an Excel error`);
      } else if (value !== PASSED_IN) {
        if (!OWN_CODES.includes(value.code)) problems.push(`${where} ${value.code} is not an error the functions give`);
        if (value.message.length === 0) problems.push(`${where} ${value.code} has no message`);
      }
    });
  });
  return problems;
}

/** Asserts a result is a non-empty rectangular array of allowed cells, naming every cell that is not, in one assertion. */
function expectWellFormed(result: unknown, allowText: AllowedText): void {
  expect(malformations(result, allowText)).toEqual([]);
}

/** The shape Excel gives a lifted call: the tallest and widest range, 1×1 for single values. */
function expectedShape(args: unknown[]): [number, number] | undefined {
  let rows = 1;
  let columns = 1;
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    if (arg.length === 0 || !arg.every((row) => Array.isArray(row) && row.length > 0 && row.length === arg[0].length)) return undefined;
    rows = Math.max(rows, arg.length);
    columns = Math.max(columns, (arg[0] as unknown[]).length);
  }
  return [rows, columns];
}

describe("every element-wise function gives a well-formed result for any arguments", () => {
  for (const [id, arity] of Object.entries(ELEMENTWISE)) {
    it(`${id}`, () => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
          const result = fns.get(id)!(...args);
          expectWellFormed(result, ELEMENTWISE_TEXT[id] ?? false);
          const shape = expectedShape(args);
          const rows = result as unknown[][];
          if (shape) {
            expect([rows.length, rows[0].length]).toEqual(shape);
          } else {
            expect(rows).toHaveLength(1);
            expect((rows[0][0] as ExcelError).code).toBe(ErrorCode.invalidValue);
          }
        }),
        { numRuns: RUNS.ANY_ARGUMENTS },
      );
    });

    it(`${id} with single numbers of any size gives a finite number or its own error`, () => {
      const number = fc.oneof(fc.double(), fc.double({ min: -100, max: 100 }), fc.constantFrom(0, 1, -1, 0.3, 1e308, -1e308, 5e-324));
      fc.assert(
        fc.property(fc.array(number, { minLength: arity, maxLength: arity }), (numbers) => {
          // PERIODS' last parameter is a unit, a text: leave it out (a month).
          const args = numbers.map((value, index) => (id === "PERIODS" && index === 2 ? null : [[value]]));
          const result = fns.get(id)!(...args) as unknown[][];
          expectWellFormed(result, ELEMENTWISE_TEXT[id] ?? false);
          expect(result).toHaveLength(1);
          expect(result[0]).toHaveLength(1);
          const [[value]] = result;
          if (numbers.every(Number.isFinite) && typeof value !== "number") expect((value as ExcelError).code).not.toBe(ErrorCode.invalidValue);
        }),
        { numRuns: RUNS.ANY_NUMBERS },
      );
    });
  }
});

describe("the dataset functions give a well-formed table for any arguments", () => {
  it("DATASET", () => {
    fc.assert(
      fc.property(fc.oneof(cell, range, malformed), (name) => {
        expectWellFormed(fns.get("DATASET")!(name), true);
      }),
      { numRuns: RUNS.DATASET_NAMES },
    );
  });

  it("DATASETS, even when passed arguments it does not take", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cell, range), { maxLength: 3 }), (args) => {
        expectWellFormed(fns.get("DATASETS")!(...args), true);
      }),
      { numRuns: RUNS.DATASETS },
    );
  });
});

describe("the fitting functions give a well-formed result for any arguments", () => {
  const model = fc.oneof(fc.constantFrom("bass", "logistic", "gompertz", "auto", "AUTO", " Gompertz "), cell, range);
  /** Counts that look like adoption: rising with noise, at months or at dates. */
  const series = fc
    .record({
      n: fc.integer({ min: 1, max: 30 }),
      dates: fc.boolean(),
      ceiling: fc.double({ min: 1, max: 1e6, noNaN: true }),
      rate: fc.double({ min: 0.05, max: 3, noNaN: true }),
      midpoint: fc.double({ min: -5, max: 40, noNaN: true }),
      noise: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 30, maxLength: 30 }),
      whole: fc.boolean(),
    })
    .map(({ n, dates, ceiling, rate, midpoint, noise, whole }) => {
      const months = Array.from({ length: n }, (_, i) => i + 1);
      const values = months.map((t, i) => {
        const value = Math.max(0, (ceiling / (1 + Math.exp(-rate * (t - midpoint)))) * (1 + noise[i]));
        return whole ? Math.round(value) : value;
      });
      return { times: months.map((t) => [dates ? 38352 + 30.44 * t : t]), values: values.map((y) => [y]) };
    });
  const data = fc.oneof({ weight: 3, arbitrary: series }, { weight: 1, arbitrary: fc.record({ times: argument, values: argument }) });

  it("FIT, FORECAST and REACH", () => {
    fc.assert(
      fc.property(model, data, argument, argument, argument, (name, { times, values }, other, market, confidence) => {
        expectWellFormed(fns.get("FIT")!(name, times, values, market), true);
        expectWellFormed(fns.get("FORECAST")!(name, times, values, other, market, confidence), true);
        expectWellFormed(fns.get("REACH")!(name, times, values, other, market), false);
      }),
      { numRuns: RUNS.FITTING },
    );
  });

  it("COMPARE", () => {
    fc.assert(
      fc.property(data, argument, ({ times, values }, market) => {
        const result = fns.get("COMPARE")!(times, values, market) as unknown[][];
        expectWellFormed(result, true);
        if (result.length > 1) {
          expect(result).toHaveLength(4);
          const weights = result.slice(1).map((row) => row[4] as number);
          expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: RUNS.FITTING },
    );
  });

  it("BESTMODEL, WEIGHT and FORECASTAT: a model's name, a weight from 0 to 1, figures; or errors", () => {
    const figure = fc.oneof(fc.constantFrom("forecast", "lower", "upper", "fitted", "Upper "), cell, range);
    fc.assert(
      fc.property(model, data, argument, figure, argument, argument, (name, { times, values }, time, which, market, confidence) => {
        const best = fns.get("BESTMODEL")!(times, values, market) as unknown[][];
        expectWellFormed(best, true);
        if (typeof best[0][0] === "string") expect(["bass", "logistic", "gompertz"]).toContain(best[0][0]);
        const weight = fns.get("WEIGHT")!(name, times, values, market) as unknown[][];
        expectWellFormed(weight, false);
        if (typeof weight[0][0] === "number") expect(weight[0][0] >= 0 && weight[0][0] <= 1, String(weight[0][0])).toBe(true);
        expectWellFormed(fns.get("FORECASTAT")!(name, times, values, time, which, market, confidence), false);
      }),
      { numRuns: RUNS.FITTING },
    );
  });

  it("CHANCE: probabilities from 0 to 1 or errors, never rising with the target", () => {
    fc.assert(
      fc.property(model, data, argument, argument, argument, (name, { times, values }, target, time, market) => {
        const result = fns.get("CHANCE")!(name, times, values, target, time, market) as unknown[][];
        expectWellFormed(result, false);
        for (const row of result) for (const value of row) if (typeof value === "number") expect(value >= 0 && value <= 1, String(value)).toBe(true);
      }),
      { numRuns: RUNS.FITTING },
    );
    fc.assert(
      fc.property(series, fc.double({ min: -10, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.integer({ min: 0, max: 48 }), ({ times, values }, low, step, ahead) => {
        const last = times[times.length - 1][0] as number;
        const when = [[last + ahead * (last > 10_000 ? 30.44 : 1)]];
        const result = fns.get("CHANCE")!("auto", times, values, [[low], [low + step]], when) as unknown[][];
        expectWellFormed(result, false);
        if (typeof result[0][0] === "number" && typeof result[1][0] === "number") expect(result[1][0]).toBeLessThanOrEqual(result[0][0]);
      }),
      { numRuns: RUNS.FITTING },
    );
  });
});
