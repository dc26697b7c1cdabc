/**
 * `npm run forecast` as a user runs it (the bundled command in a child process): on every
 * shipped real series its JSON is what the built CRS functions give for the same counts (the
 * same fit, the same SSE, the same comparison and forecast), its sentences are those of the
 * file it writes; bad files and options exit 1 naming the line or option and write nothing; an
 * existing file is kept unless --force.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import type { ForecastJson } from "../../scripts/forecastJson";
import { SENTENCE_CELLS } from "../../src/workbook/forecastPlan";
import type { ArrayValue, ScalarValue } from "../../src/workbook/formulaValue";
import { ROOT } from "../functions/host";
import { builtCrsFunctions } from "../workbook/crsFunctions";
import { REAL_SERIES, SERIES_FOLDER } from "../workbook/forecastFixtures";
import { loadWorkbook, shownValue } from "../workbook/xlsxRead";

const work = mkdtempSync(join(tmpdir(), "crs-forecast-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command with `args`, as `npm run forecast -- args` does. */
function forecast(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "runBundled.mjs"), "forecast", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, INIT_CWD: work },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The files in the work folder. */
function written(): string[] {
  return readdirSync(work).sort();
}

/** One column of values as a range argument. */
const column = (values: readonly ScalarValue[]): ArrayValue => values.map((value) => [value]);

