/**
 * Does pooling the PCTs' fits borrow strength? On simulated portfolios (`simulatePortfolio`),
 * each PCT's chance of the later target and 80% bounds of its count at the target date, from the
 * pooled fit (`analysePortfolio`) and from fitting the PCT alone as CHANCE and FORECAST do (the
 * logistic curve, the market held at its GPs, months since its first count), scored against what
 * happened.
 */
import { fitChosen } from "../../src/model/compare";
import { centralBounds } from "../../src/model/countDistribution";
import { ModelError } from "../../src/model/errors";
import { analysePortfolio } from "../../src/model/portfolio/analysis";
import { DAYS_PER_MONTH } from "../../src/model/portfolio/pctFigures";
import { forecasterFor } from "../../src/model/predictive";
import { shortfall } from "../../src/model/threshold";
import { SIMULATION_OPTIONS, simulatePortfolio, type SimulatedPct } from "./portfolioSimulation";
import { Random } from "./random";

/** The history bands the coverage is measured in, by number of counts. */
export const HISTORY_BANDS = [
  { name: "3-5 counts", low: 3, high: 5 },
  { name: "6-8 counts", low: 6, high: 8 },
  { name: "9-12 counts", low: 9, high: 12 },
] as const;

/** One way of forecasting, scored. */
export interface MethodScore {
  /** PCTs it gave a chance for. */
  readonly answered: number;
  /** Mean (chance − met)² over those. */
  readonly brier: number;
  /** Mean chance, and the share of those PCTs that met the target. */
  readonly meanChance: number;
  readonly shareMet: number;
  /** % of counts at the target date inside the 80% bounds, by history band (NaN for a band with none). */
  readonly coverage: readonly number[];
}

/** Scores of both ways on the same PCTs, and the Brier score of both on the PCTs both answered. */
export interface BorrowingStrength {
  readonly pcts: number;
  readonly pooled: MethodScore;
  readonly alone: MethodScore;
  /** Brier scores on the PCTs fitting alone answered, pooled and alone. */
  readonly common: { readonly pcts: number; readonly pooled: number; readonly alone: number };
  /** Portfolios whose number meeting the target fell in the totals' 80% range, of those simulated. */
  readonly rangeHeld: number;
  readonly portfolios: number;
}

/** The scores over all the portfolios, and each portfolio's own. */
export interface BorrowingStrengthRuns {
  readonly overall: BorrowingStrength;
  readonly each: readonly BorrowingStrength[];
}

interface Answer {
  readonly chance: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The PCT fitted alone, as CHANCE and FORECAST would fit it. */
function alone(pct: SimulatedPct, confidence: number): Answer {
  const first = pct.counts[0].date;
  const months = pct.counts.map((count) => (count.date - first) / DAYS_PER_MONTH);
  const targetMonth = (SIMULATION_OPTIONS.targetDate - first) / DAYS_PER_MONTH;
  try {
    const forecaster = forecasterFor(fitChosen("logistic", months, pct.counts.map((count) => count.registered), { market: pct.gps }));
    const distribution = forecaster.distribution(targetMonth);
    const { lower, upper } = centralBounds(distribution, confidence);
    return { chance: distribution.atLeast(shortfall(0, pct.gps, SIMULATION_OPTIONS.targetShare)), lower, upper };
  } catch (error) {
    if (error instanceof ModelError) return { chance: null, lower: null, upper: null };
    throw error;
  }
}

/** Accumulates one method's answers. */
class Scorer {
  answered = 0;
  squared = 0;
  chances = 0;
  met = 0;
  readonly inside = HISTORY_BANDS.map(() => 0);
  readonly bounded = HISTORY_BANDS.map(() => 0);

  add(pct: SimulatedPct, answer: Answer): void {
    const target = shortfall(0, pct.gps, SIMULATION_OPTIONS.targetShare);
    const met = pct.atTarget >= target ? 1 : 0;
    if (answer.chance !== null) {
      this.answered += 1;
      this.squared += (answer.chance - met) ** 2;
      this.chances += answer.chance;
      this.met += met;
    }
    const band = HISTORY_BANDS.findIndex((b) => pct.counts.length >= b.low && pct.counts.length <= b.high);
    this.bounded[band] += 1;
    // Whole GPs: a bound between whole numbers holds the whole counts between them.
    if (answer.lower !== null && answer.upper !== null && pct.atTarget >= Math.ceil(answer.lower - 1e-9) && pct.atTarget <= Math.floor(answer.upper + 1e-9)) this.inside[band] += 1;
  }

  score(): MethodScore {
    return {
      answered: this.answered,
      brier: this.squared / this.answered,
      meanChance: this.chances / this.answered,
      shareMet: this.met / this.answered,
      coverage: this.inside.map((inside, band) => (100 * inside) / this.bounded[band]),
    };
  }
}

/** The tallies of one or more portfolios. */
class Tallies {
  readonly pooled = new Scorer();
  readonly alone = new Scorer();
  readonly common = { pcts: 0, pooled: 0, alone: 0 };
  rangeHeld = 0;
  portfolios = 0;

  result(): BorrowingStrength {
    const { common } = this;
    return {
      pcts: this.pooled.bounded.reduce((a, b) => a + b, 0),
      pooled: this.pooled.score(),
      alone: this.alone.score(),
      common: { pcts: common.pcts, pooled: common.pooled / common.pcts, alone: common.alone / common.pcts },
      rangeHeld: this.rangeHeld,
      portfolios: this.portfolios,
    };
  }
}

/**
 * Simulates `portfolios` portfolios of `size` PCTs from `seed` and scores both ways, over all of
 * them and portfolio by portfolio.
 *
 * @example measureBorrowingStrength(1, 300, 1).overall.common // { pcts: 268, pooled: 0.13, alone: 0.15 }, say
 */
export function measureBorrowingStrength(portfolios: number, size: number, seed: number): BorrowingStrengthRuns {
  const random = new Random(seed);
  const overall = new Tallies();
  const each: BorrowingStrength[] = [];
  for (let p = 0; p < portfolios; p++) {
    const own = new Tallies();
    const pcts = simulatePortfolio(size, random);
    const analysis = analysePortfolio(pcts, SIMULATION_OPTIONS);
    const rowOf = new Map(analysis.rows.map((row) => [row.pct, row]));
    let meeting = 0;
    for (const pct of pcts) {
      const row = rowOf.get(pct.name)!;
      const pooled = { chance: row.chanceOfTarget, lower: row.lowerAtTargetDate, upper: row.upperAtTargetDate };
      const single = alone(pct, SIMULATION_OPTIONS.confidence);
      const met = pct.atTarget >= row.targetGPs ? 1 : 0;
      meeting += met;
      for (const tallies of [own, overall]) {
        tallies.pooled.add(pct, pooled);
        tallies.alone.add(pct, single);
        if (single.chance !== null && pooled.chance !== null) {
          tallies.common.pcts += 1;
          tallies.common.pooled += (pooled.chance - met) ** 2;
          tallies.common.alone += (single.chance - met) ** 2;
        }
      }
    }
    const held = meeting >= analysis.totals.meetingTargetLower && meeting <= analysis.totals.meetingTargetUpper ? 1 : 0;
    for (const tallies of [own, overall]) {
      tallies.rangeHeld += held;
      tallies.portfolios += 1;
    }
    each.push(own.result());
  }
  return { overall: overall.result(), each };
}
