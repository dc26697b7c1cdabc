/**
 * The long-form portfolio reader: headers in any case and order, GPs and practices given once or
 * repeated, rows of a PCT anywhere, a worksheet's cells named; and one bad table per message,
 * each naming its line (and column) or cell.
 */
import { describe, expect, it } from "vitest";
import { readPortfolio } from "../../src/data/portfolio";
import { readPortfolioCsv } from "../../src/data/seriesCsv";
import { problemsOf } from "./seriesErrors";

const HEADER = "pct,date,registered,gps,practices\n";
const messagesOf = (text: string): string[] => problemsOf(() => readPortfolioCsv(text)).map((problem) => problem.message);

describe("a good portfolio", () => {
  it("reads headers in any case and order, other columns ignored, rows of a PCT apart and out of date order", () => {
    const text = "Notes;GPs;PCT;Date;Practices;REGISTERED\nx;150;Ashcombe;31/07/2005;40;52\n;;Bexley;2005-06-30;;29\n;;Ashcombe;2005-06-30;;45\n;100;Bexley;2005-05-31;25;\"20\"\n";
    const portfolio = readPortfolioCsv(text);
    expect(portfolio.pcts.map((pct) => [pct.name, pct.gps, pct.practices, pct.counts.map((count) => [count.date, count.registered])])).toEqual([
      ["Ashcombe", 150, 40, [[38533, 45], [38564, 52]]],
      ["Bexley", 100, 25, [[38503, 20], [38533, 29]]],
    ]);
    expect(portfolio.pcts[0].counts[0].place).toBe("line 4, registered");
    expect(portfolio.warnings).toEqual([]);
  });

  it("keeps a PCT whose rows give only its totals, and warns of a falling count", () => {
    const portfolio = readPortfolioCsv(`${HEADER}A,,,150,40\nB,2005-05-31,20,100,25\nB,2005-06-30,18,,\n`);
    expect(portfolio.pcts.map((pct) => [pct.name, pct.counts.length])).toEqual([["A", 0], ["B", 2]]);
    expect(portfolio.warnings.map((warning) => warning.message)).toEqual([
      "line 4, registered: B's count 18 (30 Jun 2005) is lower than 20 before it (line 3, registered). Cumulative counts should not fall: check it is not a typing error.",
    ]);
  });

  it("names a worksheet's cells, reading its dates by their format and its header anywhere in the first row", () => {
    const values = [
      ["", "", "", "", ""],
      ["PCT", "Date", "Registered", "GPs", "Practices"],
      ["Ashcombe", 38533, 45, 150, 40],
      ["Ashcombe", 38564, "52", "", ""],
    ];
    const numberFormat = values.map((row) => row.map((_, column) => (column === 1 ? "dd/mm/yyyy" : "General")));
    const grid = { values, numberFormat, origin: { kind: "range" as const, sheet: "GP counts", row: 3, column: 2 } };
    expect(problemsOf(() => readPortfolio(grid)).map((problem) => problem.message)).toEqual([
      `'GP counts'!D6: the count "52" is a number stored as text, which formulas cannot use (convert it). The registered column holds cumulative GPs registered, 0 or more.`,
    ]);
    values[3][2] = 52;
    expect(readPortfolio(grid).pcts[0].counts.map((count) => count.place)).toEqual(["'GP counts'!D5", "'GP counts'!D6"]);
  });
});

