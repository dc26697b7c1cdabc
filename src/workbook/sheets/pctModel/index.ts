/**
 * The plan of the PCT adoption model, laid out after the FAST standard, that answers a PCT
 * manager's questions from the PCT's own counts: was (or will) the incentive be paid, when will
 * the PCT reach a later target and how sure is that, and how many registrations a month it takes.
 * Two sheets. The model sheet, one A4 landscape page wide at a readable scale, from the top: the
 * decision in words and the outputs beside a chart, the inputs (the article's scheme, the example
 * PCT, its history), the calculations, the run-rate scenarios, the Checks, and the article's
 * national figures. The timeline sheet: the monthly timeline across the columns, which the chart
 * draws.
 *
 * Every input and output the spec lists is a workbook-scoped defined name, and every formula
 * refers to cells by their names, so a user can read it and other sheets can use it; the names
 * are the ones free in the workbook. "Build model" and `npm run workbook` write this one plan,
 * with live `CRS.` functions or with native formulas and the fit written as values.
 */
import { dialectOf } from "../dialect";
import type { FormulaFlavour } from "../dialect";
import { modelChart } from "./chart";
import type { ModelContext, ModelSheets } from "./context";
import { EXAMPLE_PCT } from "./example";
import { computeFittedValues } from "./fittedValues";
import { MODEL_WIDTHS, columnWidths } from "./grid";
import { writeAsFitted } from "./asFittedBlock";
import { writeCalculations } from "./calculationsBlock";
import { writeChecks } from "./checksBlock";
import { writeHistory } from "./historyBlock";
import { writeInputs } from "./inputsBlock";
import { writeIntro } from "./introBlock";
import { allocateModelNames } from "./modelNames";
import { writeNational } from "./nationalBlock";
import { writeOutputs } from "./outputsBlock";
import { writeScenarios } from "./scenariosBlock";
import { SheetBuilder } from "../sheetBuilder";
import { writeTimeline } from "./timelineBlock";
import { TIMELINE_WIDTHS } from "./timelineGrid";
import { NameAllocator } from "../../plan";
import type { TakenNames, WorkbookPlan } from "../../plan";

/** The sheet names the model asks for: the model, and its monthly timeline. */
export const MODEL_SHEET = "CRS model";
export const TIMELINE_SHEET = "CRS model timeline";

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
 * Plans the model's two sheets in a workbook that already uses the names in `taken`. The sheets
 * and every defined name get free names (the messages say which were renamed), and every formula
 * uses the names actually given.
 *
 * @example planModel(NO_TAKEN_NAMES, { formulas: "crs" }).names.map((name) => name.name) // ["IncentivePayable", …]
 */
export function planModel(taken: TakenNames, options: ModelOptions): WorkbookPlan {
  const allocate = new NameAllocator(taken);
  const sheets: ModelSheets = { model: allocate.sheet(MODEL_SHEET), timeline: allocate.sheet(TIMELINE_SHEET) };
  const portable = options.formulas === "portable";
  const names = allocateModelNames(allocate, portable);
  const builder = new SheetBuilder(sheets.model, names, MODEL_WIDTHS);
  const fitted = portable ? computeFittedValues(EXAMPLE_PCT, options.computedOn ?? new Date()) : null;
  const context: ModelContext = { builder, sheets, n: names, dialect: dialectOf(options.formulas), example: EXAMPLE_PCT, fitted };
  const timelineBuilder = new SheetBuilder(sheets.timeline, names, TIMELINE_WIDTHS);
  const timeline = writeTimeline({ ...context, builder: timelineBuilder });

  writeIntro(context);
  builder.gap();
  const chartRow = writeOutputs(context);
  builder.gap(Math.max(1, chartRow + CHART_ROWS - builder.row));
  // Printed: the decision and the chart on page 1, then a page each from the inputs, the history,
  // the calculations and scenarios, and the checks; England's figures, and in the portable
  // flavour the fit's inputs last, so that every row above is where it is in the live flavour.
  const pages: ((context: ModelContext) => void)[][] = [
    [writeInputs],
    [writeHistory],
    [writeCalculations, writeScenarios],
    [writeChecks],
    [writeNational],
    ...(fitted === null ? [] : [[(context: ModelContext) => writeAsFitted(context, fitted)]]),
  ];
  const breaks: number[] = [];
  pages.forEach((blocks, page) => {
    if (page > 0) builder.gap();
    breaks.push(builder.row);
    blocks.forEach((write, index) => {
      if (index > 0) builder.gap();
      write(context);
    });
  });

  const how = portable ? "native Excel formulas that need no add-in (the fit written as values)" : "live CRS. functions";
  return {
    sheets: [
      {
        name: sheets.model,
        ranges: builder.ranges,
        tables: [],
        columnWidths: columnWidths(MODEL_WIDTHS),
        charts: [modelChart(timeline, sheets.timeline, chartRow, CHART_ROWS)],
        freezeRows: 0,
        rowHeights: builder.rowHeights(),
        validations: builder.validations,
        pageSetup: { orientation: "landscape", breaksBeforeRows: breaks },
      },
      {
        name: sheets.timeline,
        ranges: timelineBuilder.ranges,
        tables: [],
        columnWidths: columnWidths(TIMELINE_WIDTHS),
        charts: [],
        freezeRows: 0,
        rowHeights: timelineBuilder.rowHeights(),
        pageSetup: { orientation: "landscape" },
      },
    ],
    names: [...builder.definedNames, ...timelineBuilder.definedNames],
    activate: sheets.model,
    messages: [
      `Built the PCT adoption model in sheet '${sheets.model}', with its monthly timeline in sheet '${sheets.timeline}', using ${how}: ` +
        `the incentive at its deadline, a later target, a fitted projection with bounds, run-rate scenarios, checks and a chart. ` +
        `Replace the example PCT's history and size (orange cells) with yours.`,
      ...allocate.renamings(),
    ],
  };
}
export { TIMELINE_TITLE } from "./timelineBlock";
export { TIMELINE_MONTHS } from "./timelineGrid";
export { EXAMPLE_PCT } from "./example";
export { computeFittedValues } from "./fittedValues";
