/**
 * Do FORECAST's bounds hold their coverage? Simulated adoption series (design printed below, see
 * bench/simulation/adoptionSeries.ts), each fitted four ways (the true model or "auto", with the
 * market unknown or known), checked against the 12 months held out after the last count: the
 * share of held-out counts inside the 80% and 95% bounds, for the least-squares interval FORECAST
 * first gave ("old"), the curves' predictive distribution alone (FORECAST before the recent pace
 * was weighed in: "before") and the distribution it gives now ("new"); the bar is
 * [nominal − 7, nominal + 5] points at every horizon from 1 to 12. Then the Brier score of CHANCE
 * for the event "the count at the horizon reaches the true curve's value" (a coin flip scores
 * 0.25; lower is better). Seeded: the same figures on every run.
 */
import { HORIZON } from "./simulation/adoptionSeries";
import { LEVELS, measureCoverage, type Tally } from "./simulation/coverage";

const SERIES = 2_400;
const SEED = 20050815;
const SHOWN = [1, 3, 6, 12];
const BAR = { below: 7, above: 5 };
const DRIFTING_SERIES = 600;
const DRIFT = { persistence: 0.8, spread: 0.25 };

function row(tally: Tally, method: "old" | "curve" | "new"): string {
  return LEVELS.map((_, level) => SHOWN.map((h) => tally.percent(method, level, h).toFixed(1).padStart(5)).join(" ")).join("  | ");
}

/** The worst distance outside the bar over every horizon 1-12 and level, or "" when all are inside. */
function outside(tally: Tally): string {
  const misses: string[] = [];
  LEVELS.forEach((nominal, level) => {
    for (let h = 1; h <= HORIZON; h++) {
      const share = tally.percent("new", level, h);
      if (share < 100 * nominal - BAR.below || share > 100 * nominal + BAR.above) misses.push(`${100 * nominal}% at ${h} months: ${share.toFixed(1)}`);
    }
  });
  return misses.join("; ");
}

export function run(): void {
  console.log(`Coverage of FORECAST's bounds on ${SERIES.toLocaleString("en-GB")} simulated monthly adoption series (seed ${SEED})`);
  console.log("  Design: Bass, logistic and Gompertz curves in turn; market 50 to 50,000 (log-uniform); 8 to 40 months from");
  console.log("  launch to half the market; 0.5-5% (logistic) or 0.1-5% (Gompertz) reached at launch, Bass q/p 3 to 100;");
  console.log("  counts from month 1: the first count and each month's new adopters drawn independently, Poisson or");
  console.log("  negative binomial (size 4 to 100, variance mean + mean²/size), alternately, never passing the market;");
  console.log("  observed until the curve reaches 20-70% of the market (uniform), the next 12 months held out. Fitted");
  console.log("  with the true model and with \"auto\", the market unknown and known (the true market).");
  const started = performance.now();
  const results = measureCoverage(SERIES, SEED);
  console.log(`  Bar: every horizon 1-12, inside [nominal − ${BAR.below}, nominal + ${BAR.above}] points.`);
  console.log(`  % of held-out counts inside the bounds, at horizons ${SHOWN.join(", ")} months:`);
  console.log(`  ${"".padEnd(34)} ${"80% bounds".padEnd(24)}  | 95% bounds`);
  for (const result of results) {
    const label = `${result.fitting}, market ${result.market}`;
    const failed = result.failures.num + result.failures.na + result.failures.value;
    const fits = `fits failed: ${failed} of ${result.series} (${((100 * failed) / result.series).toFixed(1)}%: #NUM! ${result.failures.num}, #N/A ${result.failures.na})`;
    console.log(`  ${label}; ${fits}${result.unbounded ? `, ${result.unbounded} without bounds` : ""}`);
    console.log(`    old (least squares, first)       ${row(result.overall, "old")}`);
    console.log(`    before (curves alone)            ${row(result.overall, "curve")}`);
    console.log(`    new (curves and pace)            ${row(result.overall, "new")}   ${outside(result.overall) ? `OUTSIDE THE BAR: ${outside(result.overall)}` : "all 24 cells inside the bar"}`);
    for (const [trait, tally] of [...result.byTrait].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`      ${trait.padEnd(30)} ${row(tally, "new")}`);
    }
  }
  console.log("  Brier score of CHANCE(count at the horizon ≥ the true curve), all horizons 1-12 (coin flip: 0.250):");
  for (const result of results) {
    console.log(`    ${`${result.fitting}, market ${result.market}`.padEnd(32)} ${(result.overall.brier / result.overall.brierCount).toFixed(3)}`);
  }
  // A noise the forecast does not assume: the rate drifts above and below the curve for months.
  const drifting = measureCoverage(DRIFTING_SERIES, SEED, DRIFT);
  console.log(
    `  Counts whose rate drifts (${DRIFTING_SERIES} series: Poisson about e^(w_t) times the curve's rate, w_t AR(1) with persistence ${DRIFT.persistence}, sd ${DRIFT.spread}), not assumed by the forecast:`,
  );
  for (const result of drifting) {
    console.log(`    ${`${result.fitting}, market ${result.market}`.padEnd(32)} before ${row(result.overall, "curve")}`);
    console.log(`    ${"".padEnd(32)} new    ${row(result.overall, "new")}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
