/**
 * A workbook plan: everything one action writes (sheets, cells, formulas, formats, tables,
 * names, charts), computed by pure code and applied by a writer in one batch. The task pane
 * applies a plan to Excel through Office.js; the portable workbook writes the same plan to an
 * .xlsx file. Nothing here knows of either.
 *
 * Addresses are A1 references local to the sheet they belong to ("A1", "B2:D9").
 */

/** A literal cell value. Dates are Excel serial numbers with a date number format. */
export type CellValue = string | number | boolean | null;

/** A formula, written with its leading "=", e.g. `{ formula: "=CRS.GROWTH(B2,B3,2)" }`. */
export interface Formula {
  readonly formula: string;
}

/** What one cell receives: a literal value or a formula. */
export type Cell = CellValue | Formula;

/** The look of a range of cells. Colours are `#RRGGBB`. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  /** Where text sits in a row taller than it: Excel's default is the bottom. */
  readonly vertical?: "top" | "center" | "bottom";
  /** A thin border around every cell of the range. */
  readonly border?: string;
}

/** A rectangular range of cells written at once. */
export interface RangeWrite {
  /** Where the range goes: its top-left cell or the whole range, e.g. "A1" or "A1:C3". */
  readonly address: string;
  /** Rows of cells; every row has the same length. */
  readonly cells: readonly (readonly Cell[])[];
  /** One number format for the whole range, or one per cell (null: leave General). */
  readonly numberFormat?: string | readonly (readonly (string | null)[])[];
  readonly style?: CellStyle;
}

/** An Excel table (ListObject) over cells the plan writes, header row included. */
export interface TablePlan {
  readonly name: string;
  /** The table's range, header row included, e.g. "A1:C3". */
  readonly address: string;
  readonly style: string;
}

/** A workbook-scoped defined name. */
export interface NamePlan {
  readonly name: string;
  readonly sheet: string;
  /** A single cell or range on that sheet, e.g. "B4". */
  readonly address: string;
  readonly comment: string;
}

/**
 * How a chart series is drawn. "line": a solid line without markers (the default); "dashed": a
 * dashed line, for bounds and targets; "markers": markers and no line, for observed counts.
 */
export type SeriesLook = "line" | "dashed" | "markers";

/** A series of a line chart: its name, the range of its values and how it is drawn. */
export interface ChartSeriesPlan {
  readonly name: string;
  /** The values' range on the chart's data sheet, e.g. "C10:C33". */
  readonly values: string;
  /** Solid line if omitted. */
  readonly look?: SeriesLook;
  /** The line's or markers' colour, `#RRGGBB`; the chart's palette if omitted. */
  readonly color?: string;
}

/** A native Excel line chart over ranges of its own sheet or of another sheet the plan adds. */
export interface ChartPlan {
  readonly title: string;
  /** The range of the x-axis labels on the chart's data sheet, e.g. "A10:A33". */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  /**
   * The sheet the categories and series ranges are on, one this plan adds; the chart's own
   * sheet if omitted. A chart can so stand where a reader looks while its data sits elsewhere.
   */
  readonly dataSheet?: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  /** The cells the chart covers on its own sheet, e.g. "H2:P20". */
  readonly position: string;
  /**
   * Whether the categories are dates, spaced by time on a date axis labelled in its `format`
   * (e.g. "mmm yyyy"); text categories, evenly spaced, if omitted.
   */
  readonly dateAxis?: DateAxisPlan;
  /** The value axis's scale and the format of its labels (0 to 1 as "0%" for a chance); Excel's own scale, labelled as counts, if omitted. */
  readonly valueAxis?: ValueAxisPlan;
}

/** A value axis from `minimum` to `maximum`, its labels in `format`. */
export interface ValueAxisPlan {
  readonly minimum: number;
  readonly maximum: number;
  readonly format: string;
}

/** The time unit of a date axis. */
export type DateAxisUnit = "days" | "months" | "years";

/** A date axis: how its labels read, the time between categories, and how often a label is shown. */
export interface DateAxisPlan {
  /** The labels' date format, e.g. "mmm yy". */
  readonly format: string;
  /** The time between categories (the axis's base unit), e.g. "months" for month ends; days if omitted. */
  readonly unit?: DateAxisUnit;
  /** A label and tick every so many units (a whole number from 1); the application's choice if omitted. */
  readonly labelEvery?: number;
}

/** How a sheet prints: on A4, one page wide, as long as it needs. */
export interface PageSetupPlan {
  readonly orientation: "portrait" | "landscape";
  /** Page breaks before these rows, e.g. so that a chart is not cut across pages. */
  readonly breaksBeforeRows?: readonly number[];
}

/** A row's height in points (Excel's default is 15 for Calibri 11), e.g. for wrapped text. */
export interface RowHeightPlan {
  readonly row: number;
  readonly points: number;
}

/** A cell (or range) that offers a drop-down list of texts and accepts nothing else. */
export interface ListValidationPlan {
  /** The cell or range, e.g. "C14". */
  readonly address: string;
  /** The texts offered, in order; joined with commas they must fit Excel's 255 characters. */
  readonly values: readonly string[];
  /** What the cell's input message and error alert say about it. */
  readonly message: string;
}

/** A column width in characters of the default font (Excel's own unit for column widths). */
export interface ColumnWidthPlan {
  /** The column's letters, e.g. "B". */
  readonly column: string;
  readonly characters: number;
}

/** A new worksheet and everything written on it. */
export interface SheetPlan {
  readonly name: string;
  readonly ranges: readonly RangeWrite[];
  readonly tables: readonly TablePlan[];
  readonly columnWidths: readonly ColumnWidthPlan[];
  readonly charts: readonly ChartPlan[];
  /** Rows kept in view while scrolling (0: none). */
  readonly freezeRows: number;
  /** Rows of a height other than the default (rows of wrapped text). */
  readonly rowHeights?: readonly RowHeightPlan[];
  readonly validations?: readonly ListValidationPlan[];
  /** How the sheet prints; the application's default if omitted. */
  readonly pageSetup?: PageSetupPlan;
}

/** All the writes of one action, and what to tell the user about them. */
export interface WorkbookPlan {
  /** New worksheets, added in this order; a plan never writes to a sheet it did not add. */
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  /** The sheet to show when the action is done. */
  readonly activate: string | null;
  /** Plain sentences for the status line: what was created where, and any renaming. */
  readonly messages: readonly string[];
}

/** The names a workbook already uses; a plan takes none of them. */
export interface TakenNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  /** Workbook and sheet-scoped defined names. */
  readonly names: readonly string[];
}
