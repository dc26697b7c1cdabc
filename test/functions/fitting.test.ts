import "./standIn";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as fitting from "../../src/functions/fitting";
import { excelSerialToIso, isoToExcelSerial } from "../../src/data/dates";
import type { IsoDate } from "../../src/data/types";
import { compareModels } from "../../src/model/compare";
import { GOMPERTZ_MODEL, LOGISTIC_MODEL } from "../../src/model/diffusion";
import { fitDiffusion } from "../../src/model/fit";
import { asShownInCell, ErrorCode, ExcelError } from "./standIn";

// As a cell shows them: an error thrown in place of the table is the cell's error, [[error]].
const FIT = asShownInCell(fitting.FIT);
const FORECAST = asShownInCell(fitting.FORECAST);
const REACH = asShownInCell(fitting.REACH);
const COMPARE = asShownInCell(fitting.COMPARE);
const CHANCE = asShownInCell(fitting.CHANCE);
const FORECASTAT = asShownInCell(fitting.FORECASTAT);

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

  it("places a Gompertz curve fitted to dates by the date of its steepest growth, every estimate finite", () => {
    // Month t is the date 38352 + 30t: the same curve, its steepest point ln(a)/b months becoming a date.
    const dates = MONTHS.map((month) => 38352 + 30 * month);
    const byMonth = FIT("gompertz", column(MONTHS), column(GPS)) as number[][];
    const byDate = FIT("gompertz", column(dates), column(GPS)) as unknown[][];
    expect(byDate.map((row) => row[0]).slice(1, 4)).toEqual(["m", "steepest", "b"]);
    for (const row of byDate.slice(1, 4)) for (const cell of row.slice(1)) expect(Number.isFinite(cell)).toBe(true);
    const [m, a, b] = byMonth.slice(1, 4).map((row) => row[1]);
    expect(byDate[1][1]).toBeCloseTo(m, 6);
    expect(byDate[2][1]).toBeCloseTo(38352 + (30 * Math.log(a)) / b, 4);
    expect(byDate[3][1]).toBeCloseTo(b / 30, 9);
    // Its standard error by the delta method, from the months' covariance: t* = 38352 + 30·ln(a)/b
    // days, ∇t* = 30·(1/(a·b), −ln(a)/b²) in (a, b), computed here from the fit to months alone.
    const monthFit = fitDiffusion(GOMPERTZ_MODEL, MONTHS, GPS);
    const covariance = monthFit.covariance!;
    const gradient = [0, 30 / (a * b), (-30 * Math.log(a)) / (b * b)];
    let variance = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) variance += gradient[i] * covariance[i * 3 + j] * gradient[j];
    expect(Math.sqrt(variance)).toBeGreaterThan(0);
    expect(byDate[2][2] as number).toBeCloseTo(Math.sqrt(variance), 4);
    expect(byDate[3][2] as number).toBeCloseTo(Math.sqrt(covariance[8]) / 30, 8);
    const [[, , , , fittedByDate]] = FORECAST("gompertz", column(dates), column(GPS), [[38352 + 30 * 15]]).slice(1) as number[][];
    const [[, , , , fittedByMonth]] = FORECAST("gompertz", column(MONTHS), column(GPS), [[15]]).slice(1) as number[][];
    expect(fittedByDate).toBeCloseTo(fittedByMonth, 6);
    // The curve m·e^(−e^(−b·(t − steepest))) is the one the forecast draws.
    const [, [, mDate], [, steepest], [, bDate]] = byDate as number[][];
    expect(fittedByDate).toBeCloseTo(mDate * Math.exp(-Math.exp(-bDate * (38352 + 30 * 15 - steepest))), 6);
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

  it("gives #VALUE! for an empty time cell beside a count, however Excel passes it: null, \"\" or 0", () => {
    // Desktop Excel may pass the empty time cell as 0: after month 5 it cannot be a time, so it is
    // the same one-sided blank, never a point (0, count).
    for (const model of ["logistic", "auto"]) {
      for (const blank of [null, "", 0]) {
        const times = column([...MONTHS.slice(0, 5), blank, ...MONTHS.slice(6)]);
        const error = errorOf(FIT(model, times, column(GPS)));
        expect(error.code, `${model}, blank ${JSON.stringify(blank)}`).toBe(ErrorCode.invalidValue);
        expect(error.message).toBe("times must hold only numbers: item 6 is empty while values has a number there.");
        expect(errorOf(FORECAST(model, times, column(GPS), [[13]])).message).toBe(error.message);
      }
    }
  });

  it("gives #VALUE! listing the models for an unknown model", () => {
    const error = errorOf(FIT("richards", column(MONTHS), column(GPS)));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toBe('model must be "bass", "logistic", "gompertz" or "auto", not the text "richards".');
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
  it("spills a header and a row per new time with the forecast, its prediction bounds and the fitted curve", () => {
    const table = FORECAST("logistic", column(MONTHS), column(GPS), column([13, 18, 24]));
    expect(table[0]).toEqual(["Time", "Forecast", "Lower 95%", "Upper 95%", "Fitted"]);
    expect(table.map((row) => row[0])).toEqual(["Time", 13, 18, 24]);
    let previous = { lower: -Infinity, upper: -Infinity };
    const [[, , , , fittedAtLast]] = FORECAST("logistic", column(MONTHS), column(GPS), [[12]]).slice(1) as number[][];
    for (const [time, forecast, lower, upper, fitted] of table.slice(1) as number[][]) {
      // The count never falls below the last one; the forecast (the median) lies between the
      // bounds, which are about the last count plus the curve's rise since (not about the curve:
      // the last count lies above it); later times have later, wider bounds.
      expect(fitted).toBeCloseTo(LOGISTIC_MODEL.value(time, FIT("logistic", column(MONTHS), column(GPS)).slice(1, 4).map((row) => row[1] as number)), 8);
      expect(lower).toBeGreaterThanOrEqual(GPS[11]);
      expect(lower).toBeLessThan(forecast);
      expect(forecast).toBeLessThan(upper);
      expect(lower).toBeLessThan(GPS[11] + fitted - fittedAtLast);
      expect(upper).toBeGreaterThan(GPS[11] + fitted - fittedAtLast);
      expect(lower).toBeGreaterThanOrEqual(previous.lower);
      expect(upper).toBeGreaterThan(previous.upper);
      previous = { lower, upper };
    }
    // At a time with a count the forecast and both bounds are that count.
    expect(FORECAST("logistic", column(MONTHS), column(GPS), [[12]])[1].slice(1, 4)).toEqual([GPS[11], GPS[11], GPS[11]]);
    // A higher confidence gives a wider interval.
    const wide = FORECAST("logistic", column(MONTHS), column(GPS), column([13]), undefined, 0.99);
    expect(wide[0]).toEqual(["Time", "Forecast", "Lower 99%", "Upper 99%", "Fitted"]);
    expect((wide[1][3] as number) - (wide[1][2] as number)).toBeGreaterThan((table[1][3] as number) - (table[1][2] as number));
  });

  it("agrees with FIT's curve", () => {
    const fit = FIT("gompertz", column(MONTHS), column(GPS));
    const [m, a, b] = [fit[1][1], fit[2][1], fit[3][1]] as number[];
    const forecast = FORECAST("gompertz", column(MONTHS), column(GPS), [[20]]);
    expect(forecast[1][4]).toBeCloseTo(m * Math.exp(-a * Math.exp(-b * 20)), 8);
  });

  it("gives a blank row for a blank new time and an error row for a bad one", () => {
    const table = FORECAST("bass", column(MONTHS), column(GPS), column([13, "", -1, "soon"]));
    expect(table[2]).toEqual(["", "", "", "", ""]);
    expect(table[3][0]).toBe(-1);
    expect((table[3][1] as ExcelError).code).toBe(ErrorCode.invalidNumber);
    expect((table[3][4] as ExcelError).code).toBe(ErrorCode.invalidNumber);
    expect((table[4][1] as ExcelError).code).toBe(ErrorCode.invalidValue);
    expect((table[4][1] as ExcelError).message).toMatch(/^newTimes .*item 4/);
  });

  it("gives #NUM! for a confidence outside (0, 1)", () => {
    // 1 − 2⁻⁵³ is below 1, but the upper bound's probability (1 + c)/2 rounds to 1.
    for (const confidence of [1, 95, -0.5, 1 - 2 ** -53]) {
      expect(errorOf(FORECAST("bass", column(MONTHS), column(GPS), [[13]], "", confidence)).code).toBe(ErrorCode.invalidNumber);
    }
  });

  it("reads a confidence of 0 as the empty cell desktop Excel passes it for: 95%", () => {
    expect(FORECAST("bass", column(MONTHS), column(GPS), [[13]], "", 0)).toEqual(FORECAST("bass", column(MONTHS), column(GPS), [[13]], "", null));
    expect(FORECAST("bass", column(MONTHS), column(GPS), [[13]], "", 0)[0][2]).toBe("Lower 95%");
  });

  it("gives #N/A forecast and bounds after the counts when the points leave no degrees of freedom, and the curve between them", () => {
    const table = FORECAST("logistic", column([0, 1.05]), column([3500, 18981]), column([2, 0.5]), 35000);
    expect(table[1][4]).toBeGreaterThan(18981);
    for (const cell of table[1].slice(1, 4) as ExcelError[]) expect(cell.code).toBe(ErrorCode.notAvailable);
    // Two points fix two parameters: the curve passes through both, and between them the count is on it.
    expect(table[2][1]).toBeCloseTo(table[2][4] as number, 6);
    expect(table[2][2]).toBe(table[2][1]);
  });
});

describe("CRS.FORECAST where the data do not determine the parameters", () => {
  // A jump from 4 to 686 between months 2 and 4: the best logistic curve is a step, whose rate and
  // midpoint have no finite standard errors, as FIT shows.
  const times = column([0, 4, 2, 9, 4]);
  const values = column([0, 4, 686, 695, 703]);

  it("still gives the fitted curve's value, as FIT gives the estimates, and after the counts the recent pace's bounds", () => {
    const fit = FIT("logistic", times, values);
    expect((fit[2][2] as ExcelError).code).toBe(ErrorCode.invalidNumber);
    const [m, rate, midpoint] = [fit[1][1], fit[2][1], fit[3][1]] as number[];
    const table = FORECAST("logistic", times, values, column([6, 12]));
    expect(table[1][0]).toBe(6);
    expect(table[1][4]).toBeCloseTo(LOGISTIC_MODEL.value(6, [m, rate, midpoint]), 8);
    // Between the counts at months 4 and 9 the count lies between them.
    for (const cell of table[1].slice(1, 4) as number[]) {
      expect(cell).toBeGreaterThanOrEqual((4 + 703) / 2);
      expect(cell).toBeLessThanOrEqual(695);
    }
    // After the last count the curve's spread is undetermined: the pace alone gives the bounds.
    const [, forecast, lower, upper] = table[2] as number[];
    expect(lower).toBeGreaterThanOrEqual(695);
    expect(lower).toBeLessThan(forecast);
    expect(forecast).toBeLessThan(upper);
  });
});

describe("CRS.FORECASTAT", () => {
  it("gives FORECAST's figures one at a time, identical to FORECAST's columns", () => {
    const newTimes = [6.5, 12, 13, 18, 24];
    for (const [model, market, confidence] of [["logistic", null, null], ["auto", 450, 0.8], ["gompertz", null, 0.9]] as const) {
      const table = FORECAST(model, column(MONTHS), column(GPS), column(newTimes), market, confidence);
      FORECAST_FIGURE_NAMES.forEach((figure, k) => {
        const figures = FORECASTAT(model, column(MONTHS), column(GPS), column(newTimes), figure, market, confidence);
        expect(figures, `${model}, ${figure}`).toEqual(table.slice(1).map((row) => [row[k + 1]]));
      });
    }
  });

  it("reads an empty time cell as empty however Excel passes it: null, or a 0 after a later time", () => {
    for (const blank of [null, "", 0]) {
      const figures = FORECASTAT("logistic", column(MONTHS), column(GPS), column([13, blank, 14]), "forecast");
      expect(figures[0][0], `blank ${String(blank)}`).toBeGreaterThan(GPS[11]);
      const error = figures[1][0] as ExcelError;
      expect(error, `blank ${String(blank)}`).toBeInstanceOf(ExcelError);
      expect(error.code).toBe(ErrorCode.notAvailable);
      expect(error.message).toMatch(/^time is empty/);
      expect(figures[2][0]).toEqual(FORECASTAT("logistic", column(MONTHS), column(GPS), [[14]], "forecast")[0][0]);
    }
  });

  it("names time and the item of a time that is not a number", () => {
    const figures = FORECASTAT("logistic", column(MONTHS), column(GPS), [[7, "x", true]], "upper");
    expect(figures[0][0]).toBeTypeOf("number");
    expect((figures[0][1] as ExcelError).code).toBe(ErrorCode.invalidValue);
    expect((figures[0][1] as ExcelError).message).toBe('time must hold only numbers: item 2 is the text "x".');
    expect((figures[0][2] as ExcelError).message).toBe("time must hold only numbers: item 3 is the logical value TRUE.");
  });
});

/** FORECAST's figures after its Time column, as FORECASTAT names them. */
const FORECAST_FIGURE_NAMES = ["forecast", "lower", "upper", "fitted"];

describe("CRS.REACH", () => {
  it("gives the time a target is as likely as not reached, and a time per target of a range", () => {
    // 30% of an assumed 35,000 GPs, between the article's counts at the end of June and beginning of August 2005.
    const [[time]] = REACH("logistic", column([0, 1.05]), column([3500, 18981]), [[10500]], 35000) as number[][];
    expect(time).toBeCloseTo(0.5989, 4);
    const times = REACH("logistic", column(MONTHS), column(GPS), column([100, 200, 300])) as number[][];
    expect(times).toHaveLength(3);
    expect(times[0][0]).toBeLessThan(times[1][0]);
    expect(times[1][0]).toBeLessThan(times[2][0]);
  });

  it("inverts FORECAST's forecast, and CHANCE there is 1/2", () => {
    for (const [model, target] of [["bass", 400], ["logistic", 400], ["gompertz", 410], ["auto", 400]] as const) {
      const [[time]] = REACH(model, column(MONTHS), column(GPS), [[target]]) as number[][];
      expect(time).toBeGreaterThan(MONTHS[MONTHS.length - 1]);
      const forecast = FORECAST(model, column(MONTHS), column(GPS), [[time]]);
      expect(forecast[1][1]).toBeCloseTo(target, 5);
      expect((CHANCE(model, column(MONTHS), column(GPS), [[target]], [[time]]) as number[][])[0][0]).toBeCloseTo(0.5, 6);
      // Just before it the chance is below 1/2, at it at least 1/2.
      expect((CHANCE(model, column(MONTHS), column(GPS), [[target]], [[time - 1e-3]]) as number[][])[0][0]).toBeLessThan(0.5);
    }
  });

  it("finds a target the counts passed between the counts either side of it", () => {
    const [[time]] = REACH("logistic", column(MONTHS), column(GPS), [[GPS[5] + 1]]) as number[][];
    expect(time).toBeGreaterThan(6);
    expect(time).toBeLessThan(7);
    expect((CHANCE("logistic", column(MONTHS), column(GPS), [[GPS[5] + 1]], [[time]]) as number[][])[0][0]).toBeCloseTo(0.5, 6);
  });

  it("gives #N/A with a message for a target at or above the fitted market size", () => {
    const [[error]] = REACH("logistic", column(MONTHS), column(GPS), [[1000]]) as ExcelError[][];
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/never makes 1,000 as likely as not/);
    const mixed = REACH("logistic", column(MONTHS), column(GPS), [[100, 1000, -5]]);
    expect(typeof mixed[0][0]).toBe("number");
    expect((mixed[0][1] as ExcelError).code).toBe(ErrorCode.notAvailable);
    expect((mixed[0][2] as ExcelError).code).toBe(ErrorCode.invalidNumber);
  });
});