/** Whether two numbers agree to 1e-9, relatively. */
function close(actual: number | null, expected: unknown): boolean {
  return typeof expected === "number" && actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Each test runs the command in a child process, on a machine shared with other work: room for that. */
const COMMAND_TIME = { timeout: 120_000 };

describe("npm run forecast on every shipped real series", COMMAND_TIME, () => {
  for (const { file, text } of REAL_SERIES) {
    it(`${file}: the JSON is what the built CRS functions give, and the sentences are the written file's`, async () => {
      const out = join(work, `${basename(file, ".csv")}.xlsx`);
      const json = forecast(join(SERIES_FOLDER, file), out, "--json");
      expect(json.stderr).toBe("");
      expect(json.status).toBe(0);
      const result = JSON.parse(json.stdout) as ForecastJson;

      const series = readSeriesCsv(text);
      const crs = builtCrsFunctions();
      const call = { name: "", arrayContext: false };
      const [times, counts] = [column(series.times), column(series.counts)];
      const fit = crs.get("CRS.FIT")!(["auto", times, counts, null], call) as ArrayValue;
      expect(fit[0][0]).toBe(`Parameter (${result.model})`);
      expect(result.n).toBe(series.times.length);
      const parameters = Object.entries(result.parameters);
      parameters.forEach(([name, { estimate, stdError }], j) => {
        const [, crsEstimate, crsError] = fit[j + 1];
        expect(fit[j + 1][0]).toBe(name);
        if (estimate === null) expect(crsEstimate, name).toEqual({ error: "#NUM!" });
        else expect(close(estimate, crsEstimate), `${name} ${estimate} vs ${String(crsEstimate)}`).toBe(true);
        if (stdError !== null) expect(close(stdError, crsError), `${name} standard error`).toBe(true);
      });
      expect(fit[4][0]).toBe("sse");
      expect(close(result.sse, fit[4][1])).toBe(true);

      const compare = crs.get("CRS.COMPARE")!([times, counts, null], call) as ArrayValue;
      expect(result.compare.map((row) => row.model)).toEqual(compare.slice(1).map((row) => row[0]));
      result.compare.forEach((row, i) => {
        const [, sse, aicc, delta, weight] = compare[i + 1];
        if (row.aicc === null) expect([sse, aicc, delta, weight]).toEqual([{ error: "#N/A" }, { error: "#N/A" }, { error: "#N/A" }, 0]);
        else for (const [mine, theirs] of [[row.sse, sse], [row.aicc, aicc], [row.delta, delta], [row.weight, weight]] as const) expect(close(mine, theirs)).toBe(true);
      });

      const forecastTimes = result.forecast.map((row) => row.time);
      expect(forecastTimes.slice(0, series.times.length)).toEqual(series.times);
      expect(forecastTimes).toHaveLength(series.times.length + 12);
      const bounds = crs.get("CRS.FORECAST")!(["auto", times, counts, column(forecastTimes), null, 0.8], call) as ArrayValue;
      result.forecast.forEach((row, i) => {
        const [, fitted, lower, upper] = bounds[i + 1];
        expect(close(row.fitted, fitted) && close(row.lower, lower) && close(row.upper, upper), `row ${i}`).toBe(true);
      });
      expect([result.reach, result.chance]).toEqual([null, null]);

      // Without --json, the sentences; they are the values the written sheet's sentence cells carry.
      const sentences = forecast(join(SERIES_FOLDER, file), out, "--force");
      expect(sentences.status).toBe(0);
      const workbook = await loadWorkbook(new Uint8Array(readFileSync(out)));
      const sheet = workbook.getWorksheet("Forecast")!;
      expect(sentences.stdout.trim().split("\n")).toEqual([`Wrote ${out} (sheet 'Forecast').`, ...SENTENCE_CELLS.map((address) => String(shownValue(sheet.getCell(address))))]);
    });
  }

  it("answers a target: when it is reached and the chance by its date", () => {
    const file = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const run = forecast(file, join(work, "target.xlsx"), "--json", "--target", "20000000", "--by", "31/03/2021", "--market", "45000000", "--model", "logistic");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ForecastJson;
    const series = readSeriesCsv(readFileSync(file, "utf8"));
    const crs = builtCrsFunctions();
    const call = { name: "", arrayContext: false };
    const args = ["logistic", column(series.times), column(series.counts)];
    const reach = crs.get("CRS.REACH")!([...args, 20_000_000, 45_000_000], call) as ArrayValue;
    const chance = crs.get("CRS.CHANCE")!([...args, 20_000_000, 44_286, 45_000_000], call) as ArrayValue;
    expect(result.model).toBe("logistic");
    expect(result.parameters.m).toEqual({ estimate: 45_000_000, stdError: 0 });
    expect(close(result.reach!.time, reach[0][0])).toBe(true);
    expect(result.reach!.date).toMatch(/^2021-03-\d\d$/);
    expect(result.chance).toEqual({ target: 20_000_000, by: "2021-03-31", probability: expect.any(Number) });
    expect(close(result.chance!.probability, chance[0][0])).toBe(true);
  });
});

describe("npm run forecast refuses what it cannot use, and writes nothing", COMMAND_TIME, () => {
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
    it(`${file}: exits 1 naming the line`, () => {
      const before = written();
      const run = forecast(join(bad, file), join(work, "bad.xlsx"));
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")[0]).toMatch(message);
      expect(written()).toEqual(before);
    });
  }

  it("covers every bad file shipped (the falling count is a warning, below)", () => {
    expect([...Object.keys(expected), "falling-count.csv"].sort()).toEqual(readdirSync(bad).sort());
  });

  it("warns of a falling count, naming the line, on standard error, and still forecasts", () => {
    const run = forecast(join(bad, "falling-count.csv"), join(work, "falling.xlsx"), "--json", "--model", "logistic", "--market", "5000");
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^Warning: line 4: the count 395 \(time 3\) is lower than 410 before it \(line 3\)\./);
    expect(JSON.parse(run.stdout)).toHaveProperty("n", 4);
    expect(existsSync(join(work, "falling.xlsx"))).toBe(true);
  });

  it("names every option it cannot use, an unknown option, and the missing file", () => {
    const data = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const before = written();
    const options = forecast(data, join(work, "options.xlsx"), "--horizon", "0", "--target", "45", "--model", "linear", "--market", "1000", "--confidence", "2");
    expect(options.status).toBe(1);
    expect(options.stderr.trim().split("\n")).toEqual([
      '--model must be auto, bass, logistic or gompertz, not "linear".',
      "--market 1,000 is less than the largest count, 27,107,590: the market size is all who can adopt, at least as many as have.",
      "--target needs --by too: the date to reach it by.",
      '--horizon must be a whole number of periods from 1 to 600, such as 12, not "0".',
      '--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not "2".',
    ]);
    const unknown = forecast(data, "--weeks", "3");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown option --weeks\. The options are --model, .*\nUsage: npm run forecast -- data\.csv/);
    const missing = forecast(join(work, "nowhere.csv"));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`Cannot read ${join(work, "nowhere.csv")}: there is no such file.`);
    expect(written()).toEqual(before);
  });
});

describe("npm run forecast's output file", COMMAND_TIME, () => {
  it("says how to use it with --help, and writes nothing", () => {
    const before = written();
    const help = forecast("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run forecast -- data\.csv \[out\.xlsx\]/);
    expect(help.stdout).toContain("--json          print one JSON object of the forecast instead of the sentences");
    expect(written()).toEqual(before);
  });

  it("goes next to the CSV as <name>-forecast.xlsx, and an existing one is kept unless --force", () => {
    const data = join(work, "pct.csv");
    copyFileSync(join(SERIES_FOLDER, "scotland-first-doses-by-week.csv"), data);
    expect(forecast(data).status).toBe(0);
    const out = join(work, "pct-forecast.xlsx");
    expect(existsSync(out)).toBe(true);

    writeFileSync(out, "my own notes");
    const kept = forecast(data);
    expect(kept.status).toBe(1);
    expect(kept.stderr.trim()).toBe(`${out} exists and is kept: pass --force to overwrite it, or name another file.`);
    expect(readFileSync(out, "utf8")).toBe("my own notes");

    expect(forecast(data, "--force").status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
