/**
 * The plan: the contract between the sheets the add-in writes and the two writers that apply
 * them (Office.js in the pane, the .xlsx writer in Node). A `WorkbookPlan` is plain data; the
 * check every writer runs on it, the one walk over its cells, free names and number formats live
 * here too.
 */
export { checkPlan } from "./check";
export { checkColumnWidth, columnWidthPoints } from "./columnWidth";
export { NUMBER_FORMATS } from "./numberFormats";
export { NameAllocator, NO_TAKEN_NAMES, isValidObjectName, isValidSheetName, nameKey, takenAfter, uniqueSheetName } from "./names";
export type * from "./plan";
export { PlanError } from "./planError";
export { type PlannedCell, rangeCells } from "./rangeCells";
