import { describe, expect, it } from "vitest";
import { columnWidthPoints } from "../../../src/workbook/plan/columnWidth";
import { PlanError } from "../../../src/workbook/plan/planError";

describe("column widths", () => {
  it("converts characters of the default font to points: 7 px a character plus 5 px padding, 0.75 pt a pixel", () => {
    expect(columnWidthPoints(0)).toBe(0);
    expect(columnWidthPoints(8.43)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthPoints(10)).toBe(56.25);
    expect(columnWidthPoints(12)).toBe(66.75);
    expect(columnWidthPoints(80)).toBe(423.75);
  });

  it("refuses widths Excel cannot show", () => {
    expect(() => columnWidthPoints(-1)).toThrow(PlanError);
    expect(() => columnWidthPoints(256)).toThrow(PlanError);
    expect(() => columnWidthPoints(Number.NaN)).toThrow(PlanError);
  });
});

