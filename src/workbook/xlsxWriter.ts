/**
 * Writes a workbook plan to an .xlsx file with exceljs: sheets, values, formulas, number
 * formats, styles, tables, column widths, defined names, frozen rows and line charts.
 * Formulas are stored without cached results and the file asks for a full recalculation on
 * load, so Excel and LibreOffice compute every value when they open it. The plan is checked as
 * the Office.js adapter checks it, so a plan one writer refuses the other refuses too.
 */
import ExcelJS from "exceljs";
import { absoluteAddress, cellAddress, columnNumber, parseRange, quoteSheetName } from "./a1";
import { NO_TAKEN_NAMES } from "./names";
import type { CellStyle, CellValue, RangeWrite, SheetPlan, TablePlan, WorkbookPlan } from "./plan";
import { checkPlan } from "./planCheck";
import { type PlannedCell, rangeCells } from "./rangeCells";
import { addCharts } from "./xlsxCharts";

/** Who the file says created it. */
const CREATOR = "CRS Adoption Modeller";
/** The workbook's default font; a styled cell keeps its name and size, as in Excel. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

/** The .xlsx file of a plan, as bytes; a malformed plan is refused with a PlanError. */
export async function writeXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  checkPlan(plan, NO_TAKEN_NAMES);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.calcProperties.fullCalcOnLoad = true;
  plan.sheets.forEach((sheet) => writeSheet(workbook, sheet));
  for (const name of plan.names) {
    workbook.definedNames.add(`${quoteSheetName(name.sheet)}!${absoluteAddress(name.address)}`, name.name);
  }
  const active = plan.sheets.findIndex((sheet) => sheet.name === plan.activate);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return addCharts(bytes, plan.sheets);
}

/** One sheet: its cells first, then its tables over them, then column widths. */
function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const frozen: Partial<ExcelJS.WorksheetView>[] =
    plan.freezeRows > 0 ? [{ state: "frozen", ySplit: plan.freezeRows, topLeftCell: `A${plan.freezeRows + 1}` }] : [];
  const sheet = workbook.addWorksheet(plan.name, { views: frozen });
  plan.ranges.forEach((range) => writeRange(sheet, range));
  // exceljs writes a table's header and rows into the cells itself; they are given the very
  // values already there, so the cells and their formats stay as the plan wrote them.
  plan.tables.forEach((table) => addTable(sheet, table));
  for (const width of plan.columnWidths) sheet.getColumn(columnNumber(width.column)).width = width.characters;
}

/** Writes a block of cells with its number formats and style. */
function writeRange(sheet: ExcelJS.Worksheet, range: RangeWrite): void {
  for (const planned of rangeCells(range).cells) {
    const cell = sheet.getCell(planned.row, planned.column);
    cell.value = cellValue(planned);
    if (planned.numberFormat !== null) cell.numFmt = planned.numberFormat;
    if (planned.style) applyStyle(cell, planned.style);
  }
}

/** A planned cell as exceljs takes it: formulas without their leading "=", literals as they are. */
function cellValue(planned: PlannedCell): ExcelJS.CellValue {
  // A cell without a formula holds a literal.
  return planned.formula !== null ? { formula: planned.formula.slice(1) } : (planned.value as CellValue);
}

/** Applies a style on top of what the cell has, as Office.js sets only the properties given. */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor) {
    const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT, ...cell.font };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    cell.font = font;
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontal) {
    cell.alignment = { ...cell.alignment, wrapText: style.wrap ?? cell.alignment?.wrapText, horizontal: style.horizontal ?? cell.alignment?.horizontal };
  }
  if (style.border) {
    const edge: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(style.border) } };
    cell.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
}

/** A `#RRGGBB` colour as exceljs's opaque ARGB. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/** A table over cells already written: its columns named after the header row. */
function addTable(sheet: ExcelJS.Worksheet, table: TablePlan): void {
  const { start, end } = parseRange(table.address);
  const valuesOf = (row: number): ExcelJS.CellValue[] =>
    Array.from({ length: end.column - start.column + 1 }, (_, c) => sheet.getCell(row, start.column + c).value);
  const rows = Array.from({ length: end.row - start.row }, (_, r) => valuesOf(start.row + 1 + r));
  sheet.addTable({
    name: table.name,
    ref: cellAddress(start.row, start.column),
    headerRow: true,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: valuesOf(start.row).map((header) => ({ name: String(header ?? ""), filterButton: true })),
    rows,
  });
}
