/**
 * The shipped real series read as an independent reader reads them: Python's csv module, with
 * the delimiter sniffed from the first line, dates through `datetime` to Excel serials,
 * thousands separators removed, and the first row dropped when its count is not a number. One
 * Python run reads every file.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import { REAL_SERIES, SERIES_FOLDER } from "../workbook/sheets/forecast/forecastFixtures";

const READ_WITH_PYTHON = `
import csv, datetime, json, sys
def number(cell): return float(cell.replace(",", ""))
def time(cell):
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try: return (datetime.datetime.strptime(cell, form) - datetime.datetime(1899, 12, 30)).days
        except ValueError: pass
    return number(cell)
def read(path):
    text = open(path, encoding="utf-8-sig", newline="").read()
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    rows = [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if any(cell.strip() for cell in row)]
    try: number(rows[0][1])
    except ValueError: rows = rows[1:]
    return {"times": [time(row[0]) for row in rows], "counts": [number(row[1]) for row in rows]}
print(json.dumps([read(path) for path in sys.argv[1:]]))
`;

type Reading = { times: number[]; counts: number[] };
let readings: Map<string, Reading> | undefined;

/**
 * Each real series' times and counts as Python reads the file, by file name. Read once, from
 * inside the tests, so that a missing Python fails them (a failing hook would only skip them).
 */
function pythonReadings(): Map<string, Reading> {
  if (readings === undefined) {
    const paths = REAL_SERIES.map(({ file }) => join(SERIES_FOLDER, file));
    const read = JSON.parse(execFileSync("python3", ["-c", READ_WITH_PYTHON, ...paths], { encoding: "utf8" })) as Reading[];
    readings = new Map(REAL_SERIES.map(({ file }, index) => [file, read[index]]));
  }
  return readings;
}

describe("the real series read as Python's csv module and calendar read them", () => {
  it("covers the three shipped series", () => {
    expect(REAL_SERIES.map(({ file }) => file)).toEqual(["england-first-doses-weekly.csv", "scotland-first-doses-by-week.csv", "wales-first-doses-daily.csv"]);
  });

  for (const { file, text } of REAL_SERIES) {
    it(file, () => {
      const series = readSeriesCsv(text);
      expect({ times: series.times, counts: series.counts }).toEqual(pythonReadings().get(file));
    });
  }
});
