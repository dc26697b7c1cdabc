/**
 * A portfolio's figures against values worked out by hand (test/fixtures/portfolio/handworked.csv,
 * the defaults: 30% of GPs by 30 Jun 2005 at £6,000 a practice; 80% by 31 Mar 2006; months of
 * 365.25/12 days), and its totals against the rows and an enumeration of every outcome.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PORTFOLIO_DEFAULTS } from "../../../src/data/portfolioOptions";
import { readPortfolioCsv } from "../../../src/data/seriesCsv";
import { analysePortfolio, type PortfolioRow } from "../../../src/model/portfolio/analysis";
import { enumeratedOutcomes, quantileOf } from "./outcomes";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "portfolio");
const portfolio = readPortfolioCsv(readFileSync(join(FIXTURES, "handworked.csv"), "utf8"));
const analysis = analysePortfolio(portfolio.pcts, PORTFOLIO_DEFAULTS);
const row = (name: string): PortfolioRow => analysis.rows.find((one) => one.pct === name)!;

/** 31 Jul 2005 and 15 Aug 2005 as Excel serials (days since 30 Dec 1899). */
const JUL_31 = 38564;
const AUG_15 = 38579;

describe("each PCT's figures as the PCT model computes them", () => {
  it.each([
    // pct, gps, practices, latestDate, latestCount, atDeadline, share, incentive, shortfall, targetGPs, neededPerMonth
    // Ashcombe: a count on the deadline, 45 of 150 = 30% exactly: paid 40 × £6,000; needs (120 − 52) / (243 days / 30.4375).
    ["Ashcombe", 150, 40, JUL_31, 52, 45, 0.3, 240_000, 0, 120, 68 / (243 / 30.4375)],
    // Bexley: its last count before the deadline is 29 on 15 Jun (29%): 1 GP short, nothing paid.
    ["Bexley", 100, 25, JUL_31, 41, 29, 0.29, 0, 1, 80, 39 / (243 / 30.4375)],
    // Crofton: no count on or before the deadline, so no judgement (the model's #N/A); 80% of 60 = 48.
    ["Crofton", 60, 14, AUG_15, 26, null, null, null, null, 48, 22 / (228 / 30.4375)],
    // Dalby: two counts; 5 of 20 at the deadline is 25%, 1 short (30% is 6).
    ["Dalby", 20, 6, JUL_31, 7, 5, 0.25, 0, 1, 16, 9 / (243 / 30.4375)],
    // Easton: 3 of 10 is 30%: paid 3 × £6,000.
    ["Easton", 10, 3, JUL_31, 5, 3, 0.3, 18_000, 0, 8, 3 / (243 / 30.4375)],
  ])("%s", (name, gps, practices, latestDate, latestCount, atDeadline, share, incentive, shortfall, targetGPs, needed) => {
    const figures = row(name);
    expect([figures.gps, figures.practices, figures.latestDate, figures.latestCount]).toEqual([gps, practices, latestDate, latestCount]);
    expect([figures.registeredAtDeadline, figures.incentivePayable, figures.shortfallAtDeadline, figures.targetGPs]).toEqual([atDeadline, incentive, shortfall, targetGPs]);
    if (share === null) expect(figures.shareAtDeadline).toBeNull();
    else expect(figures.shareAtDeadline).toBeCloseTo(share, 12);
    expect(figures.neededPerMonth).toBeCloseTo(needed, 12);
  });

  it("says in words why a PCT has no judgement or no forecast, and keeps it", () => {
    expect(row("Crofton").problems).toEqual([
      "No count is dated on or before the deadline (30 Jun 2005), so the incentive cannot be judged: add its count at the deadline.",
    ]);
    expect(row("Dalby").problems).toEqual(["Only 2 counts: a curve needs at least 3, so there is no forecast. Add its monthly counts."]);
    expect([row("Dalby").chanceOfTarget, row("Dalby").forecastAtTargetDate, row("Dalby").dateTargetLikely]).toEqual([null, null, null]);
    expect(row("Ashcombe").problems).toEqual([]);
  });

  it("forecasts every PCT with three counts or more: a median within whole-GP bounds, and a chance", () => {
    for (const name of ["Ashcombe", "Bexley", "Crofton", "Easton"]) {
      const { lowerAtTargetDate, forecastAtTargetDate, upperAtTargetDate, chanceOfTarget, latestCount, gps } = row(name);
      expect([lowerAtTargetDate, forecastAtTargetDate, upperAtTargetDate].every(Number.isInteger)).toBe(true);
      expect(latestCount!).toBeLessThanOrEqual(lowerAtTargetDate!);
      expect(lowerAtTargetDate!).toBeLessThanOrEqual(forecastAtTargetDate!);
      expect(forecastAtTargetDate!).toBeLessThanOrEqual(upperAtTargetDate!);
      expect(upperAtTargetDate!).toBeLessThanOrEqual(gps);
      expect(chanceOfTarget!).toBeGreaterThan(0);
      expect(chanceOfTarget!).toBeLessThan(1);
    }
  });

  it("lists the PCTs lowest chance first, those without a chance last", () => {
    const chances = analysis.rows.map((one) => one.chanceOfTarget);
    expect(chances.at(-1)).toBeNull();
    const known = chances.slice(0, -1) as number[];
    expect(known).toEqual([...known].sort((a, b) => a - b));
  });
});

