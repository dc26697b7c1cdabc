/**
 * Simulated portfolios of PCTs whose adoption curves vary around a common pattern, to measure
 * whether pooling the PCTs' fits (src/model/portfolio) gives honest chances and bounds, and
 * whether it beats fitting each PCT alone with CHANCE.
 *
 * The design (one portfolio; `simulatePortfolio`):
 * - a national timeline from 30 Sep 2004 (month 0); the deadline 30 Jun 2005, the later target
 *   80% of each PCT's GPs by 31 Mar 2006 (month 18, day 548);
 * - each PCT: 40 to 300 GPs (log-uniform), a practice per 4.5 GPs; a logistic share curve with
 *   rate r = 0.35·e^{0.25·z} a month and midpoint c = 14 + 2.5·z′ months (z, z′ standard normal),
 *   so that about half the PCTs meet the target;
 * - registrations month by month from month −36, each month's new ones drawn negative binomial
 *   (variance mean + mean²/size, size 5 to 50 log-uniform per PCT), never passing the GPs;
 * - each PCT starts counting at month 1 to 6 and is observed for 3 to 12 months (uniform), so
 *   its latest count is at month 17 at the latest;
 * - the truth: its count at month 18.
 */
import { isoToExcelSerial } from "../../src/data/dates";
import { DAYS_PER_MONTH } from "../../src/model/portfolio/pctFigures";
import type { PortfolioInputPct, PortfolioOptions } from "../../src/model/portfolio/analysis";
import { Random } from "./random";

/** The national timeline's month 0. */
export const NATIONAL_START = isoToExcelSerial("2004-09-30");
/** The month of the later target. */
export const TARGET_MONTH = 18;

/** The options the simulated portfolios are analysed with. */
export const SIMULATION_OPTIONS: PortfolioOptions = {
  threshold: 0.3,
  payment: 6000,
  deadline: isoToExcelSerial("2005-06-30"),
  targetShare: 0.8,
  targetDate: dateOfMonth(TARGET_MONTH),
  model: "logistic",
  confidence: 0.8,
};

/** A simulated PCT: its counts, and its count at the target date. */
export interface SimulatedPct extends PortfolioInputPct {
  /** The count at the target date. */
  readonly atTarget: number;
}

/** The date of national month `month`: whole days from the start. */
export function dateOfMonth(month: number): number {
  return NATIONAL_START + Math.round(month * DAYS_PER_MONTH);
}

/**
 * One simulated portfolio of `size` PCTs (see the file's comment).
 *
 * @example simulatePortfolio(300, new Random(1))[0].counts.length // 3 to 12
 */
export function simulatePortfolio(size: number, random: Random): SimulatedPct[] {
  return Array.from({ length: size }, (_, index) => {
    const gps = Math.round(random.logBetween(40, 300));
    const rate = 0.35 * Math.exp(0.25 * random.normal());
    const midpoint = 14 + 2.5 * random.normal();
    const noiseSize = random.logBetween(5, 50);
    const first = 1 + Math.floor(random.uniform() * 6);
    const observed = 3 + Math.floor(random.uniform() * 10);
    const share = (month: number): number => 1 / (1 + Math.exp(-rate * (month - midpoint)));
    const countAt = new Map<number, number>();
    let total = 0;
    for (let month = -36; month <= TARGET_MONTH; month++) {
      const expected = gps * (share(month) - share(month - 1));
      total += Math.min(random.negativeBinomial(expected, noiseSize), gps - total);
      countAt.set(month, total);
    }
    const counts = Array.from({ length: observed }, (_, i) => ({ date: dateOfMonth(first + i), registered: countAt.get(first + i)! }));
    return { name: `PCT ${index + 1}`, gps, practices: Math.max(1, Math.round(gps / 4.5)), counts, atTarget: countAt.get(TARGET_MONTH)! };
  });
}
