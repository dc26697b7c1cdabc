/**
 * The plan of a portfolio sheet: many PCTs at once, for a health authority or the national
 * programme. From the top: the sentences ("11 of 30 PCTs are likely to miss 80% by 31 Mar
 * 2006; …"), the inputs (the scheme, the later target, the confidence) and the totals side by
 * side with a chart of each PCT's chance of the target, then a formatted, filterable table of one
 * row per PCT, lowest chance first, with its checks in words. A second sheet holds the counts as
 * they were fitted.
 *
 * What a formula can compute stays a live formula over the table and the inputs: each PCT's
 * share, shortfall and incentive at the deadline (SHORTFALL and INCENTIVE in the "crs" flavour,
 * Excel's own functions with the same results in the "portable" one), the GPs the target takes,
 * the GPs a month it needs, and every total and sentence. What only the pooled fit can compute
 * (each PCT's forecast, bounds, chance and date and its own curve, the common pattern, and the
 * range of the number meeting the target)
 * is written as values labelled "(as fitted)", and "Fit current" turns FALSE, with a warning in
 * the sentences, as soon as the counts sheet differs from what was fitted.
 */
import { columnLetters } from "../../../excel/a1";
import { describeDate } from "../../../data/textValues";
import type { PortfolioAnalysis, PortfolioOptions, PortfolioRow } from "../../../model/portfolio/analysis";
import { type Cell, NUMBER_FORMATS, NameAllocator, type TakenNames, type WorkbookPlan } from "../../plan";
import { DAYS_PER_MONTH, type FormulaFlavour, dialectOf } from "../dialect";
import { BLOCK_TITLE_STYLE, FIXED_VALUE_STYLE, HEADER_STYLE, INPUT_STYLE, NOTE_STYLE, OUTPUT_STYLE, TITLE_STYLE, WARNING_STYLE } from "../palette";
import { SheetBuilder } from "../sheetBuilder";
import { COLUMNS, COLUMN_WIDTHS, type ColumnKey, INPUTS, PortfolioLayout, TOTAL_ROWS, type TotalRow, column } from "./layout";

/** The sheet names a portfolio asks for; taken ones get "Portfolio (2)" and so on. */
export const PORTFOLIO_SHEET = "Portfolio";
export const PORTFOLIO_COUNTS_SHEET = "Portfolio counts";

/** What a portfolio sheet is planned from. */
export interface PortfolioSheetInput {
  readonly flavour: FormulaFlavour;
  readonly analysis: PortfolioAnalysis;
  readonly options: PortfolioOptions;
  /** The counts as fitted, PCT by PCT, oldest first. */
  readonly pcts: readonly { readonly name: string; readonly gps: number; readonly practices: number; readonly counts: readonly { readonly date: number; readonly registered: number }[] }[];
  /** Where the counts came from, for the note under the title: "counts.csv" or "Sheet1!A1:E200". */
  readonly source: string;
  /** When the fit was made, as the note says it: "7 Dec 2026". */
  readonly fittedOn: string;
}

/** The cells of the sentences, for the command to print. */
export const PORTFOLIO_SENTENCE_CELLS: readonly string[] = new PortfolioLayout(new SheetBuilder(PORTFOLIO_SHEET, {}, COLUMN_WIDTHS)).sentenceCells;

/** The table header's lines of text: its longest headers wrap over three. */
const HEADER_LINES = 3;

/** A text as an Excel string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Plans the portfolio sheets in a workbook that already uses the names in `taken`.
 *
 * @example planPortfolio({ flavour: "portable", analysis, options, pcts, source: "counts.csv", fittedOn: "7 Dec 2026" }, NO_TAKEN_NAMES).sheets[0].name // "Portfolio"
 */
