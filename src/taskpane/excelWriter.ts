/**
 * Applies a workbook plan to Excel through Office.js in one batch.
 *
 * An action costs at most three `context.sync()` round trips, whatever the number of rows:
 *
 * 1. read the names the workbook already uses (sheets, tables, workbook- and sheet-scoped defined
 *    names) in one load; only if a host refuses the load of sheet-scoped names does a second
 *    read, without them, follow;
 * 2. compute the plan (pure code, no Excel), check it takes none of those names, then queue every
 *    write (new sheets, the defined names on them, one 2D array of formulas per block, number
 *    formats, styles, tables, column widths, frozen rows, charts, the sheet to show) and sync
 *    once. The names come before the formulas, so no formula is ever written with a name Excel
 *    does not know yet;
 * 3. only if Excel refuses a write part-way: remove the sheets and names the action had added
 *    (removeAdded.ts).
 *
 * Nothing the user has is touched: the plan writes only to sheets it adds, and the check refuses
 * any plan that reuses a taken name before a single write is queued. Nothing is deleted or cleared.
 *
 * Only string values of Office.js enums are used ("Line", "Continuous", ...), so this module runs
 * without the `Excel` global and can be tested on a mock.
 */
import type { Cell, CellStyle, ChartPlan, RangeWrite, SheetPlan, TakenNames, WorkbookPlan } from "../workbook/plan";
import { NO_TAKEN_NAMES, isValidObjectName, isValidSheetName } from "../workbook/names";
import { blockAddress, box, boxSize, corners } from "./blocks";
import { AddedItems, syncOrRemoveAdded } from "./removeAdded";

/** The most `context.sync()` round trips one action makes. */
export const MAX_SYNCS_PER_ACTION = 3;

/**
 * The ExcelApi requirement set this writer needs: its newest calls (`ChartSeriesCollection.add`,
 * `ChartSeries.setValues`, `ChartSeries.setXAxisValues`, `WorksheetFreezePanes.freezeRows`) are
 * ExcelApi 1.7; the rest is 1.4 (`NamedItemCollection.add`, `Worksheet.names`) or older.
 */
export const EXCEL_API_VERSION = "1.7";

/** Excel's limit on the comment of a defined name. */
const NAME_COMMENT_LIMIT = 255;

/**
 * The width in points of a column `characters` wide.
 *
 * Excel measures column widths in characters of the default font (Calibri 11: a digit is 7 px
 * wide at 96 dpi) and shows a column of N characters as N × 7 px plus 5 px of cell padding.
 * Office.js sets widths in points (0.75 pt per px at 96 dpi), so
 *
 *     points = (N × 7 + 5) × 0.75 = N × 5.25 + 3.75
 *
 * rounded to whole pixels (multiples of 0.75 pt) so Excel shows exactly that many characters.
 * Example: 12 characters → 89 px → 66.75 pt, which Excel reports as a width of 12.
 */
export function columnWidthPoints(characters: number): number {
  if (!Number.isFinite(characters) || characters < 0 || characters > 255) {
    throw new PlanError(`A column width of ${characters} characters is outside Excel's 0 to 255.`);
  }
  const pixels = Math.round(characters * 7 + (characters > 0 ? 5 : 0));
  return pixels * 0.75;
}

/** A plan that would take a name in use or write something Excel cannot hold. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

/**
 * Whether a text would be read by Excel as something other than text when written to a cell:
 * a formula (=, +, -, @), an error (#N/A), a number, date, time, percentage or amount (anything
 * with a digit, such as "Aug 2005" or "30%"), or a logical value. Such a text is written with
 * Excel's text prefix, an apostrophe, which Excel keeps out of the cell's value.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return /^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** What `Range.formulas` receives for one planned cell: literals as they are, texts kept text. */
export function cellInput(cell: Cell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") {
    const formula = cell.formula.trim();
    return formula.startsWith("=") ? formula : `=${formula}`;
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new PlanError(`A cell cannot hold ${cell}.`);
    return cell;
  }
  if (typeof cell === "string") return needsTextPrefix(cell) ? `'${cell}` : cell;
  return cell;
}

const fold = (name: string): string => name.toUpperCase();

/**
 * Reads every name the workbook uses: 1 round trip (2 if the host cannot load sheet-scoped
 * names together with the sheets, in which case those are left out).
 */
export async function readTakenNames(context: Excel.RequestContext): Promise<TakenNames> {
  try {
    return await loadTakenNames(context, true);
  } catch {
    return loadTakenNames(context, false);
  }
}

async function loadTakenNames(context: Excel.RequestContext, withSheetNames: boolean): Promise<TakenNames> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load(withSheetNames ? "items/name, items/names/items/name" : "items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  await context.sync();
  const sheetNames = withSheetNames ? sheets.items.flatMap((sheet) => sheet.names.items.map((item) => item.name)) : [];
  return {
    sheets: sheets.items.map((sheet) => sheet.name),
    tables: tables.items.map((table) => table.name),
    names: [...names.items.map((item) => item.name), ...sheetNames],
  };
}

