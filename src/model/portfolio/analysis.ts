/**
 * Many PCTs at once: each PCT's figures (those of the PCT adoption model) from one pooled fit, and
 * the totals a health authority or the national programme reads: what the incentive paid, how
 * many PCTs will meet the later target and with what range, the GPs still needed.
 */
import { describeDate } from "../../data/textValues";
import { formatCount } from "../format";
import { DAYS_PER_MONTH, pctFigures, type PctCounts, type PctFigures, type PortfolioScheme } from "./pctFigures";
import { PctPredictive, wholeBounds } from "./pctPredictive";
import { successRange } from "./poissonBinomial";
import { fitPooled, inverse2, type CurveDistribution, type PooledFit, type PooledSeries } from "./pooledFit";
import { SHARE_CURVES } from "./shareCurves";

/** The curves a portfolio is fitted with: one of the two, or the one the counts favour. */
export type PortfolioModel = "logistic" | "gompertz" | "auto";

/** The fewest counts a PCT's curve is fitted to (as the PCT model's check). */
export const MIN_FITTED_COUNTS = 3;

/** What to compute: the scheme and target, the curve and the confidence of the bounds and range. */
export interface PortfolioOptions extends PortfolioScheme {
  readonly model: PortfolioModel;
  /** Between 0 and 1 (0.8 for 80%). */
  readonly confidence: number;
}

/** A PCT as the analysis takes it: its name, size and counts, oldest first. */
export interface PortfolioInputPct extends PctCounts {
  readonly name: string;
}

/** A PCT's row: the model's deterministic figures, then the fitted ones (null where there is no fit). */
export interface PortfolioRow extends PctFigures {
  readonly pct: string;
  readonly gps: number;
  readonly practices: number;
  /** The median of the count at TargetDate, and its whole-GP bounds at the confidence. */
  readonly forecastAtTargetDate: number | null;
  readonly lowerAtTargetDate: number | null;
  readonly upperAtTargetDate: number | null;
  /** P(count at TargetDate ≥ TargetGPs). */
  readonly chanceOfTarget: number | null;
  /**
   * The date (an Excel serial) the count is as likely as not to have reached TargetGPs: the date
   * of the count that reached it, when one has; null if not within 50 years.
   */
  readonly dateTargetLikely: number | null;
  /** The PCT's own curve (its posterior mode): rate a month and midpoint date; null if not fitted. */
  readonly curve: { readonly rate: number; readonly midpoint: number } | null;
  /** What is wrong with its counts or why it has no fit, in words; empty when all is well. */
  readonly problems: readonly string[];
}

/** The portfolio's totals. */
export interface PortfolioTotals {
  readonly pcts: number;
  readonly gps: number;
  /** The sum of the latest counts. */
  readonly registered: number;
  readonly incentivePaid: number;
  readonly pctsPaid: number;
  /** The sum of the chances of the target (over the PCTs that have one). */
  readonly expectedMeetingTarget: number;
  /**
   * The range of the number meeting it at the confidence: the Poisson binomial distribution of
   * the sum of the PCTs' outcomes, widened by the uncertainty of the common pattern they share.
   */
  readonly meetingTargetLower: number;
  readonly meetingTargetUpper: number;
  /** Σ max(0, TargetGPs − latest count). */
  readonly gpsStillNeeded: number;
}

/** The common pattern the pooled fit found. */
export interface PortfolioFit {
  readonly model: "logistic" | "gompertz";
  /** PCTs fitted. */
  readonly pcts: number;
  /** The population's typical rate a month (e^μ₁) and midpoint date (μ₂ as a date). */
  readonly rate: number;
  readonly midpoint: number;
}

export interface PortfolioAnalysis {
  /** One row per PCT, lowest chance first (those without a chance last, by name). */
  readonly rows: readonly PortfolioRow[];
  readonly totals: PortfolioTotals;
  /** The pooled fit, or null when no PCT could be fitted. */
  readonly fit: PortfolioFit | null;
  /** The standard deviation, in PCTs, of the shift the common pattern's own uncertainty gives the number meeting the target (see `CommonShift`). */
  readonly commonSpread: number;
}

