/**
 * The plan of the model sheet: named input cells prefilled from the article (assumptions the
 * article does not give marked as such), the threshold and incentive outcome of a PCT, the
 * months and date at which each growth scenario reaches the threshold, a month-by-month
 * projection of the scenarios and a line chart of them against the threshold.
 *
 * Every formula refers to the inputs by their defined names, so a user can read it and move
 * the cells; the names are the ones actually free in the workbook.
 */
import { DATASETS, SOURCE, isoToExcelSerial } from "../data";
import type { DatasetValue, IsoDate } from "../data";
import { cellAddress, columnLetters } from "./a1";
import { NUMBER_FORMATS } from "./formats";
import { dateAfter, dialectOf } from "./formulaDialect";
import type { Expression, FormulaDialect, FormulaFlavour } from "./formulaDialect";
import { NameAllocator } from "./names";
import { HEADER_STYLE } from "./styles";
import type { Cell, CellStyle, ChartPlan, NamePlan, RangeWrite, TakenNames, WorkbookPlan } from "./plan";

/** The sheet name the model asks for. */
export const MODEL_SHEET = "CRS model";
/** How many months the projection runs after the latest figure. */
export const PROJECTION_MONTHS = 24;

/** Options of `planModel`. */
export interface ModelOptions {
  /** "crs": live `CRS.` functions of the add-in; "portable": Excel's own functions, same results. */
  readonly formulas: FormulaFlavour;
}

/** Where a model row's value comes from, as its Source column says. */
type RowSource = "Article" | "Assumption" | "Derived";

/** The defined names the model asks for; the workbook may give others. */
type NameKey =
  | "GPsJune"
  | "DateJune"
  | "GPsAugust"
  | "DateAugust"
  | "Threshold"
  | "Payment"
  | "Deadline"
  | "GPsEngland"
  | "PCTPractices"
  | "PCTGPs"
  | "PCTRegistered"
  | "GrowthCautious"
  | "GrowthCentral"
  | "MonthsObserved"
  | "GrowthObserved"
  | "EnglandThresholdGPs"
  | "PCTThresholdGPs"
  | "PCTShortfall"
  | "PCTIncentive";

/** The name each wanted name was given. */
type Names = Readonly<Record<NameKey, string>>;

/** A named cell of the model: its label, value, format and where it comes from. */
interface NamedRow {
  readonly name: NameKey;
  readonly label: string;
  readonly source: RowSource;
  readonly format: string;
  readonly note: string;
  /** A number the user may change, or an expression over other names. */
  readonly value: (names: Names, dialect: FormulaDialect) => number | Expression;
}

/** A growth scenario: its label and the name of its monthly growth rate. */
interface Scenario {
  readonly label: string;
  readonly rate: NameKey;
}

