import type { CellStyle } from "./plan";

/** Header cells outside a table look like a table header (TableStyleMedium2), so both read alike. */
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "#9BC2E6", wrap: true };

/** A cell the user may change: light yellow with a blue font, the usual look of an input. */
export const INPUT_STYLE: CellStyle = { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" };

/** A calculated cell, not to be typed over: grey. */
export const CALCULATED_STYLE: CellStyle = { fill: "#F2F2F2", border: "#BFBFBF" };

/** A note about a sheet: how to read it, where its figures come from. */
export const NOTE_STYLE: CellStyle = { italic: true };
