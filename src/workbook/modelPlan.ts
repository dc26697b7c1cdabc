/**
 * The plan of the PCT adoption model: one sheet, laid out after the FAST standard, that answers a
 * PCT manager's questions from the PCT's own counts: was (or will) the incentive be paid, when
 * will the PCT reach a later target and how sure is that, and how many registrations a month it
 * takes. From the top: the decision in words and the outputs beside a chart, the inputs (the
 * article's scheme, the example PCT, its history), the calculations with the monthly timeline
 * across the columns, the run-rate scenarios, the Checks, and the article's national figures.
 *
 * Every input and output the spec lists is a workbook-scoped defined name, and every formula
 * refers to cells by their names, so a user can read it and other sheets can use it; the names
 * are the ones free in the workbook. "Build model" and `npm run workbook` write this one plan,
 * with live `CRS.` functions or with native formulas and the fit written as values.
 */
import { dialectOf } from "./formulaDialect";
import type { FormulaFlavour } from "./formulaDialect";
import { modelChart } from "./model/chart";
import type { ModelContext } from "./model/context";
import { EXAMPLE_PCT } from "./model/example";
import { computeFittedValues } from "./model/fittedValues";
import { columnWidths } from "./model/grid";
import { writeAsFitted } from "./model/asFittedBlock";
import { writeCalculations } from "./model/calculationsBlock";
import { writeChecks } from "./model/checksBlock";
import { writeHistory } from "./model/historyBlock";
import { writeInputs } from "./model/inputsBlock";
import { writeIntro } from "./model/introBlock";
import { allocateModelNames } from "./model/modelNames";
import { writeNational } from "./model/nationalBlock";
import { writeOutputs } from "./model/outputsBlock";
import { writeScenarios } from "./model/scenariosBlock";
import { SheetBuilder } from "./model/sheetBuilder";
import { writeTimeline } from "./model/timelineBlock";
import { NameAllocator } from "./names";
import type { TakenNames, WorkbookPlan } from "./plan";

/** The sheet name the model asks for. */
export const MODEL_SHEET = "CRS model";

/** Rows the chart spans beside the outputs; the inputs start below it. */
const CHART_ROWS = 20;

/** Options of `planModel`. */
export interface ModelOptions {
  /** "crs": live `CRS.` functions of the add-in; "portable": Excel's own functions, the fit written as values. */
  readonly formulas: FormulaFlavour;
  /** When the portable flavour's fit is computed, as its labels say; now if omitted. */
  readonly computedOn?: Date;
}

/**
 * Plans the model sheet in a workbook that already uses the names in `taken`. The sheet and
 * every defined name get free names (the messages say which were renamed), and every formula
 * uses the names actually given.
 *
 * @example planModel(NO_TAKEN_NAMES, { formulas: "crs" }).names.map((name) => name.name) // ["IncentivePayable", …]
 */
export function planModel(taken: TakenNames, options: ModelOptions): WorkbookPlan {
  const allocate = new NameAllocator(taken);
  const sheet = allocate.sheet(MODEL_SHEET);
  const portable = options.formulas === "portable";
  const names = allocateModelNames(allocate, portable);
  const builder = new SheetBuilder(sheet, names);
  const fitted = portable ? computeFittedValues(EXAMPLE_PCT, options.computedOn ?? new Date()) : null;
  const context: ModelContext = { builder, n: names, dialect: dialectOf(options.formulas), example: EXAMPLE_PCT, fitted };

  writeIntro(context);
  builder.gap();
  const chartRow = writeOutputs(context);
  builder.gap(Math.max(1, chartRow + CHART_ROWS - builder.row));
  writeInputs(context);
  builder.gap();
  const historyRow = builder.row;
  writeHistory(context);
  builder.gap();
  writeCalculations(context);
  builder.gap();
  const timelineRow = builder.row;
  const timeline = writeTimeline(context);
  builder.gap();
  writeScenarios(context);
  builder.gap();
  writeChecks(context);
  builder.gap();
  const nationalRow = builder.row;
  writeNational(context);
  // Last, so that every row above is where it is in the live flavour.
  if (fitted !== null) {
    builder.gap();
    writeAsFitted(context, fitted);
  }

  const how = portable ? "native Excel formulas that need no add-in (the fit written as values)" : "live CRS. functions";
  return {
    sheets: [
      {
        name: sheet,
        ranges: builder.ranges,
        tables: [],
        columnWidths: columnWidths(),
        charts: [modelChart(timeline, names, chartRow, CHART_ROWS)],
        freezeRows: 0,
        rowHeights: builder.rowHeights(),
        validations: builder.validations,
        // Printed: the decision, the chart and the inputs on page 1; the history and calculations
        // next; the timeline, scenarios and checks; then England's figures and the fit's inputs.
        pageSetup: { orientation: "landscape", breaksBeforeRows: [historyRow, timelineRow, nationalRow] },
      },
    ],
    names: builder.definedNames,
    activate: sheet,
    messages: [
      `Built the PCT adoption model in sheet '${sheet}' with ${how}: the incentive at its deadline, a later target, ` +
        `a fitted projection with bounds, run-rate scenarios, checks and a chart. Replace the example PCT's history and size (orange cells) with yours.`,
      ...allocate.renamings(),
    ],
  };
}
