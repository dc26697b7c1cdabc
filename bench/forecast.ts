/**
 * Speed of "Forecast from your data":
 *
 * - `npm run forecast` on a 120-row CSV (ten years of monthly counts), as a user runs it: npm
 *   and the bundled command in a child process, from start to exit (median of 5 runs, after one that may
 *   build the bundle), with a breakdown of one run in this process (reading, fitting and
 *   forecasting, planning, writing the .xlsx with its cached values);
 * - the pane's forecast action on the mock Excel for 120 and 10,000 rows: its `context.sync()`
 *   round trips (at most 3 whatever the rows) and the milliseconds of reading, checking, fitting,
 *   planning and queueing.
 *
 * Figures vary with the machine's load; compare runs on the same machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { readSeriesCsv } from "../src/data/seriesCsv";
import { runForecast } from "../src/taskpane/forecastAction";
import { planForecastFromData } from "../src/taskpane/forecastFromData";
import { NO_TAKEN_NAMES } from "../src/workbook/plan";
import { computeForecast, forecastFigures, planForecast, readForecastOptions } from "../src/workbook/sheets";
import { writeXlsx } from "../src/workbook/xlsx";
import { FakeExcel, type Scalar } from "../test/taskpane/fakeExcel";

const ROOT = resolve(__dirname, "..");
const COMMAND_RUNS = 5;
const PANE_RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Monthly month-end counts on a logistic curve from Jan 2000, as a CSV file's text. */
function monthlyCsv(rows: number): string {
  const lines = ["Date,GPs registered"];
  for (let i = 0; i < rows; i++) {
    const end = new Date(Date.UTC(2000, i + 1, 0)).toISOString().slice(0, 10);
    lines.push(`${end},${Math.round(150 / (1 + Math.exp(-(i - rows / 2) / (rows / 10))) + (i % 3))}`);
  }
  return `${lines.join("\n")}\n`;
}

async function benchCommand(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "crs-bench-forecast-"));
  try {
    const csv = join(work, "counts.csv");
    writeFileSync(csv, monthlyCsv(120));
    // As a user runs it: npm starting the script, the script starting from its bundle.
    const run = () => {
      const started = performance.now();
      const child = spawnSync("npm", ["run", "--silent", "forecast", "--", csv, "--force"], { cwd: ROOT, encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
      return performance.now() - started;
    };
    const first = run();
    const times = Array.from({ length: COMMAND_RUNS }, run);
    console.log(
      `  npm run forecast, 120-row CSV: ${median(times).toFixed(0)} ms from start to exit (median of ${COMMAND_RUNS}; ` +
        `the first run, which may build the bundle, ${first.toFixed(0)} ms; target under 2,000 ms)`,
    );

    const text = monthlyCsv(120);
    const t0 = performance.now();
    const series = readSeriesCsv(text);
    const options = readForecastOptions({ target: "45", by: "2005-06-30", market: "160" }, series);
    const t1 = performance.now();
    const results = computeForecast(series, options);
    const t2 = performance.now();
    const plan = planForecast({ flavour: "portable", series, options, source: { kind: "file", name: "counts.csv" }, figures: forecastFigures(results, options) }, NO_TAKEN_NAMES);
    const t3 = performance.now();
    const bytes = await writeXlsx(plan);
    const t4 = performance.now();
    console.log(
      `    in process, warm: read ${(t1 - t0).toFixed(1)} ms, fit and forecast ${(t2 - t1).toFixed(1)} ms, plan ${(t3 - t2).toFixed(1)} ms, ` +
        `.xlsx with cached values ${(t4 - t3).toFixed(1)} ms (${(bytes.length / 1024).toFixed(0)} KB)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A sheet of `rows` daily counts under a header, selected. */
function countsSheet(rows: number): FakeExcel {
  const cells: Record<string, Scalar> = { A1: "Day", B1: "Sites live" };
  for (let i = 1; i <= rows; i++) {
    cells[`A${i + 1}`] = i;
    cells[`B${i + 1}`] = Math.round(5000 / (1 + Math.exp(-(i - rows / 2) / (rows / 12))));
  }
  return new FakeExcel({ sheets: [{ name: "Sites", cells }], selection: `A1:B${rows + 1}` });
}

async function benchPane(rows: number): Promise<void> {
  const times: number[] = [];
  let syncs = 0;
  let requests = 0;
  for (let run = 0; run < PANE_RUNS; run++) {
    const excel = countsSheet(rows);
    const started = performance.now();
    await runForecast(excel.context, { kind: "selection" }, (data, taken) => planForecastFromData(data, {}, taken));
    times.push(performance.now() - started);
    syncs = excel.syncs;
    requests = excel.log.length;
  }
  console.log(
    `  pane's forecast action, ${rows.toLocaleString("en-GB")} rows: ${syncs} syncs, ${requests} requests, ` +
      `median ${median(times).toFixed(0)} ms (read, check, fit, plan, queue, mock syncs; ${PANE_RUNS} runs)`,
  );
}

export async function run(): Promise<void> {
  console.log("Forecast from your data:");
  await benchCommand();
  for (const rows of [120, 10_000]) await benchPane(rows);
}
