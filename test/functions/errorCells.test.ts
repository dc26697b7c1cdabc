/**
 * Excel errors in and out of the BUILT functions: an error cell inside an argument's range
 * reaches the functions (functions.json allows it) and comes through in its own cell of the
 * result only; and a result that is a single error is thrown, never returned as [[error]].
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type CustomFunction, ErrorCode, ExcelError, type FunctionMetadata, loadFunctions, loadMetadataFile } from "./host";

let shown: Map<string, CustomFunction>;
let raw: Map<string, CustomFunction>;
let metadata: { functions: FunctionMetadata[] } & Record<string, unknown>;

beforeAll(() => {
  shown = loadFunctions();
  raw = loadFunctions({ raw: true });
  metadata = loadMetadataFile();
});

const NA = new ExcelError(ErrorCode.notAvailable);
const DIV0 = new ExcelError(ErrorCode.divisionByZero);
const MONTHS = [[1], [2], [3], [4], [5], [6], [7], [8]];
const GPS = [[12], [23], [44], [78], [133], [202], [265], [326]];

/** What a call gives Excel: its table, or the error it threw. */
function outcome(fn: CustomFunction, ...args: unknown[]): { table: unknown[][] } | { thrown: unknown } {
  try {
    return { table: fn(...args) as unknown[][] };
  } catch (error) {
    return { thrown: error };
  }
}

describe("functions.json", () => {
  it("lets error cells reach the functions as errors: allowErrorForDataTypeAny true and allowCustomDataForDataTypeAny false at its top level", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // Data types and error cells arrive as values, not as objects the functions do not read.
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
    // Beside the generator's own top-level option, not inside a function.
    expect(Object.keys(metadata)).toEqual(["allowCustomDataForDataTypeAny", "allowErrorForDataTypeAny", "functions"]);
    for (const entry of metadata.functions) expect(entry, entry.id).not.toHaveProperty("allowErrorForDataTypeAny");
  });

  it("declares every range parameter of type any, the type that receives error cells", () => {
    const ranges = metadata.functions.flatMap((entry) =>
      entry.parameters.filter((parameter) => parameter.dimensionality === "matrix").map((parameter) => ({ ...parameter, id: entry.id })),
    );
    expect(ranges.length).toBeGreaterThan(20);
    for (const parameter of ranges) expect(parameter.type ?? "any", `${parameter.id}(${parameter.name})`).toBe("any");
  });
});

describe("an error cell inside a range", () => {
  it("comes through in its own cell of an element-wise result, the others computed", () => {
    const result = shown.get("GROWTH")!([[100], [NA], [25_072]], [[200], [300], [75_216]], [[1], [1], [2]]) as unknown[][];
    expect(result).toHaveLength(3);
    expect(result[0][0]).toBeCloseTo(1, 12);
    expect(result[1][0]).toBe(NA);
    expect(result[2][0]).toBeCloseTo(Math.sqrt(3) - 1, 12);
  });

  it("in one argument of several spills into the cells it reaches only", () => {
    const result = shown.get("INCENTIVE")!([[40, DIV0]], [[45]], [[150]], null, null) as unknown[][];
    expect(result).toEqual([[240_000, DIV0]]);
  });

  it("in FIT's data is FIT's result, as an error in the data of Excel's own statistics is", () => {
    for (const [times, values] of [
      [MONTHS, GPS.map((row, i) => (i === 4 ? [NA] : row))],
      [MONTHS.map((row, i) => (i === 0 ? [DIV0] : row)), GPS],
    ]) {
      const result = outcome(raw.get("FIT")!, "logistic", times, values, null);
      expect(result).toHaveProperty("thrown");
      expect([NA, DIV0]).toContain((result as { thrown: unknown }).thrown);
    }
  });

  it("in FORECAST's new times gives that row the error and forecasts the others", () => {
    const table = shown.get("FORECAST")!("logistic", MONTHS, GPS, [[9], [NA], [10]], null, null) as unknown[][];
    expect(table).toHaveLength(4);
    expect(typeof table[1][1]).toBe("number");
    expect(table[2]).toEqual([NA, NA, NA, NA, NA]);
    expect(typeof table[3][1]).toBe("number");
  });

  it("in REACH's targets gives that target's cell the error", () => {
    const table = shown.get("REACH")!("logistic", MONTHS, GPS, [[100], [NA]], null) as unknown[][];
    expect(typeof table[0][0]).toBe("number");
    expect(table[1][0]).toBe(NA);
  });

  it("as a single value (a market size) is the result", () => {
    expect(outcome(raw.get("FIT")!, "logistic", MONTHS, GPS, DIV0)).toEqual({ thrown: DIV0 });
  });
});

describe("a result that is one error", () => {
  it("is thrown with its code and message, not returned as [[error]]", () => {
    const result = outcome(raw.get("GROWTH")!, [["a lot"]], [[2]], null);
    expect(result).toHaveProperty("thrown");
    const error = (result as { thrown: ExcelError }).thrown;
    expect(error).toBeInstanceOf(ExcelError);
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/start must be a number/);
  });

  it("is thrown by every function that can fail, whatever failed", () => {
    const failures: [string, unknown[]][] = [
      ["GROWTH", [[[0]], [[1]], null]],
      ["PERIODS", [[[1]], [[2]], [["fortnight"]]]],
      ["PROJECT", [[[1]], [[-2]], [[1]], null]],
      ["PERIODSTO", [[[1]], [[10]], [[0]], null]],
      ["SHORTFALL", [[[1]], [[0]], null]],
      ["INCENTIVE", [[[1]], [[1]], [[0]], null, null]],
      ["LOGISTIC", [[["x"]], [[1]], [[1]], [[1]]]],
      ["BASS", [[[-1]], [[0.03]], [[0.4]], [[100]]]],
      ["DATASET", ["no_such_dataset"]],
      ["FIT", ["straight line", MONTHS, GPS, null]],
      ["FORECAST", ["logistic", MONTHS, GPS, [[9]], null, [[2]]]],
      ["REACH", ["logistic", MONTHS, GPS, [[1_000_000]], null]],
    ];
    for (const [id, args] of failures) {
      const result = outcome(raw.get(id)!, ...args);
      expect(result, id).toHaveProperty("thrown");
      expect((result as { thrown: unknown }).thrown, id).toBeInstanceOf(ExcelError);
    }
  });

  it("is never returned alone in a one-cell table, while a larger table keeps its errors in their cells", () => {
    const mixed = outcome(raw.get("GROWTH")!, [[100], ["x"]], [[200]], null);
    expect(mixed).toHaveProperty("table");
    const table = (mixed as { table: unknown[][] }).table;
    expect(table[0][0]).toBeCloseTo(1, 12);
    expect(table[1][0]).toBeInstanceOf(ExcelError);
  });
});
