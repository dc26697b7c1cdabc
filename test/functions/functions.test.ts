/**
 * The custom functions as Excel calls them: from the built bundle, through the runtime's
 * `associate`, with every numeric argument a matrix ([[x]] for a single cell).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DATASETS, PROVENANCE_COLUMNS } from "../../src/data";
import { cellAddress } from "../../src/excel/a1";
import { planDatasets } from "../../src/workbook/sheets/datasets";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import { plannedCells } from "../workbook/plan/planCells";
import { type CustomFunction, ErrorCode, ExcelError, type FunctionMetadata, loadFunctions, loadMetadata } from "./host";

/** The headers of a dataset row's provenance, wherever it is shown. */
const PROVENANCE_HEADERS = ["Figure as of", "Date in the article's words", "Basis", "Quote", "Note"];

/** The functions this file checks; the metadata may hold others (the fitting functions). */
const SCALAR_IDS = ["GROWTH", "PERIODS", "PROJECT", "PERIODSTO", "SHORTFALL", "INCENTIVE", "LOGISTIC", "BASS", "DATASET", "DATASETS"];

let fns: Map<string, CustomFunction>;
let metadata: FunctionMetadata[];

beforeAll(() => {
  fns = loadFunctions();
  metadata = loadMetadata();
});

/** Calls a function with each argument as one cell ([[x]]), omitted where undefined. */
function call(id: string, ...args: unknown[]): unknown[][] {
  const fn = fns.get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  return fn(...args.map((arg) => (arg === undefined ? null : [[arg]]))) as unknown[][];
}

