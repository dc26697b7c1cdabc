import type { CellStyle } from "./plan";

/** Header cells outside a table look like a table header (TableStyleMedium2), so both read alike. */
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "#9BC2E6", wrap: true };
