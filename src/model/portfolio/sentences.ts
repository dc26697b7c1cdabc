/**
 * What a portfolio means, in the plain sentences the sheet puts above its table and the command
 * prints: who is likely to miss the later target, what the incentive paid, how many PCTs are
 * expected to meet the target and with what range, and where to send help first.
 */
import { describeDate } from "../../data/textValues";
import { formatCount, groupThousands } from "../format";
import type { PortfolioAnalysis, PortfolioOptions } from "./analysis";

/** The PCTs named as the least likely to meet the target. */
const NAMED = 3;

/**
 * Pounds as a sentence says them: £1.4m from a million up, else whole pounds with separators.
 *
 * @example pounds(1_434_000) // "£1.4m"
 * @example pounds(240_000) // "£240,000"
 */
export function pounds(value: number): string {
  if (Math.abs(value) >= 1e6) return `£${(value / 1e6).toFixed(1).replace(/\.0$/, "")}m`;
  return `£${groupThousands(String(Math.round(value)))}`;
}

/** A share as a whole percentage: "80%". */
function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The portfolio's sentences:
 * 1. "11 of 30 PCTs are likely to miss 80% by 31 Mar 2006 (a chance below 50%); the incentive paid was £1.4m to 19 PCTs."
 * 2. "17.3 PCTs are expected to meet it (80% range: 15 to 20 PCTs); 2,345 GPs are still to register."
 * 3. "Least likely: Ashfield (3%), Bolton (8%), Carlisle (12%)."
 * A PCT without a chance (too few counts to fit) is said apart: "2 PCTs have too few counts to say."
 *
 * @example portfolioSentences(analysis, options)[0] // "11 of 30 PCTs are likely to miss 80% by 31 Mar 2006 …"
 */
export function portfolioSentences(analysis: PortfolioAnalysis, options: PortfolioOptions): string[] {
  const { rows, totals } = analysis;
  const withChance = rows.filter((row) => row.chanceOfTarget !== null);
  const missing = withChance.filter((row) => row.chanceOfTarget! < 0.5).length;
  const target = `${percent(options.targetShare)} by ${describeDate(options.targetDate)}`;
  const paid = `the incentive paid was ${pounds(totals.incentivePaid)} to ${totals.pctsPaid} PCT${totals.pctsPaid === 1 ? "" : "s"}`;
  const sentences = [
    `${missing} of ${totals.pcts} PCTs ${missing === 1 ? "is" : "are"} likely to miss ${target} (a chance below 50%); ${paid}.`,
    `${formatCount(Number(totals.expectedMeetingTarget.toFixed(1)))} PCTs are expected to meet it (${percent(options.confidence)} range: ${totals.meetingTargetLower} to ${totals.meetingTargetUpper} PCTs); ${groupThousands(String(totals.gpsStillNeeded))} GPs are still to register.`,
  ];
  const unknown = totals.pcts - withChance.length;
  if (unknown > 0) sentences.push(`${unknown} PCT${unknown === 1 ? " has" : "s have"} too few usable counts to say: see their problems.`);
  const least = withChance.filter((row) => row.chanceOfTarget! < 0.5).slice(0, NAMED);
  if (least.length > 0) sentences.push(`Least likely: ${least.map((row) => `${row.pct} (${percent(row.chanceOfTarget!)})`).join(", ")}.`);
  return sentences;
}
