/**
 * The forecast's actions against Excel, each in at most three `context.sync()` round trips
 * whatever the number of rows:
 *
 * - Forecast: one round trip reads the counts (with where they are, the rows below them and
 *   their table), the names the workbook uses and its date system (a 1904 workbook's dates are
 *   read into the 1900 system the add-in counts in, and its dates written back in 1904's); the plan is made and checked without Excel
 *   (a range it cannot use throws here, and nothing is written); one more round trip writes the
 *   sheet (and only if Excel refuses a write part-way, one more undoes it).
 * - Use the selection: one round trip reads what is selected.
 */
import type { TakenNames, WorkbookPlan } from "../workbook/plan";
import { DAYS_FROM_1900_TO_1904, type DateSystem, shiftDates } from "./dateSystem";
import { applyPlan, readWithTakenNames, type WorkbookRead } from "./officeWriter";
import { type SourceData, queueSelectionRead, queueSourceRead } from "./sourceReader";
import { type SourceRequest, requestText } from "./sourceRequest";

/** Nothing to read where the user pointed: an empty selection or range, a sheet or table that does not exist. */
export class SourceNotFoundError extends Error {
  constructor(readonly request: SourceRequest) {
    super(notFoundMessage(request));
    this.name = "SourceNotFoundError";
  }
}

function notFoundMessage(request: SourceRequest): string {
  switch (request.kind) {
    case "selection":
      return "The selection has no data: select your two columns (dates or times, then cumulative counts), or type their address in Data.";
    case "range":
      return `There is nothing to read at ${requestText(request)}: check the sheet's name and the address, and that it holds your dates and counts.`;
    case "table":
      return `There is no table named "${request.name}" in this workbook: type its name as the Name Manager shows it, or a range address such as Sheet1!A1:B40.`;
  }
}

/** Whether Excel refused a read because what it names is not there. */
function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ItemNotFound";
}

/**
 * Reads the counts `request` names and the taken names (1 round trip), makes the plan from
 * them, and applies it (1 round trip). `makePlan` throws for counts or options it cannot use,
 * and then nothing is written. Returns the plan applied.
 */
export async function runForecast(
  context: Excel.RequestContext,
  request: SourceRequest,
  makePlan: (data: SourceData, taken: TakenNames) => WorkbookPlan,
): Promise<WorkbookPlan> {
  let read: WorkbookRead<SourceData>;
  try {
    read = await readWithTakenNames(context, () => queueSourceRead(context, request));
  } catch (error) {
    throw isNotFound(error) ? new SourceNotFoundError(request) : error;
  }
  const plan = makePlan(inSystemOf1900(read.read, read.dateSystem), read.taken);
  await applyPlan(context, plan, read.taken, read.dateSystem);
  return plan;
}

/** The counts read, their dates moved from a 1904 workbook's serials to the 1900 ones the add-in counts in (see dateSystem.ts). */
function inSystemOf1900(data: SourceData, dateSystem: DateSystem | null): SourceData {
  if (dateSystem !== 1904) return data;
  return { ...data, grid: { ...data.grid, values: shiftDates(data.grid.values, data.grid.numberFormat, DAYS_FROM_1900_TO_1904) } };
}

/** What "Use the selection" puts in the Data field: the table the selection is in, or its used range (1 round trip). */
export async function readSelection(context: Excel.RequestContext): Promise<SourceRequest> {
  const read = queueSelectionRead(context);
  try {
    await context.sync();
  } catch (error) {
    throw isNotFound(error) ? new SourceNotFoundError({ kind: "selection" }) : error;
  }
  return read();
}
