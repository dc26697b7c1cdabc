/**
 * The requirement set the pane checks with `isSetSupported` is the newest one among the
 * Office.js calls an action makes (the writer, the clean-up after a refused write and the reader
 * of a forecast's counts), as @types/office-js documents each of them: an Excel that passes the
 * check runs every call, and no older Excel that could is turned away.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CHECK_EXCEL_API_VERSION } from "../../src/taskpane/excelCheck";
import { EXCEL_API_VERSION } from "../../src/taskpane/officeWriter";

const require = createRequire(import.meta.url);
const TYPES = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
/** The writer, the clean-up after a refused write, the forecast's reader, the date system's read and Check this Excel: every Office.js call an action makes. */
const ACTIONS = ["officeWriter.ts", "removeAdded.ts", "sourceReader.ts", "dateSystem.ts", "excelCheck.ts"]
  .map((file) => readFileSync(new URL(`../../src/taskpane/${file}`, import.meta.url), "utf8"))
  .join("\n");

/** Every Office.js class and member the actions use. */
const USED: readonly (readonly [string, readonly string[]])[] = [
  ["Workbook", ["worksheets", "tables", "names", "getSelectedRange", "functions"]],
  ["Functions", ["date"]],
  ["WorksheetCollection", ["add", "getItem", "getActiveWorksheet"]],
  ["TableCollection", ["add", "getItem"]],
  ["NamedItemCollection", ["add", "getItem"]],
  ["NamedItem", ["delete"]],
  ["Worksheet", ["names", "getRange", "activate", "freezePanes", "tables", "charts", "pageLayout", "horizontalPageBreaks", "delete"]],
  ["PageLayout", ["orientation", "paperSize", "zoom"]],
  ["PageBreakCollection", ["add"]],
  ["WorksheetFreezePanes", ["freezeRows"]],
  ["Table", ["name", "style", "getDataBodyRange", "columns"]],
  ["TableColumn", ["name"]],
  ["Range", ["formulas", "numberFormat", "format", "dataValidation", "address", "values", "valueTypes", "getUsedRange", "getRowsBelow", "getTables"]],
  ["DataValidation", ["rule", "prompt", "errorAlert"]],
  ["RangeFormat", ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment", "fill", "font", "borders"]],
  ["RangeFill", ["color"]],
  ["RangeFont", ["color", "bold", "italic"]],
  ["RangeBorderCollection", ["getItem"]],
  ["RangeBorder", ["style", "weight", "color"]],
  ["ChartCollection", ["add"]],
  ["Chart", ["series", "title", "axes", "legend", "setPosition"]],
  ["ChartSeriesCollection", ["getItemAt", "add"]],
  ["ChartSeries", ["name", "setValues", "setXAxisValues", "format", "markerStyle", "markerSize", "markerBackgroundColor", "markerForegroundColor"]],
  ["ChartSeriesFormat", ["line"]],
  ["ChartLineFormat", ["lineStyle", "weight", "color"]],
  ["ChartTitle", ["text"]],
  ["ChartAxes", ["categoryAxis", "valueAxis"]],
  ["ChartAxis", ["title", "categoryType", "numberFormat", "baseTimeUnit", "majorUnit", "majorTimeUnitScale", "minimum", "maximum"]],
  ["ChartAxisTitle", ["text", "visible"]],
  ["ChartLegend", ["position", "visible"]],
];

const minor = (version: string): number => Number(version.split(".")[1]);

/** The ExcelApi version @types/office-js gives for a member of a class of the Excel namespace. */
function apiVersion(className: string, member: string): string {
  const start = TYPES.indexOf(`\n    class ${className} extends OfficeExtension.ClientObject {`);
  if (start < 0) throw new Error(`No class Excel.${className}`);
  const body = TYPES.slice(start, TYPES.indexOf("\n    }\n", start));
  const declaration = new RegExp(`\\n {8}(?:readonly )?${member}[(:?]`).exec(body);
  if (!declaration) throw new Error(`No member Excel.${className}.${member}`);
  const doc = body.slice(body.lastIndexOf("/**", declaration.index), declaration.index);
  // "ExcelApi 1.1 for getting the name; 1.4 for setting it": the newer, which both need.
  const versions = /\[Api set: ExcelApi ([^\]]+)\]/.exec(doc)?.[1].match(/\d+\.\d+/g);
  if (!versions) throw new Error(`No ExcelApi set for Excel.${className}.${member}`);
  return versions.reduce((newest, version) => (minor(version) > minor(newest) ? version : newest));
}

describe("the requirement set the pane checks", () => {
  const versions = USED.flatMap(([className, members]) =>
    members.map((member) => ({ member: `${className}.${member}`, version: apiVersion(className, member) })),
  );

  it("is the newest set among the calls the actions make", () => {
    const newest = Math.max(...versions.map(({ version }) => minor(version)));
    expect(`1.${newest}`).toBe(EXCEL_API_VERSION);
    expect(versions.filter(({ version }) => version === EXCEL_API_VERSION).map(({ member }) => member)).toEqual(
      expect.arrayContaining(["Worksheet.pageLayout", "Worksheet.horizontalPageBreaks", "Range.getTables"]),
    );
  });

  it("is far older for Check this Excel: the newest set among the check's own calls, sheet-scoped names (read where the host has them) aside", () => {
    const check = readFileSync(new URL("../../src/taskpane/excelCheck.ts", import.meta.url), "utf8");
    // The check's calls: its scratch sheet (excelCheck.ts), the names in use and the date system.
    const calls = ["WorksheetCollection.add", "WorksheetCollection.getItem", "Worksheet.getRange", "Worksheet.delete", "Range.formulas", "Range.values", "Range.valueTypes"];
    for (const call of calls) expect(check, call).toContain(`.${call.split(".")[1]}`);
    const reads = ["Workbook.worksheets", "Workbook.tables", "Workbook.names", "Workbook.functions", "Functions.date"];
    const checked = [...calls, ...reads].map((member) => versions.find((known) => known.member === member)!.version);
    expect(`1.${Math.max(...checked.map(minor))}`).toBe(CHECK_EXCEL_API_VERSION);
    expect(minor(versions.find(({ member }) => member === "Worksheet.names")!.version)).toBeGreaterThan(minor(CHECK_EXCEL_API_VERSION));
  });

  it("covers every member the actions call", () => {
    const members = new Set(USED.flatMap(([, names]) => names));
    const called = new Set([...ACTIONS.matchAll(/\.([a-z][A-Za-z]*)\s*(?:\(|=(?!=))/g)].map((match) => match[1]));
    // JavaScript's own methods, the reads every action makes, the record of what an action added, and the
    // requirement check (Office.context, which needs no ExcelApi set).
    const ignored = new Set(["map", "forEach", "push", "some", "flatMap", "slice", "test", "startsWith", "endsWith", "trim", "has", "get", "set", "load", "sync", "toUpperCase", "length", "run", "join", "isFinite", "isInteger", "round", "filter", "sheet", "queueRemoval", "findIndex", "every", "replace", "lastIndexOf", "entries", "fromEntries", "toPrecision", "abs", "sqrt", "find", "liveLines", "isSetSupported"]);
    const unknown = [...called].filter((name) => !members.has(name) && !ignored.has(name));
    expect(unknown).toEqual([]);
  });
});