export function planPortfolio(input: PortfolioSheetInput, taken: TakenNames): WorkbookPlan {
  const allocate = new NameAllocator(taken);
  const sheet = allocate.sheet(PORTFOLIO_SHEET);
  const countsSheet = allocate.sheet(PORTFOLIO_COUNTS_SHEET);
  const table = allocate.table("PortfolioPCTs");
  const countsTable = allocate.table("PortfolioCounts");
  const { rows } = input.analysis;
  const builder = new SheetBuilder(sheet, {}, COLUMN_WIDTHS);
  const layout = new PortfolioLayout(builder);
  const first = builder.take(Math.max(rows.length, 1));
  const last = builder.row - 1;
  const range = (key: ColumnKey): string => `$${column(key)}$${first}:$${column(key)}$${last}`;
  const counts = countsOf(input);
  const countsRef = (letter: string): string => `'${countsSheet.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${counts.rows.length + 1}`;

  builder.write(layout.title, 1, [[`Portfolio of ${rows.length} PCTs: the incentive, the later target and where to send help first`]], { style: { ...TITLE_STYLE } });
  builder.write(
    layout.note,
    1,
    [[`From ${input.source}: the PCTs' curves fitted together on ${input.fittedOn}, so that PCTs with a few counts borrow the others' pattern (${input.analysis.fit?.model ?? "no fit"}). Figures marked (as fitted) are values from then; the rest are formulas.`]],
    { style: NOTE_STYLE },
  );
  writeSentences(builder, layout);
  writeInputs(builder, layout, input);
  writeTotals(builder, layout, input, range, counts, countsRef);
  builder.write(layout.tableHeader, 1, [COLUMNS.map((one) => one.header)], { style: HEADER_STYLE });
  builder.tallRow(layout.tableHeader, HEADER_LINES);
  writeTableRows(builder, layout, input, first);
  return {
    sheets: [
      {
        name: sheet,
        ranges: builder.ranges,
        tables: [{ name: table, address: `A${layout.tableHeader}:${columnLetters(COLUMNS.length)}${last}`, style: "TableStyleLight9" }],
        columnWidths: COLUMNS.map((one, index) => ({ column: columnLetters(index + 1), characters: one.width })),
        charts: [
          {
            title: `Chance of reaching ${Math.round(input.options.targetShare * 100)}% by ${describeDate(input.options.targetDate)}, PCT by PCT`,
            categories: `A${first}:A${last}`,
            series: [{ name: "Chance of the target", values: `${column("chance")}${first}:${column("chance")}${last}` }],
            xAxisTitle: "PCT (lowest chance first)",
            yAxisTitle: "Chance of the target",
            position: layout.chartPosition,
            // A chance: 0% to 100%, whatever the PCTs' chances are.
            valueAxis: { minimum: 0, maximum: 1, format: "0%" },
          },
        ],
        freezeRows: 0,
        rowHeights: builder.rowHeights(),
        pageSetup: { orientation: "landscape", breaksBeforeRows: [layout.tableHeader] },
      },
      {
        name: countsSheet,
        ranges: [
          { address: "A1", cells: [["pct", "date", "registered", "gps", "practices"]], style: HEADER_STYLE },
          ...(counts.rows.length > 0 ? [{ address: "A2", cells: counts.rows, numberFormat: counts.rows.map(() => [null, NUMBER_FORMATS.date, NUMBER_FORMATS.count, NUMBER_FORMATS.count, NUMBER_FORMATS.count]) }] : []),
        ],
        tables: counts.rows.length > 0 ? [{ name: countsTable, address: `A1:E${counts.rows.length + 1}`, style: "TableStyleLight1" }] : [],
        columnWidths: [20, 12, 11, 8, 10].map((characters, index) => ({ column: columnLetters(index + 1), characters })),
        charts: [],
        freezeRows: 1,
      },
    ],
    names: [],
    activate: sheet,
    messages: [`Added the portfolio of ${rows.length} PCTs in sheet '${sheet}', with the counts fitted in '${countsSheet}'.`, ...allocate.renamings()],
  };
}

/** The counts sheet's rows, and the fingerprint FitCurrent compares: how many, Σ registered, Σ date × registered. */
function countsOf(input: PortfolioSheetInput): { rows: Cell[][]; n: number; sum: number; weighted: number } {
  const rows: Cell[][] = [];
  let sum = 0;
  let weighted = 0;
  for (const pct of input.pcts) {
    pct.counts.forEach((count, i) => {
      rows.push([pct.name, count.date, count.registered, i === 0 ? pct.gps : null, i === 0 ? pct.practices : null]);
      sum += count.registered;
      weighted += count.date * count.registered;
    });
  }
  return { rows, n: rows.length, sum, weighted };
}

/** The inputs under their block title, and what was fitted under them, as values labelled so. */
function writeInputs(builder: SheetBuilder, layout: PortfolioLayout, input: PortfolioSheetInput): void {
  builder.write(layout.inputsHeader, 1, [["Inputs", "Value"]], { style: BLOCK_TITLE_STYLE });
  builder.write(
    layout.inputs,
    1,
    INPUTS.map(({ key, label }) => [label, input.options[key]]),
    { format: INPUTS.map(({ format }) => [null, format]), style: INPUT_STYLE },
  );
  builder.write(
    layout.fitted,
    1,
    [
      ["Curve fitted (as fitted)", input.analysis.fit?.model ?? "none"],
      ["Common pattern: rate a month (as fitted)", input.analysis.fit?.rate ?? null],
      ["Common pattern: midpoint (as fitted)", input.analysis.fit?.midpoint ?? null],
    ],
    {
      format: [
        [null, null],
        [null, "0.00"],
        [null, NUMBER_FORMATS.date],
      ],
      style: FIXED_VALUE_STYLE,
    },
  );
}

