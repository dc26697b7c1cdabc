/**
 * Many PCTs at once:
 *
 * - borrowing strength: on simulated portfolios of 300 PCTs observed for 3 to 12 months (design
 *   printed below, see bench/simulation/portfolioSimulation.ts), the chance of the later target
 *   and the 80% bounds of the count at the target date from the pooled fit against fitting each
 *   PCT alone as CHANCE and FORECAST do: the Brier score, the mean chance against the share that
 *   met the target, and the bounds' coverage by history band, over all the portfolios and in the
 *   worst one; and how often the totals' 80% range of the number of PCTs meeting the target held it;
 * - scale: `npm run portfolio -- counts.csv --json` on 303 PCTs and on 8,000 practices of 24
 *   monthly counts each, as a user runs it (npm and the bundled command in a child process, from
 *   start to exit), with a breakdown in this process.
 *
 * Seeded: the same portfolios on every run. Timings vary with the machine's load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { PORTFOLIO_DEFAULTS } from "../src/data/portfolioOptions";
import { readPortfolioCsv } from "../src/data/seriesCsv";
import { excelSerialToIso } from "../src/data/dates";
import { analysePortfolio } from "../src/model/portfolio/analysis";
import { HISTORY_BANDS, measureBorrowingStrength, type BorrowingStrength, type MethodScore } from "./simulation/borrowingStrength";
import { dateOfMonth } from "./simulation/portfolioSimulation";
import { Random } from "./simulation/random";
import { median } from "./support/runtime";
import { runForecast } from "../src/taskpane/forecastAction";
import { planPortfolioFromData } from "../src/taskpane/portfolioFromData";
import { FakeExcel, type Scalar } from "../test/taskpane/fakeExcel";

const ROOT = resolve(__dirname, "..");
const PORTFOLIOS = 10;
const SIZE = 300;
const SEED = 20050815;
const BAND = { low: 72, high: 88 };
const COMMAND_RUNS = 3;

const percent = (value: number): string => (Number.isNaN(value) ? "  -  " : value.toFixed(1).padStart(5));

function scoreLine(label: string, score: MethodScore, commonBrier: number): string {
  return (
    `  ${label.padEnd(24)} ${String(score.answered).padStart(5)}  ${score.brier.toFixed(4)}  ${commonBrier.toFixed(4)}   ` +
    `${score.meanChance.toFixed(3)}  ${score.shareMet.toFixed(3)}   ${score.coverage.map(percent).join("  ")}`
  );
}

/** Whether every band's coverage is inside the bar. */
const inBand = (score: MethodScore): boolean => score.coverage.every((coverage) => coverage >= BAND.low && coverage <= BAND.high);

function benchBorrowingStrength(): void {
  console.log(`Borrowing strength: ${PORTFOLIOS} simulated portfolios of ${SIZE} PCTs (seed ${SEED})`);
  console.log("  Design: a national timeline from 30 Sep 2004; each PCT 40-300 GPs (log-uniform), a logistic share curve with rate");
  console.log("  0.35·e^{0.25z} a month and midpoint month 14 + 2.5z′ (z, z′ standard normal); each month's new registrations");
  console.log("  negative binomial (size 5-50 per PCT), never past the GPs; counting from month 1-6 for 3-12 months; the target");
  console.log("  80% of each PCT's GPs by 31 Mar 2006 (month 18). Fitted pooled (logistic, one empirical-Bayes population of");
  console.log("  rates and midpoints) and alone (CHANCE and FORECAST: logistic, the market held at the PCT's GPs).");
  const started = performance.now();
  const { overall, each } = measureBorrowingStrength(PORTFOLIOS, SIZE, SEED);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  Bar: Brier pooled below alone; mean chance within 0.05 of the share met; 80% bounds cover ${BAND.low}-${BAND.high}% in each band.`);
  console.log(`  ${"".padEnd(24)} ${"PCTs".padStart(5)}  Brier   Brier on   mean    share   80% bounds' coverage (%), by counts`);
  console.log(`  ${"".padEnd(24)} ${"".padStart(5)}          common     chance  met     ${HISTORY_BANDS.map((band) => band.name.padStart(5)).join("  ")}`);
  console.log(scoreLine("pooled (portfolio)", overall.pooled, overall.common.pooled));
  console.log(scoreLine("alone (CHANCE)", overall.alone, overall.common.alone));
  console.log(`  Brier on the ${overall.common.pcts} PCTs both answered (fitting alone fails on ${overall.pcts - overall.alone.answered}): ${verdict(overall)}.`);
  const span = (band: number): string => {
    const coverages = each.map((one) => one.pooled.coverage[band]);
    return `${Math.min(...coverages).toFixed(1)}-${Math.max(...coverages).toFixed(1)}`;
  };
  console.log(`  Portfolio by portfolio (pooled): coverage ${HISTORY_BANDS.map((band, i) => `${span(i)} (${band.name})`).join(", ")};`);
  console.log(
    `    all three bands in the bar in ${each.filter((one) => inBand(one.pooled)).length} of ${each.length}; Brier below alone in ` +
      `${each.filter((one) => one.common.pooled < one.common.alone).length} of ${each.length}; mean chance within 0.05 in ` +
      `${each.filter((one) => Math.abs(one.pooled.meanChance - one.pooled.shareMet) <= 0.05).length} of ${each.length}.`,
  );
  console.log(`  The totals' 80% range of the number of PCTs meeting the target held it in ${overall.rangeHeld} of ${overall.portfolios} portfolios.`);
  console.log(`  (${seconds.toFixed(1)} s)`);
}

