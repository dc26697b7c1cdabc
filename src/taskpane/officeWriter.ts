/**
 * Applies a workbook plan to Excel through Office.js in one batch.
 *
 * An action costs at most three `context.sync()` round trips, whatever the number of rows:
 *
 * 1. read the names the workbook already uses (sheets, tables, workbook- and sheet-scoped defined
 *    names) in one load; only if a host refuses the load of sheet-scoped names does a second
 *    read, without them, follow;
 * 2. compute the plan (pure code, no Excel), check it takes none of those names, then queue every
 *    write (new sheets, the defined names on them, one 2D array of formulas per range, number
 *    formats, styles, tables, column widths, frozen rows, charts, the sheet to show) and sync
 *    once. The names come before the formulas, so no formula is ever written with a name Excel
 *    does not know yet, and the charts after every sheet's cells, which they may draw;
 * 3. only if Excel refuses a write part-way: remove the sheets and names the action had added
 *    (removeAdded.ts).
 *
 * Nothing the user has is touched: the plan writes only to sheets it adds, and the check refuses
 * any plan that reuses a taken name before a single write is queued. Nothing of the user's is
 * deleted or cleared.
 *
 * Only string values of Office.js enums are used ("Line", "Continuous", ...), so this module runs
 * without the `Excel` global and can be tested on a mock.
 */
import { box, boxSize, corners } from "../excel/a1";
import type {
  CellStyle,
  ChartPlan,
  ChartSeriesPlan,
  DateAxisUnit,
  ListValidationPlan,
  PageSetupPlan,
  RangeWrite,
  SheetPlan,
  TakenNames,
  WorkbookPlan,
} from "../workbook/plan";
import { columnWidthPoints, NO_TAKEN_NAMES, nameKey, checkPlan, PlanError, rangeCells } from "../workbook/plan";
import { type DateSystem, queueDateSystem, shiftDates, writeShift } from "./dateSystem";
import { AddedItems, syncOrRemoveAdded } from "./removeAdded";

/** The most `context.sync()` round trips one action makes. */
export const MAX_SYNCS_PER_ACTION = 3;

/**
 * The ExcelApi requirement set this writer needs: its newest calls (`Worksheet.pageLayout`,
 * `Worksheet.horizontalPageBreaks`) are ExcelApi 1.9; list validation and a chart axis's number
 * format are 1.8; chart series, markers, line styles, date axes and frozen rows 1.7; the rest is
 * 1.4 (`NamedItemCollection.add`, `Worksheet.names`) or older; the forecast's reader needs 1.9
 * too (`Range.getTables`). Excel 2021, Microsoft 365 and Excel on the web have it; Excel 2019
 * stops at 1.8 (and lacks the custom functions runtime the add-in needs anyway).
 */
export const EXCEL_API_VERSION = "1.9";

/** Excel's limit on the comment of a defined name. */
const NAME_COMMENT_LIMIT = 255;

/** What the first round trip of an action reads: the names in use, the workbook's date system, and the action's own reads. */
export interface WorkbookRead<T> {
  readonly taken: TakenNames;
  /** Null when Excel did not say (then the add-in writes 1900 serials, Excel's default). */
  readonly dateSystem: DateSystem | null;
  readonly read: T;
}

/**
 * Reads the names the workbook uses and its date system in the same round trip as other reads:
 * `queue` queues them and returns what gives their result after the sync. If that round trip
 * fails, it is tried once more without sheet-scoped names (which some hosts cannot load with the
 * sheets), unless the failure is Excel's ItemNotFound: something the other reads asked for is
 * not there. So 1 round trip, or 2 where sheet-scoped names are left out.
 */
export async function readWithTakenNames<T>(context: Excel.RequestContext, queue: () => () => T): Promise<WorkbookRead<T>> {
  try {
    return await loadTakenNames(context, queue, true);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ItemNotFound") throw error;
    return loadTakenNames(context, queue, false);
  }
}

async function loadTakenNames<T>(context: Excel.RequestContext, queue: () => () => T, withSheetNames: boolean): Promise<WorkbookRead<T>> {
  const workbook = context.workbook;
  const result = queue();
  const dateSystem = queueDateSystem(context);
  const sheets = workbook.worksheets.load(withSheetNames ? "items/name, items/names/items/name" : "items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name");
  await context.sync();
  const sheetNames = withSheetNames ? sheets.items.flatMap((sheet) => sheet.names.items.map((item) => item.name)) : [];
  const taken = {
    sheets: sheets.items.map((sheet) => sheet.name),
    tables: tables.items.map((table) => table.name),
    names: [...names.items.map((item) => item.name), ...sheetNames],
  };
  return { taken, dateSystem: dateSystem(), read: result() };
}