describe("a bad portfolio gets a message that names the line or cell and says what is wrong", () => {
  it.each([
    ["no file content", "", "The file has no data: it needs a header row naming the columns pct, date, registered, gps, practices, then a row per PCT and count date."],
    ["missing columns", "PCT,Date,Registered\nA,2005-06-30,4\n", "line 1: the header row has no columns gps and practices. The first row names the columns pct, date, registered, gps, practices, in any order."],
    ["a missing column", "pct,date,registered,gps\nA,2005-06-30,4,10\n", "line 1: the header row has no column practices. The first row names the columns pct, date, registered, gps, practices, in any order."],
    ["no header at all", "A,2005-06-30,4,10,2\n", "line 1: the first row is not a header: it names none of the columns. Add a first row naming the columns pct, date, registered, gps, practices, in any order."],
    ["a column named twice", "pct,date,registered,gps,practices,GPs\n", "line 1: the header names the column gps twice (line 1 too). Name each column once."],
    ["only a header", HEADER, "The file has a header row but no rows of data: add a row per PCT and count date."],
    ["a PCT's GPs differing", `${HEADER}A,2005-05-31,4,10,2\nA,2005-06-30,5,11,2\n`, "line 3, gps: A's gps is 11 here but 10 at line 2, gps. A PCT's gps must be the same on every row that gives it."],
    ["a PCT with no GPs", `${HEADER}A,2005-05-31,4,,2\n`, "line 2: A has no gps on any of its rows. Give the PCT's gps on at least one of its rows."],
    ["GPs of 0", `${HEADER}A,2005-05-31,4,0,2\n`, "line 2, gps: the gps 0 is not a number above 0. Correct it."],
    ["negative practices", `${HEADER}A,2005-05-31,4,10,-2\n`, "line 2, practices: the practices -2 is not a whole number, 0 or more. Correct it."],
    ["part of a practice", `${HEADER}A,2005-05-31,4,10,8.2\n`, "line 2, practices: the practices 8.2 is not a whole number, 0 or more. Correct it."],
    ["a text for GPs", `${HEADER}A,2005-05-31,4,ten,2\n`, `line 2, gps: the gps "ten" is not a number. The PCT's gps is a number above 0.`],
    ["a date twice for a PCT", `${HEADER}A,2005-05-31,4,10,2\nA,31/05/2005,5,,\n`, "line 3, registered: A has a count for 31 May 2005 on line 2, registered too. Keep one count per PCT and date."],
    ["no PCT named", `${HEADER},2005-05-31,4,10,2\n`, "line 2, pct: no PCT named on this row. Name the PCT, or clear the row."],
    ["no date", `${HEADER}A,,4,10,2\n`, "line 2, date: no date for the count. Type the date, or clear the row."],
    ["a number for a date", `${HEADER}A,38533,4,10,2\n`, "line 2, date: 38,533 is a number, not a date. Give the date of the count (2005-06-30 or 30/06/2005, or format the column as dates)."],
    ["an impossible date", `${HEADER}A,31/02/2005,4,10,2\n`, "line 2, date: cannot read the date \"31/02/2005\": there is no 31 February 2005."],
    ["no count", `${HEADER}A,2005-05-31,,10,2\n`, "line 2, registered: no count of GPs registered. Type the count, or clear the row."],
    ["a negative count", `${HEADER}A,2005-05-31,-4,10,2\n`, "line 2, registered: the count -4 is negative. Counts are cumulative GPs registered, 0 or more."],
    ["part of a GP", `${HEADER}A,2005-05-31,5.5,10,2\n`, "line 2, registered: the count 5.5 is not a whole number. Counts are cumulative GPs registered, whole GPs."],
    ["an error for a count", `${HEADER}A,2005-05-31,#N/A,10,2\n`, "line 2, registered: the count is the error #N/A. The registered column holds cumulative GPs registered, 0 or more."],
    ["a quote never closed", `${HEADER}A,2005-05-31,"4,10,2\n`, 'line 2: a quote (") opens a field that never closes. Close the quote, or remove it.'],
  ])("%s", (_, text, message) => {
    expect(messagesOf(text)).toEqual([message]);
  });

  it("lists every error, in the order of the lines", () => {
    expect(messagesOf(`${HEADER}A,2005-05-31,x,10,2\nA,2005-05-31,4,11,2\nB,2005-06-30,,5,1\n`).map((message) => message.split(":")[0])).toEqual([
      "line 2, registered",
      "line 3, gps",
      "line 4, registered",
    ]);
  });
});
