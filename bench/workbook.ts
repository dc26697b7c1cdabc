/**
 * The portable workbook's export: plan every dataset and the model (fitting its example history),
 * compute every formula's cached value, write the .xlsx with exceljs (and its chart part), as
 * `npm run workbook` does; prints times, the shares of the evaluator and the fit, and the file's size.
 */
import { performance } from "node:perf_hooks";
import { computeFormulaValues } from "../src/workbook/formula";
import type { Cell, WorkbookPlan } from "../src/workbook/plan";
import { EXAMPLE_PCT, TIMELINE_MONTHS, computeFittedValues, planPortableWorkbook } from "../src/workbook/sheets";
import { writeXlsx } from "../src/workbook/xlsx";

const RUNS = 20;
/** Rows of the forecast-sized sheet: the most data rows "Forecast from your data" takes. */
const FORECAST_ROWS = 10_000;

/**
 * A sheet the size of the largest forecast: per row a count, its date, a running total, the
 * month's growth and whether it passed a threshold; under them, summaries over whole columns
 * (SUMPRODUCT, COUNTIF, the row of the largest growth, a lookup by date).
 */
function forecastSizedPlan(): WorkbookPlan {
  const last = FORECAST_ROWS;
  const rows: Cell[][] = Array.from({ length: last }, (_, i) => {
    const row = i + 1;
    return [
      100 + ((row * 37) % 101),
      { formula: `=EDATE(DATE(2005,6,30),${row})` },
      { formula: row === 1 ? "=A1" : `=C${row - 1}+A${row}` },
      { formula: row === 1 ? "=0" : `=IFERROR(C${row}/C${row - 1}-1,0)` },
      { formula: `=IF(C${row}>=Threshold*1000,1,0)` },
    ];
  });
  const column = (letter: string): string => `$${letter}$1:$${letter}$${last}`;
  const summaries: Cell[][] = [
    [{ formula: `=SUMPRODUCT((${column("A")}>150)*${column("A")})` }],
    [{ formula: `=COUNTIF(${column("E")},1)` }],
    [{ formula: `=MATCH(MAX(${column("D")}),${column("D")},0)` }],
    [{ formula: `=INDEX(${column("C")},MATCH(EDATE(DATE(2005,6,30),${last >> 1}),${column("B")},0))` }],
    [0.3],
  ];
  const sheet = {
    name: "Forecast",
    ranges: [
      { address: "A1", cells: rows },
      { address: "G1", cells: summaries },
    ],
    tables: [],
    columnWidths: [],
    charts: [],
    freezeRows: 0,
  };
  return { sheets: [sheet], names: [{ name: "Threshold", sheet: "Forecast", address: "G5", comment: "" }], activate: "Forecast", messages: [] };
}

/** The median of `RUNS` timings of `work`, in milliseconds. */
async function median(work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

export async function run(): Promise<void> {
  const coldStart = performance.now();
  let bytes = await writeXlsx(planPortableWorkbook());
  const cold = performance.now() - coldStart;
  const exportTime = await median(async () => (bytes = await writeXlsx(planPortableWorkbook())));
  const plan = planPortableWorkbook();
  let formulas = 0;
  const evaluation = await median(() => (formulas = computeFormulaValues(plan).size));
  console.log("Portable workbook export (plan + cached values + .xlsx, in memory):");
  console.log(`  first export ${cold.toFixed(0)} ms, then median ${exportTime.toFixed(0)} ms of ${RUNS}; file ${(bytes.length / 1024).toFixed(1)} KB`);
  console.log(`  of which the cached values of its ${formulas} formulas: median ${evaluation.toFixed(1)} ms`);
  const fit = await median(() => computeFittedValues(EXAMPLE_PCT, new Date()));
  console.log(`  and the model's fit, written as values (the curve, its bounds at ${TIMELINE_MONTHS + 1} dates, the chance, the date reached): median ${fit.toFixed(1)} ms`);
  const forecast = forecastSizedPlan();
  const start = performance.now();
  const forecastFormulas = computeFormulaValues(forecast).size;
  console.log(
    `Cached values of a forecast-sized sheet (${FORECAST_ROWS.toLocaleString("en-GB")} rows, ${forecastFormulas.toLocaleString("en-GB")} formulas, ` +
      `summaries over whole columns): ${(performance.now() - start).toFixed(0)} ms`,
  );
}
