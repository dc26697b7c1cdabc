/** The .xlsx writer (Node only): a plan as a file, with cached values and charts. */
export { writeXlsx } from "./writer";