describe("the totals", () => {
  it("add up the PCTs: 340 GPs, 131 registered, £258,000 paid to 2 PCTs, 141 GPs still needed", () => {
    const { totals } = analysis;
    expect([totals.pcts, totals.gps, totals.registered, totals.incentivePaid, totals.pctsPaid, totals.gpsStillNeeded]).toEqual([5, 340, 131, 258_000, 2, 141]);
  });

  it("expect the sum of the chances, with the range of the sum of the PCTs' outcomes (enumerated) shifted by the common pattern's uncertainty", () => {
    const chances = analysis.rows.flatMap((one) => (one.chanceOfTarget === null ? [] : [one.chanceOfTarget]));
    expect(chances).toHaveLength(4);
    expect(analysis.totals.expectedMeetingTarget).toBeCloseTo(chances.reduce((a, b) => a + b, 0), 12);
    const outcomes = enumeratedOutcomes(chances);
    // Plus a normal shift of sd s, rounded, by Simpson's rule on its density, kept within 0 to 4.
    const s = analysis.commonSpread;
    expect(s).toBeGreaterThan(0);
    const density = (x: number): number => Math.exp(-(x * x) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
    const between = (a: number, b: number): number => {
      const steps = 2000;
      const h = (b - a) / steps;
      let sum = density(a) + density(b);
      for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * density(a + i * h);
      return (sum * h) / 3;
    };
    const distribution = [0, 0, 0, 0, 0];
    outcomes.forEach((probability, j) => {
      for (let d = -40; d <= 40; d++) distribution[Math.min(Math.max(j + d, 0), 4)] += probability * between(d - 0.5, d + 0.5);
    });
    expect([analysis.totals.meetingTargetLower, analysis.totals.meetingTargetUpper]).toEqual([quantileOf(distribution, 0.1), quantileOf(distribution, 0.9)]);
  });
});

describe("a target date among a PCT's counts", () => {
  // 30% by 20 Jul 2005: Crofton's counts of 15 Jul (12) and 31 Jul (20) bracket it; Ashcombe reached 45 of 150 on 30 Jun.
  const early = analysePortfolio(portfolio.pcts, { ...PORTFOLIO_DEFAULTS, targetShare: 0.3, targetDate: 38553 });
  const rowOf = (name: string): PortfolioRow => early.rows.find((one) => one.pct === name)!;

  it("reads the count then from the counts around it", () => {
    const crofton = rowOf("Crofton");
    expect(crofton.targetGPs).toBe(18);
    expect(12).toBeLessThanOrEqual(crofton.lowerAtTargetDate!);
    expect(crofton.lowerAtTargetDate!).toBeLessThanOrEqual(crofton.forecastAtTargetDate!);
    expect(crofton.forecastAtTargetDate!).toBeLessThanOrEqual(crofton.upperAtTargetDate!);
    expect(crofton.upperAtTargetDate!).toBeLessThanOrEqual(20);
    expect(crofton.chanceOfTarget!).toBeGreaterThan(0);
    expect(crofton.chanceOfTarget!).toBeLessThan(1);
    expect(crofton.dateTargetLikely).toBe(38564); // 31 Jul 2005, the count that reached 18
  });

  it("is certain of a target a count on or before the date reached, dated by that count", () => {
    const ashcombe = rowOf("Ashcombe");
    expect([ashcombe.chanceOfTarget, ashcombe.dateTargetLikely]).toEqual([1, 38533]);
  });
});

describe("counts that run past the target date short of the target", () => {
  // 60% by 20 Jul 2005: Crofton (36 of 60) counts 20 on 31 Jul and 26 on 15 Aug, still short.
  const late = analysePortfolio(portfolio.pcts, { ...PORTFOLIO_DEFAULTS, targetShare: 0.6, targetDate: 38553 });
  const crofton = late.rows.find((one) => one.pct === "Crofton")!;

  it("date the target from the forecast after the latest count, not never", () => {
    expect(crofton.targetGPs).toBe(36);
    expect(crofton.chanceOfTarget).toBe(0);
    expect(crofton.dateTargetLikely).not.toBeNull();
    expect(crofton.dateTargetLikely!).toBeGreaterThan(AUG_15);
  });
});
