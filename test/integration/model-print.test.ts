/**
 * The model sheet printed: the portable model written to .xlsx, printed to PDF by LibreOffice
 * Calc (A4 landscape, fit to one page wide), and read back with poppler's pdfinfo and pdftotext.
 * Every page is one page wide, so each row of the monthly timeline runs from its label to its
 * last month on one line, and the chart lies on one page, whole.
 *
 * LibreOffice and poppler-utils are required: without them this test fails rather than skips.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TIMELINE_MONTHS } from "../../src/workbook/model/grid";
import { planModel } from "../../src/workbook/modelPlan";
import { NO_TAKEN_NAMES } from "../../src/workbook/names";
import { writeXlsx } from "../../src/workbook/xlsxWriter";
import { convertWithLibreOffice } from "../../scripts/libreOffice";

const plan = planModel(NO_TAKEN_NAMES, { formulas: "portable" });
const workDir = mkdtempSync(join(tmpdir(), "crs-model-print-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let printed: Promise<string> | undefined;

/** The model printed to a PDF file; its path. */
function printedModel(): Promise<string> {
  printed ??= (async () => {
    const [pdf] = convertWithLibreOffice([await writeXlsx(plan)], "pdf", "to print the model sheet");
    const path = join(workDir, "model.pdf");
    writeFileSync(path, pdf);
    return path;
  })();
  return printed;
}

/** A poppler program's output; poppler-utils must be installed. */
function poppler(program: "pdfinfo" | "pdftotext", args: readonly string[]): string {
  try {
    return execFileSync(program, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${program} is not installed: it is needed to read the printed model (apt-get install -y poppler-utils).`);
    throw error;
  }
}

/** The text of each page, laid out as printed. */
async function pages(): Promise<string[]> {
  const path = await printedModel();
  const count = Number(/^Pages:\s+(\d+)/m.exec(poppler("pdfinfo", [path]))![1]);
  return Array.from({ length: count }, (_, index) => poppler("pdftotext", ["-layout", "-f", String(index + 1), "-l", String(index + 1), path, "-"]));
}

describe("the model sheet printed by LibreOffice", () => {
  it("prints on A4 landscape pages, a few of them", async () => {
    const info = poppler("pdfinfo", [await printedModel()]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect((await pages()).length).toBeLessThanOrEqual(5);
  });

  it("is one page wide: each timeline row prints from its label to its last month on one line", async () => {
    const lines = (await pages()).flatMap((page) => page.split("\n"));
    const counter = lines.filter((line) => line.includes("Months after the first count's month"));
    expect(counter).toHaveLength(1);
    const months = counter[0].trim().split(/\s+/).slice(-TIMELINE_MONTHS);
    expect(months).toEqual(Array.from({ length: TIMELINE_MONTHS }, (_, month) => String(month)));
  });

  it("prints the chart whole on one page, the first, beside the outputs", async () => {
    const all = await pages();
    const [chart] = plan.sheets[0].charts;
    const title = chart.title.split(" ").slice(0, 5).join(" ");
    const withTitle = all.flatMap((text, index) => (text.includes(title) ? [index] : []));
    expect(withTitle).toEqual([0]);
    // The legend's entries are the chart's alone; the last of them is printed under the plot.
    const legend = [chart.series[4].name, chart.series.at(-2)!.name];
    expect(legend).toEqual(["Scenario A (RunRateA)", "Incentive threshold"]);
    for (const entry of legend) expect(all.map((text) => text.includes(entry)), entry).toEqual(all.map((_, index) => index === 0));
    expect(all[0]).toContain("Incentive payable, judged at the deadline");
  });
});
