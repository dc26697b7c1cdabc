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
import { type Cell, type RangeWrite, NUMBER_FORMATS, NameAllocator, type TakenNames, type WorkbookPlan } from "../../plan";
import { DAYS_PER_MONTH, type FormulaFlavour, dialectOf } from "../dialect";
import { BLOCK_TITLE_STYLE, FIXED_VALUE_STYLE, HEADER_STYLE, INPUT_STYLE, NOTE_STYLE, OUTPUT_STYLE, TITLE_STYLE, WARNING_STYLE } from "../palette";

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

/** The rows of the sheet's top: the sentences, then the inputs and under them the totals, the chart beside them. */
const ROW = { title: 1, note: 2, sentences: 4, blocks: 9, totals: 20, tableHeader: 33 } as const;
/** The cells of the sentences, for the command to print. */
export const PORTFOLIO_SENTENCE_CELLS = ["A4", "A5", "A6"] as const;

/** The inputs, in their rows under the block title (column B holds the value). */
const INPUTS = [
  { key: "threshold", label: "Threshold (% of a PCT's GPs)", format: "0%" },
  { key: "payment", label: "Payment per practice (£)", format: NUMBER_FORMATS.money },
  { key: "deadline", label: "Deadline (date)", format: NUMBER_FORMATS.date },
  { key: "targetShare", label: "Later target (% of a PCT's GPs)", format: "0%" },
  { key: "targetDate", label: "Later target's date", format: NUMBER_FORMATS.date },
  { key: "confidence", label: "Confidence of bounds and range (%)", format: "0%" },
] as const;
type InputKey = (typeof INPUTS)[number]["key"];