/** Why a PCT's counts cannot be fitted, or what is doubtful about them, in words. */
function countProblems(pct: PortfolioInputPct, scheme: PortfolioScheme, figures: PctFigures): { fittable: boolean; problems: string[] } {
  const problems: string[] = [];
  let fittable = true;
  const n = pct.counts.length;
  if (n < MIN_FITTED_COUNTS) {
    fittable = false;
    problems.push(`${n === 0 ? "No counts" : `Only ${n} count${n === 1 ? "" : "s"}`}: a curve needs at least ${MIN_FITTED_COUNTS}, so there is no forecast. Add its monthly counts.`);
  }
  const above = pct.counts.find((count) => count.registered > pct.gps);
  if (above) {
    fittable = false;
    problems.push(`The count on ${describeDate(above.date)} (${formatCount(above.registered)}) is above its ${formatCount(pct.gps)} GPs, so there is no forecast: correct the count or the GPs.`);
  }
  const falling = pct.counts.findIndex((count, i) => i > 0 && count.registered < pct.counts[i - 1].registered);
  if (falling > 0) {
    const [before, after] = [pct.counts[falling - 1], pct.counts[falling]];
    problems.push(`The count on ${describeDate(after.date)} (${formatCount(after.registered)}) is lower than the one before (${formatCount(before.registered)} on ${describeDate(before.date)}): check it.`);
  }
  if (n > 0 && figures.registeredAtDeadline === null) {
    problems.push(`No count is dated on or before the deadline (${describeDate(scheme.deadline)}), so the incentive cannot be judged: add its count at the deadline.`);
  }
  return { fittable, problems };
}

/** The chance, bounds and date reached of a PCT whose counts run past the target date: read from the counts around it. */
interface LaterFigures {
  readonly forecast: number;
  readonly lower: number;
  readonly upper: number;
  readonly chance: number;
}

/**
 * The count at the target date when counts bracket it, y_b at t_b ≤ T < t_a with y_a: the
 * y_a − y_b registrations between them each fell by T with the share w = (S(T) − S(t_b))/(S(t_a) −
 * S(t_b)) of the PCT's fitted curve, so their number by T is binomial (the split of Poisson
 * registrations given their total).
 */
function bracketed(before: { month: number; count: number }, after: { month: number; count: number }, month: number, share: (t: number) => number, target: number, confidence: number): LaterFigures {
  const n = Math.max(Math.round(after.count - before.count), 0);
  const span = share(after.month) - share(before.month);
  const w = span > 0 ? Math.min(Math.max((share(month) - share(before.month)) / span, 0), 1) : (month - before.month) / (after.month - before.month);
  const cumulative: number[] = [];
  let logPmf = n * Math.log1p(-w);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logPmf += Math.log((n - k + 1) / k) + Math.log(w) - Math.log1p(-w);
    sum += w === 0 ? (k === 0 ? 1 : 0) : w === 1 ? (k === n ? 1 : 0) : Math.exp(logPmf);
    cumulative.push(Math.min(sum, 1));
  }
  const floor = Math.ceil(before.count - 1e-9);
  const cdf = (count: number): number => (count < floor ? 0 : count - floor >= n ? 1 : cumulative[count - floor]);
  const { lower, median, upper } = wholeBounds(cdf, floor, floor + n, confidence);
  const needed = Math.ceil(target - before.count);
  const chance = needed <= 0 ? 1 : needed > n ? 0 : 1 - cumulative[needed - 1];
  return { forecast: median, lower, upper, chance };
}

/** The pooled fit for the model asked for: "auto" fits both curves and keeps the one with the higher evidence (Laplace's marginal likelihood). */
function fitModel(model: PortfolioModel, series: readonly PooledSeries[]): PooledFit {
  if (model !== "auto") return fitPooled(SHARE_CURVES[model], series);
  const logistic = fitPooled(SHARE_CURVES.logistic, series);
  const gompertz = fitPooled(SHARE_CURVES.gompertz, series);
  return gompertz.logEvidence > logistic.logEvidence ? gompertz : logistic;
}

/**
 * Analyses a portfolio: every PCT's deterministic figures, one pooled fit of the PCTs whose counts
 * allow it (national months since the portfolio's earliest count), each fitted PCT's forecast,
 * bounds, chance and date at the target, and the totals.
 *
 * @example analysePortfolio(pcts, { threshold: 0.3, payment: 6000, deadline: 38533, targetShare: 0.8, targetDate: 38807, model: "logistic", confidence: 0.8 }).totals.expectedMeetingTarget
 */
