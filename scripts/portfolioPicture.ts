/**
 * Prints the invented example's portfolio as LibreOffice prints it and keeps a picture of its
 * first page for the README: the portable portfolio of examples/portfolio-30-pcts.csv written to
 * .xlsx (as `npm run portfolio` writes it), printed to PDF (A4 landscape, one page wide), page 1
 * rendered to PNG with poppler's pdftoppm.
 *
 *   npm run portfolio-picture              # writes docs/portfolio-page1.png
 *
 * Needs LibreOffice Calc, poppler-utils and the Carlito font, as scripts/modelPicture.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PORTFOLIO_DEFAULTS } from "../src/data/portfolioOptions";
import { readPortfolioCsv } from "../src/data/seriesCsv";
import { analysePortfolio } from "../src/model/portfolio/analysis";
import { NO_TAKEN_NAMES } from "../src/workbook/plan";
import { planPortfolio } from "../src/workbook/sheets";
import { writeXlsx } from "../src/workbook/xlsx";
import { convertWithLibreOffice } from "./libreOffice";

const ROOT = resolve(__dirname, "..");
const EXAMPLE = join(ROOT, "examples", "portfolio-30-pcts.csv");
const PICTURE = join(ROOT, "docs", "portfolio-page1.png");
/** Dots per inch of the picture: A4 landscape at 110 dpi is about 1,290 pixels wide. */
const RESOLUTION = 110;

async function main(): Promise<void> {
  const portfolio = readPortfolioCsv(readFileSync(EXAMPLE, "utf8"));
  const analysis = analysePortfolio(portfolio.pcts, PORTFOLIO_DEFAULTS);
  const plan = planPortfolio({ flavour: "portable", analysis, options: PORTFOLIO_DEFAULTS, pcts: portfolio.pcts, source: "portfolio-30-pcts.csv", fittedOn: "7 Dec 2026" }, NO_TAKEN_NAMES);
  const [pdf] = convertWithLibreOffice([await writeXlsx(plan)], "pdf", "to print the portfolio");
  const workDir = mkdtempSync(join(tmpdir(), "crs-portfolio-picture-"));
  try {
    const printed = join(workDir, "portfolio.pdf");
    writeFileSync(printed, pdf);
    execFileSync("pdftoppm", ["-png", "-r", String(RESOLUTION), "-f", "1", "-l", "1", "-singlefile", printed, join(workDir, "page1")]);
    writeFileSync(PICTURE, readFileSync(join(workDir, "page1.png")));
    console.log(`Wrote ${PICTURE}, page 1 of the portfolio as LibreOffice prints it.`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
