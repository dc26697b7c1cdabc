import "./standIn";
import { describe, expect, it } from "vitest";
import * as fitting from "../../src/functions/fitting";
import { LOGISTIC_MODEL } from "../../src/model/diffusion";
import { asShownInCell, ErrorCode, ExcelError } from "./standIn";

// As a cell shows them: an error thrown in place of the table is the cell's error, [[error]].
const FIT = asShownInCell(fitting.FIT);
const FORECAST = asShownInCell(fitting.FORECAST);
const REACH = asShownInCell(fitting.REACH);

/** A column range as Excel passes it. */
const column = (values: unknown[]): unknown[][] => values.map((value) => [value]);

// Twelve months of GP registrations in a primary care trust on a logistic curve, with noise.
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const NOISE = [0.02, -0.015, 0.01, -0.02, 0.005, 0.012, -0.008, 0.016, -0.011, 0.004, -0.006, 0.009];
const GPS = MONTHS.map((t, i) => Math.round(LOGISTIC_MODEL.value(t, [400, 0.7, 6]) * (1 + NOISE[i])));

/** The error a function returned in place of its table. */
function errorOf(result: unknown[][]): ExcelError {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  expect(result[0][0]).toBeInstanceOf(ExcelError);
  return result[0][0] as ExcelError;
}

describe("CRS.FIT", () => {
  it("spills a header, a row per parameter with its standard error, then sse, rmse, r2 and n", () => {
    const table = FIT("logistic", column(MONTHS), column(GPS));
    expect(table.map((row) => row[0])).toEqual(["Parameter", "m", "rate", "midpoint", "sse", "rmse", "r2", "n"]);
    expect(table[0]).toEqual(["Parameter", "Estimate", "Std error"]);
    expect(table.every((row) => row.length === 3)).toBe(true);
    const [m, rate, midpoint] = [table[1][1], table[2][1], table[3][1]] as number[];
    expect(m).toBeGreaterThan(380);
    expect(m).toBeLessThan(420);
    expect(rate).toBeCloseTo(0.7, 1);
    expect(midpoint).toBeCloseTo(6, 0);
    for (const row of table.slice(1, 4)) expect(row[2]).toBeGreaterThan(0);
    expect(table[7]).toEqual(["n", 12, ""]);
    expect(table[6][1]).toBeGreaterThan(0.99);
    expect(table[5][1]).toBeCloseTo(Math.sqrt((table[4][1] as number) / 12), 12);
  });

  it("takes model names in any case and ranges as rows", () => {
    const byColumn = FIT("logistic", column(MONTHS), column(GPS));
    expect(FIT("LOGISTIC", [MONTHS], [GPS])).toEqual(byColumn);
    expect(FIT(" Logistic ", column(MONTHS), [GPS])).toEqual(byColumn);
  });

  it("names the Bass and Gompertz parameters", () => {
    expect(FIT("bass", column(MONTHS), column(GPS)).map((row) => row[0]).slice(1, 4)).toEqual(["p", "q", "m"]);
    expect(FIT("gompertz", column(MONTHS), column(GPS)).map((row) => row[0]).slice(1, 4)).toEqual(["m", "a", "b"]);
  });

  it("holds a known market size fixed, with a standard error of 0", () => {
    const table = FIT("logistic", column(MONTHS), column(GPS), 420);
    expect(table[1]).toEqual(["m", 420, 0]);
    expect(table[2][2]).toBeGreaterThan(0);
  });

  it("skips rows blank in both ranges, so a range can reach below the data", () => {
    const full = FIT("logistic", column(MONTHS), column(GPS));
    expect(FIT("logistic", column([...MONTHS, "", null]), column([...GPS, "", null]))).toEqual(full);
  });

  it("fits the article's two GP counts exactly with a known market, and says there is no standard error", () => {
    // 3,500 GPs at the end of June 2005 (month 0) and 18,981 at the beginning of August (1.05 months later).
    const table = FIT("logistic", column([0, 1.05]), column([3500, 18981]), 35000);
    expect(table[2][1]).toBeCloseTo(2.2542, 4);
    expect(table[3][1]).toBeCloseTo(0.9747, 4);
    const error = table[2][2] as ExcelError;
    expect(error).toBeInstanceOf(ExcelError);
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/degrees of freedom/);
    expect(table[7]).toEqual(["n", 2, ""]);
  });

  it("gives #N/A with a message for too few points", () => {
    const error = errorOf(FIT("bass", column([3, 4]), column([3500, 18981])));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/3 or more different times/);
    expect(error.message).toMatch(/known market size/);
  });

  it("gives #VALUE! naming the argument for ranges of different sizes or cells that are not numbers", () => {
    let error = errorOf(FIT("logistic", column(MONTHS), column(GPS.slice(1))));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/times and values/);
    error = errorOf(FIT("logistic", column([...MONTHS.slice(0, 11), "Dec"]), column(GPS)));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/^times .*item 12 is the text "Dec"/);
    error = errorOf(FIT("logistic", column(MONTHS), column([...GPS.slice(0, 11), true])));
    expect(error.message).toMatch(/^values .*item 12 is the logical value TRUE/);
    error = errorOf(FIT("logistic", column(MONTHS), column([...GPS.slice(0, 11), ""])));
    expect(error.message).toMatch(/^values .*item 12 is empty while times has a number there/);
    error = errorOf(FIT("logistic", [[1, 2], [3, 4]], [[1, 2], [3, 4]]));
    expect(error.message).toMatch(/times must be a single row or a single column/);
    error = errorOf(FIT("logistic", column(MONTHS), column(GPS), "lots"));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/^market/);
  });

  it("gives #VALUE! listing the models for an unknown model", () => {
    const error = errorOf(FIT("richards", column(MONTHS), column(GPS)));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toBe('model must be "bass", "logistic" or "gompertz", not the text "richards".');
  });

  it("gives #NUM! for flat, falling or negative values and a market of 0 or less", () => {
    const cases: [unknown[], RegExp][] = [
      [[5, 5, 5, 5, 5], /do not change/],
      [[50, 40, 30, 20, 10], /do not grow/],
      [[1, 2, -3, 4, 5], /cannot be negative/],
    ];
    for (const [values, message] of cases) {
      const error = errorOf(FIT("gompertz", column([1, 2, 3, 4, 5]), column(values)));
      expect(error.code).toBe(ErrorCode.invalidNumber);
      expect(error.message).toMatch(message);
    }
    expect(errorOf(FIT("logistic", column(MONTHS), column(GPS), -1)).code).toBe(ErrorCode.invalidNumber);
    expect(errorOf(FIT("bass", column([-1, 0, 1, 2]), column([0, 1, 2, 3]))).message).toMatch(/since the launch/);
  });

  it("gives #NUM! when the values show no levelling off", () => {
    const error = errorOf(FIT("logistic", column([1, 2, 3, 4, 5, 6, 7, 8]), column([1, 2, 4, 8, 16, 32, 64, 128])));
    expect(error.code).toBe(ErrorCode.invalidNumber);
    expect(error.message).toMatch(/market size is not determined/);
  });
});