export function analysePortfolio(pcts: readonly PortfolioInputPct[], options: PortfolioOptions): PortfolioAnalysis {
  let origin = Infinity;
  for (const pct of pcts) if (pct.counts.length > 0) origin = Math.min(origin, pct.counts[0].date);
  const monthOf = (date: number): number => (date - origin) / DAYS_PER_MONTH;
  const targetMonth = monthOf(options.targetDate);
  const prepared = pcts.map((pct) => {
    const figures = pctFigures(pct, options);
    return { pct, figures, ...countProblems(pct, options, figures) };
  });
  const fitted = prepared.filter((entry) => entry.fittable);
  const series: PooledSeries[] = fitted.map(({ pct }) => ({ gps: pct.gps, months: pct.counts.map((count) => monthOf(count.date)), counts: pct.counts.map((count) => count.registered) }));
  const fit = fitted.length > 0 ? fitModel(options.model, series) : null;
  const posteriorOf = new Map(fitted.map((entry, i) => [entry.pct, i]));
  const common = new CommonShift(fit);

  const rows: PortfolioRow[] = prepared.map(({ pct, figures, problems }) => {
    const index = posteriorOf.get(pct);
    const base = { pct: pct.name, gps: pct.gps, practices: pct.practices, ...figures, problems };
    const reachedBy = pct.counts.find((count) => count.registered >= figures.targetGPs)?.date ?? null;
    const latest = figures.latestCount ?? 0;
    const unfitted = {
      ...base,
      forecastAtTargetDate: null,
      lowerAtTargetDate: null,
      upperAtTargetDate: null,
      // A count on or before the target date that already reached it settles the question.
      chanceOfTarget: reachedBy !== null && reachedBy <= options.targetDate ? 1 : null,
      dateTargetLikely: reachedBy,
      curve: null,
    };
    if (index === undefined || !fit) return unfitted;
    const posterior = fit.posteriors[index];
    const share = (month: number): number => fit.curve.share(month, posterior.mean[0], posterior.mean[1]);
    const curve = { rate: Math.exp(posterior.mean[0]), midpoint: origin + posterior.mean[1] * DAYS_PER_MONTH };
    const confidence = options.confidence;
    const months = series[index].months;
    const counts = series[index].counts;
    const input = { curve: fit.curve, noise: fit.noise, posterior, gps: pct.gps, latestMonth: months[months.length - 1], latestCount: latest };
    const predictive = new PctPredictive(input);
    // The date the target is as likely as not reached: the count that reached it, or else the
    // forecast from the latest count on (also where the counts run past the target date short of it).
    const likelyDate = (): number | null => {
      if (reachedBy !== null) return reachedBy;
      const month = predictive.monthReached(figures.targetGPs, DAYS_PER_MONTH);
      return month === null ? null : Math.ceil(origin + month * DAYS_PER_MONTH - 1e-9);
    };
    const after = months.findIndex((month) => month > targetMonth);
    if (after >= 0) {
      // Counts run past the target date: the count then lies between those around it.
      const before = after === 0 ? { month: -Infinity, count: 0 } : { month: months[after - 1], count: counts[after - 1] };
      const later = bracketed(before, { month: months[after], count: counts[after] }, targetMonth, (month) => (month === -Infinity ? 0 : share(month)), figures.targetGPs, confidence);
      return { ...base, forecastAtTargetDate: later.forecast, lowerAtTargetDate: later.lower, upperAtTargetDate: later.upper, chanceOfTarget: later.chance, dateTargetLikely: likelyDate(), curve };
    }
    const chanceOfTarget = predictive.chance(figures.targetGPs, targetMonth);
    common.add(chanceOfTarget, posterior, (mean) => new PctPredictive({ ...input, posterior: { ...posterior, mean } }).chance(figures.targetGPs, targetMonth));
    const { lower, median: forecast, upper } = predictive.bounds(targetMonth, confidence);
    const dateTargetLikely = likelyDate();
    return {
      ...base,
      forecastAtTargetDate: forecast,
      lowerAtTargetDate: lower,
      upperAtTargetDate: upper,
      chanceOfTarget,
      dateTargetLikely,
      curve,
    };
  });
  rows.sort((a, b) => {
    if (a.chanceOfTarget === null || b.chanceOfTarget === null) return (a.chanceOfTarget === null ? 1 : 0) - (b.chanceOfTarget === null ? 1 : 0) || a.pct.localeCompare(b.pct);
    return a.chanceOfTarget - b.chanceOfTarget || a.pct.localeCompare(b.pct);
  });
  const commonSpread = common.spread();
  return { rows, totals: totalsOf(rows, options.confidence, commonSpread), fit: fit && describeFit(fit, fitted.length, origin), commonSpread };
}

