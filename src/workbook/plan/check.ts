/**
 * The check every writer runs on a plan before it writes anything: the Office.js adapter and
 * the .xlsx writer refuse a malformed plan with the same PlanError, so nothing is half written.
 */
import { box } from "../../excel/a1";
import { checkColumnWidth } from "./columnWidth";
import { isValidObjectName, isValidSheetName, nameKey } from "./names";
import type { ChartPlan, RangeWrite, SheetPlan, TakenNames, WorkbookPlan } from "./plan";
import { PlanError } from "./planError";
import { rangeCells } from "./rangeCells";

/**
 * Refuses a plan that would touch anything the workbook has or write what Excel cannot hold:
 * a taken sheet, table or defined name, an invalid name, a name on a sheet the plan does not
 * add, a range of the wrong shape or off the sheet, a number a cell cannot hold, a column width
 * outside 0 to 255, a chart without series or over the cells of a sheet the plan does not add, a
 * negative number of frozen rows, a sheet to show that does not exist. Throws a PlanError saying
 * what is wrong.
 *
 * @example checkPlan(planModel(taken, { formulas: "crs" }), taken) // passes: the planner took only free names
 */
export function checkPlan(plan: WorkbookPlan, taken: TakenNames): void {
  try {
    checkNamesAndShapes(plan, taken);
  } catch (error) {
    // A malformed address is a fault of the plan like any other.
    throw error instanceof PlanError ? error : new PlanError(error instanceof Error ? error.message : String(error));
  }
}

function checkNamesAndShapes(plan: WorkbookPlan, taken: TakenNames): void {
  const sheets = new Set(taken.sheets.map(nameKey));
  // Table names and defined names share one namespace in Excel.
  const names = new Set([...taken.tables, ...taken.names].map(nameKey));
  const planSheets = new Set<string>();
  for (const sheet of plan.sheets) {
    checkSheetName(sheet.name);
    claim(sheets, "sheet", sheet.name);
    planSheets.add(nameKey(sheet.name));
    sheet.ranges.forEach((write) => checkRange(sheet.name, write));
    for (const table of sheet.tables) {
      checkObjectName("table", table.name);
      claim(names, "table", table.name);
      box(table.address);
    }
    checkLayout(sheet);
  }
  for (const sheet of plan.sheets) for (const chart of sheet.charts) checkChartData(chart, sheet.name, planSheets);
  for (const name of plan.names) {
    checkObjectName("defined", name.name);
    claim(names, "defined", name.name);
    if (!planSheets.has(nameKey(name.sheet))) {
      throw new PlanError(`The name "${name.name}" refers to "${name.sheet}", a sheet this action does not add.`);
    }
    box(name.address);
  }
  const shown = plan.activate;
  if (shown !== null && !planSheets.has(nameKey(shown)) && !sheets.has(nameKey(shown))) {
    throw new PlanError(`The sheet to show, "${shown}", does not exist.`);
  }
}

/** A range of cells, walked as a writer will walk it, its faults named with its sheet. */
function checkRange(sheet: string, write: RangeWrite): void {
  try {
    rangeCells(write);
  } catch (error) {
    throw new PlanError(`On sheet "${sheet}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;
/** Excel's limit on the text of a list validation's source. */
const MAX_LIST_CHARACTERS = 255;

/** Column widths, row heights, validations, charts, frozen rows and page breaks of a sheet. */
function checkLayout(sheet: SheetPlan): void {
  for (const height of sheet.rowHeights ?? []) {
    box(`A${height.row}`);
    if (!(height.points >= 0 && height.points <= MAX_ROW_POINTS)) {
      throw new PlanError(`Row ${height.row} of "${sheet.name}" cannot be ${height.points} points high (0 to ${MAX_ROW_POINTS}).`);
    }
  }
  for (const validation of sheet.validations ?? []) {
    box(validation.address);
    const source = validation.values.join(",");
    if (validation.values.length === 0 || validation.values.some((value) => value === "" || value.includes(","))) {
      throw new PlanError(`The list at ${validation.address} of "${sheet.name}" needs texts without commas.`);
    }
    if (source.length > MAX_LIST_CHARACTERS) {
      throw new PlanError(`The list at ${validation.address} of "${sheet.name}" is longer than Excel's ${MAX_LIST_CHARACTERS} characters.`);
    }
  }
  for (const row of sheet.pageSetup?.breaksBeforeRows ?? []) box(`A${row}`);
  for (const width of sheet.columnWidths) {
    box(`${width.column}1`);
    checkColumnWidth(width.characters);
  }
  for (const chart of sheet.charts) {
    if (chart.series.length === 0) throw new PlanError(`The chart "${chart.title}" has no series.`);
    [chart.categories, chart.position, ...chart.series.map((series) => series.values)].forEach(box);
    const every = chart.dateAxis?.labelEvery;
    if (every !== undefined && !(Number.isInteger(every) && every >= 1)) {
      throw new PlanError(`The chart "${chart.title}" cannot label its date axis every ${every} units (a whole number from 1).`);
    }
    const scale = chart.valueAxis;
    if (scale && !(Number.isFinite(scale.minimum) && Number.isFinite(scale.maximum) && scale.minimum < scale.maximum)) {
      throw new PlanError(`The chart "${chart.title}" cannot scale its value axis from ${scale.minimum} to ${scale.maximum} (the minimum below the maximum).`);
    }
  }
  if (!Number.isInteger(sheet.freezeRows) || sheet.freezeRows < 0) {
    throw new PlanError(`The sheet "${sheet.name}" cannot freeze ${sheet.freezeRows} rows.`);
  }
}

/**
 * A chart draws cells the same action writes: its data sheet, if another than its own, must be
 * one the plan adds (a chart over the user's own sheets would not be the plan's to remove).
 */
function checkChartData(chart: ChartPlan, sheet: string, planSheets: ReadonlySet<string>): void {
  if (chart.dataSheet !== undefined && !planSheets.has(nameKey(chart.dataSheet))) {
    throw new PlanError(`The chart "${chart.title}" on "${sheet}" draws "${chart.dataSheet}", a sheet this action does not add.`);
  }
}

function checkSheetName(name: string): void {
  if (!isValidSheetName(name)) {
    throw new PlanError(
      `"${name}" is not a valid sheet name in Excel (1 to 31 characters, none of : \\ / ? * [ ], no apostrophe at either end, not "History").`,
    );
  }
}

function checkObjectName(kind: string, name: string): void {
  if (!isValidObjectName(name)) {
    throw new PlanError(
      `"${name}" is not a valid ${kind} name in Excel (up to 255 characters: a letter, _ or \\ first, then letters, digits, _ or .; not readable as a cell reference such as "GP2005").`,
    );
  }
}

/** Registers a name in a set of taken names, refusing one already there (Excel ignores case). */
function claim(taken: Set<string>, kind: string, name: string): void {
  if (taken.has(nameKey(name))) throw new PlanError(`The ${kind} name "${name}" is already taken.`);
  taken.add(nameKey(name));
}
