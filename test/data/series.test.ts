/**
 * The series reader on worksheet ranges, as the task pane passes them: cells as Excel's
 * `Range.values` gives them, with `numberFormat` and `valueTypes` where the pane has them.
 */
import { describe, expect, it } from "vitest";
import type { GridOrigin } from "../../src/data/places";
import { MAX_SERIES_POINTS, readSeries, type SeriesGrid } from "../../src/data/series";
import { SeriesError } from "../../src/data/seriesProblems";
import { problemsOf } from "./seriesErrors";

/** The problems of reading a grid. */
const problemsGrid = (grid: SeriesGrid) => problemsOf(() => readSeries(grid));

/** A range whose top-left cell is A1 of "Sheet1". */
const SHEET1: GridOrigin = { kind: "range", sheet: "Sheet1", row: 1, column: 1 };
const DATE = "dd/mm/yyyy";

/** The article's months: end of March to end of June 2005, as date serials. */
const MAR31 = 38442;
const APR30 = 38472;
const MAY31 = 38503;
const JUN30 = 38533;


/** A grid of numbers and texts on Sheet1 with the first column formatted as dates. */
function datedGrid(values: unknown[][], origin: GridOrigin = SHEET1): SeriesGrid {
  return { values, numberFormat: values.map(() => [DATE, "#,##0"]), origin };
}

describe("readSeries on a worksheet range", () => {
  it("reads dates and counts with a header row, naming the cells of every point", () => {
    const series = readSeries(
      datedGrid([
        ["Month end", "GPs registered"],
        [MAR31, 120],
        [APR30, 410],
        [MAY31, 1500],
        [JUN30, 3500],
      ]),
    );
    expect(series).toMatchObject({
      times: [MAR31, APR30, MAY31, JUN30],
      counts: [120, 410, 1500, 3500],
      timesAreDates: true,
      header: { time: "Month end", count: "GPs registered" },
      columns: { time: 0, count: 1 },
      rows: [1, 2, 3, 4],
      warnings: [],
    });
    expect(series.places[0]).toEqual({ time: "Sheet1!A2", count: "Sheet1!B2" });
    expect(series.places[3]).toEqual({ time: "Sheet1!A5", count: "Sheet1!B5" });
  });

  it("reads plain numbers as times when no date format is given, with no header", () => {
    const series = readSeries({ values: [[1, 12], [2, 23], [3, 44], [4, 78], [5, 133]], origin: { kind: "range", row: 10, column: 3 } });
    expect(series).toMatchObject({ times: [1, 2, 3, 4, 5], counts: [12, 23, 44, 78, 133], timesAreDates: false, header: null });
    expect(series.places[4]).toEqual({ time: "C14", count: "D14" });
  });

  it("tells dates from numbers by the number format, as Excel shows them", () => {
    const values = [[38533, 1], [38564, 2], [38595, 3], [38625, 4]];
    for (const format of ["dd/mm/yyyy", "m/d/yyyy", "[$-en-GB]d mmmm yyyy", "mmm-yy", "yyyy-mm-dd", "d-mmm", "dd/mm/yyyy hh:mm"]) {
      expect(readSeries({ values, numberFormat: values.map(() => [format, "General"]), origin: SHEET1 }).timesAreDates, format).toBe(true);
    }
    for (const format of ["General", "0", "#,##0.00", "0%", '0 "days"', '"Week "0', "h:mm", "[h]:mm:ss", "mm:ss", "@"]) {
      expect(readSeries({ values, numberFormat: values.map(() => [format, "General"]), origin: SHEET1 }).timesAreDates, format).toBe(false);
    }
  });

  it("skips blank rows anywhere and ignores empty columns, reporting the columns it used", () => {
    const series = readSeries({
      values: [
        ["", "", "", ""],
        ["Month", "", "GPs", ""],
        [1, "", 12, null],
        ["", "", "", ""],
        [2, "", 23, ""],
        [3, "", 44, ""],
        [4, "", 78, ""],
        ["", "", "", ""],
      ],
      origin: SHEET1,
    });
    expect(series).toMatchObject({ times: [1, 2, 3, 4], header: { time: "Month", count: "GPs" }, columns: { time: 0, count: 2 }, rows: [2, 4, 5, 6] });
    expect(series.places[1]).toEqual({ time: "Sheet1!A5", count: "Sheet1!C5" });
  });

  it("takes a header whose time cell is blank, and one only in the first row with data", () => {
    expect(readSeries({ values: [["", "GPs"], [1, 1], [2, 2], [3, 3], [4, 4]], origin: SHEET1 }).header).toEqual({ time: "", count: "GPs" });
    const problems = problemsGrid({ values: [[1, 1], ["Month", "GPs"], [2, 2], [3, 3], [4, 4]], origin: SHEET1 });
    expect(problems.map((problem) => problem.place)).toEqual(["Sheet1!A2", "Sheet1!B2"]);
  });

  it("warns of each count lower than the one before, naming the cell, and still reads the series", () => {
    const series = readSeries({ values: [[1, 10], [2, 12], [3, 11], [4, 20], [5, 19.5]], origin: SHEET1 });
    expect(series.counts).toEqual([10, 12, 11, 20, 19.5]);
    expect(series.warnings.map(({ code, severity, place, row }) => ({ code, severity, place, row }))).toEqual([
      { code: "falling", severity: "warning", place: "Sheet1!B3", row: 2 },
      { code: "falling", severity: "warning", place: "Sheet1!B5", row: 4 },
    ]);
    expect(series.warnings[0].message).toBe(
      "Sheet1!B3: the count 11 (time 3) is lower than 12 before it (Sheet1!B2). Cumulative counts should not fall: the fit allows the odd correction, but check it is not a typing error.",
    );
  });

  it("accepts equal counts in a row, zero counts and fractional times", () => {
    const series = readSeries({ values: [[0, 0], [0.5, 0], [1.25, 7], [2, 7]], origin: SHEET1 });
    expect(series).toMatchObject({ times: [0, 0.5, 1.25, 2], counts: [0, 0, 7, 7], warnings: [] });
  });
});