function verdict(result: BorrowingStrength): string {
  const { pooled, alone } = result.common;
  return `pooled ${pooled.toFixed(4)}, alone ${alone.toFixed(4)} (${(100 * (1 - pooled / alone)).toFixed(0)}% lower)`;
}

/** A portfolio of `pcts` PCTs of 24 monthly counts each, as the long-form CSV text. */
function portfolioCsv(pcts: number, seed: number): string {
  const random = new Random(seed);
  const lines = ["pct,date,registered,gps,practices"];
  for (let i = 0; i < pcts; i++) {
    const gps = Math.round(random.logBetween(3, 300));
    const rate = 0.35 * Math.exp(0.25 * random.normal());
    const midpoint = 14 + 2.5 * random.normal();
    const share = (month: number): number => 1 / (1 + Math.exp(-rate * (month - midpoint)));
    let total = 0;
    for (let month = -36; month <= 17; month++) {
      total += Math.min(random.poisson(gps * (share(month) - share(month - 1))), gps - total);
      if (month >= -6) lines.push(`PCT ${i + 1},${excelSerialToIso(dateOfMonth(month))},${total},${month === -6 ? gps : ""},${month === -6 ? Math.max(1, Math.round(gps / 4.5)) : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function benchScale(): void {
  console.log("Scale of npm run portfolio -- counts.csv --json (24 monthly counts a PCT; targets: 303 PCTs under 2 s, 8,000 under 20 s):");
  const work = mkdtempSync(join(tmpdir(), "crs-bench-portfolio-"));
  try {
    for (const [pcts, runs] of [
      [303, COMMAND_RUNS],
      [8_000, 1],
    ] as const) {
      const text = portfolioCsv(pcts, SEED);
      const csv = join(work, `portfolio-${pcts}.csv`);
      writeFileSync(csv, text);
      const run = (): number => {
        const started = performance.now();
        const child = spawnSync("npm", ["run", "--silent", "portfolio", "--", csv, "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 28 });
        if (child.status !== 0) throw new Error(child.stderr);
        return performance.now() - started;
      };
      const first = run();
      const times = Array.from({ length: runs }, run);
      const t0 = performance.now();
      const portfolio = readPortfolioCsv(text);
      const t1 = performance.now();
      const analysis = analysePortfolio(portfolio.pcts, PORTFOLIO_DEFAULTS);
      const t2 = performance.now();
      console.log(
        `  ${pcts.toLocaleString("en-GB")} PCTs (${(text.length / 1e6).toFixed(1)} MB): ${median(times).toFixed(0)} ms from start to exit ` +
          `(median of ${runs}; the first run, which may build the bundle, ${first.toFixed(0)} ms); in process: read ${(t1 - t0).toFixed(0)} ms, ` +
          `fit and forecast ${(t2 - t1).toFixed(0)} ms (${analysis.fit?.pcts ?? 0} PCTs fitted)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The pane's Portfolio action on the mock Excel with `pcts` PCTs of 24 monthly counts selected: its round trips and time. */
async function benchPane(pcts: number): Promise<void> {
  const lines = readPortfolioCsv(portfolioCsv(pcts, SEED)).pcts;
  const cells: Record<string, Scalar> = { A1: "pct", B1: "date", C1: "registered", D1: "gps", E1: "practices" };
  const numberFormats: Record<string, string> = {};
  let row = 2;
  for (const pct of lines) {
    pct.counts.forEach((count) => {
      Object.assign(cells, { [`A${row}`]: pct.name, [`B${row}`]: count.date, [`C${row}`]: count.registered });
      numberFormats[`B${row}`] = "dd/mm/yyyy";
      // GPs and practices on every row: the mock Excel reads blank cells slowly.
      Object.assign(cells, { [`D${row}`]: pct.gps, [`E${row}`]: pct.practices });
      row++;
    });
  }
  const excel = new FakeExcel({ sheets: [{ name: "Counts", cells, numberFormats }], selection: `Counts!A1:E${row - 1}` });
  const started = performance.now();
  await runForecast(excel.context, { kind: "selection" }, (data, taken) => planPortfolioFromData(data, {}, taken));
  console.log(
    `  the pane's Portfolio action, ${pcts.toLocaleString("en-GB")} PCTs (${(row - 2).toLocaleString("en-GB")} rows) on the mock Excel: ${excel.syncs} round trips (at most 3), ` +
      `${(performance.now() - started).toFixed(0)} ms (read, check, fit, plan, queue, mock syncs)`,
  );
}

export async function run(): Promise<void> {
  benchBorrowingStrength();
  console.log();
  benchScale();
  await benchPane(303);
}
