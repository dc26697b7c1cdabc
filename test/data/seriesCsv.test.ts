/**
 * The CSV side of the series reader, on the shipped real series and on one bad file per
 * message. (The real series against Python's own csv module and calendar:
 * test/integration/series-python.test.ts.)
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { csvDelimiter, csvGrid, readSeriesCsv } from "../../src/data/seriesCsv";
import { problemsOf } from "./seriesErrors";

/** The problems of reading a file's text. */
const problemsText = (text: string) => problemsOf(() => readSeriesCsv(text));

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "series");
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");


describe("the real series", () => {
  it("England, weekly: a header, commas and ISO dates", () => {
    const series = readSeriesCsv(fixture("england-first-doses-weekly.csv"));
    expect(series.header).toEqual({ time: "date", count: "people_vaccinated_first_dose" });
    expect(series.timesAreDates).toBe(true);
    expect(series.times).toHaveLength(18);
    expect(series.times[0]).toBe(44178); // 13 Dec 2020
    expect(series.times.slice(1).map((time, i) => time - series.times[i])).toEqual(Array(17).fill(7));
    expect(series.counts[0]).toBe(55576);
    expect(series.counts[17]).toBe(27107590);
    expect(series.places[17]).toEqual({ time: "line 19", count: "line 19" });
    expect(series.warnings).toEqual([]);
  });

  it("Wales, daily: no header, semicolons, UK dates, thousands separators, a byte-order mark and CRLF", () => {
    const text = fixture("wales-first-doses-daily.csv");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("\r\n");
    const series = readSeriesCsv(text);
    expect(series.header).toBeNull();
    expect(series.timesAreDates).toBe(true);
    expect(series.times).toHaveLength(73);
    expect(series.times[0]).toBe(44206); // 10 Jan 2021
    expect(series.times[5] - series.times[4]).toBe(3); // no figures for 15 and 16 Jan 2021
    expect(series.counts[0]).toBe(86039);
    expect(series.counts[72]).toBe(1341620);
    expect(series.places[0].time).toBe("line 1");
  });

  it("Scotland, by week: a quoted header, numbers as times and quoted counts with thousands separators", () => {
    const series = readSeriesCsv(fixture("scotland-first-doses-by-week.csv"));
    expect(series.header).toEqual({ time: "Weeks since 13 Dec 2020", count: "People with a first dose" });
    expect(series.timesAreDates).toBe(false);
    expect(series.times).toEqual(Array.from({ length: 15 }, (_, week) => week));
    expect(series.counts[0]).toBe(19009);
    expect(series.counts[14]).toBe(2182400);
  });
});

describe("a bad file gets a message that names the line and says what is wrong", () => {
  it.each([
    ["not-a-number.csv", "not-a-number", 'line 4: "n/a" is not a number. The second column holds the counts, numbers 0 or more.'],
    ["unreadable-date.csv", "not-a-date", 'line 4: cannot read the date "31/02/2005": there is no 31 February 2005.'],
    ["too-few.csv", "too-few", "line 2: only 3 points (line 2 to line 4); a forecast needs at least 4 lines of a time and a count."],
    ["repeated-date.csv", "repeated-time", "line 3: 30 Apr 2005 is also on line 2. Keep one count per date."],
    ["out-of-order.csv", "out-of-order", "line 3: 30 Apr 2005 comes after 31 May 2005 (line 2); the dates must rise down the column. Sort the rows by date, oldest first, which fixes this."],
    ["negative.csv", "negative", "line 3: the count -1,500 is negative. Counts are cumulative totals, 0 or more."],
    ["three-columns.csv", "columns", 'line 1: "note" is a third column of data. Keep two columns in the file: the dates or times, then the counts.'],
    ["unquoted-thousands.csv", "columns", 'line 4: 500 is a third column of data. Keep two columns in the file: the dates or times, then the counts.'],
    ["unclosed-quote.csv", "csv", 'line 3: a quote (") opens a field that never closes. Close the quote, or remove it.'],
    ["missing-count.csv", "missing", "line 4: no count for time 3. Type the count, or clear the row."],
  ])("%s", (name, code, message) => {
    const [problem] = problemsText(fixture(`bad/${name}`));
    expect({ code: problem.code, message: problem.message }).toEqual({ code, message });
  });

  it("falling-count.csv is read, with a warning naming the line", () => {
    const series = readSeriesCsv(fixture("bad/falling-count.csv"));
    expect(series.counts).toEqual([120, 410, 395, 3500]);
    expect(series.warnings.map((warning) => warning.message)).toEqual([
      "line 4: the count 395 (time 3) is lower than 410 before it (line 3). Cumulative counts should not fall: the fit allows the odd correction, but check it is not a typing error.",
    ]);
  });
});