/** The table's columns, in order: header, number format, width. */
const COLUMNS = [
  { key: "pct", header: "PCT", format: null, width: 34 },
  { key: "gps", header: "GPs", format: NUMBER_FORMATS.count, width: 12 },
  { key: "practices", header: "Practices", format: NUMBER_FORMATS.count, width: 10 },
  { key: "latestDate", header: "Latest count's date", format: NUMBER_FORMATS.date, width: 12 },
  { key: "latestCount", header: "Latest count (GPs)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "atDeadline", header: "Registered at the deadline (GPs)", format: NUMBER_FORMATS.count, width: 12 },
  { key: "share", header: "Share at the deadline", format: "0.0%", width: 10 },
  { key: "incentive", header: "Incentive payable (£)", format: NUMBER_FORMATS.money, width: 12 },
  { key: "shortfall", header: "Short of the threshold (GPs)", format: NUMBER_FORMATS.count, width: 11 },
  { key: "targetGPs", header: "GPs the target takes", format: NUMBER_FORMATS.count, width: 10 },
  { key: "needed", header: "GPs a month needed", format: "0.0", width: 10 },
  { key: "forecast", header: "Forecast at the target date (as fitted)", format: NUMBER_FORMATS.count, width: 13 },
  { key: "lower", header: "Lower bound (as fitted)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "upper", header: "Upper bound (as fitted)", format: NUMBER_FORMATS.count, width: 10 },
  { key: "chance", header: "Chance of the target (as fitted)", format: "0%", width: 11 },
  { key: "likely", header: "As likely as not by (as fitted)", format: NUMBER_FORMATS.date, width: 12 },
  { key: "rate", header: "Its curve's rate a month (as fitted)", format: "0.00", width: 10 },
  { key: "midpoint", header: "Its curve's midpoint (as fitted)", format: NUMBER_FORMATS.date, width: 12 },
  { key: "checks", header: "Checks", format: null, width: 40 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

/** The column letter of a table column. */
function column(key: ColumnKey): string {
  return columnLetters(COLUMNS.findIndex((one) => one.key === key) + 1);
}

/** The absolute address of an input's value. */
function inputCell(key: InputKey): string {
  return `$B$${ROW.blocks + 1 + INPUTS.findIndex((one) => one.key === key)}`;
}

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
  const first = ROW.tableHeader + 1;
  const last = ROW.tableHeader + Math.max(rows.length, 1);
  const range = (key: ColumnKey): string => `$${column(key)}$${first}:$${column(key)}$${last}`;
  const counts = countsOf(input);
  const countsRef = (letter: string): string => `'${countsSheet.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${counts.rows.length + 1}`;

  const totals = totalsBlock(input, range, counts, countsRef);
  const ranges: RangeWrite[] = [
    { address: `A${ROW.title}`, cells: [[`Portfolio of ${rows.length} PCTs: the incentive, the later target and where to send help first`]], style: { ...TITLE_STYLE } },
    {
      address: `A${ROW.note}`,
      cells: [[`From ${input.source}: the PCTs' curves fitted together on ${input.fittedOn}, so that PCTs with a few counts borrow the others' pattern (${input.analysis.fit?.model ?? "no fit"}). Figures marked (as fitted) are values from then; the rest are formulas.`]],
      style: NOTE_STYLE,
    },
    ...sentences(totals.cell),
    { address: `A${ROW.blocks}`, cells: [["Inputs", "Value"]], style: BLOCK_TITLE_STYLE },
    {
      address: `A${ROW.blocks + 1}`,
      cells: INPUTS.map(({ key, label }) => [label, input.options[key]]),
      numberFormat: INPUTS.map(({ format }) => [null, format]),
      style: INPUT_STYLE,
    },
    {
      address: `A${ROW.blocks + 1 + INPUTS.length}`,
      cells: [
        ["Curve fitted (as fitted)", input.analysis.fit?.model ?? "none"],
        ["Common pattern: rate a month (as fitted)", input.analysis.fit?.rate ?? null],
        ["Common pattern: midpoint (as fitted)", input.analysis.fit?.midpoint ?? null],
      ],
      numberFormat: [
        [null, null],
        [null, "0.00"],
        [null, NUMBER_FORMATS.date],
      ],
      style: FIXED_VALUE_STYLE,
    },
    ...totals.writes,
    { address: `A${ROW.tableHeader}`, cells: [COLUMNS.map((one) => one.header)], style: HEADER_STYLE },
    ...tableRows(input, first),
  ];
  return {
    sheets: [
      {
        name: sheet,
        ranges,
        tables: [{ name: table, address: `A${ROW.tableHeader}:${columnLetters(COLUMNS.length)}${last}`, style: "TableStyleLight9" }],
        columnWidths: COLUMNS.map((one, index) => ({ column: columnLetters(index + 1), characters: one.width })),
        charts: [
          {
            title: `Chance of reaching ${Math.round(input.options.targetShare * 100)}% by ${describeDate(input.options.targetDate)}, PCT by PCT`,
            categories: `A${first}:A${last}`,
            series: [{ name: "Chance of the target", values: `${column("chance")}${first}:${column("chance")}${last}` }],
            xAxisTitle: "PCT (lowest chance first)",
            yAxisTitle: "Chance of the target",
            position: `D${ROW.blocks}:N${ROW.tableHeader - 2}`,
          },
        ],
        freezeRows: 0,
        rowHeights: [{ row: ROW.tableHeader, points: 45 }],
        pageSetup: { orientation: "landscape", breaksBeforeRows: [ROW.tableHeader] },
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

/** The totals block beside the inputs: each total a formula over the table, the fitted range as values. */
function totalsBlock(
  input: PortfolioSheetInput,
  range: (key: ColumnKey) => string,
  counts: { n: number; sum: number; weighted: number },
  countsRef: (letter: string) => string,
): { writes: RangeWrite[]; cell: (key: string) => string } {
  const { totals } = input.analysis;
  const still = `SUMPRODUCT((${range("targetGPs")}-${range("latestCount")}>0)*(${range("targetGPs")}-${range("latestCount")}))`;
  const items: { key: string; label: string; value: Cell; format: string; fixed?: boolean }[] = [
    { key: "pcts", label: "PCTs", value: { formula: `=COUNTA(${range("pct")})` }, format: NUMBER_FORMATS.count },
    { key: "gps", label: "GPs", value: { formula: `=SUM(${range("gps")})` }, format: NUMBER_FORMATS.count },
    { key: "registered", label: "GPs registered, latest counts", value: { formula: `=SUM(${range("latestCount")})` }, format: NUMBER_FORMATS.count },
    { key: "paid", label: "Incentive paid (£)", value: { formula: `=SUM(${range("incentive")})` }, format: NUMBER_FORMATS.money },
    { key: "pctsPaid", label: "PCTs paid", value: { formula: `=COUNTIF(${range("incentive")},">0")` }, format: NUMBER_FORMATS.count },
    { key: "expected", label: "PCTs expected to meet the target", value: { formula: `=SUM(${range("chance")})` }, format: "0.0" },
    { key: "lower", label: "… at least (as fitted)", value: totals.meetingTargetLower, format: NUMBER_FORMATS.count, fixed: true },
    { key: "upper", label: "… at most (as fitted)", value: totals.meetingTargetUpper, format: NUMBER_FORMATS.count, fixed: true },
    { key: "missing", label: "PCTs likely to miss it (chance < 50%)", value: { formula: `=COUNTIF(${range("chance")},"<0.5")` }, format: NUMBER_FORMATS.count },
    { key: "still", label: "GPs still needed for the target", value: { formula: `=${still}` }, format: NUMBER_FORMATS.count },
    {
      key: "current",
      label: "Fit current (TRUE/FALSE)",
      value: { formula: `=AND(COUNT(${countsRef("B")})=${counts.n},SUM(${countsRef("C")})=${counts.sum},SUMPRODUCT(${countsRef("B")},${countsRef("C")})=${counts.weighted})` },
      format: "General",
    },
  ];
  const top = ROW.totals + 1;
  const cell = (key: string): string => `$B$${top + items.findIndex((item) => item.key === key)}`;
  const writes: RangeWrite[] = [{ address: `A${ROW.totals}`, cells: [["Totals", "Value"]], style: BLOCK_TITLE_STYLE }];
  items.forEach((item, i) => {
    writes.push({ address: `A${top + i}`, cells: [[item.label, item.value]], numberFormat: [[null, item.format]], style: item.fixed ? FIXED_VALUE_STYLE : OUTPUT_STYLE });
  });
  return { writes, cell };
}

/** The three sentences at the top, as formulas over the totals and inputs. */
function sentences(cell: (key: string) => string): RangeWrite[] {
  const share = `TEXT(${inputCell("targetShare")},"0%")`;
  const date = `TEXT(${inputCell("targetDate")},"d mmm yyyy")`;
  const paid = cell("paid");
  const money = `IF(${paid}>=1000000,"£"&TEXT(${paid}/1000000,"0.0")&"m",TEXT(${paid},"£#,##0"))`;
  const plural = (count: string, one: string, many: string): string => `IF(${count}=1,${literal(one)},${literal(many)})`;
  return [
    {
      address: `A${ROW.sentences}`,
      cells: [
        [{ formula: `=${cell("missing")}&" of "&${cell("pcts")}&" PCTs "&${plural(cell("missing"), "is", "are")}&" likely to miss "&${share}&" by "&${date}&"; the incentive paid was "&${money}&" to "&${cell("pctsPaid")}&${plural(cell("pctsPaid"), " PCT.", " PCTs.")}` }],
        [{ formula: `=TEXT(${cell("expected")},"0.0")&" PCTs are expected to meet it ("&TEXT(${inputCell("confidence")},"0%")&" range: "&${cell("lower")}&" to "&${cell("upper")}&" PCTs); "&TEXT(${cell("still")},"#,##0")&" GPs are still to register."` }],
        [{ formula: `=IF(${cell("current")},"The fitted figures belong to the counts in the counts sheet.","WARNING: the counts have changed since the fit: the figures marked (as fitted) are out of date. Fit the portfolio again.")` }],
      ],
      style: { bold: true },
    },
    { address: `A${ROW.sentences + 3}`, cells: [["The chance of each PCT is the chance its count at the target date reaches the GPs the target takes; the table lists the PCTs least likely first."]], style: NOTE_STYLE },
  ];
}

/** The table's rows: a PCT each, lowest chance first. */
function tableRows(input: PortfolioSheetInput, first: number): RangeWrite[] {
  const dialect = dialectOf(input.flavour);
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
  if (cells.length === 0) return [];
  const fitted = new Set<ColumnKey>(["forecast", "lower", "upper", "chance", "likely", "rate", "midpoint"]);
  return [
    {
      address: `A${first}`,
      cells,
      numberFormat: cells.map(() => COLUMNS.map((one) => one.format)),
      style: { border: "#BFBFBF" },
    },
    ...COLUMNS.flatMap((one, index) =>
      fitted.has(one.key) ? [{ address: `${columnLetters(index + 1)}${first}:${columnLetters(index + 1)}${first + cells.length - 1}`, cells: cells.map((row) => [row[index]]), style: FIXED_VALUE_STYLE }] : [],
    ),
    ...input.analysis.rows.flatMap((row, i) =>
      row.problems.length === 0 ? [] : [{ address: `${column("checks")}${first + i}`, cells: [[row.problems.join(" ")]], style: { ...WARNING_STYLE, wrap: false } }],
    ),
  ];
}
