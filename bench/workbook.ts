/**
 * The portable workbook's export: plan every dataset and the model, compute every formula's
 * cached value, write the .xlsx with exceljs (and its chart part), as `npm run workbook` does;
 * prints times, the share the formula evaluator takes, and the file's size.
 */
import { performance } from "node:perf_hooks";
import { computeFormulaValues } from "../src/workbook/formulaValues";
import { planPortableWorkbook } from "../src/workbook/portable";
import { writeXlsx } from "../src/workbook/xlsxWriter";

const RUNS = 20;

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
}