describe("readSeries: every problem names its cell and says what to do", () => {
  const cases: [string, SeriesGrid, { code: string; place: string | null; message: string }][] = [
    [
      "a count that is a word",
      datedGrid([["Month", "GPs"], [MAR31, 120], [APR30, "n/a"], [MAY31, 1500], [JUN30, 3500]]),
      { code: "not-a-number", place: "Sheet1!B3", message: 'Sheet1!B3: "n/a" is not a number. The second column holds the counts, numbers 0 or more.' },
    ],
    [
      "a count stored as text",
      datedGrid([[MAR31, 120], [APR30, "410"], [MAY31, 1500], [JUN30, 3500]]),
      { code: "text-value", place: "Sheet1!B2", message: 'Sheet1!B2: the count "410" is a number stored as text, which formulas cannot use. Convert it to a number (select it, then the warning sign beside it, then Convert to Number).' },
    ],
    [
      "a date stored as text",
      datedGrid([[MAR31, 120], ["30/04/2005", 410], [MAY31, 1500], [JUN30, 3500]]),
      { code: "text-value", place: "Sheet1!A2", message: 'Sheet1!A2: the date or time "30/04/2005" is a date stored as text, which formulas cannot use. Type it again as a date, or convert the column with Data > Text to Columns.' },
    ],
    [
      "an error cell",
      datedGrid([[MAR31, 120], [APR30, "#N/A"], [MAY31, 1500], [JUN30, 3500]]),
      { code: "error-value", place: "Sheet1!B2", message: "Sheet1!B2: the count is the error #N/A. Correct that cell, or clear the row." },
    ],
    [
      "a logical value for a time",
      { values: [[1, 1], [true, 2], [3, 3], [4, 4]], origin: SHEET1 },
      { code: "not-a-date", place: "Sheet1!A2", message: "Sheet1!A2: the date or time is TRUE, not a date or a number. The first column holds the dates (2005-06-30 or 30/06/2005) or times (numbers)." },
    ],
    [
      "a negative count",
      { values: [[1, 1], [2, -2], [3, 3], [4, 4]], origin: SHEET1 },
      { code: "negative", place: "Sheet1!B2", message: "Sheet1!B2: the count -2 is negative. Counts are cumulative totals, 0 or more." },
    ],
    [
      "a time with no count",
      datedGrid([[MAR31, 120], [APR30, ""], [MAY31, 1500], [JUN30, 3500]]),
      { code: "missing", place: "Sheet1!B2", message: "Sheet1!B2: no count for 30 Apr 2005. Type the count, or clear the row." },
    ],
    [
      "a count with no time",
      { values: [[1, 1], ["", 2], [3, 3], [4, 4]], origin: SHEET1 },
      { code: "missing", place: "Sheet1!A2", message: "Sheet1!A2: no date or time for the count 2. Type the date, or clear the row." },
    ],
    [
      "a number among dates",
      { values: [[MAR31, 1], [APR30, 2], [5, 3], [JUN30, 4]], numberFormat: [[DATE, "0"], [DATE, "0"], ["General", "0"], [DATE, "0"]], origin: SHEET1 },
      { code: "mixed-times", place: "Sheet1!A3", message: "Sheet1!A3: 5 is a number, but the times from Sheet1!A1 on are dates. Make all the times dates, or all numbers." },
    ],
    [
      "a date twice",
      datedGrid([[MAR31, 120], [APR30, 410], [APR30, 1500], [JUN30, 3500], [JUN30 + 31, 9000]]),
      { code: "repeated-time", place: "Sheet1!A3", message: "Sheet1!A3: 30 Apr 2005 is also on Sheet1!A2. Keep one count per date." },
    ],
    [
      "dates out of order",
      datedGrid([[MAR31, 120], [MAY31, 1500], [APR30, 410], [JUN30, 3500]]),
      {
        code: "out-of-order",
        place: "Sheet1!A3",
        message: "Sheet1!A3: 30 Apr 2005 comes after 31 May 2005 (Sheet1!A2); the dates must rise down the column. Sort the rows by date, oldest first, which fixes this.",
      },
    ],
    [
      "fewer than four points",
      { values: [["Month", "GPs"], [1, 1], [2, 2], [3, 3]], origin: SHEET1 },
      { code: "too-few", place: "Sheet1!A2", message: "Sheet1!A2: only 3 points (Sheet1!A2 to Sheet1!B4); a forecast needs at least 4 rows of a time and a count." },
    ],
    [
      "a header and nothing else",
      { values: [["Month", "GPs"]], origin: SHEET1 },
      { code: "too-few", place: null, message: "The data has only a header row; a forecast needs at least 4 rows of a time and a count." },
    ],
    [
      "an empty selection",
      { values: [["", ""], ["", ""]], origin: SHEET1 },
      { code: "columns", place: null, message: "The selection is empty: select two columns, the dates or times, then the counts." },
    ],
    [
      "one column",
      { values: [[1], [2], [3], [4]], origin: { kind: "range", row: 2, column: 5 } },
      { code: "columns", place: "E2", message: "E2: the data has one column only; it needs two, the dates or times, then the counts. Select the column of dates or times and the column of counts." },
    ],
    [
      "three columns",
      { values: [["Month", "GPs", "Note"], [1, 1, ""], [2, 2, "estimated"], [3, 3, ""], [4, 4, ""]], origin: SHEET1 },
      { code: "columns", place: "Sheet1!C1", message: 'Sheet1!C1: "Note" is a third column of data. Select two columns only: the dates or times, then the counts.' },
    ],
  ];

  it.each(cases)("%s", (_name, grid, expected) => {
    const [problem] = problemsGrid(grid);
    expect({ code: problem.code, place: problem.place, message: problem.message }).toEqual(expected);
    expect(problem.severity).toBe("error");
  });

  it("reports every error at once, and says sorting alone will not do when dates repeat", () => {
    const problems = problemsGrid(datedGrid([[JUN30, 3500], [MAR31, "x"], [APR30, -1], [MAY31, 1500], [MAY31, 1600], [APR30 + 1, 500]]));
    expect(problems.map((problem) => `${problem.code} ${problem.place}`)).toEqual([
      "not-a-number Sheet1!B2",
      "negative Sheet1!B3",
      "repeated-time Sheet1!A5",
      "out-of-order Sheet1!A4",
      "out-of-order Sheet1!A6",
    ]);
    expect(problems[3].message).toContain("Sort the rows by date, oldest first, and keep one count per date.");
  });

  it("tells an error from a text by valueTypes when the pane gives them", () => {
    const values = [[1, 1], [2, "#N/A"], [3, 3], [4, 4], [5, 5]];
    const valueTypes = values.map(() => ["Double", "Double"]);
    valueTypes[1][1] = "String";
    expect(problemsGrid({ values, valueTypes, origin: SHEET1 })[0].code).toBe("not-a-number");
    valueTypes[1][1] = "Error";
    expect(problemsGrid({ values, valueTypes, origin: SHEET1 })[0].code).toBe("error-value");
  });

  it("rejects a date serial Excel cannot show", () => {
    const [problem] = problemsGrid(datedGrid([[MAR31, 1], [-3, 2], [MAY31, 3], [JUN30, 4]]));
    expect(problem).toMatchObject({ code: "not-a-date", place: "Sheet1!A2" });
  });

  it("takes up to 10,000 points and names the row past the limit", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, i]);
    expect(readSeries({ values: rows(MAX_SERIES_POINTS), origin: SHEET1 }).times).toHaveLength(MAX_SERIES_POINTS);
    const [problem] = problemsGrid({ values: [["Month", "GPs"], ...rows(MAX_SERIES_POINTS + 5)], origin: SHEET1 });
    expect(problem).toMatchObject({ code: "too-many", place: "Sheet1!A10002" });
    expect(problem.message).toContain("more than 10,000 rows of data");
  });

  it("keeps the first hundred errors and counts the rest in its message", () => {
    const values = [["Month", "GPs"], ...Array.from({ length: 250 }, (_, i) => [i, "x"])];
    try {
      readSeries({ values, origin: SHEET1 });
      expect.unreachable();
    } catch (error) {
      const { problems, total, message } = error as SeriesError;
      expect(problems).toHaveLength(100);
      expect(total).toBe(250);
      expect(message.split("\n")).toHaveLength(11);
      expect(message.split("\n")[10]).toBe("… and 240 more problems like these.");
    }
  });
});
