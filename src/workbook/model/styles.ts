/**
 * The looks of the model sheet, after the FAST standard: inputs, calculations and outputs each
 * look different, so a reader knows at a glance what to type over and what not to touch.
 */
import type { CellStyle } from "../plan";

/** The article's figures: yellow, blue font (an input). */
export const ARTICLE_STYLE: CellStyle = { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" };
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