function checkSheetName(name: string): void {
  if (!isValidSheetName(name)) {
    throw new PlanError(
      `"${name}" is not a valid sheet name in Excel (1 to 31 characters, none of : \\ / ? * [ ], no apostrophe at either end, not "History").`,
    );
  }
}

function checkDefinedName(kind: string, name: string): void {
  if (!isValidObjectName(name)) throw new PlanError(`"${name}" is not a valid ${kind} name in Excel.`);
}

/** Registers a name in a set of taken names, refusing one already there (Excel ignores case). */
function claim(taken: Set<string>, kind: string, name: string): void {
  if (taken.has(fold(name))) {
    throw new PlanError(`The ${kind} name "${name}" is already taken.`);
  }
  taken.add(fold(name));
}

function checkRangeWrite(sheet: string, write: RangeWrite): void {
  const rows = write.cells.length;
  const columns = rows > 0 ? write.cells[0].length : 0;
  if (write.cells.some((row) => row.length !== columns)) {
    throw new PlanError(`The block at ${sheet}!${write.address} has rows of different lengths.`);
  }
  const size = boxSize(box(blockAddress(write.address, rows, columns)));
  write.cells.forEach((row) => row.forEach(cellInput));
  const format = write.numberFormat;
  if (format !== undefined && typeof format !== "string") {
    if (format.length !== size.rows || format.some((row) => row.length !== size.columns)) {
      throw new PlanError(`The number formats of ${sheet}!${write.address} do not match its cells.`);
    }
  }
}

/**
 * Refuses a plan that would touch anything the workbook has: a taken sheet, table or defined
 * name, a name on a sheet the plan does not add, or a block whose shape is wrong. Runs before
 * any write is queued, so a refused plan changes nothing.
 */
export function checkPlan(plan: WorkbookPlan, taken: TakenNames): void {
  try {
    checkPlanNames(plan, taken);
  } catch (error) {
    // A malformed address is a fault of the plan like any other.
    throw error instanceof PlanError ? error : new PlanError(error instanceof Error ? error.message : String(error));
  }
}

function checkPlanNames(plan: WorkbookPlan, taken: TakenNames): void {
  const sheets = new Set(taken.sheets.map(fold));
  // Table names and defined names share one namespace in Excel.
  const names = new Set([...taken.tables, ...taken.names].map(fold));
  const planSheets = new Set<string>();
  for (const sheet of plan.sheets) {
    checkSheetName(sheet.name);
    claim(sheets, "sheet", sheet.name);
    planSheets.add(fold(sheet.name));
    sheet.ranges.forEach((write) => checkRangeWrite(sheet.name, write));
    for (const table of sheet.tables) {
      checkDefinedName("table", table.name);
      claim(names, "table", table.name);
      box(table.address);
    }
    sheet.columnWidths.forEach((width) => {
      box(`${width.column}1`);
      columnWidthPoints(width.characters);
    });
    for (const chart of sheet.charts) {
      if (chart.series.length === 0) throw new PlanError(`The chart "${chart.title}" has no series.`);
      [chart.categories, chart.position, ...chart.series.map((series) => series.values)].forEach(box);
    }
    if (!Number.isInteger(sheet.freezeRows) || sheet.freezeRows < 0) {
      throw new PlanError(`The sheet "${sheet.name}" cannot freeze ${sheet.freezeRows} rows.`);
    }
  }
  for (const name of plan.names) {
    checkDefinedName("defined", name.name);
    claim(names, "defined", name.name);
    if (!planSheets.has(fold(name.sheet))) {
      throw new PlanError(`The name "${name.name}" refers to "${name.sheet}", a sheet this action does not add.`);
    }
    box(name.address);
  }
  if (plan.activate !== null && !planSheets.has(fold(plan.activate)) && !taken.sheets.some((s) => fold(s) === fold(plan.activate!))) {
    throw new PlanError(`The sheet to show, "${plan.activate}", does not exist.`);
  }
}

const HORIZONTAL: Record<NonNullable<CellStyle["horizontal"]>, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};

function queueStyle(range: Excel.Range, style: CellStyle, rows: number, columns: number): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.border !== undefined) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside borders exist only where the block has more than one row or column.
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = style.border;
    }
  }
}

