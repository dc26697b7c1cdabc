/**
 * Writes the portable workbook: the model and every dataset with native Excel formulas, for
 * use without the add-in.
 *
 *   npm run workbook -- [out.xlsx] [--force]
 *
 * Refuses to overwrite an existing file unless --force is given.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { planPortableWorkbook } from "../src/workbook/sheets";
import { writeXlsx } from "../src/workbook/xlsx";

const DEFAULT_FILE = "crs-adoption-model.xlsx";

/** The output path and whether to overwrite, from the command line. */
function parseArguments(args: readonly string[]): { file: string; force: boolean } {
  const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--force");
  const paths = args.filter((arg) => !arg.startsWith("-"));
  if (unknown.length > 0 || paths.length > 1) {
    throw new Error(`Usage: npm run workbook -- [out.xlsx] [--force]  (unexpected: ${[...unknown, ...paths.slice(1)].join(" ")})`);
  }
  // npm runs scripts from the package folder; a relative path means the caller's folder.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), paths[0] ?? DEFAULT_FILE);
  return { file, force: args.includes("--force") };
}

/** "1 chart", "6 tables". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

async function main(): Promise<void> {
  const { file, force } = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const plan = planPortableWorkbook();
  const bytes = await writeXlsx(plan);
  try {
    writeFileSync(file, bytes, { flag: force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Error(`${file} exists; pass --force to overwrite it.`);
    throw error;
  }
  const elapsed = performance.now() - started;
  const tables = plan.sheets.flatMap((sheet) => sheet.tables).length;
  const charts = plan.sheets.flatMap((sheet) => sheet.charts).length;
  console.log(`Wrote ${file}`);
  console.log(`  sheets: ${plan.sheets.map((sheet) => sheet.name).join(", ")}`);
  console.log(`  ${count(tables, "table")}, ${count(plan.names.length, "defined name")}, ${count(charts, "chart")}`);
  console.log(`  ${(bytes.length / 1024).toFixed(1)} KB in ${elapsed.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
