/**
 * GROWTH agrees with Excel's RRI as a spreadsheet engine computes it: a workbook of
 * `RRI(periods, start, end)` formulas with no cached values is recalculated by LibreOffice Calc
 * (headless), and each result is compared with GROWTH(start, end, periods) from the built bundle.
 * LibreOffice is required: without it this test fails rather than skips, so the agreement is
 * never silently unchecked.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type CustomFunction, ErrorCode, ExcelError, loadFunctions } from "../functions/host";
import { loadWorkbook } from "../workbook/xlsx/xlsxRead";
import { recalculateWithLibreOffice } from "./libreOffice";

/** [periods, start, end]: the article's figures, then growth and decline of every size. */
const CASES: [number, number, number][] = [
  [2, 25_072, 75_216],
  [1, 25_072, 75_216],
  [32 / 30.4375, 3_500, 18_981],
  [1, 3_500, 18_981],
  [2, 3_500, 18_981],
  [6, 18_981, 35_000],
  [12, 18_981, 35_000],
  [0.5, 134, 2_395],
  [3, 100, 100],
  [1, 100, 0],
  [5, 100, 0],
  [1, 1, 2],
  [2, 1, 2],
  [10, 1, 2],
  [0.25, 1, 2],
  [360, 1, 1.05],
  [1_000, 1, 1.000001],
  [7, 75_216, 25_072],
  [3, 18_981, 3_500],
  [12, 1_000_000, 1],
  [1e-3, 1, 1.001],
  [100, 1e-6, 1e6],
  [4, 1e-10, 1e10],
  [2.5, 123.456, 789.012],
  [17, 0.001, 0.002],
  [1.5, 6_000, 240_000],
  [24, 35_000, 35_001],
  [0.1, 2, 3],
  [60, 50, 20_000],
  [9.75, 3.14159, 2.71828],
  [1e6, 1, 2],
  [0.01, 1.5, 1],
];

/**
 * Inputs outside RRI's domain in both Excel and GROWTH: periods below 0, a start of 0. (GROWTH reads
 * periods of 0 as omitted, one period, since desktop Excel passes an empty cell as 0: the
 * functions' own tests check that.)
 */
const ERROR_CASES: [number, number, number][] = [
  [-0.5, 100, 200],
  [-1, 100, 200],
  [2, 0, 200],
];

const ALL = [...CASES, ...ERROR_CASES];

let growth: CustomFunction;
let recalculation: Promise<(number | string)[]> | undefined;

/**
 * RRI of every case as LibreOffice computes it: a number, or the error code it shows. Run once,
 * from inside the tests, so that a missing LibreOffice fails them (a failing hook would only
 * mark them skipped).
 */
function libreOfficeRri(): Promise<(number | string)[]> {
  recalculation ??= computeRri();
  return recalculation;
}

async function computeRri(): Promise<(number | string)[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("RRI");
  sheet.addRow(["periods", "start", "end", "RRI"]);
  ALL.forEach(([periods, start, end], index) => {
    const row = index + 2;
    sheet.getCell(`A${row}`).value = periods;
    sheet.getCell(`B${row}`).value = start;
    sheet.getCell(`C${row}`).value = end;
    // No cached result: the engine must compute it. exceljs writes formulas without the "=".
    sheet.getCell(`D${row}`).value = { formula: `_xlfn.RRI(A${row},B${row},C${row})` } as ExcelJS.CellFormulaValue;
  });
  const bytes = recalculateWithLibreOffice(new Uint8Array(await workbook.xlsx.writeBuffer()), "to check GROWTH against RRI");
  const out = (await loadWorkbook(bytes)).getWorksheet("RRI")!;
  return ALL.map((_, index) => {
    const cell = out.getCell(`D${index + 2}`);
    // `cell.result`, not `cell.value.result`, which exceljs leaves out when the result is 0.
    const result = cell.result as ExcelJS.CellFormulaValue["result"];
    if (typeof result === "number") return result;
    if (result !== null && typeof result === "object" && "error" in result) return String(result.error);
    throw new Error(`row ${index + 2}: no recalculated RRI value (${JSON.stringify(cell.value)})`);
  });
}

beforeAll(() => {
  growth = loadFunctions().get("GROWTH")!;
});

describe("GROWTH agrees with Excel's RRI recalculated by LibreOffice Calc", () => {
  it(`on ${CASES.length} cases to 1e-12`, async () => {
    const computed = await libreOfficeRri();
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    CASES.forEach(([periods, start, end], index) => {
      const rri = computed[index];
      expect(typeof rri, `RRI(${periods}, ${start}, ${end}) is a number`).toBe("number");
      const [[ours]] = growth([[start]], [[end]], [[periods]]) as number[][];
      const scale = Math.max(Math.abs(rri as number), 1e-300);
      expect(Math.abs(ours - (rri as number)) / scale, `GROWTH(${start}, ${end}, ${periods}) = ${ours}, RRI = ${rri}`).toBeLessThan(1e-12);
    });
  }, 120_000);

  // Excel documents #NUM! for these; LibreOffice writes its "invalid argument" error as #VALUE!.
  it("and both reject periods below 0 or a start of 0, GROWTH with Excel's #NUM!", async () => {
    const computed = await libreOfficeRri();
    ERROR_CASES.forEach(([periods, start, end], index) => {
      expect([ErrorCode.invalidNumber, ErrorCode.invalidValue], `RRI(${periods}, ${start}, ${end})`).toContain(computed[CASES.length + index]);
      const [[ours]] = growth([[start]], [[end]], [[periods]]) as unknown[][];
      expect(ours).toBeInstanceOf(ExcelError);
      expect((ours as ExcelError).code).toBe(ErrorCode.invalidNumber);
    });
  });
});
