/**
 * Empty cells either way: Excel on the web passes an empty cell in a range as null, desktop
 * Excel may pass it as 0 (office-js #1951, #4702), and a formula's "" is an empty text. Every
 * function of the BUILT bundle, called as Excel calls it, gives the same result for all three
 * wherever the difference is knowable: a row of (0, 0) after a later time, or among dates; an
 * optional argument that cannot be 0 (market, confidence, ceiling, periods, a unit or a name).
 * Where 0 is a value (a threshold or payment of 0, a time 0 at the top of periods, a count of 0
 * beside a time), a 0 is a 0: those places are left out here.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CustomFunction, ExcelError, loadFunctions, loadMetadata } from "./host";

/** Where a case has an empty cell. */
const BLANK = Symbol("empty cell");

/** The three ways an empty cell reaches a function. */
const EMPTY_CELLS = [null, "", 0] as const;

let fns: Map<string, CustomFunction>;
beforeAll(() => {
  fns = loadFunctions();
});

/** The arguments with every BLANK as `empty`, in ranges too. */
function withEmpty(args: readonly unknown[], empty: unknown): unknown[] {
  const fill = (value: unknown): unknown => (value === BLANK ? empty : Array.isArray(value) ? value.map(fill) : value);
  return args.map(fill);
}

/** A result as text, errors with their code and message, so that results compare exactly. */
function shown(result: unknown): unknown {
  if (result instanceof ExcelError) return `${result.code} ${result.message}`;
  return Array.isArray(result) ? result.map(shown) : result;
}

/** Asserts a call gives the same with its empty cells as null, "" and 0, and returns that result. */
function expectSameEitherWay(id: string, args: readonly unknown[]): unknown {
  const [asNull, ...others] = EMPTY_CELLS.map((empty) => shown(fns.get(id)!(...withEmpty(args, empty))));
  others.forEach((result, k) => expect(result, `${id} with empty cells as ${JSON.stringify(EMPTY_CELLS[k + 1])}`).toEqual(asNull));
  return asNull;
}

const one = (value: unknown) => [[value]];
const column = (values: readonly unknown[]) => values.map((value) => [value]);

/** Excel's DATE(year, month, day) as a serial number. */
const date = (year: number, month: number, day: number) => (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** A PCT's monthly counts of its 150 GPs: months 1 to 8, and the same at month ends of 2005. */
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8];
const DATES = MONTHS.map((month) => date(2005, month + 1, 0));
const GPS = [6, 10, 17, 27, 41, 58, 75, 90];

/** Each function's cases, with empty cells where a sheet has them; every function of functions.json has some. */
const CASES: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  GROWTH: [
    [one(25_072), one(75_216), one(BLANK)],
    [column([25_072, BLANK, 3_500]), column([75_216, 18_981, BLANK]), column([2, BLANK, 1.05])],
  ],
  PERIODS: [
    [one(date(2005, 6, 30)), one(date(2005, 8, 1)), one(BLANK)],
    [column([date(2005, 6, 30), BLANK]), column([BLANK, date(2005, 8, 1)]), [["week", BLANK]]],
  ],
  PROJECT: [
    [one(18_981), one(0.25), one(6), one(BLANK)],
    [column([18_981, BLANK]), one(0.25), column([6, 3]), column([35_000, BLANK])],
  ],
  PERIODSTO: [
    [one(3_500), one(18_981), one(0.25), one(BLANK)],
    [one(3_500), column([18_981, BLANK, 30_000]), one(0.25), column([35_000, BLANK, BLANK])],
  ],
  SHORTFALL: [[column([2, BLANK]), one(10), null]],
  INCENTIVE: [[column([40, BLANK]), column([45, BLANK]), one(150), null, null]],
  LOGISTIC: [[column([2, BLANK]), one(35_000), one(0.8), one(2)]],
  BASS: [[column([6, BLANK]), one(0.03), one(0.4), one(35_000)]],
  DATASET: [[BLANK]],
  DATASETS: [[]],
  // The fitting functions over a history reaching below its data, as the model and forecast sheets' do.
  FIT: [
    ["logistic", column([...MONTHS, BLANK, BLANK]), column([...GPS, BLANK, BLANK]), one(BLANK)],
    ["auto", column([...DATES, BLANK]), column([...GPS, BLANK]), one(150)],
    [BLANK, column(MONTHS), column(GPS), one(150)],
    // Times from formulas that give "" below the data (as the model's months do), beside empty counts.
    ["logistic", column([...MONTHS, "", ""]), column([...GPS, BLANK, BLANK]), one(150)],
  ],
  FORECAST: [
    ["logistic", column([...MONTHS, BLANK]), column([...GPS, BLANK]), column([1, 9, 12, BLANK, BLANK]), one(150), one(BLANK)],
    ["gompertz", column([BLANK, ...DATES]), column([BLANK, ...GPS]), column([BLANK, DATES[7] + 30, BLANK]), one(BLANK), one(0.8)],
  ],
  REACH: [["logistic", column([...MONTHS, BLANK]), column([...GPS, BLANK]), column([45, BLANK]), one(150)]],
  COMPARE: [[column([...MONTHS, BLANK, BLANK]), column([...GPS, BLANK, BLANK]), one(BLANK)]],
  BESTMODEL: [[column([...MONTHS, BLANK, BLANK]), column([...GPS, BLANK, BLANK]), one(BLANK)]],
  WEIGHT: [["logistic", column([...DATES, BLANK]), column([...GPS, BLANK]), one(150)]],
  FORECASTAT: [["auto", column([...DATES, BLANK]), column([...GPS, BLANK]), column([DATES[7] + 90, BLANK]), "upper", one(150), one(BLANK)]],
  CHANCE: [["auto", column([...DATES, BLANK]), column([...GPS, BLANK]), column([120, BLANK]), column([DATES[7] + 90, BLANK]), one(150)]],
};