/**
 * How far the number of PCTs expected to meet the target may be off together, because the common
 * pattern every PCT borrows from is itself estimated: its mean μ̂ has covariance V (the pooled
 * fit's `meanCovariance`); a PCT's curve moves with it by ∂û_i/∂μ = A_i⁻¹Σ⁻¹ (its posterior
 * covariance times the population's precision), and its chance by ∇p_i (by forward differences
 * of a hundredth in ln r and a tenth of a month). The expected number moves by g·δμ with
 * g = Σ_i ∇p_iᵀA_i⁻¹Σ⁻¹, of standard deviation √(g V gᵀ).
 */
class CommonShift {
  private readonly gradient = [0, 0];
  private readonly precision: readonly [number, number, number] | null;

  constructor(private readonly fit: PooledFit | null) {
    this.precision = fit && inverse2(fit.population.covariance);
  }

  /** Adds a PCT whose chance is `chance` at its posterior, `chanceAt` at another posterior mean. */
  add(chance: number, posterior: CurveDistribution, chanceAt: (mean: [number, number]) => number): void {
    if (!this.precision) return;
    const [m0, m1] = posterior.mean;
    const slope = [(chanceAt([m0 + 0.01, m1]) - chance) / 0.01, (chanceAt([m0, m1 + 0.1]) - chance) / 0.1];
    // ∇pᵀ·A⁻¹·P, A⁻¹ the posterior covariance, P the population's precision (both symmetric).
    const [c11, c12, c22] = posterior.covariance;
    const [p11, p12, p22] = this.precision;
    const row = [slope[0] * c11 + slope[1] * c12, slope[0] * c12 + slope[1] * c22];
    this.gradient[0] += row[0] * p11 + row[1] * p12;
    this.gradient[1] += row[0] * p12 + row[1] * p22;
  }

  /** √(g V gᵀ), in PCTs. */
  spread(): number {
    if (!this.fit) return 0;
    const [v11, v12, v22] = this.fit.meanCovariance;
    const [g0, g1] = this.gradient;
    return Math.sqrt(Math.max(g0 * g0 * v11 + 2 * g0 * g1 * v12 + g1 * g1 * v22, 0));
  }
}

/** The totals of the rows. */
function totalsOf(rows: readonly PortfolioRow[], confidence: number, commonSpread: number): PortfolioTotals {
  const chances = rows.flatMap((row) => (row.chanceOfTarget === null ? [] : [row.chanceOfTarget]));
  const range = successRange(chances, confidence, commonSpread);
  const sum = (value: (row: PortfolioRow) => number): number => rows.reduce((total, row) => total + value(row), 0);
  return {
    pcts: rows.length,
    gps: sum((row) => row.gps),
    registered: sum((row) => row.latestCount ?? 0),
    incentivePaid: sum((row) => row.incentivePayable ?? 0),
    pctsPaid: rows.filter((row) => (row.incentivePayable ?? 0) > 0).length,
    expectedMeetingTarget: chances.reduce((total, chance) => total + chance, 0),
    meetingTargetLower: range.lower,
    meetingTargetUpper: range.upper,
    gpsStillNeeded: sum((row) => Math.max(row.targetGPs - (row.latestCount ?? 0), 0)),
  };
}

/** The pooled fit in the terms a sheet shows. */
function describeFit(fit: PooledFit, pcts: number, origin: number): PortfolioFit {
  const { mean } = fit.population;
  return { model: fit.curve.name, pcts, rate: Math.exp(mean[0]), midpoint: origin + mean[1] * DAYS_PER_MONTH };
}
