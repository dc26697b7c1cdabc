/**
 * The task pane's actions on a mock Excel (office-addin-mock objects under a stateful fake):
 * how many `context.sync()` round trips and how long planning plus queueing takes for inserting
 * every dataset and for building the model. A real host adds its own time per round trip, which
 * is why the round trips are what the add-in keeps small (at most 3 per action).
 * When the add-in is built and Chromium is present, also how long the pane takes to be ready.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DATASETS } from "../src/data";
import { runPlan } from "../src/taskpane/officeWriter";
import type { TakenNames, WorkbookPlan } from "../src/workbook/plan";
import { planDatasets, planModel } from "../src/workbook/sheets";
import { CHROMIUM, DIST, launchChromium, newPaneContext, serveDist } from "../test/integration/browserHarness";
import { FakeExcel } from "../test/taskpane/fakeExcel";

const RUNS = 200;

const ACTIONS: readonly [string, (taken: TakenNames) => WorkbookPlan][] = [
  [`insert all ${DATASETS.length} datasets`, (taken) => planDatasets(DATASETS, taken)],
  ["build model (CRS formulas)", (taken) => planModel(taken, { formulas: "crs" })],
  ["build model (portable)", (taken) => planModel(taken, { formulas: "portable" })],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function benchAction(name: string, makePlan: (taken: TakenNames) => WorkbookPlan): Promise<void> {
  const times: number[] = [];
  let syncs = 0;
  let requests = 0;
  let cells = 0;
  for (let run = 0; run < RUNS; run++) {
    const excel = new FakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "The user's data" } }] });
    const started = performance.now();
    const plan = await runPlan(excel.context, makePlan);
    times.push(performance.now() - started);
    syncs = excel.syncs;
    requests = excel.log.length;
    cells = plan.sheets.reduce((sum, sheet) => sum + sheet.ranges.reduce((n, r) => n + r.cells.length * r.cells[0].length, 0), 0);
  }
  console.log(
    `  ${name.padEnd(30)} ${syncs} syncs, ${String(requests).padStart(4)} requests, ${String(cells).padStart(4)} cells: ` +
      `median ${median(times).toFixed(2)} ms, mean ${(times.reduce((a, b) => a + b, 0) / RUNS).toFixed(2)} ms`,
  );
}

async function benchPaneLoad(): Promise<void> {
  if (!existsSync(`${DIST}/taskpane.html`) || !existsSync(CHROMIUM)) {
    console.log("  pane load: skipped (needs npm run build and Chromium)");
    return;
  }
  const { server, origin } = await serveDist();
  const browser = await launchChromium();
  try {
    const shown: number[] = [];
    const settled: number[] = [];
    for (let run = 0; run < 5; run++) {
      // Office.js answered from the npm package in place of its CDN, as in the tests.
      const { context } = await newPaneContext(browser);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${origin}/taskpane.html`, { waitUntil: "commit" });
      await page.locator("#select-all").waitFor();
      shown.push(performance.now() - started);
      await page.locator("#host-notice:not([hidden])").waitFor();
      settled.push(performance.now() - started);
      await context.close();
    }
    console.log(
      `  pane in Chromium from localhost: datasets and controls shown after ${median(shown).toFixed(0)} ms, ` +
        `Office.onReady answered (no host) after ${median(settled).toFixed(0)} ms (medians of 5 loads)`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

export async function run(): Promise<void> {
  console.log(`Task pane actions on a mock Excel (${RUNS} runs each; plan + checks + queued writes + mock syncs):`);
  for (const [name, makePlan] of ACTIONS) await benchAction(name, makePlan);
  await benchPaneLoad();
}
