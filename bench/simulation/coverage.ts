/**
 * Coverage of forecast bounds on simulated adoption series (see `adoptionSeries.ts` for the
 * design): for each series, each way of fitting it (the true model or "auto", with the market
 * unknown or known), each horizon of 1 to 12 months and each nominal level, whether the held-out
 * count lies inside the bounds, for the least-squares interval FORECAST first gave ("old",
 * `leastSquaresInterval`), the curves' predictive distribution alone ("curve": FORECAST before the
 * recent pace was weighed in) and FORECAST's distribution now ("new", `forecasterFor`); and the
 * Brier score of CHANCE (now) for the event "the count at the horizon reaches the true curve".
 */
import { compareModels, type ModelComparison } from "../../src/model/compare";
import { ModelError } from "../../src/model/errors";
import { fitDiffusion, type DiffusionFit } from "../../src/model/fit";
import { averagedForecaster, countForecaster, forecasterFor, type CountForecaster } from "../../src/model/predictive";
import { HORIZON, simulateSeries, type SimulatedSeries } from "./adoptionSeries";
import { leastSquaresInterval } from "./leastSquaresInterval";
import { Random } from "./random";

export const LEVELS = [0.8, 0.95] as const;
export type Method = "old" | "curve" | "new";
export type Fitting = "true model" | "auto";
export type Market = "unknown" | "known";

/** Counts of held-out counts inside the bounds, by method, level and horizon. */
export class Tally {
  /** inside[method][level index][horizon − 1], and the number of checks in `total`. */
  readonly inside: Record<Method, number[][]> = { old: blank(), curve: blank(), new: blank() };
  readonly total: Record<Method, number[][]> = { old: blank(), curve: blank(), new: blank() };
  brier = 0;
  brierCount = 0;

  add(method: Method, level: number, horizon: number, inside: boolean): void {
    this.inside[method][level][horizon - 1] += inside ? 1 : 0;
    this.total[method][level][horizon - 1] += 1;
  }

  /** The share inside, in percent. */
  percent(method: Method, level: number, horizon: number): number {
    return (100 * this.inside[method][level][horizon - 1]) / this.total[method][level][horizon - 1];
  }

  count(method: Method, level: number, horizon: number): number {
    return this.total[method][level][horizon - 1];
  }
}

function blank(): number[][] {
  return LEVELS.map(() => new Array<number>(HORIZON).fill(0));
}

/** One way of fitting, its tallies overall and by the series' traits, and its failed fits. */
export interface FittingResult {
  readonly fitting: Fitting;
  readonly market: Market;
  readonly overall: Tally;
  readonly byTrait: Map<string, Tally>;
  /** Series whose fit failed (#NUM! or #N/A), by the error kind. */
  readonly failures: Record<"num" | "na" | "value", number>;
  /** Series whose fit has no bounds (no residual degrees of freedom or undetermined parameters). */
  unbounded: number;
  series: number;
}

/** The traits a series is broken down by in the report. */
function traits(series: SimulatedSeries): string[] {
  const size = series.market < 500 ? "market < 500" : series.market < 5000 ? "market 500-5,000" : "market ≥ 5,000";
  const share = series.observedShare < 0.35 ? "observed to 20-35%" : series.observedShare < 0.5 ? "observed to 35-50%" : "observed to 50-70%";
  const n = series.times.length;
  const points = n <= 8 ? "4-8 counts" : n <= 15 ? "9-15 counts" : "16 or more counts";
  return [series.model.name, series.noise.kind, size, share, points];
}

