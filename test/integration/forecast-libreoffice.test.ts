/**
 * The forecast files `npm run forecast` writes, for every shipped real series, for the README's
 * worked example with a target and for the early weeks of a real series that no curve fits yet,
 * opened and fully recalculated by LibreOffice Calc headless: every formula's cached value is
 * what LibreOffice computes (the sentences word for word), no cell is an error (a figure the
 * add-in could not compute, such as Bass in the comparison when the times are dates, is "n/a"
 * with the reason beside it) but, with no curve, the curve's own figures (#N/A), and the chart
 * survives.
 *
 * LibreOffice is required: without it this test fails rather than skips.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { readSeriesCsv } from "../../src/data/seriesCsv";
import { FORECAST_SHEET, planForecast } from "../../src/workbook/sheets/forecast";
import { readForecastOptions } from "../../src/workbook/sheets/forecast/options";
import { NO_CURVE, computeForecast, forecastFigures } from "../../src/workbook/sheets/forecast/figures";
import { NO_TAKEN_NAMES } from "../../src/workbook/plan/names";
import type { WorkbookPlan } from "../../src/workbook/plan/plan";
import { ROOT } from "../functions/host";
import { PCT_ROWS, REAL_SERIES, SERIES_FOLDER, earlyEnglandCsv } from "../workbook/sheets/forecast/forecastFixtures";
import { formulaOf, plannedCells } from "../workbook/plan/planCells";
import { errorValue } from "../../src/workbook/formula/values";
import type { ExcelErrorCode, ScalarValue } from "../../src/workbook/formula/values";
import { asNumber, errorOf, loadWorkbook, sameValue, shownValue } from "../workbook/xlsx/xlsxRead";
import { convertWithLibreOffice } from "../../scripts/libreOffice";

const work = mkdtempSync(join(tmpdir(), "crs-forecast-libreoffice-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The README's worked example as a file, with its options. */
const EXAMPLE = { name: "pct-example", text: `Date,GPs registered\n${PCT_ROWS.map(([date, count]) => `${date},${count}`).join("\n")}\n` };
const EXAMPLE_OPTIONS = ["--market", "150", "--target", "45", "--by", "30/06/2005"];

interface Case {
  readonly name: string;
  readonly csv: string;
  readonly args: readonly string[];
}

/** England's first six weeks of first doses, which no curve fits yet, forecast weekly with a target. */
const EARLY = { name: "england-first-six-weeks", text: earlyEnglandCsv() };
const EARLY_OPTIONS = ["--unit", "week", "--target", "10000000", "--by", "2021-02-28"];

const CASES: readonly Case[] = [
  ...REAL_SERIES.map(({ file }) => ({ name: basename(file, ".csv"), csv: join(SERIES_FOLDER, file), args: [] })),
  { name: EXAMPLE.name, csv: join(work, `${EXAMPLE.name}.csv`), args: EXAMPLE_OPTIONS },
  { name: EARLY.name, csv: join(work, `${EARLY.name}.csv`), args: EARLY_OPTIONS },
];

/**
 * The cells that show #N/A in a file with no curve: the weight of the model used, the fitted
 * curve at the horizon's end and the fitted column (six counts and twelve weeks from row 50).
 */
const NO_CURVE_ERRORS = ["B21", "B28", ...Array.from({ length: 18 }, (_, i) => `F${50 + i}`)].map((address) => `${address}: #N/A`);

interface Written {
  /** The plan the file was written from (the same the command makes). */
  readonly plan: WorkbookPlan;
  readonly written: ExcelJS.Workbook;
  readonly recalculated: ExcelJS.Workbook;
  readonly recalculatedBytes: Uint8Array;
}

let files: Promise<Map<string, Written>> | undefined;