describe("CRS.FORECAST", () => {
  it("spills a header and a row per new time with the forecast and prediction bounds", () => {
    const table = FORECAST("logistic", column(MONTHS), column(GPS), column([13, 18, 24]));
    expect(table[0]).toEqual(["Time", "Forecast", "Lower 95%", "Upper 95%"]);
    expect(table.map((row) => row[0])).toEqual(["Time", 13, 18, 24]);
    for (const [, value, lower, upper] of table.slice(1) as number[][]) {
      expect(lower).toBeLessThan(value);
      expect(upper).toBeGreaterThan(value);
      expect(value - lower).toBeCloseTo(upper - value, 6);
    }
    // A higher confidence gives a wider interval.
    const wide = FORECAST("logistic", column(MONTHS), column(GPS), column([13]), undefined, 0.99);
    expect(wide[0]).toEqual(["Time", "Forecast", "Lower 99%", "Upper 99%"]);
    expect((wide[1][3] as number) - (wide[1][2] as number)).toBeGreaterThan((table[1][3] as number) - (table[1][2] as number));
  });

  it("agrees with FIT's curve", () => {
    const fit = FIT("gompertz", column(MONTHS), column(GPS));
    const [m, a, b] = [fit[1][1], fit[2][1], fit[3][1]] as number[];
    const forecast = FORECAST("gompertz", column(MONTHS), column(GPS), [[20]]);
    expect(forecast[1][1]).toBeCloseTo(m * Math.exp(-a * Math.exp(-b * 20)), 8);
  });

  it("gives a blank row for a blank new time and an error row for a bad one", () => {
    const table = FORECAST("bass", column(MONTHS), column(GPS), column([13, "", -1, "soon"]));
    expect(table[2]).toEqual(["", "", "", ""]);
    expect(table[3][0]).toBe(-1);
    expect((table[3][1] as ExcelError).code).toBe(ErrorCode.invalidNumber);
    expect((table[4][1] as ExcelError).code).toBe(ErrorCode.invalidValue);
    expect((table[4][1] as ExcelError).message).toMatch(/^newTimes .*item 4/);
  });

  it("gives #NUM! for a confidence outside (0, 1)", () => {
    for (const confidence of [0, 1, 95, -0.5]) {
      expect(errorOf(FORECAST("bass", column(MONTHS), column(GPS), [[13]], "", confidence)).code).toBe(ErrorCode.invalidNumber);
    }
  });

  it("gives #N/A bounds when the points leave no degrees of freedom", () => {
    const table = FORECAST("logistic", column([0, 1.05]), column([3500, 18981]), [[2]], 35000);
    expect(table[1][1]).toBeGreaterThan(18981);
    expect((table[1][2] as ExcelError).code).toBe(ErrorCode.notAvailable);
  });
});

