/**
 * Reads the user's counts from Excel for a forecast, in the round trip that also reads the
 * names the workbook uses: the cells (values, number formats and value types, which tell a date
 * from a number and an error from a text), where they are, the rows just below (to know how
 * many are empty, so that the forecast's formulas can take in counts typed there), and whether
 * they are an Excel table (so that the forecast follows the table as it grows).
 *
 * Only queues requests: the caller syncs once, then calls what is returned.
 */
import type { SeriesGrid } from "../data/series";
import type { WorksheetSource } from "../workbook/sheets";
import { box } from "../excel/a1";
import type { SourceRequest } from "./sourceRequest";

/** How many rows below the data are read: the forecast's formulas reach over the empty ones. */
export const SPARE_ROWS = 24;

/** The counts as read, and where they are. */
export interface SourceData {
  readonly grid: SeriesGrid;
  readonly source: WorksheetSource;
}

/** A table found around the selected cells: its name and its columns' names. */
interface FoundTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/**
 * Queues the reads of the counts `request` names; after the context syncs, the function
 * returned gives them. A selection or range is read where it holds values (its used range), so
 * that whole columns can be selected; a table, as its data body.
 *
 * The sync fails with Excel's ItemNotFound when there is nothing to read: an empty selection or
 * range, a sheet or table that does not exist.
 */
export function queueSourceRead(context: Excel.RequestContext, request: SourceRequest): () => SourceData {
  const workbook = context.workbook;
  if (request.kind === "table") {
    const table = workbook.tables.getItem(request.name);
    const body = table.getDataBodyRange().load("address, values, numberFormat, valueTypes");
    const columns = table.columns.load("items/name");
    table.load("name");
    return () => {
      const { sheet, address } = splitAddress(body.address);
      return {
        grid: gridOf(body, sheet, address),
        source: { kind: "table", sheet, table: table.name, address, columns: columns.items.map((column) => column.name) },
      };
    };
  }
  const requested =
    request.kind === "selection"
      ? workbook.getSelectedRange()
      : (request.sheet === null ? workbook.worksheets.getActiveWorksheet() : workbook.worksheets.getItem(request.sheet)).getRange(request.address);
  const used = requested.getUsedRange(true).load("address, values, numberFormat, valueTypes");
  const below = used.getRowsBelow(SPARE_ROWS).load("values");
  const tables = requested.getTables(false).load("items/name, items/columns/items/name");
  return () => {
    const { sheet, address } = splitAddress(used.address);
    const grid = gridOf(used, sheet, address);
    const spareRows = emptyRowsAtTop(below.values);
    const found = tables.items.length === 1 ? { name: tables.items[0].name, columns: tables.items[0].columns.items.map((column) => column.name) } : null;
    const table = found && spareRows > 0 ? tableOfRange(found, grid.values[0] ?? []) : null;
    return {
      grid,
      source: table ? { kind: "table", sheet, table: table.name, address, columns: table.columns } : { kind: "range", sheet, address, spareRows },
    };
  };
}

/**
 * Queues the read of what "Use the selection" puts in the Data field: the table the selection
 * is in, or the selection's used range, as a request.
 */
export function queueSelectionRead(context: Excel.RequestContext): () => SourceRequest {
  const selected = context.workbook.getSelectedRange();
  const used = selected.getUsedRange(true).load("address");
  const tables = selected.getTables(false).load("items/name");
  return () => {
    if (tables.items.length === 1) return { kind: "table", name: tables.items[0].name };
    const { sheet, address } = splitAddress(used.address);
    return { kind: "range", sheet, address };
  };
}

/** A range as the series reader takes it. */
function gridOf(range: Excel.Range, sheet: string, address: string): SeriesGrid {
  const { top, left } = box(address);
  return {
    values: range.values,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
    origin: { kind: "range", sheet, row: top, column: left },
  };
}

/**
 * The table a selected range is: when its first row holds column names of the one table around
 * it (the header row) and the rows below it are empty (it reaches the table's last count), the
 * range is that table's data, and the forecast can follow the table by its columns. Its columns
 * are then named by the range's header row, so that grid columns map to the table's.
 */
function tableOfRange(table: FoundTable, firstRow: readonly unknown[]): FoundTable | null {
  const names = firstRow.map((cell) => (typeof cell === "string" ? cell.trim() : ""));
  const known = new Set(table.columns.map((column) => column.toUpperCase()));
  const used = names.filter((name) => name !== "");
  if (used.length < 2 || !used.every((name) => known.has(name.toUpperCase()))) return null;
  const exact = new Map(table.columns.map((column) => [column.toUpperCase(), column]));
  return { name: table.name, columns: names.map((name) => exact.get(name.toUpperCase()) ?? "") };
}

/** How many rows at the top of a range are empty in every cell. */
function emptyRowsAtTop(values: readonly (readonly unknown[])[]): number {
  const firstUsed = values.findIndex((row) => row.some((cell) => cell !== "" && cell !== null));
  return firstUsed === -1 ? values.length : firstUsed;
}

/**
 * The sheet and the local address of an address Excel gives: "Sheet1!A1:B40" or
 * "'GP counts'!A1:B40" (apostrophes doubled inside).
 *
 * @example splitAddress("'GP counts'!A1:B40") // { sheet: "GP counts", address: "A1:B40" }
 */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  const sheet = full.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, address: full.slice(bang + 1).replace(/\$/g, "") };
}