describe("every function gives the same result with its empty cells as null, \"\" or 0", () => {
  it("has cases for every function functions.json declares", () => {
    expect(Object.keys(CASES).sort()).toEqual(loadMetadata().map(({ id }) => id).sort());
  });

  for (const [id, cases] of Object.entries(CASES)) {
    it(id, () => {
      for (const args of cases) expectSameEitherWay(id, args);
    });
  }

  it("skips the rows below the data as empty, whichever way they come: the fit is that of the data alone", () => {
    const alone = shown(fns.get("FIT")!("logistic", column(MONTHS), column(GPS), one(150)));
    expect(expectSameEitherWay("FIT", ["logistic", column([...MONTHS, BLANK, BLANK]), column([...GPS, BLANK, BLANK]), one(150)])).toEqual(alone);
  });

  it("reads an empty market or confidence as omitted: the market is fitted, the bounds are 95%", () => {
    const forecast = expectSameEitherWay("FORECAST", ["logistic", column(MONTHS), column(GPS), one(12), one(BLANK), one(BLANK)]) as unknown[][];
    expect(forecast[0]).toEqual(["Time", "Forecast", "Lower 95%", "Upper 95%", "Fitted"]);
    expect(forecast).toEqual(shown(fns.get("FORECAST")!("logistic", column(MONTHS), column(GPS), one(12))));
  });

  it("fits periods since a launch that CRS.PERIODS gives over dates reaching below the data as the periods alone", () => {
    const launch = one(date(2005, 1, 31));
    const months = shown(fns.get("PERIODS")!(launch, column(DATES), one("month")));
    const alone = shown(fns.get("FIT")!("bass", months, column(GPS), one(150)));
    for (const empty of EMPTY_CELLS) {
      const below = fns.get("PERIODS")!(launch, column([...DATES, empty, empty]), one("month"));
      expect(shown(fns.get("FIT")!("bass", below, column([...GPS, empty, empty]), one(150))), `empty cells as ${JSON.stringify(empty)}`).toEqual(alone);
    }
  });

  it("keeps a 0 where it can be a value: a time 0 at the top of periods is a launch, not an empty cell", () => {
    const withLaunch = fns.get("FIT")!("bass", column([0, ...MONTHS]), column([0, ...GPS]), one(150)) as unknown[][];
    expect(withLaunch.at(-1)).toEqual(["n", 9, ""]);
  });
});

/**
 * Adoption-like series (periods from 1, or month-end dates) with empty rows among and below the
 * counts, after the first; and a market, a confidence, new times and targets, any of them empty.
 */
const seriesWithHoles = fc
  .record({
    n: fc.integer({ min: 4, max: 12 }),
    dates: fc.boolean(),
    ceiling: fc.integer({ min: 60, max: 400 }),
    rate: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
    holes: fc.array(fc.integer({ min: 1, max: 14 }), { maxLength: 4 }),
    below: fc.integer({ min: 0, max: 6 }),
    market: fc.boolean(),
    confidence: fc.boolean(),
    model: fc.constantFrom("auto", "logistic", "gompertz", "bass"),
  })
  .map(({ n, dates, ceiling, rate, holes, below, market, confidence, model }) => {
    const times: unknown[] = [];
    const counts: unknown[] = [];
    for (let i = 1; i <= n; i++) {
      times.push(dates ? date(2005, i + 1, 0) : i);
      counts.push(Math.round(ceiling / (1 + Math.exp(-rate * (i - n / 2)))));
    }
    for (const at of holes.filter((hole) => hole < times.length)) {
      times.splice(at, 0, BLANK);
      counts.splice(at, 0, BLANK);
    }
    for (let i = 0; i < below; i++) {
      times.push(BLANK);
      counts.push(BLANK);
    }
    const last = dates ? date(2005, n + 1, 0) : n;
    const step = dates ? 30 : 1;
    return {
      model,
      times: column(times),
      counts: column(counts),
      market: one(market ? ceiling : BLANK),
      confidence: one(confidence ? 0.8 : BLANK),
      newTimes: column([last, last + 3 * step, BLANK, BLANK]),
      targets: column([Math.round(ceiling / 2), BLANK]),
      by: column([last + 6 * step, BLANK]),
    };
  });

describe("the same either way on any adoption series with empty rows (property, fixed seed)", () => {
  it("FIT, FORECAST, REACH, COMPARE and CHANCE", () => {
    fc.assert(
      fc.property(seriesWithHoles, ({ model, times, counts, market, confidence, newTimes, targets, by }) => {
        expectSameEitherWay("FIT", [model, times, counts, market]);
        expectSameEitherWay("FORECAST", [model, times, counts, newTimes, market, confidence]);
        expectSameEitherWay("REACH", [model, times, counts, targets, market]);
        expectSameEitherWay("COMPARE", [times, counts, market]);
        expectSameEitherWay("CHANCE", [model, times, counts, targets, by, market]);
      }),
      { numRuns: 40 },
    );
  });
});
