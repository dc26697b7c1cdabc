/**
 * The one JSON object `npm run portfolio -- --json` prints, in the spec's shape:
 *
 *   {"pcts": [{"pct", "gps", "practices", "latestDate", "latestCount", "registeredAtDeadline",
 *     "shareAtDeadline", "incentivePayable", "shortfallAtDeadline", "targetGPs", "neededPerMonth",
 *     "forecastAtTargetDate", "lowerAtTargetDate", "upperAtTargetDate", "chanceOfTarget",
 *     "dateTargetLikely", "problems": [text]}],
 *    "totals": {"pcts", "gps", "registered", "incentivePaid", "pctsPaid", "expectedMeetingTarget",
 *     "meetingTargetLower", "meetingTargetUpper", "gpsStillNeeded"}}
 *
 * The PCTs in the sheet's order (lowest chance first), dates as ISO text (2005-06-30), null
 * wherever the PCT model shows #N/A or there is no fit.
 */
import { excelSerialToIso } from "../src/data/dates";
import type { PortfolioAnalysis, PortfolioRow, PortfolioTotals } from "../src/model/portfolio/analysis";

type JsonNumber = number | null;

export interface PortfolioPctJson {
  readonly pct: string;
  readonly gps: number;
  readonly practices: number;
  readonly latestDate: string | null;
  readonly latestCount: JsonNumber;
  readonly registeredAtDeadline: JsonNumber;
  readonly shareAtDeadline: JsonNumber;
  readonly incentivePayable: JsonNumber;
  readonly shortfallAtDeadline: JsonNumber;
  readonly targetGPs: number;
  readonly neededPerMonth: JsonNumber;
  readonly forecastAtTargetDate: JsonNumber;
  readonly lowerAtTargetDate: JsonNumber;
  readonly upperAtTargetDate: JsonNumber;
  readonly chanceOfTarget: JsonNumber;
  readonly dateTargetLikely: string | null;
  readonly problems: readonly string[];
}

export interface PortfolioJson {
  readonly pcts: readonly PortfolioPctJson[];
  readonly totals: PortfolioTotals;
}

const isoOrNull = (serial: number | null): string | null => (serial === null ? null : excelSerialToIso(serial));

/** One PCT's row as JSON. */
function rowJson(row: PortfolioRow): PortfolioPctJson {
  return {
    pct: row.pct,
    gps: row.gps,
    practices: row.practices,
    latestDate: isoOrNull(row.latestDate),
    latestCount: row.latestCount,
    registeredAtDeadline: row.registeredAtDeadline,
    shareAtDeadline: row.shareAtDeadline,
    incentivePayable: row.incentivePayable,
    shortfallAtDeadline: row.shortfallAtDeadline,
    targetGPs: row.targetGPs,
    neededPerMonth: row.neededPerMonth,
    forecastAtTargetDate: row.forecastAtTargetDate,
    lowerAtTargetDate: row.lowerAtTargetDate,
    upperAtTargetDate: row.upperAtTargetDate,
    chanceOfTarget: row.chanceOfTarget,
    dateTargetLikely: isoOrNull(row.dateTargetLikely),
    problems: row.problems,
  };
}

/**
 * The analysis as the JSON object.
 *
 * @example portfolioJson(analysis).totals.pctsPaid // 19
 */
export function portfolioJson(analysis: PortfolioAnalysis): PortfolioJson {
  const { totals } = analysis;
  return {
    pcts: analysis.rows.map(rowJson),
    totals: {
      pcts: totals.pcts,
      gps: totals.gps,
      registered: totals.registered,
      incentivePaid: totals.incentivePaid,
      pctsPaid: totals.pctsPaid,
      expectedMeetingTarget: totals.expectedMeetingTarget,
      meetingTargetLower: totals.meetingTargetLower,
      meetingTargetUpper: totals.meetingTargetUpper,
      gpsStillNeeded: totals.gpsStillNeeded,
    },
  };
}