const MONTHS_FORMAT = "0.00";
/** Figures from the article: light yellow with a blue font, the usual look of an input. */
const ARTICLE_STYLE: CellStyle = { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" };
/** Assumptions: an input too, but orange and italic so they are never mistaken for the article's. */
const ASSUMPTION_STYLE: CellStyle = { fill: "#FCE4D6", fontColor: "#0000FF", italic: true, border: "#BFBFBF" };
/** Calculated cells: grey, not to be typed over. */
const DERIVED_STYLE: CellStyle = { fill: "#F2F2F2", border: "#BFBFBF" };
const STYLE_OF: Readonly<Record<RowSource, CellStyle>> = {
  Article: ARTICLE_STYLE,
  Assumption: ASSUMPTION_STYLE,
  Derived: DERIVED_STYLE,
};

/** A figure of a dataset, as a cell value (dates as Excel serials), with its quote. */
function articleFigure(dataset: string, row: number, key: string): { value: number; quote: string } {
  const found = DATASETS.find((candidate) => candidate.name === dataset)?.rows[row];
  const value: DatasetValue | undefined = found?.values[key];
  if (found === undefined || value === null || value === undefined) {
    throw new Error(`The model needs ${dataset} row ${row} ${key}, which the datasets lack.`);
  }
  return {
    value: typeof value === "number" ? value : isoToExcelSerial(value as IsoDate),
    quote: found.provenance.quote,
  };
}

/** A model row holding a figure of the article. */
function articleRow(name: NameKey, label: string, format: string, dataset: string, row: number, key: string): NamedRow {
  const figure = articleFigure(dataset, row, key);
  return { name, label, source: "Article", format, note: figure.quote, value: () => figure.value };
}

/** A model row holding an assumption the article does not give. */
function assumptionRow(name: NameKey, label: string, format: string, value: number, note: string): NamedRow {
  return { name, label, source: "Assumption", format, note: `Not in the article: ${note}`, value: () => value };
}

const INPUT_ROWS: readonly NamedRow[] = [
  articleRow("GPsJune", "GPs registered, end of Jun 2005", NUMBER_FORMATS.count, "gp_registrations", 0, "registered"),
  articleRow("DateJune", "Date of that figure", NUMBER_FORMATS.date, "gp_registrations", 0, "date"),
  articleRow("GPsAugust", "GPs registered, beginning of Aug 2005", NUMBER_FORMATS.count, "gp_registrations", 1, "registered"),
  articleRow("DateAugust", "Date of that figure (the projection starts here)", NUMBER_FORMATS.date, "gp_registrations", 1, "date"),
  articleRow("Threshold", "Incentive threshold: share of a PCT's GPs registered", NUMBER_FORMATS.percent, "incentive_scheme", 0, "threshold"),
  articleRow("Payment", "Incentive: capital payment per practice", NUMBER_FORMATS.money, "incentive_scheme", 0, "payment"),
  articleRow("Deadline", "Incentive deadline", NUMBER_FORMATS.date, "incentive_scheme", 0, "deadline"),
  assumptionRow("GPsEngland", "GPs in England (the most that can register)", NUMBER_FORMATS.count, 35_000,
    "about how many GPs work in England; the ceiling of every projection."),
  assumptionRow("PCTPractices", "Practices in the PCT", NUMBER_FORMATS.count, 40, "an example PCT; enter your own."),
  assumptionRow("PCTGPs", "GPs in the PCT", NUMBER_FORMATS.count, 150, "an example PCT; enter your own."),
  assumptionRow("PCTRegistered", "GPs registered in the PCT, as of the Aug 2005 figure", NUMBER_FORMATS.count, 30,
    "an example PCT short of the threshold; enter your own."),
  assumptionRow("GrowthCautious", "Cautious monthly growth of registrations", NUMBER_FORMATS.percent, 0.1,
    "a cautious scenario, far below the growth of Jun to Aug 2005."),
  assumptionRow("GrowthCentral", "Central monthly growth of registrations", NUMBER_FORMATS.percent, 0.25,
    "a central scenario, as the rush before the deadline fades."),
  {
    name: "MonthsObserved",
    label: "Months between the two GP figures",
    source: "Derived",
    format: MONTHS_FORMAT,
    note: "PERIODS between the two dates, in months of 365.25/12 days.",
    value: (n, d) => d.periods(n.DateJune, n.DateAugust),
  },
  {
    name: "GrowthObserved",
    label: "Observed monthly growth, Jun to Aug 2005",
    source: "Derived",
    format: NUMBER_FORMATS.percent,
    note: "GROWTH from the first GP figure to the second over the months between them.",
    value: (n, d) => d.growth(n.GPsJune, n.GPsAugust, n.MonthsObserved),
  },
];

const OUTCOME_ROWS: readonly NamedRow[] = [
  {
    name: "EnglandThresholdGPs",
    label: "GPs in England registered at the threshold",
    source: "Derived",
    format: NUMBER_FORMATS.count,
    note: "SHORTFALL from none registered: the whole GPs the threshold takes.",
    value: (n, d) => d.shortfall("0", n.GPsEngland, n.Threshold),
  },
  {
    name: "PCTThresholdGPs",
    label: "GPs in the PCT registered at the threshold",
    source: "Derived",
    format: NUMBER_FORMATS.count,
    note: "SHORTFALL from none registered: the whole GPs the threshold takes.",
    value: (n, d) => d.shortfall("0", n.PCTGPs, n.Threshold),
  },
  {
    name: "PCTShortfall",
    label: "PCT's shortfall: GPs still to register",
    source: "Derived",
    format: NUMBER_FORMATS.count,
    note: "SHORTFALL of the PCT's registered GPs; 0 once the threshold is met.",
    value: (n, d) => d.shortfall(n.PCTRegistered, n.PCTGPs, n.Threshold),
  },
  {
    name: "PCTIncentive",
    label: "PCT's incentive payment",
    source: "Derived",
    format: NUMBER_FORMATS.money,
    note: "INCENTIVE: practices × payment if the threshold is met, else nothing.",
    value: (n, d) => d.incentive(n.PCTPractices, n.PCTRegistered, n.PCTGPs, n.Threshold, n.Payment),
  },
];

/** The scenarios side by side, in the scenario table, the projection and the chart. */
const SCENARIOS: readonly Scenario[] = [
  { label: "Cautious", rate: "GrowthCautious" },
  { label: "Central", rate: "GrowthCentral" },
  { label: "Observed Jun–Aug 2005", rate: "GrowthObserved" },
];

// Where each block of the sheet starts. The layout is fixed so both flavours put every
// formula in the same cell.
const INPUT_HEADER_ROW = 5;
const OUTCOME_HEADER_ROW = INPUT_HEADER_ROW + INPUT_ROWS.length + 2;
const SCENARIO_HEADER_ROW = OUTCOME_HEADER_ROW + OUTCOME_ROWS.length + 2;
const PROJECTION_HEADER_ROW = SCENARIO_HEADER_ROW + SCENARIOS.length + 2;
const PROJECTION_FIRST_ROW = PROJECTION_HEADER_ROW + 1;
const PROJECTION_LAST_ROW = PROJECTION_FIRST_ROW + PROJECTION_MONTHS;
/** The chart sits right of the projection, twenty rows tall. */
const CHART_POSITION = `H${PROJECTION_HEADER_ROW}:P${PROJECTION_HEADER_ROW + 20}`;
const COLUMN_WIDTHS = [52, 14, 16, 16, 16, 16, 16] as const;

/**
 * Plans the model sheet in a workbook that already uses the names in `taken`. The sheet and
 * every defined name get free names (the messages say which were renamed), and every
 * formula uses the names actually given. `formulas` picks live `CRS.` functions or native
 * Excel formulas with the same results.
 */
export function planModel(taken: TakenNames, options: ModelOptions): WorkbookPlan {
  const allocate = new NameAllocator(taken);
  const sheet = allocate.sheet(MODEL_SHEET);
  const names = allocateNames(allocate);
  const dialect = dialectOf(options.formulas);
  const namedRows = [...INPUT_ROWS, ...OUTCOME_ROWS];
  const how = options.formulas === "crs" ? "live CRS. functions" : "native Excel formulas that need no add-in";
  return {
    sheets: [
      {
        name: sheet,
        ranges: [
          ...introRanges(options.formulas),
          ...namedRowRanges("Input", INPUT_HEADER_ROW, INPUT_ROWS, names, dialect),
          ...namedRowRanges("Threshold and incentive", OUTCOME_HEADER_ROW, OUTCOME_ROWS, names, dialect),
          ...scenarioRanges(names, dialect),
          ...projectionRanges(names, dialect),
        ],
        tables: [],
        columnWidths: COLUMN_WIDTHS.map((characters, index) => ({ column: columnLetters(index + 1), characters })),
        charts: [projectionChart()],
        freezeRows: 0,
      },
    ],
    names: namedRows.map((row) => namePlan(row, names, sheet)),
    activate: sheet,
    messages: [
      `Built the model in sheet '${sheet}' with ${how}: ${namedRows.length} named cells, ` +
        `${SCENARIOS.length} scenarios, a ${PROJECTION_MONTHS}-month projection and a chart.`,
      ...allocate.renamings(),
    ],
  };
}

/** A free defined name for every named row, in the order of the sheet. */
function allocateNames(allocate: NameAllocator): Names {
  const entries = [...INPUT_ROWS, ...OUTCOME_ROWS].map((row) => [row.name, allocate.definedName(row.name)]);
  return Object.fromEntries(entries) as Names;
}

/** The defined name of a named row, on the cell that holds its value. */
function namePlan(row: NamedRow, names: Names, sheet: string): NamePlan {
  return { name: names[row.name], sheet, address: valueAddress(row.name), comment: `${row.label} (${row.source})` };
}

/** The cell of a named row's value, in column B. */
function valueAddress(name: NameKey): string {
  const inputIndex = INPUT_ROWS.findIndex((row) => row.name === name);
  const row = inputIndex >= 0
    ? INPUT_HEADER_ROW + 1 + inputIndex
    : OUTCOME_HEADER_ROW + 1 + OUTCOME_ROWS.findIndex((candidate) => candidate.name === name);
  return cellAddress(row, 2);
}

/** Title, how to use the sheet, and which kind of formulas it holds. */
function introRanges(flavour: FormulaFlavour): RangeWrite[] {
  const formulas = flavour === "crs"
    ? "Formulas use the add-in's CRS. functions: keep the add-in loaded."
    : "Formulas are native Excel functions with the same results as the add-in's CRS. functions: no add-in needed.";
  return [
    { address: "A1", cells: [["CRS adoption model: GPs registered for NHS CRS smartcards"]], style: { bold: true } },
    {
      address: "A2",
      cells: [
        [`Yellow cells are figures from the article (${SOURCE.publisher}, "${SOURCE.title}"), orange cells are assumptions not in it: change either and the model follows.`],
        [formulas],
      ],
      style: { italic: true },
    },
  ];
}

/** A block of named rows under a header: label, value (styled by source), source and note. */
function namedRowRanges(title: string, headerRow: number, rows: readonly NamedRow[], names: Names, dialect: FormulaDialect): RangeWrite[] {
  const header: RangeWrite = {
    address: cellAddress(headerRow, 1),
    cells: [[title, "Value", "Source", "Note"]],
    style: HEADER_STYLE,
  };
  const labels: RangeWrite = { address: cellAddress(headerRow + 1, 1), cells: rows.map((row) => [row.label]) };
  const values = rows.map((row, index): RangeWrite => ({
    address: cellAddress(headerRow + 1 + index, 2),
    cells: [[asCell(row.value(names, dialect))]],
    numberFormat: row.format,
    style: STYLE_OF[row.source],
  }));
  const sources: RangeWrite = {
    address: cellAddress(headerRow + 1, 3),
    cells: rows.map((row) => [row.source, row.note]),
  };
  return [header, labels, ...values, sources];
}

/** A value as a cell: a number stays a number, an expression becomes a formula. */
function asCell(value: number | Expression): Cell {
  return typeof value === "string" ? { formula: `=${value}` } : value;
}

/**
 * Per scenario: its rate, and the months until (and the date when) England and the PCT reach
 * the threshold, and how long after the incentive deadline the PCT would be.
 */
function scenarioRanges(names: Names, dialect: FormulaDialect): RangeWrite[] {
  const header = [
    "Scenario",
    "Monthly growth",
    "Months until England reaches the threshold",
    "Date England reaches it",
    "Months until the PCT reaches the threshold",
    "Date the PCT reaches it",
    "PCT: months after the incentive deadline",
  ];
  const rows = SCENARIOS.map((scenario, index) => {
    const row = SCENARIO_HEADER_ROW + 1 + index;
    const rate = names[scenario.rate];
    const cell = (column: number): Expression => cellAddress(row, column);
    const formulas = [
      rate,
      dialect.periodsTo(names.GPsAugust, names.EnglandThresholdGPs, rate, names.GPsEngland),
      dateAfter(names.DateAugust, cell(3)),
      dialect.periodsTo(names.PCTRegistered, names.PCTThresholdGPs, rate, names.PCTGPs),
      dateAfter(names.DateAugust, cell(5)),
      dialect.periods(names.Deadline, cell(6)),
    ];
    return [scenario.label, ...formulas.map(asCell)];
  });
  const formats = [null, NUMBER_FORMATS.percent, MONTHS_FORMAT, NUMBER_FORMATS.date, MONTHS_FORMAT, NUMBER_FORMATS.date, MONTHS_FORMAT];
  return [
    { address: cellAddress(SCENARIO_HEADER_ROW, 1), cells: [header], style: HEADER_STYLE },
    {
      address: cellAddress(SCENARIO_HEADER_ROW + 1, 1),
      cells: rows,
      numberFormat: rows.map(() => formats),
      style: DERIVED_STYLE,
    },
  ];
}

/** Month by month: the date, registered GPs in England under each scenario, and the threshold. */
function projectionRanges(names: Names, dialect: FormulaDialect): RangeWrite[] {
  const header = ["Month", "Date", ...SCENARIOS.map((scenario) => scenario.label), "Threshold"];
  const rows = Array.from({ length: PROJECTION_MONTHS + 1 }, (_, month): Cell[] => {
    const row = PROJECTION_FIRST_ROW + month;
    const date = cellAddress(row, 2);
    const elapsed = dialect.periods(names.DateAugust, date);
    return [
      month,
      asCell(`EDATE(${names.DateAugust},${cellAddress(row, 1)})`),
      ...SCENARIOS.map((scenario) =>
        asCell(dialect.project(names.GPsAugust, names[scenario.rate], elapsed, names.GPsEngland)),
      ),
      asCell(names.EnglandThresholdGPs),
    ];
  });
  const formats = ["0", NUMBER_FORMATS.date, ...SCENARIOS.map(() => NUMBER_FORMATS.count), NUMBER_FORMATS.count];
  return [
    { address: cellAddress(PROJECTION_HEADER_ROW, 1), cells: [header], style: HEADER_STYLE },
    { address: cellAddress(PROJECTION_FIRST_ROW, 1), cells: rows, numberFormat: rows.map(() => formats) },
  ];
}

/** A line chart of the scenarios' projections and the threshold, by date. */
function projectionChart(): ChartPlan {
  const column = (index: number): string => {
    const letters = columnLetters(index);
    return `${letters}${PROJECTION_FIRST_ROW}:${letters}${PROJECTION_LAST_ROW}`;
  };
  return {
    title: "GPs registered for NHS CRS in England, by scenario, against the incentive threshold",
    categories: column(2),
    series: [
      ...SCENARIOS.map((scenario, index) => ({ name: scenario.label, values: column(3 + index) })),
      { name: "Threshold", values: column(3 + SCENARIOS.length) },
    ],
    xAxisTitle: "Month",
    yAxisTitle: "GPs registered",
    position: CHART_POSITION,
  };
}
