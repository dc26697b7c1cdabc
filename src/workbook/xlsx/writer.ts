/**
 * Writes a workbook plan to an .xlsx file with exceljs: sheets, values, formulas, number
 * formats, styles, tables, column widths, defined names, frozen rows and line charts. The plan
 * is checked as the Office.js adapter checks it, so a plan one writer refuses the other refuses
 * too.
 *
 * Every formula carries its cached result, computed by the formula evaluator, so a viewer that
 * does not calculate (a preview, Protected View, a phone) shows the numbers. The file still asks
 * for a full recalculation on load: Excel's own engine then has the last word once editing is
 * enabled, in the user's locale (TEXT's month names, for one, are the locale's) and whatever
 * version it is.
 */
import ExcelJS from "exceljs";
import { absoluteAddress, cellAddress, columnNumber, parseRange, sheetReference } from "../../excel/a1";
import { cellKey, computeFormulaValues } from "../formula";
import type { FormulaValueOptions, ScalarValue } from "../formula";
import type { CellStyle, CellValue, ListValidationPlan, PageSetupPlan, RangeWrite, SheetPlan, TablePlan, WorkbookPlan } from "../plan";
import { NO_TAKEN_NAMES, checkPlan, type PlannedCell, rangeCells } from "../plan";
import { addCharts } from "./chartParts";

/** Who the file says created it. */
const CREATOR = "CRS Adoption Modeller";
/** The workbook's default font; a styled cell keeps its name and size, as in Excel. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

/** The formula cells' cached results, by `cellKey`. */
type CachedValues = ReadonlyMap<string, ScalarValue>;

/**
 * The .xlsx file of a plan, as bytes; a malformed plan is refused with a PlanError.
 * `options.functions` computes the cached results of formulas that call functions other than
 * Excel's own.
 */
export async function writeXlsx(plan: WorkbookPlan, options: FormulaValueOptions = {}): Promise<Uint8Array> {
  checkPlan(plan, NO_TAKEN_NAMES);
  const cached = computeFormulaValues(plan, options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.calcProperties.fullCalcOnLoad = true;
  plan.sheets.forEach((sheet) => writeSheet(workbook, sheet, cached));
  for (const name of plan.names) {
    workbook.definedNames.add(`${sheetReference(name.sheet)}!${absoluteAddress(name.address)}`, name.name);
  }
  const active = plan.sheets.findIndex((sheet) => sheet.name === plan.activate);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return addCharts(bytes, plan.sheets);
}

/** One sheet: its cells first, then its tables over them, then column widths. */
function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, cached: CachedValues): void {
  const frozen: Partial<ExcelJS.WorksheetView>[] =
    plan.freezeRows > 0 ? [{ state: "frozen", ySplit: plan.freezeRows, topLeftCell: `A${plan.freezeRows + 1}` }] : [];
  const sheet = workbook.addWorksheet(plan.name, { views: frozen });
  plan.ranges.forEach((range) => writeRange(sheet, range, cached));
  // exceljs writes a table's header and rows into the cells itself; they are given the very
  // values already there, so the cells and their formats stay as the plan wrote them.
  plan.tables.forEach((table) => addTable(sheet, table));
  for (const width of plan.columnWidths) sheet.getColumn(columnNumber(width.column)).width = width.characters;
  for (const height of plan.rowHeights ?? []) sheet.getRow(height.row).height = height.points;
  (plan.validations ?? []).forEach((validation) => addListValidation(sheet, validation));
  if (plan.pageSetup) setUpPages(sheet, plan.pageSetup);
}

/** Excel's code of A4 paper in a sheet's page setup. */
const PAPER_A4 = 9;

/** A4, one page wide and as many tall as it takes, with the plan's page breaks. */
function setUpPages(sheet: ExcelJS.Worksheet, plan: PageSetupPlan): void {
  sheet.pageSetup = { paperSize: PAPER_A4, orientation: plan.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // exceljs breaks the page below a row: a break before row r is one below row r − 1.
  for (const row of plan.breaksBeforeRows ?? []) sheet.getRow(row - 1).addPageBreak();
}

/** A drop-down list in every cell of a range, refusing anything else, with its message. */
function addListValidation(sheet: ExcelJS.Worksheet, plan: ListValidationPlan): void {
  const { start, end } = parseRange(plan.address);
  for (let row = start.row; row <= end.row; row++) {
    for (let column = start.column; column <= end.column; column++) {
      sheet.getCell(row, column).dataValidation = {
        type: "list",
        allowBlank: false,
        formulae: [`"${plan.values.join(",")}"`],
        showInputMessage: true,
        promptTitle: "Choose from the list",
        prompt: plan.message,
        showErrorMessage: true,
        errorStyle: "error",
        errorTitle: "Not in the list",
        error: plan.message,
      };
    }
  }
}

/** Writes a range of cells with its number formats and style. */
function writeRange(sheet: ExcelJS.Worksheet, range: RangeWrite, cached: CachedValues): void {
  for (const planned of rangeCells(range).cells) {
    const cell = sheet.getCell(planned.row, planned.column);
    const result = cached.get(cellKey(sheet.name, planned.address));
    cell.value = cellValue(planned, result);
    if (planned.formula !== null) keepResult(cell, result);
    if (planned.numberFormat !== null) cell.numFmt = planned.numberFormat;
    if (planned.style) applyStyle(cell, planned.style);
  }
}

/**
 * Sets a formula cell's cached result again where exceljs, copying a formula's value, drops a
 * result that is 0, "" or FALSE: such a formula then carries its cached value like any other.
 */
function keepResult(cell: ExcelJS.Cell, result: unknown): void {
  if (result !== undefined && result !== null && !result) (cell as unknown as { _value: { result: unknown } })._value.result = result;
}

/** A planned cell as exceljs takes it: formulas without their leading "=" and with their cached result, literals as they are. */
function cellValue(planned: PlannedCell, result: ScalarValue | undefined): ExcelJS.CellValue {
  if (planned.formula === null) return planned.value as CellValue;
  return { formula: planned.formula.slice(1), result: (result ?? undefined) as ExcelJS.CellFormulaValue["result"] };
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
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    const alignment = cell.alignment;
    const vertical = style.vertical === "center" ? "middle" : style.vertical;
    cell.alignment = { ...alignment, wrapText: style.wrap ?? alignment?.wrapText, horizontal: style.horizontal ?? alignment?.horizontal, vertical: vertical ?? alignment?.vertical };
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
  // The table writes its cells again, dropping the results `keepResult` set: they are set once more after it.
  const results = rows.flatMap((row, r) => row.map((_, c) => ({ cell: sheet.getCell(start.row + 1 + r, start.column + c) })).map(({ cell }) => ({ cell, result: cell.type === ExcelJS.ValueType.Formula ? cell.result : undefined })));
  sheet.addTable({
    name: table.name,
    ref: cellAddress(start.row, start.column),
    headerRow: true,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: valuesOf(start.row).map((header) => ({ name: String(header ?? ""), filterButton: true })),
    rows,
  });
  for (const { cell, result } of results) keepResult(cell, result);
}