describe("CRS.COMPARE", () => {
  it("spills a header and a row per model with FIT's SSE, AICc, Delta and Akaike weights", () => {
    const table = COMPARE(column(MONTHS), column(GPS));
    expect(table[0]).toEqual(["Model", "SSE", "AICc", "Delta", "Weight"]);
    expect(table.map((row) => row[0])).toEqual(["Model", "bass", "logistic", "gompertz"]);
    const comparison = compareModels(MONTHS, GPS);
    table.slice(1).forEach((row, i) => {
      const score = comparison.scores[i];
      expect(row[1]).toBe(FIT(score.model.name, column(MONTHS), column(GPS))[4][1]);
      const k = 4;
      expect(row[2]).toBeCloseTo(12 * Math.log((row[1] as number) / 12) + 2 * k + (2 * k * (k + 1)) / (12 - k - 1), 10);
      expect(row[3]).toBeCloseTo(score.delta!, 12);
      expect(row[4]).toBeCloseTo(score.weight, 12);
    });
    expect((table.slice(1) as number[][]).reduce((sum, row) => sum + row[4], 0)).toBeCloseTo(1, 12);
    expect(Math.min(...(table.slice(1) as number[][]).map((row) => row[3]))).toBe(0);
  });

  it("shows #N/A with the reason and weight 0 for Bass with dates, and #N/A for too few points", () => {
    const dates = MONTHS.map((month) => 38352 + 30 * month);
    const table = COMPARE(column(dates), column(GPS), 420);
    const bass = table[1];
    expect(bass[0]).toBe("bass");
    for (const cell of bass.slice(1, 4) as ExcelError[]) {
      expect(cell.code).toBe(ErrorCode.notAvailable);
      expect(cell.message).toMatch(/periods since the launch.*CRS\.PERIODS/);
    }
    expect(bass[4]).toBe(0);
    expect((table[2][4] as number) + (table[3][4] as number)).toBeCloseTo(1, 12);
    const error = errorOf(COMPARE(column([1, 2, 3, 4, 5]), column([5, 14, 33, 60, 88])));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/No model can be compared/);
    expect(errorOf(COMPARE(column(MONTHS), column(GPS.slice(1)))).code).toBe(ErrorCode.invalidValue);
  });
});

