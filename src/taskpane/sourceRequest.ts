/**
 * What the forecast's "Data" field names, as the user types it: nothing (the selection), a
 * range address with or without its sheet ("Sheet1!A1:B40", "'GP counts'!A:B", "A1:B40"), or
 * the name of an Excel table ("Table1"). Read before anything is asked of Excel, so that a typo
 * is told at once.
 */
import { sheetReference, columnNumber } from "../excel/a1";
import { isValidObjectName } from "../workbook/plan";

/** Where to read the counts from. */
export type SourceRequest =
  | { readonly kind: "selection" }
  | { readonly kind: "range"; readonly sheet: string | null; readonly address: string }
  | { readonly kind: "table"; readonly name: string };

/** A1 cells ("B2", "$B$2"), whole columns ("A:B") or whole rows ("1:40"), as one range. */
const A1_RANGE = /^(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$/;

/** Excel's grid: columns A to XFD, rows 1 to 1,048,576. */
const LAST_COLUMN = columnNumber("XFD");
const LAST_ROW = 1_048_576;

/**
 * What is wrong with an address of the A1 shape (upper case, without "$") that lies outside
 * Excel's grid, or null if it lies inside.
 *
 * @example outsideGrid("ZZZ1:ZZZ9") // "there is no column ZZZ: columns run from A to XFD and rows from 1 to 1,048,576"
 */
function outsideGrid(address: string): string | null {
  const grid = "columns run from A to XFD and rows from 1 to 1,048,576";
  for (const [, letters, digits] of address.split(":").map((end) => /^([A-Z]*)(\d*)$/.exec(end) ?? [])) {
    if (letters && columnNumber(letters) > LAST_COLUMN) return `there is no column ${letters}: ${grid}`;
    if (digits && !(Number(digits) >= 1 && Number(digits) <= LAST_ROW)) return `there is no row ${digits}: ${grid}`;
  }
  return null;
}

/** The request for an address of the A1 shape, or what is wrong with it. */
function rangeRequest(sheet: string | null, written: string): SourceRequest | { readonly problem: string } {
  const address = written.replace(/\$/g, "").toUpperCase();
  const outside = outsideGrid(address);
  return outside === null ? { kind: "range", sheet, address } : { problem: `"${written}" is not a range on a sheet, as ${outside}.` };
}

/**
 * Reads the field's text. Returns the request, or a sentence saying what is wrong with it.
 *
 * @example parseSourceRequest("'GP counts'!A1:B40") // { kind: "range", sheet: "GP counts", address: "A1:B40" }
 * @example parseSourceRequest("Table1") // { kind: "table", name: "Table1" }
 * @example parseSourceRequest("A0:B9") // { problem: '"A0:B9" is not a range on a sheet, as there is no row 0: …' }
 */
export function parseSourceRequest(text: string): SourceRequest | { readonly problem: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "selection" };
  const bang = trimmed.lastIndexOf("!");
  if (bang >= 0) {
    const sheet = unquoteSheet(trimmed.slice(0, bang));
    const written = trimmed.slice(bang + 1);
    if (sheet === null || sheet === "") return { problem: `"${trimmed}" does not name a sheet before the "!": write it as Sheet1!A1:B40, with the sheet's name in apostrophes if it has spaces ('GP counts'!A1:B40).` };
    if (!A1_RANGE.test(written)) return { problem: `"${written}" is not a range address: write it as A1:B40.` };
    return rangeRequest(sheet, written);
  }
  if (A1_RANGE.test(trimmed)) return rangeRequest(null, trimmed);
  if (isValidObjectName(trimmed)) return { kind: "table", name: trimmed };
  return { problem: `"${trimmed}" is not a range address or a table name: type an address such as Sheet1!A1:B40, or a table's name such as Table1, or leave it empty to use the selection.` };
}

/** A sheet name as written before "!": as it is, or in apostrophes with apostrophes doubled; null if it is neither. */
function unquoteSheet(text: string): string | null {
  const quoted = /^'((?:[^']|'')+)'$/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  return text.includes("'") ? null : text;
}

/**
 * The field's text for a request: what "Use the selection" puts there.
 *
 * @example requestText({ kind: "range", sheet: "GP counts", address: "A1:B40" }) // "'GP counts'!A1:B40"
 */
export function requestText(request: SourceRequest): string {
  switch (request.kind) {
    case "selection":
      return "";
    case "table":
      return request.name;
    case "range":
      return request.sheet === null ? request.address : `${sheetReference(request.sheet)}!${request.address}`;
  }
}
