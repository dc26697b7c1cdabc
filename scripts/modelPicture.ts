/**
 * Prints the model as LibreOffice prints it and keeps a picture of the model sheet's first page
 * for the README: the portable model written to .xlsx, printed to PDF (A4 landscape, each sheet
 * one page wide: the model sheet, then its timeline), page 1 rendered to PNG with poppler's
 * pdftoppm.
 *
 *   npm run model-picture              # writes docs/model-page1.png
 *
 * Needs LibreOffice Calc and poppler-utils, and for Excel's look the Carlito font, which has
 * Calibri's widths (apt-get install -y libreoffice-calc poppler-utils fonts-crosextra-carlito).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { TIMELINE_TITLE, planModel } from "../src/workbook/sheets";
import { NO_TAKEN_NAMES } from "../src/workbook/plan";
import { writeXlsx } from "../src/workbook/xlsx";
import { convertWithLibreOffice } from "./libreOffice";

const PICTURE = resolve(__dirname, "..", "docs", "model-page1.png");
/** Dots per inch of the picture: A4 landscape at 110 dpi is about 1,290 pixels wide. */
const RESOLUTION = 110;

async function main(): Promise<void> {
  const plan = planModel(NO_TAKEN_NAMES, { formulas: "portable" });
  const [pdf] = convertWithLibreOffice([await writeXlsx(plan)], "pdf", "to print the model");
  const workDir = mkdtempSync(join(tmpdir(), "crs-model-picture-"));
  try {
    const printed = join(workDir, "model.pdf");
    writeFileSync(printed, pdf);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [printed], { encoding: "utf8" }))?.[1]);
    const text = (page: number): string => execFileSync("pdftotext", ["-f", String(page), "-l", String(page), printed, "-"], { encoding: "utf8" });
    const [model, timeline] = plan.sheets.map((sheet) => sheet.name);
    const modelPages = Array.from({ length: pages }, (_, index) => index + 1).findIndex((page) => text(page).includes(TIMELINE_TITLE));
    execFileSync("pdftoppm", ["-png", "-r", String(RESOLUTION), "-f", "1", "-l", "1", "-singlefile", printed, join(workDir, "page1")]);
    writeFileSync(PICTURE, readFileSync(join(workDir, "page1.png")));
    console.log(`Printed '${model}' on ${modelPages} and '${timeline}' on ${pages - modelPages} A4 landscape pages, each one page wide; page 1 is ${PICTURE}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