function queueRangeWrite(sheet: Excel.Worksheet, write: RangeWrite): void {
  const rows = write.cells.length;
  const columns = write.cells[0].length;
  const range = sheet.getRange(blockAddress(write.address, rows, columns));
  // Formulas and literals go in one 2D array: one request for the whole block.
  range.formulas = write.cells.map((row) => row.map(cellInput));
  // Formats after the cells, so that a text format never turns a formula into text.
  if (write.numberFormat !== undefined) {
    const format = write.numberFormat;
    range.numberFormat =
      typeof format === "string"
        ? write.cells.map((row) => row.map(() => format))
        : format.map((row) => row.map((cell) => cell ?? "General"));
  }
  if (write.style) queueStyle(range, write.style, rows, columns);
}

function seriesOrientation(address: string): "Columns" | "Rows" | "Auto" {
  const size = boxSize(box(address));
  if (size.columns === 1) return "Columns";
  return size.rows === 1 ? "Rows" : "Auto";
}

function queueChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  const [first, ...others] = plan.series;
  const chart = sheet.charts.add("Line", sheet.getRange(first.values), seriesOrientation(first.values));
  const categories = sheet.getRange(plan.categories);
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setXAxisValues(categories);
  for (const other of others) {
    const series = chart.series.add(other.name);
    series.setValues(sheet.getRange(other.values));
    series.setXAxisValues(categories);
  }
  chart.title.text = plan.title;
  chart.axes.categoryAxis.title.text = plan.xAxisTitle;
  chart.axes.categoryAxis.title.visible = true;
  chart.axes.valueAxis.title.text = plan.yAxisTitle;
  chart.axes.valueAxis.title.visible = true;
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  const [topLeft, bottomRight] = corners(box(plan.position));
  chart.setPosition(topLeft, bottomRight);
}

/** Queues everything written on a sheet the plan adds. */
function queueSheetContents(sheet: Excel.Worksheet, plan: SheetPlan): void {
  plan.ranges.forEach((write) => queueRangeWrite(sheet, write));
  for (const table of plan.tables) {
    // A Range, not an address text: a text without a sheet name would go to the active sheet.
    const added = sheet.tables.add(sheet.getRange(table.address), true);
    added.name = table.name;
    added.style = table.style;
  }
  for (const width of plan.columnWidths) {
    sheet.getRange(`${width.column}:${width.column}`).format.columnWidth = columnWidthPoints(width.characters);
  }
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.charts.forEach((chart) => queueChart(sheet, chart));
}

function truncateComment(comment: string): string {
  return comment.length <= NAME_COMMENT_LIMIT ? comment : `${comment.slice(0, NAME_COMMENT_LIMIT - 1)}…`;
}

/**
 * Queues every write of a plan on the context, without syncing: the new sheets, then the
 * defined names on them, then each sheet's contents, so every name exists before a formula
 * uses it. The plan is checked first against the names `taken` in the workbook (by default none
 * but its own), so a plan that is malformed or takes a taken name throws before a single request
 * is queued.
 */
export function queuePlan(context: Excel.RequestContext, plan: WorkbookPlan, taken: TakenNames = NO_TAKEN_NAMES, record = new AddedItems()): void {
  checkPlan(plan, taken);
  const added = new Map<string, Excel.Worksheet>();
  for (const sheetPlan of plan.sheets) {
    added.set(fold(sheetPlan.name), context.workbook.worksheets.add(sheetPlan.name));
    record.sheet(sheetPlan.name);
  }
  const sheetOf = (name: string): Excel.Worksheet => {
    const sheet = added.get(fold(name));
    if (!sheet) throw new PlanError(`"${name}" is not a sheet this action adds.`);
    return sheet;
  };
  for (const name of plan.names) {
    context.workbook.names.add(name.name, sheetOf(name.sheet).getRange(name.address), truncateComment(name.comment));
    record.name(name.name);
  }
  for (const sheetPlan of plan.sheets) queueSheetContents(sheetOf(sheetPlan.name), sheetPlan);
  if (plan.activate !== null) {
    (added.get(fold(plan.activate)) ?? context.workbook.worksheets.getItem(plan.activate)).activate();
  }
}

/**
 * Checks a plan against the names `taken` in the workbook (by default none but its own), queues
 * every write and sends them to Excel in one round trip; if Excel refuses one, removes what the
 * action had added in one more (see removeAdded.ts).
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, taken: TakenNames = NO_TAKEN_NAMES): Promise<void> {
  const added = new AddedItems();
  queuePlan(context, plan, taken, added);
  await syncOrRemoveAdded(context, added);
}

/**
 * One action: reads the taken names (1 round trip), makes the plan from them, checks it takes
 * none of them, and applies it (1 round trip). Returns the plan applied, whose messages say what
 * was created where.
 */
export async function runPlan(
  context: Excel.RequestContext,
  makePlan: (taken: TakenNames) => WorkbookPlan,
): Promise<WorkbookPlan> {
  const taken = await readTakenNames(context);
  const plan = makePlan(taken);
  await applyPlan(context, plan, taken);
  return plan;
}