/** The inputs the fit forecast for, each as it was fitted: "$B$13=0.8,$B$14=38807,$B$15=0.8". */
function fittedInputs(layout: PortfolioLayout, input: PortfolioSheetInput): string {
  const { targetShare, targetDate, confidence } = input.options;
  return [`${layout.inputCell("targetShare")}=${targetShare}`, `${layout.inputCell("targetDate")}=${targetDate}`, `${layout.inputCell("confidence")}=${confidence}`].join(",");
}

/** The totals block under the inputs: each total a formula over the table, the fitted range as values. */
function writeTotals(
  builder: SheetBuilder,
  layout: PortfolioLayout,
  input: PortfolioSheetInput,
  range: (key: ColumnKey) => string,
  counts: { n: number; sum: number; weighted: number },
  countsRef: (letter: string) => string,
): void {
  const { totals } = input.analysis;
  const still = `SUMPRODUCT((${range("targetGPs")}-${range("latestCount")}>0)*(${range("targetGPs")}-${range("latestCount")}))`;
  const items: Readonly<Record<TotalRow, { label: string; value: Cell; format: string; fixed?: boolean }>> = {
    pcts: { label: "PCTs", value: { formula: `=COUNTA(${range("pct")})` }, format: NUMBER_FORMATS.count },
    gps: { label: "GPs", value: { formula: `=SUM(${range("gps")})` }, format: NUMBER_FORMATS.count },
    registered: { label: "GPs registered, latest counts", value: { formula: `=SUM(${range("latestCount")})` }, format: NUMBER_FORMATS.count },
    paid: { label: "Incentive paid (£)", value: { formula: `=SUM(${range("incentive")})` }, format: NUMBER_FORMATS.money },
    pctsPaid: { label: "PCTs paid", value: { formula: `=COUNTIF(${range("incentive")},">0")` }, format: NUMBER_FORMATS.count },
    expected: { label: "PCTs expected to meet the target", value: { formula: `=SUM(${range("chance")})` }, format: "0.0" },
    lower: { label: "… at least (as fitted)", value: totals.meetingTargetLower, format: NUMBER_FORMATS.count, fixed: true },
    upper: { label: "… at most (as fitted)", value: totals.meetingTargetUpper, format: NUMBER_FORMATS.count, fixed: true },
    missing: { label: "PCTs likely to miss it (chance < 50%)", value: { formula: `=COUNTIF(${range("chance")},"<0.5")` }, format: NUMBER_FORMATS.count },
    still: { label: "GPs still needed for the target", value: { formula: `=${still}` }, format: NUMBER_FORMATS.count },
    current: {
      label: "Fit current (TRUE/FALSE)",
      // The fit belongs to the counts and to the inputs it forecast for: the target and the confidence.
      value: {
        formula: `=AND(COUNT(${countsRef("B")})=${counts.n},SUM(${countsRef("C")})=${counts.sum},SUMPRODUCT(${countsRef("B")},${countsRef("C")})=${counts.weighted},${fittedInputs(layout, input)})`,
      },
      format: "General",
    },
  };
  builder.write(layout.totalsHeader, 1, [["Totals", "Value"]], { style: BLOCK_TITLE_STYLE });
  TOTAL_ROWS.forEach((key, i) => {
    const item = items[key];
    builder.write(layout.totals + i, 1, [[item.label, item.value]], { format: [[null, item.format]], style: item.fixed === true ? FIXED_VALUE_STYLE : OUTPUT_STYLE });
  });
}

