import { describe, expect, it } from "vitest";
import { DATASETS, SOURCE, isoToExcelSerial } from "../../../src/data";
import type { Dataset, IsoDate } from "../../../src/data";
import { cellAddress } from "../../../src/excel/a1";
import { TABLE_STYLE, planDatasets } from "../../../src/workbook/sheets/datasets";
import { NUMBER_FORMATS } from "../../../src/workbook/plan/numberFormats";
import { NO_TAKEN_NAMES } from "../../../src/workbook/plan/names";
import type { Cell, SheetPlan } from "../../../src/workbook/plan/plan";
import { plannedCells as cellsOf } from "../plan/planCells";

/** The texts of every cell of a sheet. */
function textsOf(sheet: SheetPlan): string[] {
  return [...cellsOf(sheet).values()].map((cell) => cell.value).filter((value): value is string => typeof value === "string");
}

const plan = planDatasets(DATASETS, NO_TAKEN_NAMES);
/** The headers of the provenance block beside each table. */
const PROVENANCE_HEADERS = ["Figure as of", "Date in the article's words", "Basis", "Quote", "Note"];

describe("planDatasets", () => {
  it("puts each dataset in its own sheet named after its title, as a table named after it", () => {
    expect(plan.sheets).toHaveLength(DATASETS.length);
    DATASETS.forEach((dataset, index) => {
      const sheet = plan.sheets[index];
      expect(sheet.name).toBe(dataset.title);
      expect(sheet.tables).toEqual([
        { name: `tbl_${dataset.name}`, address: `A4:${cellAddress(4 + dataset.rows.length, dataset.columns.length)}`, style: TABLE_STYLE },
      ]);
      expect(plan.messages[index]).toBe(`Inserted ${dataset.title} into sheet '${sheet.name}' as table tbl_${dataset.name}.`);
    });
    expect(plan.activate).toBe(plan.sheets[0].name);
    expect(plan.names).toEqual([]);
  });

  it.each(DATASETS.map((dataset, index) => [dataset.name, dataset, index] as const))(
    "writes every row, value and format of %s in its table",
    (_, dataset: Dataset, index: number) => {
      const cells = cellsOf(plan.sheets[index]);
      dataset.columns.forEach((column, c) => {
        expect(cells.get(cellAddress(4, c + 1))).toMatchObject({ value: column.header, numberFormat: null });
        dataset.rows.forEach((row, r) => {
          const raw = row.values[column.key];
          const value = column.kind === "date" && raw !== null ? isoToExcelSerial(raw as IsoDate) : raw;
          expect(cells.get(cellAddress(5 + r, c + 1)), `${column.key} of row ${r}`).toMatchObject({ value, numberFormat: NUMBER_FORMATS[column.kind] });
        });
      });
    },
  );

  it.each(DATASETS.map((dataset, index) => [dataset.name, dataset, index] as const))(
    "writes the provenance of every row of %s beside it, and the source",
    (_, dataset: Dataset, index: number) => {
      const sheet = plan.sheets[index];
      const cells = cellsOf(sheet);
      const first = dataset.columns.length + 2;
      expect([0, 1, 2, 3, 4].map((c) => cells.get(cellAddress(4, first + c))?.value)).toEqual(PROVENANCE_HEADERS);
      dataset.rows.forEach((row, r) => {
        const { asOf, asOfText, basis, quote, note } = row.provenance;
        const at = (c: number): Cell | undefined => cells.get(cellAddress(5 + r, first + c))?.value;
        expect(at(0)).toBe(asOf === null ? null : isoToExcelSerial(asOf));
        expect(cells.get(cellAddress(5 + r, first))?.numberFormat).toBe(NUMBER_FORMATS.date);
        expect([at(1), at(2), at(3), at(4)]).toEqual([asOfText, basis, quote, note ?? null]);
      });
      const texts = textsOf(sheet);
      expect(texts).toEqual(expect.arrayContaining([dataset.title, dataset.description, SOURCE.title, SOURCE.publisher]));
      const published = [...cells.values()].find((cell) => cell.value === isoToExcelSerial(SOURCE.published));
      expect(published?.numberFormat).toBe(NUMBER_FORMATS.date);
    },
  );

  it("gives every column a width, and the header row stays in view", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.freezeRows).toBe(4);
      for (const width of sheet.columnWidths) expect(width.characters).toBeGreaterThanOrEqual(8);
    }
    const staff = plan.sheets[0].columnWidths;
    expect(staff.find((width) => width.column === "B")?.characters).toBeGreaterThanOrEqual("Staff registered".length + 3);
  });

  it("chooses free sheet and table names when the wanted ones are taken, and says so", () => {
    const gp = DATASETS.find((dataset) => dataset.name === "gp_registrations")!;
    const taken = { sheets: ["GPs registered for NHS CRS"], tables: ["TBL_GP_REGISTRATIONS"], names: ["tbl_gp_registrations_2"] };
    const renamed = planDatasets([gp], taken);
    expect(renamed.sheets[0].name).toBe("GPs registered for NHS CRS (2)");
    expect(renamed.sheets[0].tables[0].name).toBe("tbl_gp_registrations_3");
    expect(renamed.messages).toEqual([
      "Inserted GPs registered for NHS CRS into sheet 'GPs registered for NHS CRS (2)' as table tbl_gp_registrations_3.",
      "The sheet name 'GPs registered for NHS CRS' is already used, so 'GPs registered for NHS CRS (2)' was used instead.",
      "The table name 'tbl_gp_registrations' is already used, so 'tbl_gp_registrations_3' was used instead.",
    ]);
  });

  it("never gives two datasets of one plan the same names", () => {
    const twice = planDatasets([DATASETS[1], DATASETS[1]], NO_TAKEN_NAMES);
    expect(twice.sheets.map((sheet) => sheet.name)).toEqual(["GPs registered for NHS CRS", "GPs registered for NHS CRS (2)"]);
    expect(twice.sheets.map((sheet) => sheet.tables[0].name)).toEqual(["tbl_gp_registrations", "tbl_gp_registrations_2"]);
  });

  it("plans nothing for no datasets, and says so", () => {
    expect(planDatasets([], NO_TAKEN_NAMES)).toEqual({
      sheets: [],
      names: [],
      activate: null,
      messages: ["No dataset was selected, so nothing was inserted."],
    });
  });
});
