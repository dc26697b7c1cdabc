/**
 * The pane's Portfolio action on a fake Excel: a table of PCTs of 24 monthly counts read in one
 * round trip and the portfolio written in one more, however many PCTs (`npm run bench` runs 303);
 * a selection it cannot use gets a message naming the cell, and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import type { IsoDate } from "../../src/data";
import { runForecast } from "../../src/taskpane/forecastAction";
import { planPortfolioFromData } from "../../src/taskpane/portfolioFromData";
import { FakeExcel, type Scalar, type Seed } from "./fakeExcel";

/** A long-form table of `pcts` PCTs of 24 month-end counts each, columns in another order than the spec's, dates formatted as dates. */
function countsSheet(pcts: number, extra: Readonly<Record<string, Scalar>> = {}, everyRow = false): Seed["sheets"][number] {
  const cells: Record<string, Scalar> = { A1: "Date", B1: "PCT", C1: "GPs", D1: "Practices", E1: "Registered" };
  const numberFormats: Record<string, string> = {};
  let row = 2;
  for (let pct = 0; pct < pcts; pct++) {
    const gps = 40 + ((pct * 37) % 200);
    for (let month = 0; month < 24; month++) {
      cells[`A${row}`] = isoToExcelSerial(`${2004 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-01` as IsoDate);
      numberFormats[`A${row}`] = "dd/mm/yyyy";
      cells[`B${row}`] = `PCT ${pct + 1}`;
      // GPs and practices on the first row only, or on every row (the fake Excel reads blank cells slowly).
      if (month === 0 || everyRow) {
        cells[`C${row}`] = gps;
        cells[`D${row}`] = Math.round(gps / 4.5);
      }
      cells[`E${row}`] = Math.round(gps / (1 + Math.exp(-0.35 * (month - 14 - (pct % 5)))));
      row++;
    }
  }
  return { name: "Counts", cells: { ...cells, ...extra }, numberFormats };
}

const OPTIONS = { threshold: "30%", payment: "£6,000", deadline: "30/06/2005", "target-share": "80%", "target-date": "31/03/2006", model: "logistic", confidence: "80%" };

describe("the Portfolio action on a fake Excel", () => {
  it("reads 40 PCTs in one round trip and adds the portfolio in one more, touching nothing the user has", async () => {
    const excel = new FakeExcel({ sheets: [countsSheet(40, {}, true)], selection: `Counts!A1:E${40 * 24 + 1}` });
    const before = excel.snapshot();
    const plan = await runForecast(excel.context, { kind: "selection" }, (data, taken) => planPortfolioFromData(data, OPTIONS, taken));
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(excel.syncs).toBe(2);
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual(["Portfolio", "Portfolio counts"]);
    expect(excel.snapshot().sheets[0]).toEqual(before.sheets[0]);
    const sheet = excel.sheet("Portfolio");
    expect(sheet.cells.H34).toMatchObject({ kind: "formula", formula: "=IF(ISNUMBER(F34),CRS.INCENTIVE(C34,F34,B34,$B$10,$B$11),\"\")" });
    expect(sheet.charts).toHaveLength(1);
    // A chance, so the axis runs 0% to 100% whatever the PCTs' chances.
    expect(sheet.charts[0]).toMatchObject({ valueMinimum: 0, valueMaximum: 1, valueNumberFormat: "0%" });
    expect(plan.messages[0]).toBe("Added the portfolio of 40 PCTs in sheet 'Portfolio', with the counts fitted in 'Portfolio counts'.");
  });

  it("names the cell it cannot use, and writes nothing", async () => {
    const excel = new FakeExcel({ sheets: [countsSheet(3, { E7: "twelve" })], selection: "Counts!A1:E73" });
    const before = excel.snapshot();
    const error = await runForecast(excel.context, { kind: "selection" }, (data, taken) => planPortfolioFromData(data, OPTIONS, taken)).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`Counts!E7: the count "twelve" is not a number. The registered column holds cumulative GPs registered, 0 or more.`);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncs).toBe(1);
  });

  it("names the field of an option it cannot use", async () => {
    const excel = new FakeExcel({ sheets: [countsSheet(3)], selection: "Counts!A1:E73" });
    const error = await runForecast(excel.context, { kind: "selection" }, (data, taken) => planPortfolioFromData(data, { ...OPTIONS, confidence: "120%" }, taken)).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(`Confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not "120%".`);
  });
});