describe("reading CSV", () => {
  it("detects the separator from the first line that is not blank, outside quotes", () => {
    expect(csvDelimiter("a,b\n1;2\n")).toBe(",");
    expect(csvDelimiter("a;b\n1,2\n")).toBe(";");
    expect(csvDelimiter('"a;b",c\n')).toBe(",");
    expect(csvDelimiter("\n\n  \n30/06/2005;1,234\n")).toBe(";");
    expect(csvDelimiter("\uFEFF2005-06-30;3500")).toBe(";");
    expect(csvDelimiter("")).toBe(",");
  });

  it("reads thousands separators where they cannot be separators: quoted in a comma file, bare in a semicolon file", () => {
    expect(readSeriesCsv('1,"1,234"\n2,"2,000.5"\n3,"10,000"\n4,"1,000,000"\n').counts).toEqual([1234, 2000.5, 10000, 1000000]);
    expect(readSeriesCsv("1;1,234\n2;2,000.5\n3;10,000\n4;1,000,000\n").counts).toEqual([1234, 2000.5, 10000, 1000000]);
  });

  it("says how to write a decimal comma", () => {
    expect(problemsText("1;1,5\n2;2\n3;3\n4;4\n")[0].message).toBe('line 1: "1,5" is not a number. The second column holds the counts, numbers 0 or more (write decimals with a point: 1.5).');
  });

  it("counts lines as an editor does: CRLF, LF or CR, blank lines, and quoted fields over two lines", () => {
    for (const end of ["\n", "\r\n", "\r"]) {
      const text = ['"Month', 'end",GPs', "", "1,10", "2,20", "", "3,x", "4,40"].join(end) + end;
      const [problem] = problemsText(text);
      expect(problem.place, JSON.stringify(end)).toBe("line 7");
    }
    expect(csvGrid('a,"b\nc"\nd,e\n').origin).toEqual({ kind: "csv", lines: [1, 3] });
  });

  it("ignores spaces around fields, a byte-order mark and trailing empty fields", () => {
    const series = readSeriesCsv("\uFEFF Date , GPs ,\n 2005-03-31 , 120 ,\n2005-04-30,410,\n2005-05-31,1500\n2005-06-30,3500,,\n");
    expect(series).toMatchObject({ header: { time: "Date", count: "GPs" }, counts: [120, 410, 1500, 3500], columns: { time: 0, count: 1 } });
  });

  it("reads doubled quotes inside quoted fields", () => {
    expect(readSeriesCsv('"The ""month""","GPs"\n1,1\n2,2\n3,3\n4,4\n').header).toEqual({ time: 'The "month"', count: "GPs" });
  });

  it("names tabs when they are what separates the columns", () => {
    expect(problemsText("1\t10\n2\t20\n3\t30\n4\t40\n")[0].message).toBe(
      "line 1: the data has one column only; it needs two, the dates or times, then the counts. Separate the date or time and the count on each line with a comma or a semicolon (tabs do not separate them).",
    );
  });

  it("says a file with nothing in it has no data", () => {
    for (const text of ["", "\n\n", " , \n"]) {
      expect(problemsText(text)[0]).toMatchObject({ code: "columns", place: null });
    }
  });

  it("names the line of a quote inside an unquoted field", () => {
    expect(problemsText('month,GPs\n1,12"\n')[0]).toMatchObject({ code: "csv", place: "line 2" });
  });
});
