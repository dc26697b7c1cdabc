/**
 * The plan that inserts datasets: each in a new sheet as a formatted Excel table, with the
 * provenance of every row beside it and the article it comes from.
 */
import { PROVENANCE_COLUMNS, SOURCE, isoToExcelSerial, provenanceValues, sheetValue } from "../../data";
import type { Column, Dataset, DatasetRow, DatasetValue } from "../../data";
import { groupThousands } from "../../model/format";
import { cellAddress, columnLetters } from "../../excel/a1";
import { NUMBER_FORMATS, NameAllocator } from "../plan";
import { HEADER_STYLE } from "./palette";
import type { ColumnWidthPlan, RangeWrite, SheetPlan, TakenNames, WorkbookPlan } from "../plan";

/** The look of every dataset table. */
export const TABLE_STYLE = "TableStyleMedium2";
/** The row of the table's header; above it, the title and description. */
const HEADER_ROW = 4;
/** Width in characters of each of `PROVENANCE_COLUMNS`; quote and note wrap within theirs. */
const PROVENANCE_WIDTHS = [12, 22, 10, 80, 50] as const;
/** Width of the widest date "d mmm yyyy" shows, e.g. "30 Sep 2005". */
const DATE_CHARACTERS = 11;
/** Room for a table header's filter button. */
const FILTER_BUTTON_CHARACTERS = 3;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * Plans the insertion of datasets into a workbook that already uses the names in `taken`:
 * one new sheet per dataset, its rows as a formatted table with a header row, and beside it
 * the provenance of each row and the source article. Sheet and table names that are taken
 * are replaced by free ones, and the messages say so.
 */
export function planDatasets(datasets: readonly Dataset[], taken: TakenNames): WorkbookPlan {
  if (datasets.length === 0) {
    return { sheets: [], names: [], activate: null, messages: ["No dataset was selected, so nothing was inserted."] };
  }
  const allocate = new NameAllocator(taken);
  const sheets: SheetPlan[] = [];
  const inserted: string[] = [];
  for (const dataset of datasets) {
    const sheet = planDatasetSheet(dataset, allocate.sheet(dataset.title), allocate.table(`tbl_${dataset.name}`));
    sheets.push(sheet);
    inserted.push(`Inserted ${dataset.title} into sheet '${sheet.name}' as table ${sheet.tables[0].name}.`);
  }
  return { sheets, names: [], activate: sheets[0].name, messages: [...inserted, ...allocate.renamings()] };
}

/** One dataset's sheet: title, description, the table, its provenance and its source. */
function planDatasetSheet(dataset: Dataset, sheetName: string, tableName: string): SheetPlan {
  const lastRow = HEADER_ROW + dataset.rows.length;
  const provenanceColumn = dataset.columns.length + 2;
  return {
    name: sheetName,
    ranges: [
      { address: "A1", cells: [[dataset.title]], style: { bold: true } },
      { address: "A2", cells: [[dataset.description]], style: { italic: true } },
      tableRange(dataset),
      ...provenanceRanges(dataset.rows, provenanceColumn),
      sourceRange(cellAddress(lastRow + 2, provenanceColumn)),
    ],
    tables: [
      {
        name: tableName,
        address: `A${HEADER_ROW}:${cellAddress(lastRow, dataset.columns.length)}`,
        style: TABLE_STYLE,
      },
    ],
    columnWidths: columnWidths(dataset, provenanceColumn),
    charts: [],
    freezeRows: HEADER_ROW,
  };
}

/** The table's cells: the header row, then one row per dataset row, each column in its format. */
function tableRange(dataset: Dataset): RangeWrite {
  const header = dataset.columns.map((column) => column.header);
  const rows = dataset.rows.map((row) => dataset.columns.map((column) => sheetValue(row.values[column.key], column.kind)));
  const formats = dataset.rows.map(() => dataset.columns.map((column) => NUMBER_FORMATS[column.kind]));
  return {
    address: `A${HEADER_ROW}`,
    cells: [header, ...rows],
    numberFormat: [header.map(() => null), ...formats],
  };
}

/**
 * The provenance columns: the headers of `PROVENANCE_COLUMNS` beside the table's header, and a
 * row beside each table row, dates as dates.
 */
function provenanceRanges(rows: readonly DatasetRow[], column: number): RangeWrite[] {
  const formats = PROVENANCE_COLUMNS.map((provenance) => (provenance.kind === "date" ? NUMBER_FORMATS.date : null));
  return [
    { address: cellAddress(HEADER_ROW, column), cells: [PROVENANCE_COLUMNS.map((provenance) => provenance.header)], style: HEADER_STYLE },
    {
      address: cellAddress(HEADER_ROW + 1, column),
      cells: rows.map((row) => provenanceValues(row.provenance).map((value, c) => sheetValue(value, PROVENANCE_COLUMNS[c].kind))),
      numberFormat: rows.map(() => formats),
      style: { wrap: true },
    },
  ];
}

/** The source article: title, publisher and date of publication, labelled. */
function sourceRange(address: string): RangeWrite {
  return {
    address,
    cells: [
      ["Source", null],
      ["Article", SOURCE.title],
      ["Publisher", SOURCE.publisher],
      ["Published", isoToExcelSerial(SOURCE.published)],
    ],
    numberFormat: [
      [null, null],
      [null, null],
      [null, null],
      [null, NUMBER_FORMATS.date],
    ],
  };
}

/** Widths that fit each table column's header and values, then the provenance columns. */
function columnWidths(dataset: Dataset, provenanceColumn: number): ColumnWidthPlan[] {
  const table = dataset.columns.map((column, index) => ({
    column: columnLetters(index + 1),
    characters: fittedWidth(column, dataset.rows),
  }));
  const provenance = PROVENANCE_WIDTHS.map((characters, index) => ({
    column: columnLetters(provenanceColumn + index),
    characters,
  }));
  return [...table, ...provenance];
}

/** The width that shows a column's header (with its filter button) and every value. */
function fittedWidth(column: Column, rows: readonly DatasetRow[]): number {
  const lengths = rows.map((row) => shownLength(row.values[column.key], column));
  const widest = Math.max(column.header.length + FILTER_BUTTON_CHARACTERS, ...lengths);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** About how many characters a value takes once Excel has formatted it. */
function shownLength(value: DatasetValue, column: Column): number {
  if (value === null) return 0;
  if (column.kind === "date") return DATE_CHARACTERS;
  if (typeof value === "string") return value.length;
  const grouped = groupThousands(String(Math.round(Math.abs(column.kind === "percent" ? value * 100 : value))));
  // One more for a minus sign, and one for the £ or % sign.
  return grouped.length + (value < 0 ? 1 : 0) + (column.kind === "money" || column.kind === "percent" ? 1 : 0);
}