/** Checks one fitted series against its held-out counts. */
function check(series: SimulatedSeries, fit: DiffusionFit, curve: CountForecaster, forecaster: CountForecaster, tallies: Tally[]): void {
  const last = series.times[series.times.length - 1];
  for (let horizon = 1; horizon <= HORIZON; horizon++) {
    const time = last + horizon;
    const actual = series.heldOut[horizon - 1];
    const distribution = forecaster.distribution(time);
    let curveDistribution: ReturnType<CountForecaster["distribution"]> | undefined;
    try {
      curveDistribution = curve.distribution(time);
      curveDistribution.atLeast(0);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      curveDistribution = undefined;
    }
    LEVELS.forEach((level, index) => {
      const old = leastSquaresInterval(fit, time, level);
      // Each distribution's bounds are searched once, not once for every tally that counts them.
      const found = new Map<ReturnType<CountForecaster["distribution"]>, boolean>();
      const inside = (d: ReturnType<CountForecaster["distribution"]>): boolean => {
        let holds = found.get(d);
        if (holds === undefined) found.set(d, (holds = actual >= d.quantile((1 - level) / 2) && actual <= d.quantile((1 + level) / 2)));
        return holds;
      };
      for (const tally of tallies) {
        if (old.lower !== undefined) tally.add("old", index, horizon, actual >= old.lower && actual <= old.upper!);
        if (curveDistribution) tally.add("curve", index, horizon, inside(curveDistribution));
        tally.add("new", index, horizon, inside(distribution));
      }
    });
    const truth = series.model.value(time, series.truth);
    const chance = distribution.atLeast(truth);
    const outcome = actual >= truth ? 1 : 0;
    for (const tally of tallies) {
      tally.brier += (chance - outcome) ** 2;
      tally.brierCount += 1;
    }
  }
}

/**
 * Simulates `count` series from `seed` (with a drifting rate for every series when `drifting` is
 * given, see `simulateSeries`) and checks every way of fitting them. Each series is compared once
 * per market setting (`compareModels` fits all three models); the true model is fitted on its own
 * (as FIT would), "auto" uses the model-averaged curves.
 */
export function measureCoverage(count: number, seed: number, drifting?: { persistence: number; spread: number }): FittingResult[] {
  const results: FittingResult[] = [];
  for (const market of ["unknown", "known"] as const) {
    for (const fitting of ["true model", "auto"] as const) {
      results.push({ fitting, market, overall: new Tally(), byTrait: new Map(), failures: { num: 0, na: 0, value: 0 }, unbounded: 0, series: 0 });
    }
  }
  const random = new Random(seed);
  for (let index = 0; index < count; index++) {
    const series = simulateSeries(index, random, drifting);
    for (const market of ["unknown", "known"] as const) {
      const options = market === "known" ? { market: series.market } : {};
      let comparison: ModelComparison | ModelError;
      try {
        comparison = compareModels(series.times, series.values, options);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        comparison = error;
      }
      for (const result of results.filter((candidate) => candidate.market === market)) {
        result.series += 1;
        let fit: DiffusionFit;
        let curve: CountForecaster;
        let forecaster: CountForecaster;
        if (result.fitting === "auto") {
          if (comparison instanceof ModelError) {
            result.failures[comparison.kind] += 1;
            continue;
          }
          fit = comparison.best.fit;
          curve = averagedForecaster(comparison);
          forecaster = forecasterFor({ fit, comparison });
        } else {
          try {
            fit = fitDiffusion(series.model, series.times, series.values, options);
          } catch (error) {
            if (!(error instanceof ModelError)) throw error;
            result.failures[error.kind] += 1;
            continue;
          }
          curve = countForecaster(fit);
          forecaster = forecasterFor({ fit });
        }
        const tallies = [result.overall, ...traits(series).map((trait) => tallyOf(result.byTrait, trait))];
        try {
          check(series, fit, curve, forecaster, tallies);
        } catch (error) {
          // A fit without bounds says so with #N/A (no degrees of freedom left) or #NUM! (parameters undetermined).
          if (!(error instanceof ModelError && (error.kind === "na" || error.kind === "num"))) throw error;
          result.unbounded += 1;
        }
      }
    }
  }
  return results;
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new Tally()));
  return tally;
}
