/**
 * The deterministic figures at their edges, worked out by hand: the nine-decimal tolerance of
 * INCENTIVE and SHORTFALL, a count on the deadline, none before it, a target already met, a
 * target date not after the latest count.
 */
import { describe, expect, it } from "vitest";
import { PORTFOLIO_DEFAULTS } from "../../../src/data/portfolioOptions";
import { pctFigures } from "../../../src/model/portfolio/pctFigures";

const DEADLINE = 38533; // 30 Jun 2005
const scheme = { ...PORTFOLIO_DEFAULTS };

describe("pctFigures", () => {
  it("counts 55 of 100 at 55% as reached, though 0.55 × 100 is 55.00000000000001 in binary", () => {
    const figures = pctFigures({ gps: 100, practices: 10, counts: [{ date: DEADLINE, registered: 55 }] }, { ...scheme, threshold: 0.55 });
    expect([figures.shortfallAtDeadline, figures.incentivePayable]).toEqual([0, 60_000]);
  });

  it("judges the incentive on the last count on or before the deadline, not a later one", () => {
    const counts = [
      { date: DEADLINE - 1, registered: 44 },
      { date: DEADLINE + 1, registered: 60 },
    ];
    const figures = pctFigures({ gps: 150, practices: 40, counts }, scheme);
    expect([figures.registeredAtDeadline, figures.shortfallAtDeadline, figures.incentivePayable]).toEqual([44, 1, 0]);
  });

  it("has no judgement without a count on or before the deadline, and needs nothing a month once the target is met", () => {
    const figures = pctFigures({ gps: 10, practices: 2, counts: [{ date: DEADLINE + 1, registered: 9 }] }, scheme);
    expect([figures.registeredAtDeadline, figures.shareAtDeadline, figures.incentivePayable, figures.shortfallAtDeadline]).toEqual([null, null, null, null]);
    expect([figures.targetGPs, figures.neededPerMonth]).toEqual([8, 0]);
  });

  it("gives no GPs a month when the target date is not after the latest count and the target is not met", () => {
    const figures = pctFigures({ gps: 150, practices: 40, counts: [{ date: scheme.targetDate, registered: 100 }] }, scheme);
    expect(figures.neededPerMonth).toBeNull();
  });

  it("has no latest count for a PCT whose rows give only its totals", () => {
    const figures = pctFigures({ gps: 150, practices: 40, counts: [] }, scheme);
    expect([figures.latestDate, figures.latestCount, figures.registeredAtDeadline, figures.neededPerMonth, figures.targetGPs]).toEqual([null, null, null, null, 120]);
  });
});
