/**
 * Do FORECAST's bounds hold on real adoption series? The rolling-origin benchmark of the spec's
 * "Honest on real series too": every series of the real-series corpus (bench/realSeries/
 * manifest.json: sources and licences) fitted with "auto" on its first 30%, 50% and 70% (at least
 * 6 counts) and its 80% and 95% bounds checked against every later count; coverage pooled and by
 * horizon band (counts ahead), and Winkler's interval score against R forecast's ets() and a
 * random walk with drift on the same origins (bench/realSeries/peers.csv, made by peers.R). The
 * held-out part of the corpus (chosen by a hash of each series' name, before any tuning) is
 * reported apart: it took no part in choosing the method or its constants. How much a part's
 * pooled coverage owes to which series it happens to hold is shown by resampling whole series.
 *
 * "before" is the curves' predictive distribution alone (the method before the recent pace was
 * weighed in: a fit that fails gives no bounds); "after" is what FORECAST gives now.
 */
import { fitChosen } from "../src/model/compare";
import { averagedForecaster, countForecaster, forecastOf } from "../src/model/predictive";
import { readCorpus, readPeers, type RealSeries } from "./realSeries/corpus";
import { BANDS, LEVELS, PEERS, rollingOrigin, RollingTally, seriesBootstrap, type Method } from "./realSeries/rollingOrigin";

const BAR = { pooled: [[72, 88], [88, 99]], bandShort: 12 } as const;
const BOOTSTRAP = { draws: 4000, seed: 20050815 } as const;

/** The curves' distribution alone, as FORECAST gave it before. */
const before: Method = (times, counts) => {
  const chosen = fitChosen("auto", times, counts);
  const forecaster = chosen.comparison ? averagedForecaster(chosen.comparison) : countForecaster(chosen.fit);
  return (time) => forecaster.distribution(time);
};

/** FORECAST's distribution now. */
const after: Method = (times, counts) => {
  const { forecaster } = forecastOf("auto", times, counts);
  return (time) => forecaster.distribution(time);
};

function verdict(tally: RollingTally): string {
  const misses: string[] = [];
  LEVELS.forEach((nominal, level) => {
    const [low, high] = BAR.pooled[level];
    const pooled = tally.pooled(level);
    if (pooled < low || pooled > high) misses.push(`${nominal * 100}% pooled ${pooled.toFixed(1)} outside [${low}, ${high}]`);
    BANDS.forEach((band, index) => {
      const share = tally.band(level, index);
      if (share < 100 * nominal - BAR.bandShort) misses.push(`${nominal * 100}% at ${band.label} ahead ${share.toFixed(1)}`);
    });
  });
  for (const peer of PEERS) if (!(tally.ratio(peer) < 1)) misses.push(`score ratio against ${peer} ${tally.ratio(peer).toFixed(2)}`);
  return misses.length === 0 ? "inside the bar" : `OUTSIDE THE BAR: ${misses.join("; ")}`;
}

function report(label: string, series: readonly RealSeries[], peers: ReturnType<typeof readPeers>): void {
  const tallies = { before: new RollingTally(), after: new RollingTally() };
  rollingOrigin(series, before, peers, tallies.before);
  rollingOrigin(series, after, peers, tallies.after);
  const { after: now } = tallies;
  console.log(`  ${label}: ${series.length} series, ${now.forecasts} forecasts, ${now.rows()} later counts`);
  console.log(`    ${"".padEnd(24)} ${"80% bounds: pooled | 1  2-3  4-6  7-12  13+".padEnd(46)}  95% bounds: pooled | 1  2-3  4-6  7-12  13+   score vs ets, RW`);
  for (const [name, tally] of Object.entries(tallies)) {
    const levels = LEVELS.map((_, level) => `${tally.pooled(level).toFixed(1).padStart(5)} | ${BANDS.map((__, band) => tally.band(level, band).toFixed(0).padStart(4)).join("")}`);
    const ratios = PEERS.map((peer) => tally.ratio(peer).toFixed(2)).join(", ");
    const unbounded = tally.unbounded ? `; ${tally.unbounded} forecasts without bounds` : "";
    console.log(`    ${`${name} (product)`.padEnd(24)} ${levels[0].padEnd(46)}  ${levels[1]}   ${ratios}${unbounded}`);
  }
  for (const peer of PEERS) {
    const label2 = peer === "ets" ? "R forecast ets()" : "random walk + drift";
    console.log(`    ${label2.padEnd(24)} ${now.peerPooled(peer, 0).toFixed(1).padStart(5).padEnd(46)}  ${now.peerPooled(peer, 1).toFixed(1).padStart(5)}`);
  }
  console.log(`    after: ${verdict(now)}; misses of the 80% bounds above them ${now.above}, below ${now.below}`);
  // Each series alone, so that whole series can be resampled.
  const perSeries = series.map((one) => {
    const tally = new RollingTally();
    rollingOrigin([one], after, peers, tally);
    return tally;
  });
  const ranges = LEVELS.map((nominal, level) => {
    const [low, high] = seriesBootstrap(perSeries, level, BOOTSTRAP.draws, BOOTSTRAP.seed);
    return `${nominal * 100}% bounds ${low.toFixed(1)} to ${high.toFixed(1)}`;
  });
  console.log(`    after, pooled coverage over ${BOOTSTRAP.draws.toLocaleString("en-GB")} resamples of whole series (central 90%): ${ranges.join("; ")}`);
}

export function run(): void {
  const started = performance.now();
  const corpus = readCorpus();
  const peers = readPeers();
  console.log(`Coverage of FORECAST's bounds on ${corpus.length} real adoption series, rolling origin (30%, 50%, 70% of each series fitted, "auto")`);
  console.log(`  Bar: pooled 80% in [${BAR.pooled[0].join(", ")}], 95% in [${BAR.pooled[1].join(", ")}]; no horizon band more than ${BAR.bandShort} points short;`);
  console.log("  the interval score's geometric mean ratio below 1 against both peers; a forecast without bounds is a miss.");
  report("tuning part", corpus.filter((series) => series.part === "tuning"), peers);
  report("held-out part (no tuning)", corpus.filter((series) => series.part === "held-out"), peers);
  report("all", corpus, peers);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
