/**
 * `npm run forecast` on every shipped real series: its JSON is what the built CRS functions
 * give for the same counts (the same fit, the same SSE, the same comparison and forecast), its
 * sentences are those of the file it writes. These run the command's entry function in-process;
 * then the bundled command, as a user runs it in a child process, prints the same for a good
 * file, exits 1 naming the line of a bad one, and overwrites only with --force. (The rest of
 * what it refuses: test/scripts/forecastCommand.test.ts.)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import type { ForecastJson } from "../../scripts/forecastJson";
import { SENTENCE_CELLS } from "../../src/workbook/sheets/forecast";
import type { ArrayValue, ScalarValue } from "../../src/workbook/formula/values";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";
import { REAL_SERIES, SERIES_FOLDER } from "../workbook/sheets/forecast/forecastFixtures";
import { loadWorkbook, shownValue } from "../workbook/xlsx/xlsxRead";
import { forecastInChild, forecastInProcess } from "../scripts/forecastRuns";

const work = mkdtempSync(join(tmpdir(), "crs-forecast-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const forecast = (...args: string[]) => forecastInProcess(work, ...args);

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

describe("npm run forecast on every shipped real series", () => {
  for (const { file, text } of REAL_SERIES) {
    it(`${file}: the JSON is what the built CRS functions give, and the sentences are the written file's`, async () => {
      const out = join(work, `${basename(file, ".csv")}.xlsx`);
      const json = await forecast(join(SERIES_FOLDER, file), out, "--json");
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
        const [, median, lower, upper, fitted] = bounds[i + 1];
        expect(close(row.forecast, median) && close(row.lower, lower) && close(row.upper, upper) && close(row.fitted, fitted), `row ${i}`).toBe(true);
        expect(row.lower! <= row.forecast! && row.forecast! <= row.upper!, `row ${i}: the forecast between its bounds`).toBe(true);
      });
      expect([result.reach, result.chance]).toEqual([null, null]);

      // Without --json, the sentences; they are the values the written sheet's sentence cells carry.
      const sentences = await forecast(join(SERIES_FOLDER, file), out, "--force");
      expect(sentences.status).toBe(0);
      const workbook = await loadWorkbook(new Uint8Array(readFileSync(out)));
      const sheet = workbook.getWorksheet("Forecast")!;
      expect(sentences.stdout.trim().split("\n")).toEqual([`Wrote ${out} (sheet 'Forecast').`, ...SENTENCE_CELLS.map((address) => String(shownValue(sheet.getCell(address))))]);
    });
  }

  it("answers a target: when it is reached and the chance by its date", async () => {
    const file = join(SERIES_FOLDER, "england-first-doses-weekly.csv");
    const run = await forecast(file, join(work, "target.xlsx"), "--json", "--target", "20000000", "--by", "31/03/2021", "--market", "45000000", "--model", "logistic");
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

describe("npm run forecast as a user runs it: the bundled command in a child process", { timeout: 120_000 }, () => {
  const england = join(SERIES_FOLDER, "england-first-doses-weekly.csv");

  it("prints for a good file what the command's function prints", async () => {
    const child = forecastInChild(work, england, join(work, "child.xlsx"), "--json");
    const inProcess = await forecast(england, join(work, "in-process.xlsx"), "--json");
    expect(child).toEqual({ status: 0, stdout: inProcess.stdout, stderr: "" });
    // --json writes nothing: running it again prints the same.
    expect(existsSync(join(work, "child.xlsx"))).toBe(false);
    expect(forecastInChild(work, england, join(work, "child.xlsx"), "--json")).toEqual(child);
  });

  it("exits 1 naming the line of a bad file, and writes nothing", () => {
    const before = written();
    const run = forecastInChild(work, join(SERIES_FOLDER, "bad", "not-a-number.csv"), join(work, "bad.xlsx"));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")[0]).toMatch(/^line 4: "n\/a" is not a number/);
    expect(written()).toEqual(before);
  });

  it("keeps an existing file unless --force, then overwrites it and prints the sentences", async () => {
    const out = join(work, "existing.xlsx");
    writeFileSync(out, "my own notes");
    const kept = forecastInChild(work, england, out);
    expect(kept.status).toBe(1);
    expect(kept.stderr.trim()).toBe(`${out} exists and is kept: pass --force to overwrite it, or name another file.`);
    expect(readFileSync(out, "utf8")).toBe("my own notes");

    const forced = forecastInChild(work, england, out, "--force");
    expect(forced).toEqual(await forecast(england, out, "--force"));
    expect(forced.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
