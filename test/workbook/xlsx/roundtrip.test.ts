/**
 * The .xlsx writer keeps what the plan says: written, then read back with exceljs, the file has
 * every sheet, table, number format, style, defined name, width and frozen row of the plan,
 * every formula's cached value, and its chart parts.
 */
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type ExcelJS from "exceljs";
import { DATASETS } from "../../../src/data";
import { absoluteAddress, parseRange } from "../../../src/excel/a1";
import { NUMBER_FORMATS } from "../../../src/workbook/plan/numberFormats";
import { cellKey, computeFormulaValues } from "../../../src/workbook/formula/recalc";
import { planPortableWorkbook } from "../../../src/workbook/sheets/portable";
import type { WorkbookPlan } from "../../../src/workbook/plan/plan";
import { writeXlsx } from "../../../src/workbook/xlsx/writer";
import { builtCrsFunctions } from "../formula/crsFunctions";
import { chartOverAnotherSheet, handPlan } from "../plan/handPlan";
import { formulaOf, plannedCells } from "../plan/planCells";
import { asNumber, loadWorkbook, sameValue, shownValue } from "./xlsxRead";

const plan = planPortableWorkbook();
let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;
let zip: JSZip;

beforeAll(async () => {
  bytes = await writeXlsx(plan);
  workbook = await loadWorkbook(bytes);
  zip = await JSZip.loadAsync(bytes);
});

/** The address of a defined name of the plan. */
function addressOf(name: string): string {
  return plan.names.find((candidate) => candidate.name === name)!.address;
}

/** A part of the package as text. */
async function part(path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`no ${path} in the package`);
  return file.async("string");
}

