/**
 * The outlook the portable model carries as values is what the add-in's functions compute: the
 * fitted curve and bounds (FORECAST), the chance (CHANCE) and the time the target is reached
 * (REACH), each compared with the BUILT functions called on the same counts.
 */
import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/model/errors";
import { pctOutlook, type OutlookRequest } from "../../src/model/outlook";
import type { ModelChoice } from "../../src/model/compare";
import { builtCrsFunctions } from "../workbook/formula/crsFunctions";
import { formulaValue } from "../workbook/formula/formulaHarness";

const times = [0, 1, 2, 3, 3.9, 5, 5.9, 7, 8, 9];
const counts = [4, 5, 9, 12, 17, 21, 28, 34, 43, 52];

/** A formula of the add-in over the counts above (times in A1:A10, counts in B1:B10). */
function crs(formula: string): unknown {
  return formulaValue(formula, {
    inputs: times.map((time, index) => [time, counts[index]]),
    names: { Times: "A1:A10", Counts: "B1:B10" },
    functions: builtCrsFunctions(),
  });
}

function request(model: ModelChoice): OutlookRequest {
  return { model, times, counts, market: 150, confidence: 0.8, target: 120, targetTime: 17, timelineTimes: [0, 4.5, 9, 12, 24] };
}

describe("pctOutlook", () => {
  it.each(["logistic", "gompertz", "auto"] as const)("gives FORECAST's forecast, bounds and curve, CHANCE and REACH (%s)", (model) => {
    const outlook = pctOutlook(request(model));
    expect(outlook.failure).toBeNull();
    const close = (actual: unknown, expected: unknown): void => {
      expect(typeof actual).toBe("number");
      expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected as number)));
    };
    [...request(model).timelineTimes, 17].forEach((time, index) => {
      const point = index < outlook.timeline.length ? outlook.timeline[index] : outlook.atTarget;
      const forecast = (column: number): unknown => crs(`=INDEX(CRS.FORECAST("${model}",Times,Counts,${time},150,0.8),2,${column})`);
      close(point.forecast, forecast(2));
      close(point.lower, forecast(3));
      close(point.upper, forecast(4));
      close(point.fitted, forecast(5));
    });
    close(outlook.chance, crs(`=CRS.CHANCE("${model}",Times,Counts,120,17,150)`));
    close(outlook.reachTime, crs(`=CRS.REACH("${model}",Times,Counts,120,150)`));
    expect(outlook.fittedModel).toEqual(model === "auto" ? expect.stringMatching(/^(bass|logistic|gompertz)$/) : model);
  });

  it("gives the fit's error everywhere when there is no fit", () => {
    const outlook = pctOutlook({ ...request("logistic"), times: [0, 1], counts: [4, 4] });
    expect(outlook.failure).toBeInstanceOf(ModelError);
    expect(outlook.fittedModel).toBeNull();
    for (const value of [outlook.chance, outlook.reachTime, outlook.atTarget.fitted, ...outlook.timeline.flatMap((point) => [point.forecast, point.fitted, point.lower, point.upper])]) {
      expect(value).toBe(outlook.failure);
    }
  });

  it("gives #N/A's reason where the curve never reaches the target, as REACH does", () => {
    const outlook = pctOutlook({ ...request("logistic"), target: 150 });
    expect(outlook.reachTime).toBeInstanceOf(ModelError);
    expect((outlook.reachTime as ModelError).kind).toBe("na");
    expect(crs(`=CRS.REACH("logistic",Times,Counts,150,150)`)).toEqual({ error: "#N/A" });
  });
});