describe('model "auto"', () => {
  it("is the model with the lowest AICc in COMPARE, and FIT's header names it", () => {
    const compare = COMPARE(column(MONTHS), column(GPS));
    const best = compare.slice(1).find((row) => row[3] === 0)![0] as string;
    const auto = FIT("Auto", column(MONTHS), column(GPS));
    expect(auto[0]).toEqual([`Parameter (${best})`, "Estimate", "Std error"]);
    expect(auto.slice(1)).toEqual(FIT(best, column(MONTHS), column(GPS)).slice(1));
    // Its fitted curve is the chosen model's; its forecast weighs all three.
    expect(FORECAST("AUTO", column(MONTHS), column(GPS), [[15]])[1][4]).toBe(FORECAST(best, column(MONTHS), column(GPS), [[15]])[1][4]);
  });

  it("skips Bass when the times are dates", () => {
    const dates = MONTHS.map((month) => 38352 + 30 * month);
    const header = FIT("auto", column(dates), column(GPS))[0][0];
    expect(header).toMatch(/^Parameter \((logistic|gompertz)\)$/);
  });
});

describe("CRS.CHANCE", () => {
  it("at FORECAST's bounds is (1 − c)/2 at the upper and (1 + c)/2 at the lower, for every confidence c", () => {
    for (const model of ["bass", "logistic", "gompertz", "auto"]) {
      for (const market of [undefined, 420]) {
        for (const confidence of [0.5, 0.8, 0.9, 0.95, 0.99]) {
          const rows = FORECAST(model, column(MONTHS), column(GPS), column([13, 15, 24]), market, confidence).slice(1) as number[][];
          const times = rows.map((row) => [row[0]]);
          const upper = CHANCE(model, column(MONTHS), column(GPS), rows.map((row) => [row[3]]), times, market) as number[][];
          const lower = CHANCE(model, column(MONTHS), column(GPS), rows.map((row) => [row[2]]), times, market) as number[][];
          // A known market caps the count: a bound that stops at the market is reached with at
          // least the bound's chance (the rest of the distribution piles up there).
          upper.forEach(([chance], i) => {
            if (market !== undefined && rows[i][3] === market) expect(chance).toBeGreaterThanOrEqual((1 - confidence) / 2);
            else expect(chance).toBeCloseTo((1 - confidence) / 2, 9);
          });
          // Counts never fall: a lower bound at the last count is reached with at least its chance
          // (where the count stays put, the rest of the distribution piles up there).
          lower.forEach(([chance], i) => {
            if (rows[i][2] === GPS[GPS.length - 1]) expect(chance).toBeGreaterThanOrEqual((1 + confidence) / 2);
            else expect(chance).toBeCloseTo((1 + confidence) / 2, 9);
          });
        }
      }
    }
  });

  it("never goes past a known market: no bound above it, no chance beyond it", () => {
    const rows = FORECAST("logistic", column(MONTHS), column(GPS), column([15, 24, 48]), 402, 0.99).slice(1) as number[][];
    for (const [, , lower, upper] of rows) {
      expect(upper).toBeLessThanOrEqual(402);
      expect(lower).toBeLessThanOrEqual(402);
    }
    expect(rows[2][3]).toBe(402);
    const [[atMarket, beyond]] = CHANCE("logistic", column(MONTHS), column(GPS), [[402, 402.5]], [[48]], 402) as number[][];
    expect(atMarket).toBeGreaterThan(0);
    expect(beyond).toBe(0);
  });

  it("spills element by element over targets and times, never rising with the target", () => {
    const targets = [[380], [400], [420], [440]];
    const table = CHANCE("logistic", column(MONTHS), column(GPS), targets, [[13, 18, 24]]) as number[][];
    expect(table).toHaveLength(4);
    expect(table[0]).toHaveLength(3);
    for (let j = 0; j < 3; j++) {
      for (let i = 1; i < 4; i++) expect(table[i][j]).toBeLessThanOrEqual(table[i - 1][j]);
    }
    // The last count (month 12) is certain at any later time.
    expect((CHANCE("logistic", column(MONTHS), column(GPS), [[GPS[11]]], [[18]]) as number[][])[0][0]).toBe(1);
  });

  it("is 1 or 0 at a time with a count: the count is known there", () => {
    const [[reached, missed]] = CHANCE("gompertz", column(MONTHS), column(GPS), [[GPS[5], GPS[5] + 1]], [[6]]) as number[][];
    expect(reached).toBe(1);
    expect(missed).toBe(0);
  });

  it("works in dates: the same chance as in months", () => {
    const DAYS_A_MONTH = 30.4375;
    const dates = MONTHS.map((month) => 38352 + DAYS_A_MONTH * month);
    const [[byDate]] = CHANCE("logistic", column(dates), column(GPS), [[405]], [[38352 + DAYS_A_MONTH * 15]], 420) as number[][];
    const [[byMonth]] = CHANCE("logistic", column(MONTHS), column(GPS), [[405]], [[15]], 420) as number[][];
    expect(byDate).toBeCloseTo(byMonth, 6);
    // REACH returns a date.
    const [[reachDate]] = REACH("logistic", column(dates), column(GPS), [[300]], 420) as number[][];
    const [[reachMonth]] = REACH("logistic", column(MONTHS), column(GPS), [[300]], 420) as number[][];
    expect(reachDate).toBeCloseTo(38352 + DAYS_A_MONTH * reachMonth, 5);
  });

  it("refuses what FIT refuses, the same way, and names a bad target or time", () => {
    expect(errorOf(CHANCE("richards", column(MONTHS), column(GPS), [[400]], [[13]])).code).toBe(ErrorCode.invalidValue);
    expect(errorOf(CHANCE("logistic", column(MONTHS), column([...GPS.slice(0, 11), -1]), [[400]], [[13]])).code).toBe(ErrorCode.invalidNumber);
    expect(errorOf(CHANCE("logistic", column([1, 2]), column([3, 4]), [[400]], [[13]])).code).toBe(ErrorCode.notAvailable);
    const [[target, time]] = CHANCE("logistic", column(MONTHS), column(GPS), [["many", 400]], [[13, "soon"]]) as ExcelError[][];
    expect(target.message).toMatch(/^target/);
    expect(time.message).toMatch(/^time/);
    const bass = errorOf(CHANCE("bass", column(MONTHS.map((m) => 38352 + 30 * m)), column(GPS), [[400]], [[38800]]));
    expect(bass.code).toBe(ErrorCode.invalidValue);
    expect(bass.message).toMatch(/CRS\.PERIODS/);
  });
});

