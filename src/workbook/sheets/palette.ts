/**
 * The looks of every sheet the add-in writes, after the FAST standard: inputs, calculations and
 * outputs each look different, so a reader knows at a glance what to type over and what not to
 * touch. One palette, so a dataset, the model and the forecast read alike.
 */
import type { CellStyle } from "../plan";

/** Header cells outside a table look like a table header (TableStyleMedium2), so both read alike. */
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "#9BC2E6", wrap: true };
/** A cell the user may change, and the article's figures: light yellow with a blue font, the usual look of an input. */
export const INPUT_STYLE: CellStyle = { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" };
/** Assumptions the user replaces with their own: orange, blue font (an input). */
export const ASSUMPTION_STYLE: CellStyle = { fill: "#FCE4D6", fontColor: "#0000FF", border: "#BFBFBF" };
/** Calculations: grey, black font, not to be typed over. */
export const CALCULATION_STYLE: CellStyle = { fill: "#F2F2F2", border: "#BFBFBF" };
/** Values the add-in computed when the file was written (the portable file's fit): grey and italic. */
export const FIXED_VALUE_STYLE: CellStyle = { fill: "#F2F2F2", italic: true, fontColor: "#595959", border: "#BFBFBF" };
/** Outputs: bold and boxed. */
export const OUTPUT_STYLE: CellStyle = { bold: true, fill: "#FFFFFF", border: "#404040" };
/** Units and notes: quiet, so the numbers stand out. */
export const UNIT_STYLE: CellStyle = { fontColor: "#595959" };
export const NOTE_STYLE: CellStyle = { italic: true, fontColor: "#595959" };
/** A block's title row. */
export const BLOCK_TITLE_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "#9BC2E6" };
/** A sub-heading inside a block. */
export const SUBHEADING_STYLE: CellStyle = { bold: true, italic: true };
/** A warning the user must not miss: bold dark red. */
export const WARNING_STYLE: CellStyle = { bold: true, fontColor: "#C00000" };
/** The sheet's title and the decision's sentences. */
export const TITLE_STYLE: CellStyle = { bold: true, fontColor: "#1F3864" };
export const DECISION_STYLE: CellStyle = { bold: true };
