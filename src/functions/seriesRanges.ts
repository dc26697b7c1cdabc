/**
 * The ranges the fitting functions read: one-value arguments, a row or column of cells, the paired
 * times and counts of a series, and the 0s that desktop Excel passes for empty cells among times
 * (office-js #1951), read the same way by every function so that an empty cell means the same
 * wherever it is.
 */
import { ModelError } from "../model/errors";
import { timesAreDates } from "../model/timeOrigin";
import { describe, isEmpty } from "./arguments";
import { isExcelError } from "./errors";

/**
 * The value of a parameter that takes one value: itself, or the one cell of a 1 × 1 range. A
 * larger range is a #VALUE!-kind error: market, confidence and the model are one per fit.
 */
export function single(value: unknown, argument: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new ModelError("value", `${argument} must be a single value, not a range.`);
}

/**
 * The cells of a one-row or one-column range (or of a single value), in reading order. Any
 * other shape is a #VALUE!-kind error naming the argument.
 */
export function readCells(range: unknown, argument: string): unknown[] {
  if (!Array.isArray(range)) return [range];
  const width = Array.isArray(range[0]) ? range[0].length : -1;
  const rectangular = range.length > 0 && width > 0 && range.every((row) => Array.isArray(row) && row.length === width);
  if (!rectangular || (range.length > 1 && width > 1)) {
    throw new ModelError("value", `${argument} must be a single row or a single column.`);
  }
  return (range as unknown[][]).flat();
}

/**
 * Which cells of a column of times are 0s standing for empty cells, as desktop Excel may pass
 * them (office-js #1951): a 0 after a time above 0 (times rise, so it cannot be the next one),
 * or any 0 among dates (day 0 of 1900 is no count's date). Where neither holds (a 0 at the top
 * of periods, a launch) it is a time like any other.
 *
 * @example blankZeros([1, 2, 0, 0], false) // [false, false, true, true]
 * @example blankZeros([0, 1, 2], false) // [false, false, false]
 */
export function blankZeros(times: readonly unknown[], dates: boolean): boolean[] {
  let afterPositive = false;
  return times.map((time) => {
    const blank = time === 0 && (afterPositive || dates);
    if (typeof time === "number" && time > 0) afterPositive = true;
    return blank;
  });
}

/**
 * The paired times and values as numbers. The two ranges must have as many cells; a pair blank
 * in both is skipped (so a range can reach below the data), and so is a pair whose time is
 * empty, or a 0 that can only be an empty cell (see `blankZeros`), beside a count that is empty
 * or 0, as desktop Excel passes an empty count cell; a blank on one side only (such a 0 beside a
 * count other than 0 too), or a cell that is not a number, is a #VALUE!-kind error naming the
 * argument and the item.
 */
export function readSeries(times: unknown, values: unknown): { times: number[]; values: number[] } {
  const timeCells = readCells(times, "times");
  const valueCells = readCells(values, "values");
  if (timeCells.length !== valueCells.length) {
    throw new ModelError(
      "value",
      `times and values must have as many cells each (times has ${timeCells.length}, values ${valueCells.length}).`,
    );
  }
  const dates = timesAreDates(timeCells.filter((cell): cell is number => typeof cell === "number" && cell !== 0));
  const blank = blankZeros(timeCells, dates);
  const result = { times: [] as number[], values: [] as number[] };
  for (let i = 0; i < timeCells.length; i++) {
    const t = timeCells[i];
    const y = valueCells[i];
    // A count of 0 beside no time, or beside a 0 that stands for an empty cell, is an empty count cell too.
    const timeBlank = isEmpty(t) || blank[i];
    if (timeBlank && (isEmpty(y) || y === 0)) continue;
    // A 0 standing for an empty time cell beside a count is as one-sided a blank as an empty one.
    result.times.push(readNumber(timeBlank ? null : t, "times", i, isEmpty(y) ? undefined : "values"));
    result.values.push(readNumber(y, "values", i, isEmpty(t) ? undefined : "times"));
  }
  return result;
}

/** One cell of a data range as a finite number, or a #VALUE!-kind error naming it. */
function readNumber(cell: unknown, argument: string, index: number, other: string | undefined): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (isExcelError(cell)) throw cell;
  const pair = isEmpty(cell) && other ? ` while ${other} has a number there` : "";
  throw new ModelError("value", `${argument} must hold only numbers: item ${index + 1} is ${describe(cell)}${pair}.`);
}

/**
 * A range of times with each 0 that stands for an empty cell (see `blankZeros`, read over the
 * whole range in reading order, as FORECAST reads newTimes) made empty; a single value, or a
 * range that is not rectangular (which `elementwise` reports), as it is.
 */
export function withBlankZerosEmptied(range: unknown, dates: boolean): unknown {
  if (!Array.isArray(range)) return blankZeros([range], dates)[0] ? null : range;
  if (!range.every((row) => Array.isArray(row))) return range;
  const rows = range as unknown[][];
  const blank = blankZeros(rows.flat(), dates);
  let k = 0;
  return rows.map((row) => row.map((cell) => (blank[k++] ? null : cell)));
}

/** The item numbers (1, 2, … in reading order) of a range's cells, in its shape, for error messages; 1 for a single value. */
export function itemNumbers(range: unknown): unknown {
  if (!Array.isArray(range) || !range.every((row) => Array.isArray(row))) return 1;
  let k = 0;
  return (range as unknown[][]).map((row) => row.map(() => ++k));
}
