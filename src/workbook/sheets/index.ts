/**
 * The sheets the add-in writes, each planned as a `WorkbookPlan`: the article's datasets, the
 * PCT adoption model (`pctModel/`), the forecast sheet (`forecast/`), the portfolio of many PCTs
 * (`portfolio/`) and the portable workbook. A new sheet goes in a folder of its own here, whose
 * index plans it, laid out by a `SheetBuilder` (`sheetBuilder.ts`).
 */
export { planDatasets } from "./datasets";
export * from "./forecast";
export { EXAMPLE_PCT, MODEL_SHEET, type ModelOptions, TIMELINE_SHEET, TIMELINE_MONTHS, TIMELINE_TITLE, computeFittedValues, planModel } from "./pctModel";
export { planPortableWorkbook } from "./portable";
export { PORTFOLIO_COUNTS_SHEET, PORTFOLIO_SENTENCE_CELLS, PORTFOLIO_SHEET, type PortfolioSheetInput, planPortfolio } from "./portfolio";