/** The three sentences at the top, as formulas over the totals and inputs, and the note under them. */
function writeSentences(builder: SheetBuilder, layout: PortfolioLayout): void {
  const cell = layout.totalCell;
  const share = `TEXT(${layout.inputCell("targetShare")},"0%")`;
  const date = `TEXT(${layout.inputCell("targetDate")},"d mmm yyyy")`;
  const paid = cell("paid");
  const money = `IF(${paid}>=1000000,"£"&TEXT(${paid}/1000000,"0.0")&"m",TEXT(${paid},"£#,##0"))`;
  const plural = (count: string, one: string, many: string): string => `IF(${count}=1,${literal(one)},${literal(many)})`;
  builder.write(
    layout.sentences,
    1,
    [
      [{ formula: `=${cell("missing")}&" of "&${cell("pcts")}&" PCTs "&${plural(cell("missing"), "is", "are")}&" likely to miss "&${share}&" by "&${date}&"; the incentive paid was "&${money}&" to "&${cell("pctsPaid")}&${plural(cell("pctsPaid"), " PCT.", " PCTs.")}` }],
      [{ formula: `=TEXT(${cell("expected")},"0.0")&" PCTs are expected to meet it ("&TEXT(${layout.inputCell("confidence")},"0%")&" range: "&${cell("lower")}&" to "&${cell("upper")}&" PCTs); "&TEXT(${cell("still")},"#,##0")&" GPs are still to register."` }],
      [{ formula: `=IF(${cell("current")},"The fitted figures belong to the counts in the counts sheet.","WARNING: the counts, the later target or the confidence have changed since the fit: the figures marked (as fitted) are out of date. Fit the portfolio again.")` }],
    ],
    { style: { bold: true } },
  );
  builder.write(layout.sentenceNote, 1, [["The chance of each PCT is the chance its count at the target date reaches the GPs the target takes; the table lists the PCTs least likely first."]], { style: NOTE_STYLE });
}

/** The table's rows from `first`: a PCT each, lowest chance first. */
function writeTableRows(builder: SheetBuilder, layout: PortfolioLayout, input: PortfolioSheetInput, first: number): void {
  const dialect = dialectOf(input.flavour);
  const inputCell = layout.inputCell;
  const orBlank = (value: number | null): Cell => value ?? null;
  const cells = input.analysis.rows.map((row: PortfolioRow, i): Cell[] => {
    const r = first + i;
    const at = (key: ColumnKey): string => `${column(key)}${r}`;
    const judged = (expression: string): Cell => ({ formula: `=IF(ISNUMBER(${at("atDeadline")}),${expression},"")` });
    const months = `(${inputCell("targetDate")}-${at("latestDate")})/${DAYS_PER_MONTH}`;
    const byKey: Record<ColumnKey, Cell> = {
      pct: row.pct,
      gps: row.gps,
      practices: row.practices,
      latestDate: orBlank(row.latestDate),
      latestCount: orBlank(row.latestCount),
      atDeadline: row.registeredAtDeadline ?? "none",
      share: judged(`${at("atDeadline")}/${at("gps")}`),
      incentive: judged(dialect.incentive(at("practices"), at("atDeadline"), at("gps"), inputCell("threshold"), inputCell("payment"), at("shortfall"))),
      shortfall: judged(dialect.shortfall(at("atDeadline"), at("gps"), inputCell("threshold"))),
      targetGPs: { formula: `=${dialect.wholeShare(inputCell("targetShare"), at("gps"))}` },
      needed:
        row.latestCount === null
          ? null
          : { formula: `=IF(${at("latestCount")}>=${at("targetGPs")},0,IF(${months}>0,(${at("targetGPs")}-${at("latestCount")})/(${months}),"none"))` },
      forecast: orBlank(row.forecastAtTargetDate),
      lower: orBlank(row.lowerAtTargetDate),
      upper: orBlank(row.upperAtTargetDate),
      chance: orBlank(row.chanceOfTarget),
      likely: row.dateTargetLikely ?? (row.chanceOfTarget === null ? null : "not within 50 years"),
      rate: row.curve?.rate ?? null,
      midpoint: row.curve === null ? null : Math.round(row.curve.midpoint),
      checks: row.problems.length === 0 ? "OK" : row.problems.join(" "),
    };
    return COLUMNS.map((one) => byKey[one.key]);
  });
  if (cells.length === 0) return;
  builder.write(first, 1, cells, { format: cells.map(() => COLUMNS.map((one) => one.format)), style: { border: "#BFBFBF" } });
  // The columns of values from the fit, each one range down the table, so that they read as fixed.
  const fitted = new Set<ColumnKey>(["forecast", "lower", "upper", "chance", "likely", "rate", "midpoint"]);
  COLUMNS.forEach((one, index) => {
    if (!fitted.has(one.key)) return;
    const letter = columnLetters(index + 1);
    builder.ranges.push({ address: `${letter}${first}:${letter}${first + cells.length - 1}`, cells: cells.map((row) => [row[index]]), style: FIXED_VALUE_STYLE });
  });
  input.analysis.rows.forEach((row, i) => {
    if (row.problems.length > 0) builder.write(first + i, COLUMNS.findIndex((one) => one.key === "checks") + 1, [[row.problems.join(" ")]], { style: { ...WARNING_STYLE, wrap: false } });
  });
}
