import { describe, expect, it } from "vitest";
import { DATASETS } from "../../src/data";
import { PlanError } from "../../src/workbook/plan/planError";
import { NOT_AVAILABLE, failureMessage, formatValue, insertingMessage, rowCount } from "../../src/taskpane/display";

describe("values as the sheet shows them", () => {
  it("formats each kind with the sheet's number format", () => {
    expect(formatValue(75_216, "count")).toBe("75,216");
    expect(formatValue(134, "count")).toBe("134");
    expect(formatValue(6_000, "money")).toBe("£6,000");
    expect(formatValue(0.3, "percent")).toBe("30%");
    expect(formatValue("2005-08-01", "date")).toBe("1 Aug 2005");
    expect(formatValue("2005-06-30", "date")).toBe("30 Jun 2005");
    expect(formatValue("Available", "text")).toBe("Available");
    expect(formatValue(null, "count")).toBe(NOT_AVAILABLE);
    expect(formatValue(-1_234_567, "count")).toBe("-1,234,567");
  });

  it("shows every value of every dataset without an unformatted number or date", () => {
    for (const dataset of DATASETS) {
      for (const row of dataset.rows) {
        for (const column of dataset.columns) {
          const shown = formatValue(row.values[column.key], column.kind);
          expect(shown).not.toMatch(/^\d{4}-\d{2}-\d{2}$|^\d{4,}$|NaN|undefined/);
        }
      }
    }
  });
});

describe("status sentences", () => {
  it("counts what is being inserted", () => {
    expect(insertingMessage(1)).toBe("Inserting 1 dataset…");
    expect(insertingMessage(3)).toBe("Inserting 3 datasets…");
    expect(rowCount(1)).toBe("1 row");
    expect(rowCount(5)).toBe("5 rows");
  });

  it("says what Excel refused and what to do", () => {
    expect(failureMessage("insert the datasets", new Error("The workbook is protected."))).toBe(
      "Excel could not insert the datasets: The workbook is protected. Check the workbook is not protected and try again.",
    );
    expect(failureMessage("build the model", "")).toBe(
      "Excel could not build the model: an unknown error. Check the workbook is not protected and try again.",
    );
  });

  it("gives the protection advice only where Excel denied access or did not say why", () => {
    const refusal = (code: string) => Object.assign(new Error("Excel refused."), { code });
    expect(failureMessage("add the forecast", refusal("AccessDenied"))).toBe(
      "Excel could not add the forecast: Excel refused. Check the workbook is not protected and try again.",
    );
    for (const code of ["InvalidArgument", "ItemNotFound", "InvalidReference"]) {
      expect(failureMessage("add the forecast", refusal(code)), code).toBe(
        "Excel could not add the forecast: Excel refused. Try again; if Excel refuses again, please report this with Excel's words above.",
      );
    }
  });

  it("tells a refused plan apart from an Excel error", () => {
    expect(failureMessage("insert the datasets", new PlanError('The sheet name "X" is already taken.'))).toBe(
      'The add-in could not insert the datasets: The sheet name "X" is already taken. Nothing was changed; please report this.',
    );
  });
});
