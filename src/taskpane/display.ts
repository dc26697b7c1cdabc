/**
 * Texts the task pane shows: dataset values formatted as the sheet shows them (the sheets'
 * number-format codes, `NUMBER_FORMATS`, read by numfmt as Excel reads them), and the sentences
 * of the status line.
 */
import { format } from "numfmt";
import type { ColumnKind, DatasetRow, DatasetValue } from "../data";
import { isIsoDate, isoToExcelSerial } from "../data";
import { NUMBER_FORMATS } from "../workbook/plan";
import { EXCEL_API_VERSION } from "./officeWriter";
import { ActionRefusedError, errorCode } from "./removeAdded";

/** What the pane shows for a figure the article does not have. */
export const NOT_AVAILABLE = "not available";

/** A dataset value as the sheet shows it: "75,216", "£6,000", "30%", "1 Aug 2005". */
export function formatValue(value: DatasetValue, kind: ColumnKind): string {
  if (value === null) return NOT_AVAILABLE;
  const code = NUMBER_FORMATS[kind];
  if (kind === "date" && typeof value === "string" && isIsoDate(value)) return format(code, isoToExcelSerial(value));
  if (typeof value === "number" && kind !== "text" && kind !== "date") return format(code, value);
  return String(value);
}

/** Whether a column's values line up on the right, as numbers do. */
export function isNumeric(kind: ColumnKind): boolean {
  return kind === "count" || kind === "money" || kind === "percent";
}

/** "1 row", "5 rows". */
export function rowCount(count: number): string {
  return `${count} ${count === 1 ? "row" : "rows"}`;
}

/** "Stated" or "Derived", as the pane labels a figure's basis. */
export function basisLabel(row: DatasetRow): string {
  return row.provenance.basis === "stated" ? "Stated in the article" : "Derived from the article";
}

/** The progress sentence of the insert action: "Inserting 3 datasets…". */
export function insertingMessage(count: number): string {
  return `Inserting ${count} ${count === 1 ? "dataset" : "datasets"}…`;
}

/** The progress sentence of the build action. */
export const BUILDING_MESSAGE = "Building the model…";
/** The progress sentence of the forecast action. */
export const FORECASTING_MESSAGE = "Reading your data and adding the forecast…";
/** What the portfolio action says while it works. */
export const PORTFOLIO_MESSAGE = "Reading the PCTs' counts, fitting them together and adding the portfolio…";
/** The progress sentence of "Check this Excel". */
export const CHECKING_MESSAGE = "Checking this Excel: trying the functions in a scratch sheet…";
/** What an action says before Office.js has told the pane where it runs. */
export const CONNECTING_MESSAGE = "Connecting to Excel…";
/** What the insert action says when no dataset is ticked. */
export const NOTHING_SELECTED_MESSAGE = "Select at least one dataset to insert.";
/** The notice of a pane open outside Excel: it shows the datasets but cannot insert them. */
export const NEEDS_EXCEL_MESSAGE = "Inserting, building and forecasting need Excel: open this add-in from Excel's ribbon.";
/** The notice of a pane in an Excel without the requirement set the writer needs. */
export const OLD_EXCEL_MESSAGE =
  `This version of Excel lacks features the add-in needs (Excel JavaScript API ${EXCEL_API_VERSION}): update Excel, or use Excel on the web.`;

/** The text of an error, whatever was thrown. */
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return trimmed === "" ? "an unknown error" : trimmed;
}

/**
 * What to do after Excel refused an action: where it denied access (or did not say why), check
 * the workbook's protection, the usual cause; where it named another cause (an invalid
 * argument, say), protection is not it.
 */
function adviceAfter(refusal: unknown): string {
  const code = errorCode(refusal);
  if (code === undefined || code === "AccessDenied") return "Check the workbook is not protected and try again.";
  return "Try again; if Excel refuses again, please report this with Excel's words above.";
}

/**
 * The sentence shown when an action fails: what failed, Excel's own words, and what to do.
 * `what` completes "Excel could not …", e.g. "insert the datasets".
 */
export function failureMessage(what: string, error: unknown): string {
  if (error instanceof Error && error.name === "PlanError") {
    return `The add-in could not ${what}: ${errorText(error)}. Nothing was changed; please report this.`;
  }
  if (!(error instanceof ActionRefusedError)) return `Excel could not ${what}: ${errorText(error)}. ${adviceAfter(error)}`;
  const retry = adviceAfter(error.refusal);
  const refused = `Excel could not ${what}: ${errorText(error.refusal)}.`;
  const sheets = error.added.sheets.map((sheet) => `'${sheet}'`).join(", ");
  const names = error.added.names.length > 0 ? ` and, in Formulas > Name Manager, the names ${error.added.names.join(", ")}` : "";
  switch (error.removal) {
    case "removed":
      return `${refused} What it had added so far was removed again, so the workbook is as it was. ${retry}`;
    case "not-removed":
      return `${refused} Excel did not let the add-in remove what it had added either: delete the sheets ${sheets}${names} if they are there. ${retry}`;
    case "name-taken":
      return `${refused} Something else took one of its names meanwhile, so the add-in removed nothing: check the sheets ${sheets} and delete any it left half-written. Then try again.`;
  }
}

/**
 * The status lines of a forecast that failed: every problem with the data or the options (each
 * naming its cell or field), or why nothing could be read or forecast (counts that do not rise
 * or do not change), and that nothing was written. Counts no curve fits yet are no failure: the
 * sheet forecasts their recent pace.
 */
export function forecastFailure(error: unknown): string[] {
  if (error instanceof Error) {
    switch (error.name) {
      case "SeriesError":
        return ["Your data cannot be used as it is, so nothing was written:", ...error.message.split("\n")];
      case "ForecastOptionsError":
        return ["The options cannot be used as they are, so nothing was written:", ...error.message.split("\n")];
      case "SourceNotFoundError":
        return [error.message];
      case "ModelError":
        return [`No forecast can be made from these counts, so nothing was written: ${errorText(error)}.`];
    }
  }
  return [failureMessage("add the forecast", error)];
}

/** What went wrong with the portfolio action: the table's or the options' problems in full, or the failure. */
export function portfolioFailure(error: unknown): string[] {
  if (error instanceof Error) {
    switch (error.name) {
      case "SeriesError":
        return ["The table cannot be used as it is, so nothing was written:", ...error.message.split("\n")];
      case "PortfolioOptionsError":
        return ["The options cannot be used as they are, so nothing was written:", ...error.message.split("\n")];
      case "SourceNotFoundError":
        return [error.message];
    }
  }
  return [failureMessage("add the portfolio", error)];
}
