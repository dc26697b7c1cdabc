/**
 * A PCT's figures that need no fit, exactly as the PCT adoption model computes them (its outputs
 * of the same names): the incentive judged on the last count on or before the deadline, the
 * shortfall, the GPs the later target takes and the GPs a month it needs.
 */
import { incentive } from "../incentive";
import { unitDays } from "../periods";
import { shortfall } from "../threshold";

/** Days in the average month, as PERIODS and the model count months. */
export const DAYS_PER_MONTH = unitDays("month");

/** The scheme and the later target, as the PCT model's inputs of the same names. */
export interface PortfolioScheme {
  /** Share of a PCT's GPs to register by the deadline (Threshold). */
  readonly threshold: number;
  /** Pounds per practice (PaymentPerPractice). */
  readonly payment: number;
  /** Excel date serial (Deadline). */
  readonly deadline: number;
  /** The later target's share (TargetShare) and date (TargetDate, a serial). */
  readonly targetShare: number;
  readonly targetDate: number;
}

/** A PCT's size and dated counts, oldest first. */
export interface PctCounts {
  readonly gps: number;
  readonly practices: number;
  readonly counts: readonly { readonly date: number; readonly registered: number }[];
}

/** The PCT model's deterministic outputs for one PCT; null where the model shows #N/A. */
export interface PctFigures {
  /** LatestDate and LatestCount: the last dated count. */
  readonly latestDate: number | null;
  readonly latestCount: number | null;
  /** RegisteredAtDeadline: the last count dated on or before the deadline. */
  readonly registeredAtDeadline: number | null;
  /** ShareAtDeadline = RegisteredAtDeadline / GPs. */
  readonly shareAtDeadline: number | null;
  /** IncentivePayable: practices × payment if the share reaches the threshold (INCENTIVE's test), else 0. */
  readonly incentivePayable: number | null;
  /** ShortfallAtDeadline: whole GPs short of the threshold (SHORTFALL). */
  readonly shortfallAtDeadline: number | null;
  /** TargetGPs: whole GPs the target share takes (SHORTFALL from none). */
  readonly targetGPs: number;
  /**
   * NeededPerMonth: (TargetGPs − LatestCount) / months from LatestDate to TargetDate (a month of
   * 365.25/12 days); 0 if already met; null if TargetDate is not after LatestDate and it is not.
   */
  readonly neededPerMonth: number | null;
}

/**
 * The PCT model's deterministic outputs for one PCT's counts.
 *
 * @example pctFigures({ gps: 150, practices: 40, counts: [{ date: 38533, registered: 45 }] }, { threshold: 0.3, payment: 6000, deadline: 38533, targetShare: 0.8, targetDate: 38807 })
 *   // { registeredAtDeadline: 45, shareAtDeadline: 0.3, incentivePayable: 240000, shortfallAtDeadline: 0, targetGPs: 120, neededPerMonth: 8.33…, … }
 */
export function pctFigures(pct: PctCounts, scheme: PortfolioScheme): PctFigures {
  const { counts, gps } = pct;
  const latest = counts.length === 0 ? null : counts[counts.length - 1];
  let atDeadline: number | null = null;
  for (const count of counts) if (count.date <= scheme.deadline) atDeadline = count.registered;
  const targetGPs = shortfall(0, gps, scheme.targetShare);
  let neededPerMonth: number | null = null;
  if (latest) {
    const months = (scheme.targetDate - latest.date) / DAYS_PER_MONTH;
    if (latest.registered >= targetGPs) neededPerMonth = 0;
    else if (months > 0) neededPerMonth = (targetGPs - latest.registered) / months;
  }
  return {
    latestDate: latest?.date ?? null,
    latestCount: latest?.registered ?? null,
    registeredAtDeadline: atDeadline,
    shareAtDeadline: atDeadline === null ? null : atDeadline / gps,
    incentivePayable: atDeadline === null ? null : incentive(pct.practices, atDeadline, gps, scheme.threshold, scheme.payment),
    shortfallAtDeadline: atDeadline === null ? null : shortfall(atDeadline, gps, scheme.threshold),
    targetGPs,
    neededPerMonth,
  };
}