describe("CRS.FORECAST where the data do not determine the parameters", () => {
  // A jump from 4 to 686 between months 2 and 4: the best logistic curve is a step, whose rate and
  // midpoint have no finite standard errors, as FIT shows.
  const times = column([0, 4, 2, 9, 4]);
  const values = column([0, 4, 686, 695, 703]);

  it("still gives the fitted curve's value, with #NUM! bounds that say why, as FIT gives the estimates", () => {
    const fit = FIT("logistic", times, values);
    expect((fit[2][2] as ExcelError).code).toBe(ErrorCode.invalidNumber);
    const [m, rate, midpoint] = [fit[1][1], fit[2][1], fit[3][1]] as number[];
    const table = FORECAST("logistic", times, values, [[6]]);
    expect(table[1][0]).toBe(6);
    expect(table[1][1]).toBeCloseTo(LOGISTIC_MODEL.value(6, [m, rate, midpoint]), 8);
    for (const bound of table[1].slice(2) as ExcelError[]) {
      expect(bound.code).toBe(ErrorCode.invalidNumber);
      expect(bound.message).toMatch(/do not determine the logistic parameters/);
    }
  });
});

describe("CRS.REACH", () => {
  it("gives the time the fitted curve reaches a target, and a time per target of a range", () => {
    // 30% of an assumed 35,000 GPs, between the article's counts at the end of June and beginning of August 2005.
    const [[time]] = REACH("logistic", column([0, 1.05]), column([3500, 18981]), [[10500]], 35000) as number[][];
    expect(time).toBeCloseTo(0.5989, 4);
    const times = REACH("logistic", column(MONTHS), column(GPS), column([100, 200, 300])) as number[][];
    expect(times).toHaveLength(3);
    expect(times[0][0]).toBeLessThan(times[1][0]);
    expect(times[1][0]).toBeLessThan(times[2][0]);
  });

  it("inverts FORECAST", () => {
    const [[time]] = REACH("bass", column(MONTHS), column(GPS), [[250]]) as number[][];
    const forecast = FORECAST("bass", column(MONTHS), column(GPS), [[time]]);
    expect(forecast[1][1]).toBeCloseTo(250, 6);
  });

  it("gives #N/A with a message for a target at or above the fitted market size", () => {
    const [[error]] = REACH("logistic", column(MONTHS), column(GPS), [[1000]]) as ExcelError[][];
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/never reaches 1,000/);
    const mixed = REACH("logistic", column(MONTHS), column(GPS), [[100, 1000, -5]]);
    expect(typeof mixed[0][0]).toBe("number");
    expect((mixed[0][1] as ExcelError).code).toBe(ErrorCode.notAvailable);
    expect((mixed[0][2] as ExcelError).code).toBe(ErrorCode.invalidNumber);
  });
});
