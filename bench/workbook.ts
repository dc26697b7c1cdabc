/**
 * The portable workbook's export: plan every dataset and the model, write the .xlsx with
 * exceljs (and its chart part), as `npm run workbook` does; prints times and the file's size.
 */
import { performance } from "node:perf_hooks";
import { planPortableWorkbook } from "../src/workbook/portable";
import { writeXlsx } from "../src/workbook/xlsxWriter";

const RUNS = 20;

export async function run(): Promise<void> {
  const coldStart = performance.now();
  let bytes = await writeXlsx(planPortableWorkbook());
  const cold = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = await writeXlsx(planPortableWorkbook());
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log("Portable workbook export (plan + .xlsx, in memory):");
  console.log(`  first export ${cold.toFixed(0)} ms, then median ${times[RUNS >> 1].toFixed(0)} ms of ${RUNS}; file ${(bytes.length / 1024).toFixed(1)} KB`);
}