/** Each case written by the command and recalculated by LibreOffice, in one run of each. */
function forecastFiles(): Promise<Map<string, Written>> {
  files ??= (async () => {
    writeFileSync(join(work, `${EXAMPLE.name}.csv`), EXAMPLE.text);
    writeFileSync(join(work, `${EARLY.name}.csv`), EARLY.text);
    const bytes = new Map<string, Uint8Array>();
    for (const { name, csv, args } of CASES) {
      const out = join(work, `${name}.xlsx`);
      const run = spawnSync(process.execPath, [join(ROOT, "scripts", "runBundled.mjs"), "forecast", csv, out, ...args], { cwd: ROOT, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`npm run forecast failed on ${name}: ${run.stderr}`);
      bytes.set(name, new Uint8Array(readFileSync(out)));
    }
    const recalculatedFiles = convertWithLibreOffice([...bytes.values()], "xlsx", "to check the forecast files recalculate without the add-in");
    const recalculated = new Map([...bytes.keys()].map((name, index) => [name, recalculatedFiles[index]]));
    const result = new Map<string, Written>();
    for (const { name, csv, args } of CASES) {
      const series = readSeriesCsv(readFileSync(csv, "utf8"));
      const options = readForecastOptions(optionsOf(args), series);
      const figures = forecastFigures(computeForecast(series, options), options);
      const plan = planForecast({ flavour: "portable", series, options, source: { kind: "file", name: basename(csv) }, figures }, NO_TAKEN_NAMES);
      result.set(name, {
        plan,
        written: await loadWorkbook(bytes.get(name)!),
        recalculated: await loadWorkbook(recalculated.get(name)!),
        recalculatedBytes: recalculated.get(name)!,
      });
    }
    return result;
  })();
  return files;
}

/** A value read back from a file as the evaluator holds one: dates as serials, errors as errors, no value as "". */
function asScalar(value: unknown): ScalarValue {
  const error = errorOf(value);
  if (error !== undefined) return errorValue(error as ExcelErrorCode);
  return asNumber(value) ?? ((value ?? "") as ScalarValue);
}

/** A command line's options as the option reader takes them. */
function optionsOf(args: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
  return options;
}

describe("forecast files recalculated by LibreOffice Calc", () => {
  for (const { name } of CASES) {
    it(`${name}: every formula's cached value is what LibreOffice computes`, async () => {
      const { plan, written, recalculated } = (await forecastFiles()).get(name)!;
      const ours = written.getWorksheet(FORECAST_SHEET)!;
      const theirs = recalculated.getWorksheet(FORECAST_SHEET)!;
      const mismatches: string[] = [];
      let checked = 0;
      for (const [address, cell] of plannedCells(plan.sheets[0])) {
        if (formulaOf(cell) === null) continue;
        const cached = shownValue(ours.getCell(address));
        const shown = shownValue(theirs.getCell(address));
        if (!sameValue(shown, asScalar(cached))) mismatches.push(`${address} ${formulaOf(cell)}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(shown)}`);
        checked++;
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    });

    it(`${name}: no cell is an error${name === EARLY.name ? " but the curve's own figures, as no curve fits" : ""}`, async () => {
      const { recalculated } = (await forecastFiles()).get(name)!;
      const errors: string[] = [];
      recalculated.getWorksheet(FORECAST_SHEET)!.eachRow((row) =>
        row.eachCell((cell) => {
          const error = errorOf(shownValue(cell));
          if (error !== undefined) errors.push(`${cell.address}: ${error}`);
        }),
      );
      expect(errors.sort()).toEqual(name === EARLY.name ? [...NO_CURVE_ERRORS].sort() : []);
    });
  }

  it("answers the worked example's question in the file as the README does", async () => {
    const { recalculated } = (await forecastFiles()).get(EXAMPLE.name)!;
    const sheet = recalculated.getWorksheet(FORECAST_SHEET)!;
    expect(shownValue(sheet.getCell("A6"))).toBe("45 of 150 (30%): as likely as not by 6 Jul 2005; 31% by 30 Jun 2005.");
    expect(shownValue(sheet.getCell("B20"))).toBe("gompertz");
  });

  it("says in the file of counts no curve fits yet that it forecasts their recent pace", async () => {
    const { recalculated } = (await forecastFiles()).get(EARLY.name)!;
    const sheet = recalculated.getWorksheet(FORECAST_SHEET)!;
    expect(shownValue(sheet.getCell("B20"))).toBe(NO_CURVE);
    expect(shownValue(sheet.getCell("A8"))).toMatch(/^No curve fits these counts yet: .*the forecast carries the recent pace on, with wide bounds/);
    expect(shownValue(sheet.getCell("A7"))).toMatch(/^By 11 Apr 2021, 12 weeks after the last count \(3,520,056 on 17 Jan 2021\), the forecast is/);
  });

  it("keeps each file's chart of the counts, the forecast, its bounds and the target", async () => {
    for (const { name } of CASES) {
      const { plan, recalculatedBytes } = (await forecastFiles()).get(name)!;
      const zip = await JSZip.loadAsync(recalculatedBytes);
      const chartPath = Object.keys(zip.files).find((path) => /^xl\/charts\/chart\d+\.xml$/.test(path));
      expect(chartPath, `${name}: a chart part`).toBeDefined();
      const chart = await zip.file(chartPath!)!.async("string");
      for (const series of plan.sheets[0].charts[0].series) {
        expect(chart, `${name}: ${series.name}`).toContain(`!${series.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}<`);
      }
    }
  });
});
