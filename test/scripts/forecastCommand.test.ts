/**
 * `npm run forecast`'s entry function, run in-process: bad files and options exit 1 naming the
 * line or option and write nothing; a falling count is a warning on standard error; counts no
 * curve fits yet are forecast from their recent pace, and it says why; --help;
 * the output goes next to the CSV and an existing one is kept unless --force. (The command in
 * a child process, and its forecasts against the built CRS functions, are tested in
 * test/integration/forecast-command.test.ts.)
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import { forecastOf } from "../../src/model/predictive";
import { SENTENCE_CELLS } from "../../src/workbook/sheets/forecast";
import type { ArrayValue } from "../../src/workbook/formula/values";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";
import { SERIES_FOLDER, earlyEnglandCsv } from "../workbook/sheets/forecast/forecastFixtures";
import { loadWorkbook, shownValue } from "../workbook/xlsx/xlsxRead";
import { forecastInProcess } from "./forecastRuns";
import type { ForecastJson } from "../../scripts/forecastJson";

const work = mkdtempSync(join(tmpdir(), "crs-forecast-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const forecast = (...args: string[]) => forecastInProcess(work, ...args);

/** The files in the work folder. */
function written(): string[] {
  return readdirSync(work).sort();
}

describe("npm run forecast refuses what it cannot use, and writes nothing", () => {
  const bad = join(SERIES_FOLDER, "bad");
  const expected: Record<string, RegExp> = {
    "missing-count.csv": /^line \d+: no count/,
    "negative.csv": /^line \d+: the count -?[\d,]+ is negative/,
    "not-a-number.csv": /^line \d+: "[^"]+" is not a number/,
    "out-of-order.csv": /^line \d+: .* comes after .*Sort the rows/,
    "repeated-date.csv": /^line \d+: .* is also on line \d+/,
    "three-columns.csv": /^line \d+: .* is a third column of data/,
    "too-few.csv": /^line \d+: only 3 points/,
    "unclosed-quote.csv": /^line \d+: .*quote/,
    "unquoted-thousands.csv": /^line \d+: .*/,
    "unreadable-date.csv": /^line 4: cannot read the date "31\/02\/2005": there is no 31 February 2005\./,
  };

  for (const [file, message] of Object.entries(expected)) {
    it(`${file}: exits 1 naming the line`, async () => {
      const before = written();
      const run = await forecast(join(bad, file), join(work, "bad.xlsx"));
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")[0]).toMatch(message);
      expect(written()).toEqual(before);
    });
  }

  it("covers every bad file shipped (the falling count is a warning, below)", () => {
    expect([...Object.keys(expected), "falling-count.csv"].sort()).toEqual(readdirSync(bad).sort());
  });

  it("warns of a falling count, naming the line, on standard error, and still forecasts", async () => {
    const run = await forecast(join(bad, "falling-count.csv"), join(work, "falling.xlsx"), "--json", "--model", "logistic", "--market", "5000");
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^Warning: line 4: the count 395 \(time 3\) is lower than 410 before it \(line 3\)\./);
    expect(JSON.parse(run.stdout)).toHaveProperty("n", 4);
    // --json prints and writes nothing: the same command gives the same output again.
    expect(existsSync(join(work, "falling.xlsx"))).toBe(false);
    const again = await forecast(join(bad, "falling-count.csv"), join(work, "falling.xlsx"), "--json", "--model", "logistic", "--market", "5000");
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(run.stdout);
  });

  it("fits Bass to dates in months since a launch, by default the first count's date", async () => {
    const data = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const launched = await forecast(data, join(work, "bass.xlsx"), "--json", "--model", "bass", "--unit", "week", "--target", "30000000", "--by", "2021-09-30");
    expect(launched.stderr).toBe("");
    const json = JSON.parse(launched.stdout) as ForecastJson;
    expect(json.model).toBe("bass");
    expect(Object.keys(json.parameters)).toEqual(["p", "q", "m"]);
    for (const row of json.forecast) expect(row.lower! <= row.forecast! && row.forecast! <= row.upper!).toBe(true);
    expect(json.reach?.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    // A launch a week earlier is another clock: the same counts, a different Bass curve.
    const earlier = JSON.parse((await forecast(data, join(work, "bass.xlsx"), "--json", "--model", "bass", "--unit", "week", "--launch", "2020-12-06")).stdout) as ForecastJson;
    expect(earlier.parameters.p.estimate).not.toBe(json.parameters.p.estimate);
    const late = await forecast(data, join(work, "bass.xlsx"), "--json", "--model", "bass", "--launch", "2021-06-01");
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/^--launch must be on or before the first count's date/);
  });

  it("gives in the JSON each row's forecast between its bounds, the fitted curve, and REACH's time", async () => {
    const data = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const run = await forecast(data, join(work, "rows.xlsx"), "--json", "--target", "30000000", "--by", "2021-09-30");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as ForecastJson;
    expect(existsSync(join(work, "rows.xlsx"))).toBe(false);
    for (const row of json.forecast) {
      expect(Object.keys(row)).toEqual(["time", "date", "forecast", "lower", "upper", "fitted"]);
      expect(row.forecast!).toBeGreaterThanOrEqual(row.lower!);
      expect(row.forecast!).toBeLessThanOrEqual(row.upper!);
      expect(typeof row.fitted).toBe("number");
    }
    for (const parameter of Object.values(json.parameters)) expect(typeof parameter.estimate).toBe("number");
    expect(json.reach).not.toBeNull();
  });

  it("forecasts counts no curve fits yet from their recent pace, as CRS.FORECAST does: the JSON says why, with no fitted curve", async () => {
    const data = join(work, "early.csv");
    writeFileSync(data, earlyEnglandCsv());
    const run = await forecast(data, "--json", "--unit", "week", "--target", "10000000", "--by", "2021-02-28");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as ForecastJson;
    const series = readSeriesCsv(earlyEnglandCsv());
    const { failure } = forecastOf("auto", series.times, series.counts);
    // The spec's fields, and the reason after them.
    expect(Object.keys(json)).toEqual(["model", "n", "parameters", "sse", "compare", "forecast", "reach", "chance", "noCurve"]);
    expect(json).toMatchObject({ model: null, n: 6, parameters: {}, sse: null, compare: [], noCurve: failure!.message });
    const crs = builtCrsFunctions();
    const call = { name: "", arrayContext: false };
    const column = (values: readonly number[]) => values.map((value) => [value]);
    const table = crs.get("CRS.FORECAST")!(["auto", column(series.times), column(series.counts), column(json.forecast.map((row) => row.time)), null, 0.8], call) as ArrayValue;
    expect(json.forecast).toHaveLength(6 + 12);
    json.forecast.forEach((row, i) => {
      const [, forecastValue, lower, upper, fitted] = table[i + 1];
      expect(row.forecast!, `row ${i}`).toBeCloseTo(forecastValue as number, 6);
      expect(row.lower!, `row ${i}`).toBeCloseTo(lower as number, 6);
      expect(row.upper!, `row ${i}`).toBeCloseTo(upper as number, 6);
      expect(fitted).toEqual({ error: "#N/A" });
      expect(row.fitted).toBeNull();
      expect(row.lower! <= row.forecast! && row.forecast! <= row.upper!, `row ${i}: the forecast between its bounds`).toBe(true);
    });
    const reach = crs.get("CRS.REACH")!(["auto", column(series.times), column(series.counts), 10_000_000, null], call) as ArrayValue;
    expect(json.reach!.time!).toBeCloseTo(reach[0][0] as number, 6);

    // Without --json: the file, its sentences, and why no curve fits.
    const out = join(work, "early.xlsx");
    const printed = await forecast(data, out, "--unit", "week");
    expect(printed.status).toBe(0);
    const sheet = (await loadWorkbook(new Uint8Array(readFileSync(out)))).getWorksheet("Forecast")!;
    expect(printed.stdout.trim().split("\n")).toEqual([
      `Wrote ${out} (sheet 'Forecast').`,
      ...SENTENCE_CELLS.map((address) => String(shownValue(sheet.getCell(address)))),
      `No curve fits these counts yet: ${failure!.message} Until one does, the forecast carries the recent pace on, with wide bounds.`,
    ]);
    expect(shownValue(sheet.getCell(SENTENCE_CELLS[2]))).toMatch(/^No curve fits these counts yet/);
  });

  it("names every option it cannot use, an unknown option, and the missing file", async () => {
    const data = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const before = written();
    const options = await forecast(data, join(work, "options.xlsx"), "--horizon", "0", "--target", "45", "--model", "linear", "--market", "1000", "--confidence", "2");
    expect(options.status).toBe(1);
    expect(options.stderr.trim().split("\n")).toEqual([
      '--model must be auto, bass, logistic or gompertz, not "linear".',
      "--market 1,000 is less than the largest count, 27,107,590: the market size is all who can adopt, at least as many as have.",
      "--target needs --by too: the date to reach it by.",
      '--horizon must be a whole number of periods from 1 to 600, such as 12, not "0".',
      '--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not "2".',
    ]);
    const unknown = await forecast(data, "--weeks", "3");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown option --weeks\. The options are --model, .*\nUsage: npm run forecast -- data\.csv/);
    const missing = await forecast(join(work, "nowhere.csv"));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`Cannot read ${join(work, "nowhere.csv")}: there is no such file.`);
    expect(written()).toEqual(before);
  });
});

describe("npm run forecast's output file", () => {
  it("says how to use it with --help, and writes nothing", async () => {
    const before = written();
    const help = await forecast("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run forecast -- data\.csv \[out\.xlsx\]/);
    expect(help.stdout).toContain("--json          print one JSON object of the forecast instead of the sentences");
    expect(written()).toEqual(before);
  });

  it("goes next to the CSV as <name>-forecast.xlsx, relative paths from the caller's folder, and an existing one is kept unless --force", async () => {
    copyFileSync(join(SERIES_FOLDER, "scotland-first-doses-by-week.csv"), join(work, "pct.csv"));
    expect((await forecast("pct.csv")).status).toBe(0);
    const out = join(work, "pct-forecast.xlsx");
    expect(existsSync(out)).toBe(true);

    writeFileSync(out, "my own notes");
    const kept = await forecast("pct.csv");
    expect(kept.status).toBe(1);
    expect(kept.stderr.trim()).toBe(`${out} exists and is kept: pass --force to overwrite it, or name another file.`);
    expect(readFileSync(out, "utf8")).toBe("my own notes");

    expect((await forecast("pct.csv", "--force")).status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