/** The single value a call spills. */
function value(id: string, ...args: unknown[]): unknown {
  const result = call(id, ...args);
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

/** Asserts that a call gives one Excel error with this code and a message containing `words`. */
function expectError(result: unknown, code: string, words?: string | RegExp): void {
  expect(result).toBeInstanceOf(ExcelError);
  const error = result as ExcelError;
  expect(error.code).toBe(code);
  if (words !== undefined) expect(error.message).toMatch(words);
}

/** Excel's DATE(year, month, day) as a serial number. */
function excelDate(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

describe("the bundle and its metadata", () => {
  it("associates every function that functions.json declares", () => {
    expect(metadata.length).toBeGreaterThan(0);
    for (const { id } of metadata) expect(fns.has(id), `${id} is associated`).toBe(true);
    expect([...fns.keys()].sort()).toEqual(metadata.map(({ id }) => id).sort());
    // Exactly the spec's functions: users' workbooks depend on each name.
    expect(metadata.map(({ id, name }) => `${id}=${name}`).sort()).toEqual(
      [...SCALAR_IDS, "FIT", "FORECAST", "REACH", "COMPARE", "CHANCE", "BESTMODEL", "WEIGHT", "FORECASTAT"].map((id) => `${id}=${id}`).sort(),
    );
  });

  it("declares each of the ten functions with a description that has an example, and every parameter described", () => {
    for (const id of SCALAR_IDS) {
      const entry = metadata.find((candidate) => candidate.id === id);
      expect(entry, id).toBeDefined();
      expect(entry!.name).toBe(id);
      expect(entry!.description).toMatch(new RegExp(`Example: =CRS\\.${id}\\(`));
      for (const parameter of entry!.parameters) expect(parameter.description, `${id}(${parameter.name})`).toBeTruthy();
      expect(entry!.result.dimensionality).toBe("matrix");
    }
  });

  it("declares the parameters in the spec's order, numeric ones as ranges, the optional ones optional", () => {
    const signature = (id: string) =>
      metadata
        .find((entry) => entry.id === id)!
        .parameters.map((parameter) => `${parameter.optional ? "[" : ""}${parameter.name}${parameter.optional ? "]" : ""}`)
        .join(", ");
    expect(signature("GROWTH")).toBe("start, end, [periods]");
    expect(signature("PERIODS")).toBe("startDate, endDate, [unit]");
    expect(signature("PROJECT")).toBe("current, rate, periods, [ceiling]");
    expect(signature("PERIODSTO")).toBe("current, target, rate, [ceiling]");
    expect(signature("SHORTFALL")).toBe("registered, total, [threshold]");
    expect(signature("INCENTIVE")).toBe("practices, registered, total, [threshold], [payment]");
    expect(signature("LOGISTIC")).toBe("t, ceiling, rate, midpoint");
    expect(signature("BASS")).toBe("t, p, q, m");
    expect(signature("DATASET")).toBe("name");
    expect(signature("DATASETS")).toBe("");
    expect(signature("FIT")).toBe("model, times, values, [market]");
    expect(signature("FORECAST")).toBe("model, times, values, newTimes, [market], [confidence]");
    expect(signature("REACH")).toBe("model, times, values, target, [market]");
    expect(signature("COMPARE")).toBe("times, values, [market]");
    expect(signature("CHANCE")).toBe("model, times, values, target, time, [market]");
    for (const id of SCALAR_IDS.slice(0, 8)) {
      for (const parameter of metadata.find((entry) => entry.id === id)!.parameters) {
        expect(parameter.dimensionality, `${id}(${parameter.name})`).toBe("matrix");
      }
    }
  });
});

describe("parameters that take one value", () => {
  it("say why they take no range, since a range does not spill there as elsewhere", () => {
    const single = metadata.flatMap((entry) =>
      entry.parameters.filter((parameter) => parameter.dimensionality !== "matrix").map((parameter) => ({ id: entry.id, parameter })),
    );
    expect(single.map(({ id, parameter }) => `${id}(${parameter.name})`)).toEqual(
      expect.arrayContaining(["DATASET(name)", "FIT(market)", "FORECAST(confidence)", "REACH(market)"]),
    );
    for (const { id, parameter } of single) expect(parameter.description, `${id}(${parameter.name})`).toMatch(/One (value|name), not a range: \w/);
  });
});

describe("GROWTH", () => {
  it("gives the monthly growth of staff registrations that trebled in two months", () => {
    expect(value("GROWTH", 25_072, 75_216, 2)).toBeCloseTo(Math.sqrt(3) - 1, 14);
  });
  it("takes one period when periods is omitted or empty", () => {
    expect(value("GROWTH", 25_072, 75_216)).toBeCloseTo(2, 14);
    expect(value("GROWTH", 25_072, 75_216, null)).toBeCloseTo(2, 14);
    expect(value("GROWTH", 25_072, 75_216, "")).toBeCloseTo(2, 14);
  });
  it("takes one period for a periods of 0, the empty cell desktop Excel passes as 0", () => {
    expect(value("GROWTH", 25_072, 75_216, 0)).toBe(value("GROWTH", 25_072, 75_216, null));
  });
  it("gives #NUM! outside the domain and #VALUE! naming a wrong argument", () => {
    expectError(value("GROWTH", 0, 75_216, 2), ErrorCode.invalidNumber, /start/);
    expectError(value("GROWTH", 25_072, -1, 2), ErrorCode.invalidNumber, /end/);
    expectError(value("GROWTH", 25_072, 75_216, -1), ErrorCode.invalidNumber, /periods/);
    expectError(value("GROWTH", "many", 75_216, 2), ErrorCode.invalidValue, /start must be a number, not the text "many"/);
    expectError(value("GROWTH", 25_072, true, 2), ErrorCode.invalidValue, /end must be a number, not the logical value TRUE/);
  });
  it("reads an empty required cell as 0, as Excel does", () => {
    expectError(value("GROWTH", null, 75_216, 2), ErrorCode.invalidNumber, /start/);
    expect(value("GROWTH", 25_072, null, 2)).toBe(-1);
  });
  it("gives #NUM!, not Infinity, when the rate overflows", () => {
    expectError(value("GROWTH", 1e-300, 1e300, 0.01), ErrorCode.invalidNumber);
  });
});

describe("PERIODS", () => {
  const june30 = excelDate(2005, 6, 30);
  const august1 = excelDate(2005, 8, 1);
  it("counts the months between the two counts of GPs registered", () => {
    expect(value("PERIODS", june30, august1)).toBeCloseTo(32 / 30.4375, 14);
    expect(value("PERIODS", june30, august1, "month")).toBeCloseTo(32 / 30.4375, 14);
  });
  it("counts in any unit, any case, singular or plural; negative backwards", () => {
    expect(value("PERIODS", june30, august1, "Days")).toBe(32);
    expect(value("PERIODS", june30, august1, "WEEK")).toBeCloseTo(32 / 7, 14);
    expect(value("PERIODS", june30, august1, "quarters")).toBeCloseTo(32 / 91.3125, 14);
    expect(value("PERIODS", june30, august1, "year")).toBeCloseTo(32 / 365.25, 14);
    expect(value("PERIODS", august1, june30, "day")).toBe(-32);
  });
  it("lists the units when the unit is unknown", () => {
    expectError(value("PERIODS", june30, august1, "fortnight"), ErrorCode.invalidValue, "day, week, month, quarter, year");
    expectError(value("PERIODS", june30, august1, 3), ErrorCode.invalidValue, /unit must be a text/);
    expectError(value("PERIODS", "30/06/2005", august1), ErrorCode.invalidValue, /startDate/);
  });
  it("leaves a cell empty where a date is, so that periods over a column reaching below the counts stop with them", () => {
    const launch = [[excelDate(2005, 3, 31)]];
    const dates = [[june30], [august1], [null], [""]];
    expect(fns.get("PERIODS")!(launch, dates, [["day"]])).toEqual([[91], [123], [""], [""]]);
    // Desktop Excel may pass the empty cells as 0: beside a date, day 0 of 1900 is no date either.
    expect(fns.get("PERIODS")!(launch, [[june30], [0]], [["day"]])).toEqual([[91], [""]]);
    expect(value("PERIODS", null, june30)).toBe("");
    // Two numbers that are not dates keep their 0.
    expect(value("PERIODS", 0, 30, "day")).toBe(30);
  });
});

describe("PROJECT", () => {
  it("grows 18,981 GPs at 25% a month for six months", () => {
    expect(value("PROJECT", 18_981, 0.25, 6)).toBeCloseTo(18_981 * 1.25 ** 6, 8);
  });
  it("saturates at a ceiling of 35,000 GPs", () => {
    const expected = 35_000 / (1 + (35_000 / 18_981 - 1) * 1.25 ** -6);
    expect(value("PROJECT", 18_981, 0.25, 6, 35_000)).toBeCloseTo(expected, 8);
    expect(value("PROJECT", 18_981, 0.25, 6, null)).toBeCloseTo(18_981 * 1.25 ** 6, 8);
  });
  it("gives #NUM! outside the domain and on overflow, never Infinity", () => {
    expectError(value("PROJECT", -1, 0.25, 6), ErrorCode.invalidNumber, /current/);
    expectError(value("PROJECT", 18_981, -1, 6), ErrorCode.invalidNumber, /rate/);
    expectError(value("PROJECT", 18_981, 0.25, 6, -5), ErrorCode.invalidNumber, /ceiling/);
    // A ceiling of 0 is the empty cell desktop Excel passes as 0: no ceiling.
    expect(value("PROJECT", 18_981, 0.25, 6, 0)).toBe(value("PROJECT", 18_981, 0.25, 6, null));
    expectError(value("PROJECT", 18_981, 0.25, 1e6), ErrorCode.invalidNumber, /too large/);
  });
});

describe("PERIODSTO", () => {
  it("counts the months for 3,500 GPs to reach 18,981 at 25% a month", () => {
    expect(value("PERIODSTO", 3_500, 18_981, 0.25)).toBeCloseTo(Math.log(18_981 / 3_500) / Math.log(1.25), 12);
  });
  it("is 0 when already there and #N/A when never reached", () => {
    expect(value("PERIODSTO", 18_981, 3_500, 0.25)).toBe(0);
    expectError(value("PERIODSTO", 3_500, 18_981, 0), ErrorCode.notAvailable, /never reached/);
    expectError(value("PERIODSTO", 0, 18_981, 0.25), ErrorCode.notAvailable, /never reached/);
    expectError(value("PERIODSTO", 18_981, 35_000, 0.25, 35_000), ErrorCode.notAvailable, /ceiling/);
  });
});

describe("SHORTFALL and INCENTIVE", () => {
  it("needs one more of 10 GPs for 30%", () => {
    expect(value("SHORTFALL", 2, 10)).toBe(1);
    expect(value("SHORTFALL", 3, 10)).toBe(0);
    expect(value("SHORTFALL", 45, 150, 0.5)).toBe(30);
  });
  it("pays 40 practices × £6,000 when 45 of 150 GPs (30%) are registered", () => {
    expect(value("INCENTIVE", 40, 45, 150)).toBe(240_000);
    expect(value("INCENTIVE", 40, 44, 150)).toBe(0);
    expect(value("INCENTIVE", 40, 45, 150, 0.3, 5_000)).toBe(200_000);
    expect(value("INCENTIVE", 40, 45, 150, null, null)).toBe(240_000);
  });
  it("gives #NUM! outside the domain", () => {
    expectError(value("SHORTFALL", -1, 10), ErrorCode.invalidNumber, /registered/);
    expectError(value("SHORTFALL", 2, 0), ErrorCode.invalidNumber, /total/);
    expectError(value("SHORTFALL", 2, 10, 1.5), ErrorCode.invalidNumber, /threshold/);
    expectError(value("INCENTIVE", -40, 45, 150), ErrorCode.invalidNumber, /practices/);
    expectError(value("INCENTIVE", 40, 45, 150, 0.3, -1), ErrorCode.invalidNumber, /payment/);
  });
});

describe("LOGISTIC and BASS", () => {
  it("gives the curves' values", () => {
    expect(value("LOGISTIC", 2, 35_000, 0.8, 2)).toBe(17_500);
    const decay = Math.exp(-0.43 * 6);
    expect(value("BASS", 6, 0.03, 0.4, 35_000)).toBeCloseTo((35_000 * (1 - decay)) / (1 + (0.4 / 0.03) * decay), 8);
  });
  it("gives #NUM! outside the domain", () => {
    expectError(value("LOGISTIC", 2, 0, 0.8, 2), ErrorCode.invalidNumber, /ceiling/);
    expectError(value("BASS", -1, 0.03, 0.4, 35_000), ErrorCode.invalidNumber, /t must/);
    expectError(value("BASS", 6, 0, 0.4, 35_000), ErrorCode.invalidNumber, /p must/);
    expectError(value("BASS", 6, 0.03, -0.4, 35_000), ErrorCode.invalidNumber, /q must/);
    expectError(value("BASS", 6, 0.03, 0.4, 0), ErrorCode.invalidNumber, /m must/);
  });
});

describe("ranges spill element by element, as Excel's own functions do", () => {
  const growth = (...args: unknown[]) => fns.get("GROWTH")!(...args) as unknown[][];

  it("returns a 1×1 array for single cells", () => {
    expect(growth([[25_072]], [[75_216]], [[2]])).toEqual([[Math.pow(3, 1 / 2) - 1]]);
  });
  it("repeats a single value over a range", () => {
    expect(growth([[1], [2], [4]], [[8]], [[1]])).toEqual([[7], [3], [1]]);
  });
  it("crosses a column with a row into a table", () => {
    expect(growth([[1], [2]], [[4, 8]], null)).toEqual([
      [3, 7],
      [1, 3],
    ]);
  });
  it("gives #N/A in the cells a range too small does not reach", () => {
    const result = growth(
      [
        [1, 1],
        [2, 2],
        [4, 4],
      ],
      [[8], [8]],
      null,
    );
    expect(result[0]).toEqual([7, 7]);
    expect(result[1]).toEqual([3, 3]);
    expectError(result[2][0], ErrorCode.notAvailable, /differ in size/);
    expectError(result[2][1], ErrorCode.notAvailable);
  });
  it("keeps each cell's error to that cell", () => {
    const result = growth([[1], [0], ["x"], [null]], [[4]], null);
    expect(result[0][0]).toBe(3);
    expectError(result[1][0], ErrorCode.invalidNumber, /start/);
    expectError(result[2][0], ErrorCode.invalidValue, /start must be a number/);
    expectError(result[3][0], ErrorCode.invalidNumber, /start/);
  });
  it("passes an Excel error in a cell through unchanged", () => {
    const error = new ExcelError(ErrorCode.divisionByZero);
    expect(growth([[error]], [[4]], null)).toEqual([[error]]);
  });
  it("spills a range of units and a range of ceilings", () => {
    const periods = fns.get("PERIODS")!([[0]], [[28]], [["day", "week"]]) as unknown[][];
    expect(periods).toEqual([[28, 4]]);
    const projected = fns.get("PROJECT")!([[100]], [[0.5]], [[1]], [[null], [150]]) as unknown[][];
    expect(projected).toHaveLength(2);
    expect(projected[0][0]).toBe(150);
    expect(projected[1][0]).toBeCloseTo(150 / (1 + 0.5 / 1.5), 12);
  });
  it("refuses, rather than computes, a column crossed with a row into more cells than 16 columns of a sheet", () => {
    // 1,025 × 16,384 cells is just over the limit (16 × 1,048,576); A:A against 1:1 would be 17 billion.
    const column = Array.from({ length: 1_025 }, (_, i) => [i + 1]);
    const row = [Array.from({ length: 16_384 }, (_, i) => i + 1)];
    const result = growth(column, row, null);
    expect(result).toHaveLength(1);
    expectError(result[0][0], ErrorCode.invalidNumber, /1025 × 16384 cells/);
  });
  it("rejects a range that is not rectangular with #VALUE! naming its position", () => {
    expectError(growth([[1, 2], [3]], [[4]], null)[0][0], ErrorCode.invalidValue, /Argument 1/);
    expectError(growth([[1]], [], null)[0][0], ErrorCode.invalidValue, /Argument 2/);
  });
});

describe("DATASET and DATASETS", () => {
  it("spills a dataset with its header, Excel dates and provenance", () => {
    const table = fns.get("DATASET")!("gp_registrations") as unknown[][];
    expect(table[0]).toEqual(["As of", "GPs registered", ...PROVENANCE_HEADERS]);
    expect(table[1].slice(0, 5)).toEqual([excelDate(2005, 6, 30), 3_500, excelDate(2005, 6, 30), "end of Jun 2005", "stated"]);
    expect(table[2].slice(0, 5)).toEqual([excelDate(2005, 8, 1), 18_981, excelDate(2005, 8, 1), "beginning of Aug 2005", "stated"]);
    expect(table[2][5]).toContain("18,981 GPs registered");
    expect(table[1][6]).toBe("");
  });
  it("heads the provenance as the inserted dataset sheets do", () => {
    expect(PROVENANCE_COLUMNS.map((column) => column.header)).toEqual(PROVENANCE_HEADERS);
    const sheets = planDatasets(DATASETS, NO_TAKEN_NAMES).sheets;
    DATASETS.forEach((dataset, index) => {
      const table = fns.get("DATASET")!(dataset.name) as unknown[][];
      const cells = plannedCells(sheets[index]);
      const first = dataset.columns.length + 2;
      const sheetHeaders = PROVENANCE_HEADERS.map((_, c) => cells.get(cellAddress(4, first + c))?.value);
      expect(table[0].slice(dataset.columns.length), dataset.name).toEqual(sheetHeaders);
    });
  });
  it("shows a missing figure as an empty cell and finds names in any case", () => {
    const table = fns.get("DATASET")!(" Clinician_Usage ") as unknown[][];
    expect(table[1].slice(0, 3)).toEqual(["Clinicians using the CRS or spine services", "", "Early 2006"]);
    const appointments = fns.get("DATASET")!("choose_and_book") as unknown[][];
    const soFar = appointments.find((row) => row[2] === 2_395)!;
    // No date for the figure: both the date column and the provenance's date are empty.
    expect([soFar[0], soFar[3]]).toEqual(["", ""]);
  });
  it("spills every dataset as a rectangular table of numbers and texts", () => {
    for (const dataset of DATASETS) {
      const table = fns.get("DATASET")!(dataset.name) as unknown[][];
      expect(table).toHaveLength(dataset.rows.length + 1);
      for (const row of table) {
        expect(row).toHaveLength(dataset.columns.length + PROVENANCE_HEADERS.length);
        for (const cell of row) expect(["string", "number"]).toContain(typeof cell);
      }
    }
  });
  it("lists the valid names when the name is unknown", () => {
    const [[error]] = fns.get("DATASET")!("gps") as unknown[][];
    expectError(error, ErrorCode.invalidValue, DATASETS.map((dataset) => dataset.name).join(", "));
    expectError((fns.get("DATASET")!(42) as unknown[][])[0][0], ErrorCode.invalidValue, /name must be a text/);
  });
  it("lists the datasets", () => {
    const list = fns.get("DATASETS")!() as unknown[][];
    expect(list[0]).toEqual(["Name", "Title", "Rows", "Description"]);
    expect(list.slice(1)).toEqual(DATASETS.map((dataset) => [dataset.name, dataset.title, dataset.rows.length, dataset.description]));
  });
});
