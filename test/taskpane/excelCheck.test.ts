/**
 * "Check this Excel": run on the fake Excel (which calculates the formulas it writes with the
 * built functions, spilling their tables), and in words: what it reports for an Excel that runs
 * everything, and for one that lacks a requirement set, shows a table holding an error as one
 * bare #VALUE!, passes empty cells as 0, counts dates from 1904, or never finishes calculating.
 */
import { describe, expect, it } from "vitest";
import { type CheckFindings, type CellsRead, checkReport, checkThisExcel, hostFacts, NEEDED_SETS, type OfficeFacts } from "../../src/taskpane/excelCheck";
import { MAX_SYNCS_PER_ACTION } from "../../src/taskpane/officeWriter";
import { FakeExcel, type Seed } from "./fakeExcel";

/** Office as Excel on the web reports itself (plain values, as Office.context has them), supporting the sets `supported` names. */
function office(supported: readonly string[]): OfficeFacts {
  return {
    context: {
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.19127.42000" },
      requirements: { isSetSupported: (name: string) => supported.includes(name) },
    },
  };
}

const cells = (values: readonly (readonly unknown[])[]): CellsRead => ({ values, valueTypes: values.map((row) => row.map(() => "Double")) });

/** The cells a working Excel gives back, as the check reads them. */
const WORKING = {
  value: cells([[Math.sqrt(3) - 1]]),
  table: cells([
    ["Name", "Title", "Rows", "Description"],
    ["staff_registrations", "NHS staff registered", 2, "…"],
  ]),
  tableWithError: cells([
    ["Parameter", "Estimate", "Std error"],
    ["m", 35000, 0],
    ["rate", 2.25, "#N/A"],
    ["midpoint", 0.97, "#N/A"],
  ]),
  error: cells([["#N/A"]]),
  blankRows: cells([["Parameter", "Estimate", "Std error"], ["m", 100, 0], ["rate", 1, 0.1], ["midpoint", 2, 0.1], ["sse", 1, ""], ["rmse", 0.5, ""], ["r2", 0.99, ""], ["n", 4, ""]]),
  blankCell: cells([["#VALUE!", "", ""]]),
};

const ALL_SETS = NEEDED_SETS.map((set) => set.name);

function findings(overrides: Partial<CheckFindings> = {}): CheckFindings {
  return { host: hostFacts(office(ALL_SETS)), dateSystem: 1900, live: WORKING, liveFailure: null, leftover: null, ...overrides };
}

