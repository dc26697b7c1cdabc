/**
 * The series readers over arbitrary input: CSV text of any kind and worksheet cells of any
 * type. Whatever they are given, they return a well-formed series or throw their own typed
 * error, and every message names a line or cell that exists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excelSerialToIso, isoToExcelSerial } from "../../src/data/dates";
import { columnLetters } from "../../src/excel/a1";
import type { GridOrigin } from "../../src/data/places";
import { MIN_SERIES_POINTS, readSeries, type Series } from "../../src/data/series";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import { SeriesError, type SeriesProblem } from "../../src/data/seriesProblems";

/**
 * 150 runs of each property, half again fast-check's default: each draw mixes a dozen kinds of
 * field, line ending and separator, and these runs meet every kind many times over in a few
 * tenths of a second.
 */
const RUNS = { numRuns: 150 };

/** Either the series or the typed error; anything else thrown fails the property. */
function attempt(read: () => Series): Series | SeriesError {
  try {
    return read();
  } catch (error) {
    if (error instanceof SeriesError) return error;
    throw error;
  }
}

/** The invariants of a successful read. */
function expectWellFormed(series: Series): void {
  const n = series.times.length;
  expect(n).toBeGreaterThanOrEqual(MIN_SERIES_POINTS);
  expect(series.counts).toHaveLength(n);
  expect(series.rows).toHaveLength(n);
  expect(series.places).toHaveLength(n);
  for (let i = 0; i < n; i++) {
    expect(Number.isFinite(series.times[i])).toBe(true);
    expect(Number.isFinite(series.counts[i])).toBe(true);
    expect(series.counts[i]).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(series.times[i]).toBeGreaterThan(series.times[i - 1]);
  }
  for (const warning of series.warnings) expect(warning.severity).toBe("warning");
}

/** The invariants of a failed read: errors only, each message starting with its place. */
function expectWellFormedError(error: SeriesError, placeExists: (place: string) => boolean, input: string): void {
  expect(error.problems.length).toBeGreaterThan(0);
  expect(error.total).toBeGreaterThanOrEqual(error.problems.length);
  expect(error.message.length).toBeGreaterThan(0);
  for (const problem of error.problems) expectProblem(problem, placeExists, "error", input);
}

/** Words that show a value leaked into a message unformatted, unless the user's own input has them. */
const LEAKS = ["NaN", "undefined", "Infinity", "[object", "null"];

function expectProblem(problem: SeriesProblem, placeExists: (place: string) => boolean, severity: string, input: string): void {
  expect(problem.severity).toBe(severity);
  for (const leak of LEAKS) if (!input.includes(leak)) expect(problem.message).not.toContain(leak);
  if (problem.place === null) return;
  expect(placeExists(problem.place), problem.place).toBe(true);
  expect(problem.message.startsWith(`${problem.place}: `), problem.message).toBe(true);
}

// ---------------------------------------------------------------- CSV

/** The lines of a text, as the reader counts them. */
const lineCount = (text: string): number => text.split(/\r\n|\r|\n/).length;
const lineExists = (text: string) => (place: string) => {
  const match = /^line (\d+)$/.exec(place);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= lineCount(text);
};