describe("writeXlsx round trip", () => {
  it("writes every sheet of the plan, in order, the model first and shown, its timeline next", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
    expect(plan.sheets.slice(0, 2).map((sheet) => sheet.name)).toEqual(["CRS model", "CRS model timeline"]);
    expect(plan.sheets.length).toBe(DATASETS.length + 2);
    expect(workbook.views[0].activeTab).toBe(0);
  });

  it("writes every dataset as a table with its header, style and the plan's cells and formats", () => {
    for (const [index, dataset] of DATASETS.entries()) {
      // The datasets' sheets follow the model's two.
      const sheetPlan = plan.sheets[index + 2];
      const sheet = workbook.getWorksheet(sheetPlan.name)!;
      const [tablePlan] = sheetPlan.tables;
      const table = (sheet.getTable(tablePlan.name) as unknown as { table: { tableRef: string; headerRow: boolean; style: { theme: string }; columns: { name: string }[] } }).table;
      expect(table.tableRef).toBe(tablePlan.address);
      expect(table.headerRow).toBe(true);
      expect(table.style.theme).toBe(tablePlan.style);
      expect(table.columns.map((column) => column.name)).toEqual(dataset.columns.map((column) => column.header));
      for (const [address, cell] of plannedCells(sheetPlan)) {
        const read = sheet.getCell(address);
        if (typeof cell.value === "number") expect(asNumber(read.value), `${sheetPlan.name}!${address}`).toBeCloseTo(cell.value, 9);
        else expect(read.value, `${sheetPlan.name}!${address}`).toEqual(cell.value);
        if (cell.numberFormat !== null) expect(read.numFmt, `${sheetPlan.name}!${address}`).toBe(cell.numberFormat);
      }
    }
  });

  it("keeps the kinds' number formats: dates, thousands, pounds and percentages", () => {
    const incentive = workbook.getWorksheet("Smartcard incentive scheme")!;
    expect(incentive.getCell("B5").numFmt).toBe(NUMBER_FORMATS.money);
    expect(incentive.getCell("C5").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(incentive.getCell("D5").numFmt).toBe(NUMBER_FORMATS.date);
    expect(workbook.getWorksheet("GPs registered for NHS CRS")!.getCell("B6").numFmt).toBe(NUMBER_FORMATS.count);
  });

  it("writes the model's formulas without their '=', and its styles", () => {
    const model = workbook.getWorksheet("CRS model")!;
    for (const [address, cell] of plannedCells(plan.sheets[0])) {
      const formula = formulaOf(cell);
      if (formula !== null) expect(model.getCell(address).formula, address).toBe(formula.slice(1));
    }
    const threshold = model.getCell(addressOf("Threshold"));
    expect(threshold.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(threshold.font).toMatchObject({ color: { argb: "FF0000FF" }, name: "Calibri", size: 11 });
    expect(model.getCell(addressOf("PCTGPs")).fill).toMatchObject({ fgColor: { argb: "FFFCE4D6" } });
    expect(model.getCell(addressOf("ProjectedAtTargetDate")).font).toMatchObject({ bold: true });
  });

  it("defines every name of the plan on its cell", () => {
    for (const name of plan.names) {
      expect(workbook.definedNames.getRanges(name.name).ranges, name.name).toEqual([`'${name.sheet}'!${absoluteAddress(name.address)}`]);
    }
  });

  it("keeps column widths and frozen header rows", () => {
    for (const sheetPlan of plan.sheets) {
      const sheet = workbook.getWorksheet(sheetPlan.name)!;
      for (const width of sheetPlan.columnWidths) expect(sheet.getColumn(width.column).width, `${sheetPlan.name} ${width.column}`).toBe(width.characters);
      const frozen = (sheet.views ?? []).find((view) => view.state === "frozen") as { ySplit?: number } | undefined;
      expect(frozen?.ySplit ?? 0, sheetPlan.name).toBe(sheetPlan.freezeRows);
    }
  });

  it("writes every formula with its cached value, and still asks Excel for a full recalculation on load", async () => {
    const values = computeFormulaValues(plan);
    for (const sheetPlan of plan.sheets) {
      const sheet = workbook.getWorksheet(sheetPlan.name)!;
      for (const [address, cell] of plannedCells(sheetPlan)) {
        if (formulaOf(cell) === null) continue;
        const expected = values.get(cellKey(sheetPlan.name, address))!;
        expect(sameValue(shownValue(sheet.getCell(address)), expected), `${sheetPlan.name}!${address}`).toBe(true);
      }
    }
    expect(await part("xl/worksheets/sheet1.xml")).toMatch(new RegExp(`<c r="${addressOf("ThresholdGPs")}"[^>]*><f>[^<]+</f><v>45</v></c>`));
    expect(await part("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("stores texts, logical values, errors and dates as cached values of their own kind", async () => {
    const kinds: WorkbookPlan = {
      sheets: [
        {
          name: "Kinds",
          ranges: [
            {
              address: "A1",
              cells: [[2, { formula: '="GPs: "&A1' }, { formula: "=A1>1" }, { formula: "=NA()" }, { formula: "=1/0" }, { formula: "=DATE(2005,6,30)" }, { formula: "=A1-2" }]],
              numberFormat: [[null, null, null, null, null, NUMBER_FORMATS.date, null]],
            },
          ],
          tables: [],
          columnWidths: [],
          charts: [],
          freezeRows: 0,
        },
      ],
      names: [],
      activate: "Kinds",
      messages: [],
    };
    const sheet = await JSZip.loadAsync(await writeXlsx(kinds)).then((file) => file.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(sheet).toContain('<c r="B1" t="str"><f>&quot;GPs: &quot;&amp;A1</f><v>GPs: 2</v></c>');
    expect(sheet).toContain('<c r="C1" t="b"><f>A1&gt;1</f><v>1</v></c>');
    expect(sheet).toContain('<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c>');
    expect(sheet).toContain('<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    expect(sheet).toMatch(/<c r="F1" s="\d+"><f>DATE\(2005,6,30\)<\/f><v>38533<\/v><\/c>/);
    expect(sheet).toContain('<c r="G1"><f>A1-2</f><v>0</v></c>');
  });

  it("adds the model's line chart on the model sheet over the timeline sheet's rows: chart and drawing parts, their relationships and content types", async () => {
    const chart = await part("xl/charts/chart1.xml");
    expect(chart).toContain("<c:lineChart>");
    const [chartPlan] = plan.sheets[0].charts;
    expect(chart.match(/<c:ser>/g)).toHaveLength(chartPlan.series.length);
    for (const series of chartPlan.series) {
      expect(chart).toContain(`<c:v>${series.name}</c:v>`);
      expect(chart).toContain(`<c:f>&apos;CRS model timeline&apos;!${series.values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</c:f>`);
    }
    expect(chart).toContain(`<c:cat><c:numRef><c:f>&apos;CRS model timeline&apos;!${absoluteAddress(chartPlan.categories)}</c:f>`);
    const drawing = await part("xl/drawings/drawing1.xml");
    const { start } = parseRange(chartPlan.position);
    expect(drawing).toContain(`<xdr:from><xdr:col>${start.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${start.row - 1}</xdr:row>`);
    expect(await part("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const sheetRels = await part("xl/worksheets/_rels/sheet1.xml.rels");
    const id = /Id="([^"]+)"[^>]*relationships\/drawing" Target="..\/drawings\/drawing1.xml"/.exec(sheetRels)?.[1];
    expect(id).toBeDefined();
    expect(await part("xl/worksheets/sheet1.xml")).toContain(`<drawing r:id="${id}"/>`);
    const types = await part("[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
  });

  it("anchors a chart on its own sheet and refers its series to the sheet it draws", async () => {
    const written = await JSZip.loadAsync(await writeXlsx(chartOverAnotherSheet()));
    const chart = await written.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:cat><c:numRef><c:f>&apos;GPs data&apos;!$A$2:$A$3</c:f>");
    expect(chart).toContain("<c:val><c:numRef><c:f>&apos;GPs data&apos;!$B$2:$B$3</c:f>");
    expect(await written.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("<drawing ");
    expect(await written.file("xl/worksheets/sheet2.xml")!.async("string")).not.toContain("<drawing ");
  });

  it("puts a chart's drawing before the sheet's tables, and quotes an awkward sheet name", async () => {
    const awkward: WorkbookPlan = {
      sheets: [
        {
          name: "O'Neill & Co <2>",
          ranges: [{ address: "A1", cells: [["Month", "GPs"], [1, 10], [2, 20]] }],
          tables: [{ name: "tbl_o", address: "A1:B3", style: "TableStyleLight1" }],
          columnWidths: [],
          charts: [{ title: "A & B", categories: "A2:A3", series: [{ name: "GPs <all>", values: "B2:B3" }], xAxisTitle: "x", yAxisTitle: "y", position: "D1:H10" }],
          freezeRows: 0,
        },
      ],
      names: [],
      activate: null,
      messages: [],
    };
    const written = await JSZip.loadAsync(await writeXlsx(awkward));
    const sheet = await written.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    const rels = await written.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(rels.match(/<Relationship /g)).toHaveLength(2);
    const chart = await written.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:f>&apos;O&apos;&apos;Neill &amp; Co &lt;2&gt;&apos;!$B$2:$B$3</c:f>");
    expect(chart).toContain("<a:t>A &amp; B</a:t>");
    expect(chart).toContain("<c:v>GPs &lt;all&gt;</c:v>");
  });

  it("keeps how a sheet prints, its row heights, alignment and drop-down lists, and how each chart series is drawn", async () => {
    const written = await writeXlsx(handPlan(), { functions: builtCrsFunctions() });
    const sheet = (await loadWorkbook(written)).getWorksheet("GPs registered")!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.getRow(3).height).toBe(30);
    expect(sheet.getCell("B4").alignment).toEqual({ wrapText: true, horizontal: "left", vertical: "top" });
    expect(sheet.getCell("B7").dataValidation).toMatchObject({ type: "list", formulae: ['"auto,bass,logistic,gompertz"'], error: "A diffusion model, or auto." });
    const parts = await JSZip.loadAsync(written);
    const sheetXml = await parts.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<rowBreaks[^>]*><brk id="21"/);
    const chart = await parts.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:dateAx>');
    expect(chart).toContain('<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>');
    expect(chart).toContain('<c:baseTimeUnit val="months"/><c:majorUnit val="3"/><c:majorTimeUnit val="months"/></c:dateAx>');
    const [markers, dashed] = chart.split("<c:ser>").slice(1);
    expect(markers).toContain('<a:ln w="19050"><a:noFill/></a:ln>');
    expect(markers).toContain('<c:symbol val="circle"/>');
    expect(markers).toContain('<a:srgbClr val="1F3864"/>');
    expect(dashed).toContain('<a:prstDash val="dash"/>');
    expect(dashed).toContain('<c:symbol val="none"/>');
  });
});