describe("the report of Check this Excel", () => {
  it("says this Excel runs everything, with the host, each requirement set, the date system and each live check", () => {
    const report = checkReport(findings());
    expect(report.ok).toBe(true);
    expect(report.summary).toBe("This Excel runs everything the add-in does.");
    const texts = report.lines.map((line) => line.text);
    expect(texts[0]).toBe("Excel: Excel on OfficeOnline, version 16.0.19127.42000.");
    expect(texts).toContain("CustomFunctionsRuntime 1.3: supported (the CRS. functions, with their messages on #VALUE! and #N/A errors; Excel shows none on #NUM!).");
    expect(texts).toContain("Dates: this workbook counts dates from 1900, Excel's usual date system.");
    expect(texts).toContain("A value: =CRS.GROWTH(25072,75216,2) gives 0.732051, as it should.");
    expect(texts.some((text) => text.startsWith("Empty cells reach the functions as nothing"))).toBe(true);
    expect(report.lines.every((line) => line.ok)).toBe(true);
  });

  it("names what fails: a missing requirement set, a table shown as one bare #VALUE!, an error without its message", () => {
    const report = checkReport(
      findings({
        host: hostFacts(office(["CustomFunctionsRuntime", "ExcelApi"])),
        live: { ...WORKING, tableWithError: cells([["#VALUE!", "#VALUE!", "#VALUE!"]]), error: cells([["#VALUE!"]]) },
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.summary).toBe("This Excel does not run everything the add-in does: 3 checks below fail.");
    const failed = report.lines.filter((line) => !line.ok).map((line) => line.text);
    expect(failed[0]).toMatch(/^SharedRuntime 1\.1: not supported; the add-in needs it for the functions and the pane in one runtime.*update Excel/);
    expect(failed[1]).toMatch(/one bare error \(office-js #2174\)/);
    expect(failed[2]).toMatch(/gives #VALUE! instead of #N\/A with its message/);
  });

  it("tells empty cells passed as 0 from empty cells passed as nothing, both fit to use", () => {
    const asZero = checkReport(findings({ live: { ...WORKING, blankCell: cells([...WORKING.blankRows.values.slice(0, 7), ["n", 5, ""]]) } }));
    expect(asZero.ok).toBe(true);
    expect(asZero.lines.find((line) => line.text.startsWith("Empty cells reach"))!.text).toMatch(/as 0, as desktop Excel may pass them/);
  });

  it("says so when the functions never answer, or Excel refused the scratch sheet, and a 1904 workbook", () => {
    const silent = checkReport(findings({ live: null, dateSystem: 1904 }));
    expect(silent.ok).toBe(false);
    expect(silent.lines.at(-1)!.text).toMatch(/gave no answer within 20 seconds/);
    expect(silent.lines.find((line) => line.text.startsWith("Dates"))!.text).toMatch(/counts dates from 1904/);
    const refused = checkReport(findings({ live: null, liveFailure: "The workbook is protected." }));
    expect(refused.lines.at(-1)!.text).toMatch(/Excel refused the scratch sheet \(The workbook is protected\.\)/);
  });
});

describe("Check this Excel on the fake Excel", () => {
  /** Runs the check on a fake Excel made from `seed`; returns the report and the fake. */
  async function check(seed: Seed = { sheets: [{ name: "Sheet1", cells: { A1: "The user's data" } }] }) {
    const excel = new FakeExcel(seed);
    const before = excel.snapshot();
    const findings = await checkThisExcel((batch) => batch(excel.context), office(ALL_SETS), async () => undefined);
    return { excel, before, findings, report: checkReport(findings) };
  }

  it("finds everything working, reading back what the functions calculated, and leaves the workbook as it was", async () => {
    const { excel, before, findings, report } = await check();
    expect(report.lines.filter((line) => !line.ok)).toEqual([]);
    expect(findings.dateSystem).toBe(1900);
    expect(findings.live!.value.values).toEqual([[Math.sqrt(3) - 1]]);
    expect(findings.live!.tableWithError.values[2][2]).toBe("#N/A");
    expect(report.lines.find((line) => line.text.startsWith("Empty cells reach"))!.text).toMatch(/as nothing/);
    // The scratch sheet was added, written, read and removed: nothing of it is left.
    expect(excel.log).toContain("worksheets.add CRS check");
    expect(excel.log).toContain("worksheet.delete CRS check");
    expect(excel.snapshot()).toEqual(before);
    // The names and date system; the sheet written and read; the sheet removed: no more than any action.
    expect(excel.syncs).toBe(MAX_SYNCS_PER_ACTION);
  });

  it("tells an Excel that passes empty cells as 0, and a workbook that counts dates from 1904", async () => {
    const { report, findings } = await check({ sheets: [{ name: "Sheet1" }], emptyCells: "zero", dateSystem: 1904 });
    expect(findings.dateSystem).toBe(1904);
    expect(report.ok).toBe(true);
    expect(report.lines.find((line) => line.text.startsWith("Empty cells reach"))!.text).toMatch(/as 0, as desktop Excel may pass them/);
  });

  it("reads again while the functions calculate (#BUSY!), and says so when they never finish", async () => {
    const slow = await check({ sheets: [{ name: "Sheet1" }], busyRoundTrips: 5 });
    expect(slow.report.ok).toBe(true);
    // Beyond the three round trips only while Excel calculates: the reads at round trips 2 to 5 find #BUSY!.
    expect(slow.excel.syncs).toBe(MAX_SYNCS_PER_ACTION + 4);
    const stuck = await check({ sheets: [{ name: "Sheet1" }], busyRoundTrips: 1_000 });
    expect(stuck.findings.live).toBeNull();
    expect(stuck.report.lines.at(-1)!.text).toMatch(/gave no answer within 20 seconds/);
    expect(stuck.excel.snapshot()).toEqual(stuck.before);
  });

  it("takes a free name for its scratch sheet, never the user's", async () => {
    const { excel, before, report } = await check({ sheets: [{ name: "CRS check", cells: { A1: "Mine" } }] });
    expect(report.ok).toBe(true);
    expect(excel.log).toContain("worksheets.add CRS check (2)");
    expect(excel.snapshot()).toEqual(before);
  });

  it("says what Excel refused when it cannot add the scratch sheet, and leaves nothing behind", async () => {
    const { excel, before, report } = await check({ sheets: [{ name: "Sheet1" }], protectedStructure: true });
    expect(report.ok).toBe(false);
    expect(report.lines.at(-1)!.text).toMatch(/Excel refused the scratch sheet \(You cannot perform the requested operation\. The workbook is protected\.\)/);
    expect(excel.snapshot()).toEqual(before);
  });
});
