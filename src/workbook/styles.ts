import type { CellStyle } from "./plan";

/** Header cells outside a table look like a table header (TableStyleMedium2), so both read alike. */
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "#9BC2E6", wrap: true };

/** A cell the user may change: light yellow with a blue font, the usual look of an input (as the model's article figures). */
export const INPUT_STYLE: CellStyle = { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" };