/** A date axis's time unit as Office.js names it. */
const TIME_UNIT: Record<DateAxisUnit, "Days" | "Months" | "Years"> = { days: "Days", months: "Months", years: "Years" };

const HORIZONTAL: Record<NonNullable<CellStyle["horizontal"]>, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};

const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
};

function queueStyle(range: Excel.Range, style: CellStyle, rows: number, columns: number): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border !== undefined) {
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside borders exist only where the range has more than one row or column.
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

function queueRangeWrite(sheet: Excel.Worksheet, write: RangeWrite, dateShift: number): void {
  const cells = rangeCells(write);
  const range = sheet.getRange(cells.address);
  // Formulas and literals go in one 2D array: one request for the whole range; dates in the workbook's system.
  range.formulas = dateShift === 0 ? cells.inputs : shiftDates(cells.inputs, cells.numberFormats, dateShift);
  // Formats after the cells, so that a text format never turns a formula into text.
  if (cells.numberFormats !== null) range.numberFormat = cells.numberFormats;
  if (cells.style) queueStyle(range, cells.style, cells.rows, cells.columns);
}

function seriesOrientation(address: string): "Columns" | "Rows" | "Auto" {
  const size = boxSize(box(address));
  if (size.columns === 1) return "Columns";
  return size.rows === 1 ? "Rows" : "Auto";
}

/** Line width of every series, in points. */
const SERIES_LINE_POINTS = 1.5;

/** Draws a series as its plan says: a solid or dashed line without markers, or markers only. */
function queueSeriesLook(series: Excel.ChartSeries, plan: ChartSeriesPlan): void {
  const line = series.format.line;
  if (plan.look === "markers") {
    line.lineStyle = "None";
    series.markerStyle = "Circle";
    series.markerSize = 6;
    if (plan.color !== undefined) {
      series.markerBackgroundColor = plan.color;
      series.markerForegroundColor = plan.color;
    }
    return;
  }
  series.markerStyle = "None";
  line.lineStyle = plan.look === "dashed" ? "Dash" : "Continuous";
  line.weight = SERIES_LINE_POINTS;
  if (plan.color !== undefined) line.color = plan.color;
}

/** Queues a chart on `sheet` over the ranges of `dataSheet` (the chart's own sheet, or another the plan adds). */
function queueChart(sheet: Excel.Worksheet, dataSheet: Excel.Worksheet, plan: ChartPlan): void {
  const [first, ...others] = plan.series;
  const chart = sheet.charts.add("Line", dataSheet.getRange(first.values), seriesOrientation(first.values));
  const categories = dataSheet.getRange(plan.categories);
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setXAxisValues(categories);
  queueSeriesLook(firstSeries, first);
  for (const other of others) {
    const series = chart.series.add(other.name);
    series.setValues(dataSheet.getRange(other.values));
    series.setXAxisValues(categories);
    queueSeriesLook(series, other);
  }
  if (plan.dateAxis) {
    const axis = chart.axes.categoryAxis;
    axis.categoryType = "DateAxis";
    axis.numberFormat = plan.dateAxis.format;
    const unit = TIME_UNIT[plan.dateAxis.unit ?? "days"];
    axis.baseTimeUnit = unit;
    if (plan.dateAxis.labelEvery !== undefined) {
      axis.majorUnit = plan.dateAxis.labelEvery;
      axis.majorTimeUnitScale = unit;
    }
  }
  chart.title.text = plan.title;
  chart.axes.categoryAxis.title.text = plan.xAxisTitle;
  chart.axes.categoryAxis.title.visible = true;
  chart.axes.valueAxis.title.text = plan.yAxisTitle;
  chart.axes.valueAxis.title.visible = true;
  if (plan.valueAxis) {
    chart.axes.valueAxis.minimum = plan.valueAxis.minimum;
    chart.axes.valueAxis.maximum = plan.valueAxis.maximum;
    chart.axes.valueAxis.numberFormat = plan.valueAxis.format;
  }
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  const [topLeft, bottomRight] = corners(box(plan.position));
  chart.setPosition(topLeft, bottomRight);
}

/** A drop-down list the cell accepts nothing outside of, with a message saying what it takes. */
function queueValidation(sheet: Excel.Worksheet, plan: ListValidationPlan): void {
  const validation = sheet.getRange(plan.address).dataValidation;
  validation.rule = { list: { inCellDropDown: true, source: plan.values.join(",") } };
  validation.prompt = { showPrompt: true, title: "Choose from the list", message: plan.message };
  validation.errorAlert = { showAlert: true, style: "Stop", title: "Not in the list", message: plan.message };
}

/** A4, one page wide and as many tall as it takes, with the plan's page breaks. */
function queuePageSetup(sheet: Excel.Worksheet, plan: PageSetupPlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = plan.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  for (const row of plan.breaksBeforeRows ?? []) sheet.horizontalPageBreaks.add(`A${row}`);
}

/** Queues everything written on a sheet the plan adds but its charts. */
function queueSheetContents(sheet: Excel.Worksheet, plan: SheetPlan, dateShift: number): void {
  plan.ranges.forEach((write) => queueRangeWrite(sheet, write, dateShift));
  for (const table of plan.tables) {
    // A Range, not an address text: a text without a sheet name would go to the active sheet.
    const added = sheet.tables.add(sheet.getRange(table.address), true);
    added.name = table.name;
    added.style = table.style;
  }
  for (const width of plan.columnWidths) {
    sheet.getRange(`${width.column}:${width.column}`).format.columnWidth = columnWidthPoints(width.characters);
  }
  for (const height of plan.rowHeights ?? []) sheet.getRange(`${height.row}:${height.row}`).format.rowHeight = height.points;
  (plan.validations ?? []).forEach((validation) => queueValidation(sheet, validation));
  if (plan.pageSetup) queuePageSetup(sheet, plan.pageSetup);
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
}

function truncateComment(comment: string): string {
  return comment.length <= NAME_COMMENT_LIMIT ? comment : `${comment.slice(0, NAME_COMMENT_LIMIT - 1)}…`;
}

/**
 * Queues every write of a plan on the context, without syncing: the new sheets, then the
 * defined names on them, then each sheet's contents, so every name exists before a formula
 * uses it. The plan is checked first against the names `taken` in the workbook (by default none
 * but its own), so a plan that is malformed or takes a taken name throws before a single request
 * is queued. The plan's dates (numbers formatted as dates, 1900 serials) are written in the
 * workbook's `dateSystem`.
 */
export function queuePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  taken: TakenNames = NO_TAKEN_NAMES,
  record = new AddedItems(),
  dateSystem: DateSystem | null = 1900,
): void {
  checkPlan(plan, taken);
  const added = new Map<string, Excel.Worksheet>();
  for (const sheetPlan of plan.sheets) {
    added.set(nameKey(sheetPlan.name), context.workbook.worksheets.add(sheetPlan.name));
    record.sheet(sheetPlan.name);
  }
  const sheetOf = (name: string): Excel.Worksheet => {
    const sheet = added.get(nameKey(name));
    if (!sheet) throw new PlanError(`"${name}" is not a sheet this action adds.`);
    return sheet;
  };
  for (const name of plan.names) {
    context.workbook.names.add(name.name, sheetOf(name.sheet).getRange(name.address), truncateComment(name.comment));
    record.name(name.name);
  }
  for (const sheetPlan of plan.sheets) queueSheetContents(sheetOf(sheetPlan.name), sheetPlan, writeShift(dateSystem));
  // Charts last, once every sheet's cells are queued: a chart may draw another sheet's cells, and
  // a chart added over cells not yet written could start without the series it is given.
  for (const sheetPlan of plan.sheets) {
    const sheet = sheetOf(sheetPlan.name);
    for (const chart of sheetPlan.charts) queueChart(sheet, chart.dataSheet === undefined ? sheet : sheetOf(chart.dataSheet), chart);
  }
  if (plan.activate !== null) {
    (added.get(nameKey(plan.activate)) ?? context.workbook.worksheets.getItem(plan.activate)).activate();
  }
}

/**
 * Checks a plan against the names `taken` in the workbook (by default none but its own), queues
 * every write and sends them to Excel in one round trip; if Excel refuses one, removes what the
 * action had added in one more (see removeAdded.ts). Dates are written in `dateSystem`.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, taken: TakenNames = NO_TAKEN_NAMES, dateSystem: DateSystem | null = 1900): Promise<void> {
  const added = new AddedItems();
  queuePlan(context, plan, taken, added, dateSystem);
  await syncOrRemoveAdded(context, added);
}

/**
 * One action: reads the taken names and the date system (1 round trip), makes the plan from the
 * names, checks it takes none of them, and applies it in the workbook's date system (1 round
 * trip). Returns the plan applied, whose messages say what was created where.
 */
export async function runPlan(
  context: Excel.RequestContext,
  makePlan: (taken: TakenNames) => WorkbookPlan,
): Promise<WorkbookPlan> {
  const { taken, dateSystem } = await readWithTakenNames(context, () => () => undefined);
  const plan = makePlan(taken);
  await applyPlan(context, plan, taken, dateSystem);
  return plan;
}