describe("the README's worked example", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const example = readme.slice(readme.indexOf("**Worked example"), readme.indexOf("- A chance is only as good"));
  /** The first number (or text) the pattern captures in the example, failing if the README lost it. */
  const quoted = (pattern: RegExp): string => {
    const match = pattern.exec(example);
    if (match === null) throw new Error(`The README's worked example no longer says ${pattern}.`);
    return match[1].replace(/\s+/g, " ");
  };
  // The table of the PCT's counts, rows 2 to 9: | 2 | 31/10/2004 | 2 |.
  const rows = [...example.matchAll(/^\| \d \| (\d\d)\/(\d\d)\/(\d{4}) \| (\d+) \|$/gm)];
  const dates = column(rows.map(([, day, month, year]) => isoToExcelSerial(`${year}-${month}-${day}` as IsoDate)));
  const counts = column(rows.map(([, , , , count]) => Number(count)));
  const JUNE_30 = isoToExcelSerial("2005-06-30");
  const JULY_31 = isoToExcelSerial("2005-07-31");

  it("gives the figures the README quotes, from the README's own table", () => {
    expect(rows).toHaveLength(8);
    const round = (value: unknown, digits: number) => Number((value as number).toFixed(digits));
    expect(round((CHANCE("auto", dates, counts, [[45]], [[JUNE_30]], 150) as number[][])[0][0], 2)).toBe(Number(quoted(/DATE\(2005,6,30\), 150\)` → \*\*([\d.]+)\*\*/)));
    expect(round((CHANCE("auto", dates, counts, [[45]], [[JULY_31]], 150) as number[][])[0][0], 2)).toBe(Number(quoted(/DATE\(2005,7,31\), 150\)` → ([\d.]+)/)));
    const compare = COMPARE(dates, counts, 150) as unknown[][];
    const weightOf = (name: string) => round(compare.find((row) => row[0] === name)![4], 2);
    expect(weightOf("gompertz")).toBe(Number(quoted(/weight ([\d.]+)\s+against/)));
    expect(weightOf("logistic")).toBe(Number(quoted(/against the logistic's ([\d.]+)/)));
    const [, [, forecast, lower, upper, fitted]] = FORECAST("auto", dates, counts, [[JUNE_30]], 150, 0.8) as number[][];
    expect([forecast, lower, upper, fitted].map((value) => round(value, 1))).toEqual(
      [/→ ([\d.]+) GPs, with 80% bounds/, /80% bounds\s+([\d.]+) to/, /80% bounds\s+[\d.]+ to ([\d.]+)/, /last column, is at ([\d.]+)/].map((pattern) => Number(quoted(pattern))),
    );
    const reached = (REACH("auto", dates, counts, [[45]], 150) as number[][])[0][0];
    const day = new Date(excelSerialToIso(reached));
    expect(day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).toBe(quoted(/→ (\d+ \w+\s+\d{4}): 45 GPs are as likely as not/));
    expect((CHANCE("auto", dates, counts, [[45]], [[reached]], 150) as number[][])[0][0]).toBeCloseTo(0.5, 6);
  });
});