const isoDate = fc.integer({ min: 61, max: 2_958_465 }).map(excelSerialToIso);
const ukDate = isoDate.map((iso) => iso.split("-").reverse().join("/"));
const field = fc.oneof(
  isoDate,
  ukDate,
  fc.integer({ min: -1000, max: 1e9 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: 1000, max: 1e9 }).map((n) => `"${n.toLocaleString("en-GB")}"`),
  fc.constantFrom("", " ", "#N/A", "n/a", "1,5", "31/02/2005", "30/06/05", '"', '""', '"a""b"', "\t", "Infinity", "1e999", "\uFEFF"),
  fc.string({ maxLength: 6 }),
);
const csvText = fc
  .record({
    lines: fc.array(fc.array(field, { maxLength: 4 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(",", ";"),
    end: fc.constantFrom("\n", "\r\n", "\r"),
    bom: fc.boolean(),
  })
  .map(({ lines, delimiter, end, bom }) => (bom ? "\uFEFF" : "") + lines.map((fields) => fields.join(delimiter)).join(end));

/**
 * Any text of up to 80 code points, surrogates aside: what `fc.string({ unit: "binary" })`
 * draws, without the map from each of the 1.1 million code points back to its index that
 * fast-check builds for that unit (for shrinking values it did not make), which costs seconds.
 */
const SURROGATES = 0xe000 - 0xd800;
const anyText = fc
  .array(
    fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map((index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES)),
    { maxLength: 80 },
  )
  .map((codePoints) => codePoints.join(""));

describe("readSeriesCsv over arbitrary text", () => {
  it("returns a well-formed series or throws its own error naming lines that exist", () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ maxLength: 200 }), anyText), (text) => {
        const result = attempt(() => readSeriesCsv(text));
        if (result instanceof SeriesError) {
          expectWellFormedError(result, lineExists(text), text);
        } else {
          expectWellFormed(result);
          for (const place of result.places) expect(lineExists(text)(place.time)).toBe(true);
          for (const warning of result.warnings) expectProblem(warning, lineExists(text), "warning", text);
        }
      }),
      RUNS,
    );
  });

  it("reads back exactly any valid series, however the file is written", () => {
    const valid = fc.record({
      serials: fc.uniqueArray(fc.integer({ min: 61, max: 2_958_465 }), { minLength: MIN_SERIES_POINTS, maxLength: 40 }),
      counts: fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 40, maxLength: 40 }),
      dates: fc.boolean(),
      uk: fc.boolean(),
      delimiter: fc.constantFrom(",", ";"),
      grouped: fc.boolean(),
      header: fc.boolean(),
      end: fc.constantFrom("\n", "\r\n"),
      blankLines: fc.boolean(),
    });
    fc.assert(
      fc.property(valid, ({ serials, counts, dates, uk, delimiter, grouped, header, end, blankLines }) => {
        const times = [...serials].sort((a, b) => a - b);
        const writeTime = (serial: number) => {
          if (!dates) return String(serial);
          const iso = excelSerialToIso(serial);
          return uk ? iso.split("-").reverse().join("/") : iso;
        };
        const writeCount = (count: number) => {
          if (!grouped) return String(count);
          const text = count.toLocaleString("en-GB");
          return delimiter === "," ? `"${text}"` : text;
        };
        const lines = times.map((time, i) => `${writeTime(time)}${delimiter}${writeCount(counts[i])}`);
        if (blankLines) lines.splice(1, 0, "", delimiter);
        if (header) lines.unshift(`"Month${delimiter} end"${delimiter}GPs`);
        const series = readSeriesCsv(lines.join(end) + end);
        expect(series.times).toEqual(dates ? times.map((time) => isoToExcelSerial(excelSerialToIso(time))) : times);
        expect(series.counts).toEqual(counts.slice(0, times.length));
        expect(series.timesAreDates).toBe(dates);
        expect(series.header === null).toBe(!header);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- worksheet ranges

const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 50_000 }),
  fc.constantFrom("", null, true, false, "#N/A", "#DIV/0!", "30/06/2005", "1234", "GPs", " ", NaN, Infinity),
  fc.string({ maxLength: 5 }),
);
const origin: fc.Arbitrary<GridOrigin> = fc.record({
  kind: fc.constant("range" as const),
  sheet: fc.option(fc.constantFrom("Sheet1", "GP counts", "O'Neil"), { nil: undefined }),
  row: fc.integer({ min: 1, max: 1_000_000 }),
  column: fc.integer({ min: 1, max: 16_000 }),
});
const grid = fc.record({
  values: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 14 }),
  formats: fc.array(fc.constantFrom("General", "dd/mm/yyyy", "0", "mmm-yy", "h:mm", "@"), { minLength: 4, maxLength: 4 }),
  origin,
});

/** Whether a place is a cell of the range: its sheet, and its row and column within the grid. */
function cellExists(values: readonly unknown[][], at: Extract<GridOrigin, { kind: "range" }>) {
  const width = Math.max(0, ...values.map((row) => row.length));
  const addresses = new Set<string>();
  values.forEach((_, r) => {
    for (let c = 0; c < width; c++) addresses.add(`${columnLetters(at.column + c)}${at.row + r}`);
  });
  return (place: string) => {
    const address = place.slice(place.lastIndexOf("!") + 1);
    const sheetPart = place.includes("!") ? place.slice(0, place.lastIndexOf("!")) : undefined;
    const sheetMatches = at.sheet === undefined ? sheetPart === undefined : sheetPart === at.sheet || sheetPart === `'${at.sheet.replace(/'/g, "''")}'`;
    return sheetMatches && addresses.has(address);
  };
}

describe("readSeries over arbitrary worksheet cells", () => {
  it("returns a well-formed series or throws its own error naming cells of the range", () => {
    fc.assert(
      fc.property(grid, ({ values, formats, origin: at }) => {
        const range = at as Extract<GridOrigin, { kind: "range" }>;
        const numberFormat = values.map((row) => row.map((_, c) => formats[c]));
        const result = attempt(() => readSeries({ values, numberFormat, origin: range }));
        const exists = cellExists(values, range);
        const texts = values.flat().filter((value) => typeof value === "string").join(" ");
        if (result instanceof SeriesError) {
          expectWellFormedError(result, exists, texts);
        } else {
          expectWellFormed(result);
          for (const place of result.places) expect(exists(place.time) && exists(place.count)).toBe(true);
          for (const warning of result.warnings) expectProblem(warning, exists, "warning", texts);
        }
      }),
      RUNS,
    );
  });
});
