/**
 * A small, stateful Excel for testing the writer: the Office.js surface the writer uses, with
 * Office.js's batching (every method and property write is queued and runs at `context.sync()`),
 * the errors Excel raises on taken names, and `office-addin-mock` objects for the items a
 * collection load returns (their `name` reads as an error until loaded and synced, as in Excel).
 *
 * Cells written through `Range.formulas` (or `Range.values`) are read the way Excel reads typed
 * input: "=…" is a formula, a leading apostrophe keeps text as text, and numbers, dates,
 * percentages, amounts and logical values in a text are converted, so a test sees any text the
 * writer failed to protect. A formula Excel's grammar refuses is refused (see fakeCalculation.ts),
 * and a formula cell reads back as its value, calculated as Excel would.
 */
import { OfficeMockObject } from "office-addin-mock";
import { sheetReference } from "../../src/excel/a1";
import type { ScalarValue } from "../../src/workbook/formula/values";
import { Calculation, type CalculatedWorkbook, type EmptyCells, formulaRefusal } from "./fakeCalculation";

export type Scalar = string | number | boolean;

/** A cell as Excel holds it. */
export interface CellState {
  /** What `Range.formulas` reads back: the formula, or the value. */
  readonly formula: Scalar;
  /** The kind of content Excel made of the input. */
  readonly kind: "text" | "number" | "boolean" | "formula" | "error";
  /** The value (formulas are not calculated here: null). */
  readonly value: Scalar | null;
  /** Whether Excel converted a text into something else. */
  readonly converted: boolean;
}

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormatState {
  numberFormat: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders: Record<string, BorderState>;
}

export interface TableState {
  name: string;
  address: string;
  style: string;
  hasHeaders: boolean;
}

export interface SeriesState {
  name: string;
  values: string;
  categories: string | null;
  lineStyle?: string;
  lineWeight?: number;
  lineColor?: string;
  markerStyle?: string;
  markerSize?: number;
  markerColor?: string;
}

export interface ChartState {
  type: string;
  seriesBy: string;
  series: SeriesState[];
  title: string;
  categoryAxisTitle: string;
  categoryAxisTitleVisible: boolean;
  valueAxisTitle: string;
  valueAxisTitleVisible: boolean;
  valueMinimum?: number;
  valueMaximum?: number;
  valueNumberFormat?: string;
  legendPosition: string;
  legendVisible: boolean;
  topLeft: string;
  bottomRight: string;
  categoryType?: string;
  categoryNumberFormat?: string;
  baseTimeUnit?: string;
  majorUnit?: number;
  majorTimeUnitScale?: string;
}

export interface ValidationState {
  address: string;
  /** The list's source, e.g. "auto,bass". */
  list: string;
  prompt: string;
  alert: string;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** The cells page breaks were added before, e.g. "A40". */
  breaks: string[];
}

export interface NameState {
  name: string;
  /** "Sheet!$B$4"-like reference: the sheet and the range address. */
  sheet: string;
  address: string;
  comment: string;
}

export interface SheetState {
  name: string;
  cells: Record<string, CellState>;
  formats: Record<string, CellFormatState>;
  /** Column letters → width in points. */
  columnWidths: Record<string, number>;
  tables: TableState[];
  charts: ChartState[];
  /** Sheet-scoped defined names. */
  names: NameState[];
  frozenRows: number;
  /** Row number → height in points. */
  rowHeights: Record<number, number>;
  validations: ValidationState[];
  pageLayout: PageLayoutState;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  active: string;
}

/** The error Office.js rejects `context.sync()` with. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** A workbook to start from. */
export interface Seed {
  readonly sheets: readonly {
    readonly name: string;
    readonly cells?: Readonly<Record<string, Scalar>>;
    /** Number formats of seeded cells, e.g. { A2: "d mmm yyyy" } for a date. */
    readonly numberFormats?: Readonly<Record<string, string>>;
    /** Tables over seeded cells, header row included: their columns are named by it. */
    readonly tables?: readonly { readonly name: string; readonly address: string }[];
    /** Sheet-scoped defined names, each referring to a cell of this sheet. */
    readonly names?: readonly string[];
  }[];
  /** Workbook-scoped defined names. */
  readonly names?: readonly { readonly name: string; readonly sheet: string; readonly address: string }[];
  /** The workbook's structure is protected: no sheet can be added. */
  readonly protectedStructure?: boolean;
  /** The host cannot load sheet-scoped names together with the sheets. */
  readonly refuseNestedLoad?: boolean;
  /** The selected range, on the first sheet unless its address names one ("Sheet2!A1:B9"). */
  readonly selection?: string;
  /** How empty cells reach the `CRS.` functions: as null, as Excel on the web passes them (the default), or as 0, as desktop Excel may. */
  readonly emptyCells?: EmptyCells;
  /** The workbook's date system: 1900 (the default) or 1904, which counts days from 1 Jan 1904. */
  readonly dateSystem?: 1900 | 1904;
  /** How many round trips the `CRS.` functions take to calculate: until then a formula cell reads #BUSY!, as in Excel. */
  readonly busyRoundTrips?: number;
  /**
   * Excel refuses a request (a protected sheet, a limit): called with each request's
   * description as it runs ("worksheets.add Name", "formulas A1:C5", "tables.add A3:C5", …),
   * the error it returns stops the batch there, as Excel does, keeping what ran before.
   */
  readonly refuse?: (request: string) => FakeExcelError | null;
}

// ---------------------------------------------------------------------------------------------
// A1 helpers (kept separate from the code under test on purpose).

function colIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n - 1;
}

function colLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** The box of "B2", "B2:D9", "$B$2", a whole column "B:B"/"B:D" or a whole row "5:5". */
export function box(address: string): Box {
  const whole = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (whole) return { r0: 0, r1: 1_048_575, c0: colIndex(whole[1]), c1: colIndex(whole[2]) };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { r0: Number(rows[1]) - 1, r1: Number(rows[2]) - 1, c0: 0, c1: 16_383 };
  const parts = address.split(":").map((part) => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(part);
    if (!m) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  });
  const [a, b = a] = parts;
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

function boxAddress(b: Box): string {
  const s = `${colLetters(b.c0)}${b.r0 + 1}`;
  const e = `${colLetters(b.c1)}${b.r1 + 1}`;
  return s === e ? s : `${s}:${e}`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function cellsOf(b: Box): readonly (readonly string[])[] {
  // A range is written a dozen ways (values, formats, each border's style, weight and colour):
  // its addresses are listed once.
  const key = `${b.r0},${b.c0},${b.r1},${b.c1}`;
  let cells = CELLS_OF_BOX.get(key);
  if (cells === undefined) CELLS_OF_BOX.set(key, (cells = listCells(b)));
  return cells;
}
const CELLS_OF_BOX = new Map<string, readonly (readonly string[])[]>();

function listCells(b: Box): string[][] {
  const rows: string[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: string[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(`${colLetters(c)}${r + 1}`);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// How Excel reads typed input.

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const LOOKS_LIKE_DATE = new RegExp(
  `^(\\d{1,4}[-/.]\\d{1,2}([-/.]\\d{1,4})?|(\\d{1,2}[- ])?(${MONTHS})[- ,]+\\d{2,4}|\\d{1,2}[- ](${MONTHS})|\\d{1,2}:\\d{2}(:\\d{2})?( ?[ap]m)?)$`,
  "i",
);
const LOOKS_LIKE_NUMBER = /^[-+]?[£$€]?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[-+]?\d+)?\s*%?$/i;
const ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"]);

/** The cell Excel makes of one input of `Range.formulas`. */
export function readInput(input: unknown): CellState | null {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeExcelError("InvalidArgument", "A cell value must be a finite number.");
    return { formula: input, kind: "number", value: input, converted: false };
  }
  if (typeof input === "boolean") return { formula: input, kind: "boolean", value: input, converted: false };
  if (typeof input !== "string") throw new FakeExcelError("InvalidArgument", `Unsupported cell input ${String(input)}.`);
  if (input === "") return null;
  if (input.startsWith("'")) return { formula: input, kind: "text", value: input.slice(1), converted: false };
  if (/^[=+-]/.test(input) && !LOOKS_LIKE_NUMBER.test(input.trim())) {
    return { formula: input.startsWith("=") ? input : `=${input}`, kind: "formula", value: null, converted: input[0] !== "=" };
  }
  const trimmed = input.trim();
  if (/\d/.test(trimmed) && LOOKS_LIKE_NUMBER.test(trimmed)) {
    const n = Number(trimmed.replace(/[£$€,%\s]/g, "")) / (trimmed.endsWith("%") ? 100 : 1);
    return { formula: n, kind: "number", value: n, converted: true };
  }
  if (LOOKS_LIKE_DATE.test(trimmed)) return { formula: 38_000, kind: "number", value: 38_000, converted: true };
  if (/^(true|false)$/i.test(trimmed)) {
    const b = trimmed.toLowerCase() === "true";
    return { formula: b, kind: "boolean", value: b, converted: true };
  }
  if (ERRORS.has(trimmed.toUpperCase())) return { formula: trimmed, kind: "error", value: trimmed, converted: true };
  return { formula: input, kind: "text", value: input, converted: false };
}

/** The defined names a formula uses: identifiers that are neither functions, cells nor logical values. */
export function namesIn(formula: string): string[] {
  // Texts, sheet names before "!" and the column names of structured references are not names.
  const withoutTexts = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/('(?:[^']|'')+'|[A-Za-z_][\w.]*)!/g, "")
    .replace(/\[(?:[^\]']|'.)*\]/g, "");
  // A column's letters before "$" and a row ("F$99") are a reference, not a name.
  return [...withoutTexts.matchAll(/(?<![\w.$])([A-Za-z_\\][\w.]*)(?![\w.]*\()(?![\w.]*\$\d)/g)]
    .map((match) => match[1])
    .filter((name) => !/^\$?[A-Z]{1,3}\$?\d+$/i.test(name) && !/^(true|false)$/i.test(name));
}

// ---------------------------------------------------------------------------------------------
// The fake itself.

const fold = (s: string) => s.toUpperCase();
const OBJECT_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

function blankFormat(): CellFormatState {
  return { numberFormat: "General", borders: {} };
}

export class FakeExcel {
  readonly state: WorkbookState;
  /** The context the writer receives: an `office-addin-mock` object with the collections below. */
  readonly context: Excel.RequestContext;
  syncs = 0;
  /** Requests sent to Excel, in order, as text; a test can see every write. */
  readonly log: string[] = [];
  /** What was written through `Range.formulas` or `Range.values`, in order: the sheet, the address and the grid. */
  readonly writes: { sheet: string; address: string; grid: unknown[][] }[] = [];
  /**
   * Names formulas used that the workbook did not define when they were written ("Sheet!B4:
   * Name"): Excel shows such a formula as #NAME?.
   */
  readonly unknownNames: string[] = [];
  private queue: (() => void)[] = [];
  private afterSync: (() => void)[] = [];
  private readonly seed: Seed;

  constructor(seed: Seed = { sheets: [{ name: "Sheet1" }] }) {
    this.seed = seed;
    this.state = {
      sheets: seed.sheets.map((sheet) => ({
        name: sheet.name,
        cells: Object.fromEntries(
          Object.entries(sheet.cells ?? {}).flatMap(([address, input]) => {
            const cell = readInput(input);
            return cell ? [[address, cell]] : [];
          }),
        ),
        formats: Object.fromEntries(
          Object.entries(sheet.numberFormats ?? {}).map(([address, numberFormat]) => [address, { ...blankFormat(), numberFormat }]),
        ),
        columnWidths: {},
        rowHeights: {},
        validations: [],
        pageLayout: { breaks: [] },
        tables: (sheet.tables ?? []).map((table) => ({ ...table, style: "TableStyleLight9", hasHeaders: true })),
        charts: [],
        names: (sheet.names ?? []).map((name) => ({ name, sheet: sheet.name, address: "A1", comment: "" })),
        frozenRows: 0,
      })),
      names: (seed.names ?? []).map((name) => ({ ...name, comment: "" })),
      active: seed.sheets[0]?.name ?? "",
    };
    const context = new OfficeMockObject({ workbook: { application: { calculationMode: "Automatic" } } }) as unknown as {
      workbook: Record<string, unknown>;
      sync: () => Promise<void>;
    };
    context.sync = () => this.sync();
    context.workbook.worksheets = new WorksheetCollection(this);
    context.workbook.tables = new TableCollection(this);
    context.workbook.getSelectedRange = () => {
      const [sheet, address] = (seed.selection ?? "A1").includes("!") ? seed.selection!.split("!") : [this.state.sheets[0].name, seed.selection ?? "A1"];
      return new ReadRange(this, () => ({ sheet: this.sheet(sheet), box: box(address) }));
    };
    context.workbook.names = new NamedItemCollection(this, null);
    context.workbook.functions = { date: (year: number, month: number, day: number) => new FunctionResult(this, `load functions.date ${year},${month},${day}`, () => this.dateSerial(year, month, day)) };
    this.context = context as unknown as Excel.RequestContext;
  }

  /** Excel's DATE(year, month, day) in this workbook's date system. */
  dateSerial(year: number, month: number, day: number): number {
    const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return this.seed.dateSystem === 1904 ? days - 1_462 : days;
  }

  /** The workbook's values as calculated now: formulas computed, tables spilled, empty cells reaching the `CRS.` functions as `emptyCells`. */
  calculation(emptyCells = this.seed.emptyCells): Calculation {
    const cellAt = (sheet: string, row: number, column: number) => this.sheet(sheet).cells[`${colLetters(column - 1)}${row}`];
    const workbook: CalculatedWorkbook = {
      input: (sheet, row, column) => {
        const cell = cellAt(sheet, row, column);
        if (cell === undefined) return null;
        return cell.kind === "formula" ? { formula: String(cell.formula) } : (cell.value as ScalarValue);
      },
      formulaCells: (sheet) =>
        Object.entries(this.sheet(sheet).cells)
          .filter(([, cell]) => cell.kind === "formula")
          .map(([address]) => box(address))
          .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
          .map((cell) => [cell.r0 + 1, cell.c0 + 1] as const),
      name: (name) => {
        const found = this.state.names.find((candidate) => fold(candidate.name) === fold(name));
        if (found === undefined) return undefined;
        const cells = box(found.address);
        return { sheet: found.sheet, top: cells.r0 + 1, left: cells.c0 + 1, bottom: cells.r1 + 1, right: cells.c1 + 1 };
      },
    };
    return new Calculation(workbook, emptyCells);
  }

  /** Queues a request; it runs at the next sync, in order. */
  enqueue(description: string, request: () => void): void {
    this.queue.push(() => {
      const refusal = this.seed.refuse?.(description);
      if (refusal) throw refusal;
      this.log.push(description);
      request();
    });
  }

  /** Runs something once the current sync has run every request. */
  whenSynced(callback: () => void): void {
    this.afterSync.push(callback);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const queue = this.queue;
    this.queue = [];
    try {
      for (const request of queue) request();
      this.afterSync.forEach((callback) => callback());
    } finally {
      this.afterSync = [];
    }
    // A round trip: loaded values arrive once every pending callback has run.
    await new Promise((resolve) => setImmediate(resolve));
  }

  get protectedStructure(): boolean {
    return this.seed.protectedStructure === true;
  }

  get busyRoundTrips(): number {
    return this.seed.busyRoundTrips ?? 0;
  }

  get refuseNestedLoad(): boolean {
    return this.seed.refuseNestedLoad === true;
  }

  sheet(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => fold(s.name) === fold(name));
    if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
    return sheet;
  }

  /** Every table and workbook name, folded: Excel's one namespace for both. */
  objectNameTaken(name: string): boolean {
    const wanted = fold(name);
    return (
      this.state.names.some((n) => fold(n.name) === wanted) ||
      this.state.sheets.some((sheet) => sheet.tables.some((t) => fold(t.name) === wanted))
    );
  }

  /** Whether a formula on `sheet` can use `name`: a workbook name, a name of that sheet, or a table. */
  nameDefined(sheet: SheetState, name: string): boolean {
    const wanted = fold(name);
    return this.objectNameTaken(name) || sheet.names.some((n) => fold(n.name) === wanted);
  }

  /** A deep copy of the state, for comparing before and after. */
  snapshot(): WorkbookState {
    return structuredClone(this.state);
  }
}

/** An item of a loaded collection: an `office-addin-mock` object whose `name` loads at sync. */
function loadedItem(fake: FakeExcel, name: string): OfficeMockObject & { name: string } {
  const item = new OfficeMockObject({ name }) as OfficeMockObject & { name: string };
  item.load("name");
  fake.whenSynced(() => void item.sync());
  return item;
}

/** What a collection load asks for, as Office.js sends it ("items/" dropped). */
function selection(select: string): string[] {
  return select
    .split(",")
    .map((part) => part.trim().replace(/^items[/.]/i, "").replace(/[/.]items[/.]/gi, "/"))
    .filter((part) => part !== "");
}

class ItemsCollection {
  private loaded: unknown[] | null = null;

  constructor(
    protected readonly fake: FakeExcel,
    private readonly what: string,
    private readonly names: () => string[],
  ) {}

  get items(): unknown[] {
    if (!this.loaded) throw new FakeExcelError("PropertyNotLoaded", `The property 'items' of ${this.what} is not loaded.`);
    return this.loaded;
  }

  load(select: string): this {
    const wanted = selection(select);
    if (wanted.some((property) => property !== "name")) {
      throw new Error(`The fake loads only names of ${this.what}, not ${wanted.join(", ")}.`);
    }
    this.fake.enqueue(`load ${this.what} ${select}`, () => {
      this.loaded = this.names().map((name) => loadedItem(this.fake, name));
    });
    return this;
  }
}

class NamedItemCollection extends ItemsCollection {
  constructor(
    fake: FakeExcel,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(fake, sheet ? "sheet names" : "names", () => (sheet ? sheet().names : fake.state.names).map((n) => n.name));
  }

  getItem(name: string): { delete: () => void } {
    return {
      delete: () =>
        this.fake.enqueue(`name.delete ${name}`, () => {
          const names = this.sheet ? this.sheet().names : this.fake.state.names;
          const index = names.findIndex((n) => fold(n.name) === fold(name));
          if (index < 0) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: name '${name}'.`);
          names.splice(index, 1);
        }),
    };
  }

  add(name: string, reference: RangeProxy | string, comment = ""): object {
    this.fake.enqueue(`names.add ${name}`, () => {
      if (!OBJECT_NAME.test(name)) throw new FakeExcelError("InvalidArgument", `The name '${name}' is not valid.`);
      if (comment.length > 255) throw new FakeExcelError("InvalidArgument", "A name's comment is limited to 255 characters.");
      if (this.sheet) throw new Error("The writer adds workbook-scoped names only.");
      if (this.fake.objectNameTaken(name)) {
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}.`);
      }
      if (typeof reference === "string") throw new Error("The writer passes ranges, not formulas, to names.add.");
      this.fake.state.names.push({ name, sheet: reference.sheetState().name, address: reference.boxAddress(), comment });
    });
    return {};
  }
}

class WorksheetCollection {
  private loaded: unknown[] | null = null;

  constructor(private readonly fake: FakeExcel) {}

  get items(): unknown[] {
    if (!this.loaded) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' of worksheets is not loaded.");
    return this.loaded;
  }

  load(select: string): this {
    const wanted = selection(select);
    const unknown = wanted.filter((property) => property !== "name" && property !== "names/name");
    if (unknown.length > 0) throw new Error(`The fake cannot load worksheets' ${unknown.join(", ")}.`);
    const withNames = wanted.includes("names/name");
    this.fake.enqueue(`load worksheets ${select}`, () => {
      if (withNames && this.fake.refuseNestedLoad) {
        throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      this.loaded = this.fake.state.sheets.map((sheet) => {
        const item = loadedItem(this.fake, sheet.name) as OfficeMockObject & { names?: unknown };
        if (withNames) {
          item.names = { items: sheet.names.map((name) => loadedItem(this.fake, name.name)) };
        }
        return item;
      });
    });
    return this;
  }

  add(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.fake, () => this.fake.sheet(name), name);
    this.fake.enqueue(`worksheets.add ${name}`, () => {
      if (this.fake.protectedStructure) {
        throw new FakeExcelError("AccessDenied", "You cannot perform the requested operation. The workbook is protected.");
      }
      if (this.fake.state.sheets.some((sheet) => fold(sheet.name) === fold(name))) {
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}.`);
      }
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeExcelError("InvalidArgument", `Invalid sheet name ${name}.`);
      this.fake.state.sheets.push({
        name,
        cells: {},
        formats: {},
        columnWidths: {},
        rowHeights: {},
        validations: [],
        pageLayout: { breaks: [] },
        tables: [],
        charts: [],
        names: [],
        frozenRows: 0,
      });
    });
    return proxy;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.fake, () => this.fake.sheet(name), name);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.fake, () => this.fake.sheet(this.fake.state.active), this.fake.state.active);
  }
}

export class WorksheetProxy {
  readonly tables: { add: (address: string | RangeProxy, hasHeaders: boolean) => TableProxy };
  readonly charts: { add: (type: string, source: RangeProxy, seriesBy?: string) => ChartProxy };
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly names: NamedItemCollection;
  readonly pageLayout: { orientation: string; paperSize: string; zoom: PageLayoutState["zoom"] };
  readonly horizontalPageBreaks: { add: (pageBreakRange: string) => void };

  constructor(
    private readonly fake: FakeExcel,
    readonly state: () => SheetState,
    /** The name the sheet was asked for by (added or got), for the request log. */
    readonly name: string,
  ) {
    this.tables = { add: (address, hasHeaders) => new TableProxy(fake, this, address, hasHeaders) };
    this.charts = { add: (type, source, seriesBy = "Auto") => new ChartProxy(fake, this, type, source, seriesBy) };
    this.freezePanes = {
      freezeRows: (count: number) =>
        fake.enqueue(`freezeRows ${count}`, () => {
          this.state().frozenRows = count;
        }),
    };
    this.names = new NamedItemCollection(fake, state);
    const layout = <T>(description: string, apply: (l: PageLayoutState, v: T) => void) => ({
      set: (value: T) => fake.enqueue(description, () => apply(this.state().pageLayout, value)),
      enumerable: true,
    });
    this.pageLayout = Object.defineProperties({} as WorksheetProxy["pageLayout"], {
      orientation: layout<string>("pageLayout.orientation", (l, v) => (l.orientation = v)),
      paperSize: layout<string>("pageLayout.paperSize", (l, v) => (l.paperSize = v)),
      zoom: layout<PageLayoutState["zoom"]>("pageLayout.zoom", (l, v) => (l.zoom = v)),
    });
    this.horizontalPageBreaks = {
      add: (pageBreakRange: string) =>
        fake.enqueue(`horizontalPageBreaks.add ${pageBreakRange}`, () => {
          box(pageBreakRange);
          this.state().pageLayout.breaks.push(pageBreakRange);
        }),
    };
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.fake, this, address);
  }

  activate(): void {
    this.fake.enqueue("activate", () => {
      this.fake.state.active = this.state().name;
    });
  }

  /** Deletes the sheet with its tables, charts and sheet-scoped names; workbook names that refer to it stay (as #REF!), as in Excel. */
  delete(): void {
    this.fake.enqueue(`worksheet.delete ${this.name}`, () => {
      const sheet = this.state();
      const sheets = this.fake.state.sheets;
      if (sheets.length === 1) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      sheets.splice(sheets.indexOf(sheet), 1);
      if (fold(this.fake.state.active) === fold(sheet.name)) this.fake.state.active = sheets[0].name;
    });
  }
}

/** A range's data validation as Office.js sets it: a rule, a prompt and an error alert. */
type DataValidationProxy = {
  rule: { list?: { inCellDropDown: boolean; source: string } };
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
};

class RangeProxy {
  // The format, the data validation and the box are made when first used: a plan gets thousands
  // of ranges, and most are only given values.
  private formatProxy?: FormatProxy;
  private validationProxy?: DataValidationProxy;
  private boxOfAddress?: Box;

  constructor(
    private readonly fake: FakeExcel,
    readonly sheet: WorksheetProxy,
    readonly address: string,
  ) {}

  get format(): FormatProxy {
    return (this.formatProxy ??= new FormatProxy(this.fake, this));
  }

  get dataValidation(): DataValidationProxy {
    return (this.validationProxy ??= this.makeDataValidation());
  }

  private makeDataValidation(): DataValidationProxy {
    const validation = (): ValidationState => {
      const validations = this.sheetState().validations;
      const found = validations.find((v) => v.address === this.address);
      if (found) return found;
      const added = { address: this.address, list: "", prompt: "", alert: "" };
      validations.push(added);
      return added;
    };
    const part = <T>(description: string, apply: (v: ValidationState, value: T) => void) => ({
      set: (value: T) => this.fake.enqueue(`${description} ${this.address}`, () => apply(validation(), value)),
      enumerable: true,
    });
    return Object.defineProperties({} as DataValidationProxy, {
      rule: part<DataValidationProxy["rule"]>("dataValidation.rule", (v, rule) => {
        if (!rule.list || rule.list.source.length > 255) throw new FakeExcelError("InvalidArgument", "The list source is invalid.");
        v.list = rule.list.source;
      }),
      prompt: part<DataValidationProxy["prompt"]>("dataValidation.prompt", (v, prompt) => (v.prompt = prompt.message)),
      errorAlert: part<DataValidationProxy["errorAlert"]>("dataValidation.errorAlert", (v, alert) => (v.alert = alert.message)),
    });
  }

  sheetState(): SheetState {
    return this.sheet.state();
  }

  box(): Box {
    return (this.boxOfAddress ??= box(this.address));
  }

  /** The range as a range to read: its used range, the tables it touches. */
  private read(): ReadRange {
    return new ReadRange(this.fake, () => ({ sheet: this.sheetState(), box: this.box() }));
  }

  getUsedRange(valuesOnly?: boolean): ReadRange {
    return this.read().getUsedRange(valuesOnly);
  }

  getTables(fullyContained?: boolean): TablesInRange {
    return this.read().getTables(fullyContained);
  }

  boxAddress(): string {
    return boxAddress(this.box());
  }

  /** Runs a request on every cell of the range, checking a 2D array's shape against it. */
  eachCell(what: string, grid: unknown, apply: (address: string, value: unknown) => void): void {
    const addresses = cellsOf(this.box());
    if (!Array.isArray(grid) || grid.length !== addresses.length || grid.some((row, i) => !Array.isArray(row) || row.length !== addresses[i].length)) {
      throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the ${what} array doesn't match the size of the range ${this.address}.`);
    }
    addresses.forEach((row, r) => row.forEach((address, c) => apply(address, (grid as unknown[][])[r][c])));
  }

  set formulas(grid: unknown[][]) {
    this.fake.enqueue(`formulas ${this.address}`, () => {
      const sheet = this.sheetState();
      this.fake.writes.push({ sheet: sheet.name, address: this.address, grid: structuredClone(grid) });
      this.eachCell("formulas", grid, (address, input) => {
        const cell = readInput(input);
        const refusal = cell?.kind === "formula" ? formulaRefusal(String(cell.formula)) : null;
        if (refusal !== null) throw new FakeExcelError("InvalidArgument", `Excel cannot take the formula in ${address}: ${refusal}`);
        if (cell) sheet.cells[address] = cell;
        else delete sheet.cells[address];
        if (cell?.kind === "formula") {
          for (const name of namesIn(String(cell.formula))) {
            if (!this.fake.nameDefined(sheet, name)) this.fake.unknownNames.push(`${sheet.name}!${address}: ${name}`);
          }
        }
      });
    });
  }

  /** Values are typed input, as formulas are: a text starting "=" is a formula. */
  set values(grid: unknown[][]) {
    this.formulas = grid;
  }

  get values(): Scalar[][] {
    return this.loadedRead().values;
  }

  get valueTypes(): string[][] {
    return this.loadedRead().valueTypes;
  }

  private reading?: ReadRange;

  /** Loads what a read of the range gives (values, valueTypes, numberFormat, address) at the next sync. */
  load(select: string): this {
    this.reading = this.read().load(select);
    return this;
  }

  private loadedRead(): ReadRange {
    if (this.reading === undefined) throw new FakeExcelError("PropertyNotLoaded", "The range's properties are not loaded.");
    return this.reading;
  }

  set numberFormat(grid: unknown[][]) {
    this.fake.enqueue(`numberFormat ${this.address}`, () => {
      const sheet = this.sheetState();
      this.eachCell("numberFormat", grid, (address, format) => {
        if (typeof format !== "string") throw new FakeExcelError("InvalidArgument", "A number format must be text.");
        (sheet.formats[address] ??= blankFormat()).numberFormat = format;
      });
    });
  }

  /** Applies a format change to every cell of the range. */
  formatEach(description: string, change: (format: CellFormatState) => void): void {
    this.fake.enqueue(`${description} ${this.address}`, () => {
      const sheet = this.sheetState();
      for (const row of cellsOf(this.box())) for (const address of row) change((sheet.formats[address] ??= blankFormat()));
    });
  }
}

class FormatProxy {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; italic: boolean };
  readonly borders: { getItem: (edge: string) => { style: string; weight: string; color: string } };

  constructor(
    private readonly fake: FakeExcel,
    private readonly range: RangeProxy,
  ) {
    const setter = <T>(description: string, change: (format: CellFormatState, value: T) => void) => ({
      set: (value: T) => range.formatEach(description, (format) => change(format, value)),
      enumerable: true,
    });
    this.fill = Object.defineProperties({} as { color: string }, {
      color: setter<string>("fill", (f, v) => (f.fill = v)),
    });
    this.font = Object.defineProperties({} as { color: string; bold: boolean; italic: boolean }, {
      color: setter<string>("font.color", (f, v) => (f.fontColor = v)),
      bold: setter<boolean>("bold", (f, v) => (f.bold = v)),
      italic: setter<boolean>("italic", (f, v) => (f.italic = v)),
    });
    this.borders = {
      getItem: (edge: string) => {
        const border = (f: CellFormatState) => (f.borders[edge] ??= { style: "None", weight: "Thin", color: "#000000" });
        return Object.defineProperties({} as { style: string; weight: string; color: string }, {
          style: setter<string>(`border ${edge} style`, (f, v) => (border(f).style = v)),
          weight: setter<string>(`border ${edge} weight`, (f, v) => (border(f).weight = v)),
          color: setter<string>(`border ${edge} color`, (f, v) => (border(f).color = v)),
        });
      },
    };
  }

  set wrapText(value: boolean) {
    this.range.formatEach("wrapText", (f) => (f.wrapText = value));
  }

  set horizontalAlignment(value: string) {
    this.range.formatEach("horizontalAlignment", (f) => (f.horizontalAlignment = value));
  }

  set verticalAlignment(value: string) {
    this.range.formatEach("verticalAlignment", (f) => (f.verticalAlignment = value));
  }

  set columnWidth(points: number) {
    this.fake.enqueue(`columnWidth ${this.range.address}`, () => {
      const b = this.range.box();
      for (let c = b.c0; c <= b.c1; c++) this.range.sheetState().columnWidths[colLetters(c)] = points;
    });
  }

  set rowHeight(points: number) {
    this.fake.enqueue(`rowHeight ${this.range.address}`, () => {
      if (!(points >= 0 && points <= 409)) throw new FakeExcelError("InvalidArgument", "A row height must be 0 to 409 points.");
      const b = this.range.box();
      for (let r = b.r0; r <= b.r1; r++) this.range.sheetState().rowHeights[r + 1] = points;
    });
  }
}

class TableProxy {
  private table: TableState | null = null;

  constructor(
    private readonly fake: FakeExcel,
    sheet: WorksheetProxy,
    address: string | RangeProxy,
    hasHeaders: boolean,
  ) {
    const text = typeof address === "string" ? address : address.address;
    fake.enqueue(`tables.add ${text}`, () => {
      // As in Excel, an address text without a sheet name means the active sheet.
      const state = typeof address === "string" ? fake.sheet(fake.state.active) : sheet.state();
      if (typeof address !== "string" && address.sheetState() !== state) {
        throw new FakeExcelError("InvalidArgument", "The table's range is on another sheet.");
      }
      const wanted = box(text);
      if (state.tables.some((t) => overlaps(box(t.address), wanted))) {
        throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
      }
      let n = 1;
      while (fake.objectNameTaken(`Table${n}`)) n++;
      this.table = { name: `Table${n}`, address: boxAddress(wanted), style: "TableStyleMedium2", hasHeaders };
      state.tables.push(this.table);
    });
  }

  set name(name: string) {
    this.fake.enqueue(`table.name ${name}`, () => {
      if (!OBJECT_NAME.test(name)) throw new FakeExcelError("InvalidArgument", `The table name '${name}' is not valid.`);
      if (this.fake.objectNameTaken(name)) {
        throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}.`);
      }
      this.table!.name = name;
    });
  }

  set style(style: string) {
    this.fake.enqueue(`table.style ${style}`, () => {
      this.table!.style = style;
    });
  }
}

/**
 * How a chart's state records a range it draws: its address on the chart's own sheet ("F5:F9"),
 * or with its sheet's name on another sheet of the workbook ("'Data sheet'!F5:F9"), as Excel
 * allows; a range of a sheet no longer in the workbook is refused.
 */
function chartReference(fake: FakeExcel, chartSheet: WorksheetProxy, range: RangeProxy): string {
  const data = range.sheetState();
  if (!fake.state.sheets.includes(data)) throw new FakeExcelError("ItemNotFound", `The sheet '${data.name}' is not in the workbook.`);
  return data === chartSheet.state() ? range.boxAddress() : `${sheetReference(data.name)}!${range.boxAddress()}`;
}

class ChartProxy {
  private chart: ChartState | null = null;
  readonly series: { getItemAt: (index: number) => SeriesProxy; add: (name?: string) => SeriesProxy };
  readonly title: { text: string };
  readonly axes: {
    categoryAxis: {
      title: { text: string; visible: boolean };
      categoryType: string;
      numberFormat: string;
      baseTimeUnit: string;
      majorUnit: number;
      majorTimeUnitScale: string;
    };
    valueAxis: { title: { text: string; visible: boolean }; minimum: number; maximum: number; numberFormat: string };
  };
  readonly legend: { position: string; visible: boolean };

  constructor(
    private readonly fake: FakeExcel,
    sheet: WorksheetProxy,
    type: string,
    source: RangeProxy,
    seriesBy: string,
  ) {
    fake.enqueue(`charts.add ${type} ${source.address}`, () => {
      this.chart = {
        type,
        seriesBy,
        series: [{ name: `Series1`, values: chartReference(fake, sheet, source), categories: null }],
        title: "",
        categoryAxisTitle: "",
        categoryAxisTitleVisible: false,
        valueAxisTitle: "",
        valueAxisTitleVisible: false,
        legendPosition: "Right",
        legendVisible: true,
        topLeft: "",
        bottomRight: "",
      };
      sheet.state().charts.push(this.chart);
    });
    const chart = () => this.chart!;
    const prop = <T>(description: string, apply: (c: ChartState, v: T) => void) => ({
      set: (value: T) => fake.enqueue(description, () => apply(chart(), value)),
      enumerable: true,
    });
    this.series = {
      getItemAt: (index) => new SeriesProxy(fake, sheet, () => chart().series[index]),
      add: (name = "") => {
        let series: SeriesState | null = null;
        fake.enqueue(`series.add ${name}`, () => {
          series = { name, values: "", categories: null };
          chart().series.push(series);
        });
        return new SeriesProxy(fake, sheet, () => series!);
      },
    };
    this.title = Object.defineProperties({} as { text: string }, { text: prop<string>("chart title", (c, v) => (c.title = v)) });
    this.axes = {
      categoryAxis: Object.defineProperties(
        {
          title: Object.defineProperties({} as { text: string; visible: boolean }, {
            text: prop<string>("x title", (c, v) => (c.categoryAxisTitle = v)),
            visible: prop<boolean>("x title visible", (c, v) => (c.categoryAxisTitleVisible = v)),
          }),
        } as ChartProxy["axes"]["categoryAxis"],
        {
          categoryType: prop<string>("x category type", (c, v) => (c.categoryType = v)),
          numberFormat: prop<string>("x number format", (c, v) => (c.categoryNumberFormat = v)),
          baseTimeUnit: prop<string>("x base time unit", (c, v) => (c.baseTimeUnit = v)),
          majorUnit: prop<number>("x major unit", (c, v) => (c.majorUnit = v)),
          majorTimeUnitScale: prop<string>("x major time unit", (c, v) => (c.majorTimeUnitScale = v)),
        },
      ),
      valueAxis: Object.defineProperties(
        {
          title: Object.defineProperties({} as { text: string; visible: boolean }, {
            text: prop<string>("y title", (c, v) => (c.valueAxisTitle = v)),
            visible: prop<boolean>("y title visible", (c, v) => (c.valueAxisTitleVisible = v)),
          }),
        } as ChartProxy["axes"]["valueAxis"],
        {
          minimum: prop<number>("y minimum", (c, v) => (c.valueMinimum = v)),
          maximum: prop<number>("y maximum", (c, v) => (c.valueMaximum = v)),
          numberFormat: prop<string>("y number format", (c, v) => (c.valueNumberFormat = v)),
        },
      ),
    };
    this.legend = Object.defineProperties({} as { position: string; visible: boolean }, {
      position: prop<string>("legend position", (c, v) => (c.legendPosition = v)),
      visible: prop<boolean>("legend visible", (c, v) => (c.legendVisible = v)),
    });
  }

  setPosition(startCell: string, endCell?: string): void {
    this.fake.enqueue(`chart.setPosition ${startCell}:${endCell}`, () => {
      this.chart!.topLeft = startCell;
      this.chart!.bottomRight = endCell ?? startCell;
    });
  }
}

class SeriesProxy {
  readonly format: { line: { lineStyle: string; weight: number; color: string } };

  constructor(
    private readonly fake: FakeExcel,
    private readonly chartSheet: WorksheetProxy,
    private readonly series: () => SeriesState,
  ) {
    const prop = <T>(description: string, apply: (s: SeriesState, v: T) => void) => ({
      set: (value: T) => fake.enqueue(description, () => apply(series(), value)),
      enumerable: true,
    });
    this.format = {
      line: Object.defineProperties({} as { lineStyle: string; weight: number; color: string }, {
        lineStyle: prop<string>("series line style", (s, v) => (s.lineStyle = v)),
        weight: prop<number>("series line weight", (s, v) => (s.lineWeight = v)),
        color: prop<string>("series line color", (s, v) => (s.lineColor = v)),
      }),
    };
    Object.defineProperties(this, {
      markerStyle: prop<string>("series marker style", (s, v) => (s.markerStyle = v)),
      markerSize: prop<number>("series marker size", (s, v) => (s.markerSize = v)),
      markerBackgroundColor: prop<string>("series marker background", (s, v) => (s.markerColor = v)),
      markerForegroundColor: prop<string>("series marker foreground", (s, v) => (s.markerColor = v)),
    });
  }

  set name(name: string) {
    this.fake.enqueue(`series.name ${name}`, () => (this.series().name = name));
  }

  setValues(range: RangeProxy): void {
    this.fake.enqueue(`series.setValues ${range.address}`, () => (this.series().values = chartReference(this.fake, this.chartSheet, range)));
  }

  setXAxisValues(range: RangeProxy): void {
    this.fake.enqueue(`series.setXAxisValues ${range.address}`, () => (this.series().categories = chartReference(this.fake, this.chartSheet, range)));
  }
}

// ---------------------------------------------------------------------------------------------
// Reading ranges: values, number formats and value types, used ranges, rows below, tables.

/** A sheet and a box on it, found when a request runs. */
type Place = () => { sheet: SheetState; box: Box };

/** A sheet's name as Excel writes it before "!" in an address. */
function sheetInAddress(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A result of `workbook.functions`: its value arrives when loaded and synced, as Excel's FunctionResult. */
class FunctionResult {
  private result: { value: number } | null = null;

  constructor(
    private readonly fake: FakeExcel,
    private readonly description: string,
    private readonly compute: () => number,
  ) {}

  get value(): number {
    if (!this.result) throw new FakeExcelError("PropertyNotLoaded", "The property 'value' is not loaded.");
    return this.result.value;
  }

  load(_select?: string): this {
    this.fake.enqueue(this.description, () => {
      this.result = { value: this.compute() };
    });
    return this;
  }
}

/** What `Range.values` and `Range.valueTypes` give for a cell. */
function readCell(cell: CellState | undefined): { value: Scalar; type: string } {
  if (!cell || cell.value === null) return { value: "", type: "Empty" };
  if (cell.kind === "error") return { value: cell.value, type: "Error" };
  if (typeof cell.value === "number") return { value: cell.value, type: "Double" };
  if (typeof cell.value === "boolean") return { value: cell.value, type: "Boolean" };
  return { value: cell.value, type: "String" };
}

/** A range read at sync: what it loads arrives then, and a range it does not have fails then. */
class ReadRange {
  private loaded: { address: string; values: Scalar[][]; numberFormat: string[][]; valueTypes: string[][] } | null = null;

  constructor(
    private readonly fake: FakeExcel,
    private readonly place: Place,
  ) {}

  private get data() {
    if (!this.loaded) throw new FakeExcelError("PropertyNotLoaded", "The range's properties are not loaded.");
    return this.loaded;
  }

  get address(): string {
    return this.data.address;
  }

  get values(): Scalar[][] {
    return this.data.values;
  }

  get numberFormat(): string[][] {
    return this.data.numberFormat;
  }

  get valueTypes(): string[][] {
    return this.data.valueTypes;
  }

  load(select: string): this {
    const unknown = selection(select).filter((property) => !["address", "values", "numberFormat", "valueTypes"].includes(property));
    if (unknown.length > 0) throw new Error(`The fake cannot load a range's ${unknown.join(", ")}.`);
    this.fake.enqueue(`load range ${select}`, () => {
      const { sheet, box: b } = this.place();
      const rows = cellsOf(b);
      let calculation: Calculation | undefined;
      const cells = rows.map((row, r) =>
        row.map((address, c) => {
          const cell = sheet.cells[address];
          if (cell !== undefined && cell.kind !== "formula") return readCell(cell);
          if (cell !== undefined && this.fake.syncs <= this.fake.busyRoundTrips) return { value: "#BUSY!", type: "Error" };
          calculation ??= this.fake.calculation();
          return { value: calculation.value(sheet.name, b.r0 + r + 1, b.c0 + c + 1), type: calculation.valueType(sheet.name, b.r0 + r + 1, b.c0 + c + 1) };
        }),
      );
      this.loaded = {
        address: `${sheetInAddress(sheet.name)}!${boxAddress(b)}`,
        values: cells.map((row) => row.map((cell) => cell.value)),
        valueTypes: cells.map((row) => row.map((cell) => cell.type)),
        numberFormat: rows.map((row) => row.map((address) => sheet.formats[address]?.numberFormat ?? "General")),
      };
    });
    return this;
  }

  /** The smallest box around the cells of this range that hold something; ItemNotFound if none. */
  getUsedRange(_valuesOnly?: boolean): ReadRange {
    return new ReadRange(this.fake, () => {
      const { sheet, box: b } = this.place();
      const used = Object.keys(sheet.cells)
        .map((address) => box(address))
        .filter((cell) => overlaps(cell, b));
      if (used.length === 0) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
      return {
        sheet,
        box: {
          r0: Math.min(...used.map((cell) => cell.r0)),
          r1: Math.max(...used.map((cell) => cell.r1)),
          c0: Math.min(...used.map((cell) => cell.c0)),
          c1: Math.max(...used.map((cell) => cell.c1)),
        },
      };
    });
  }

  getRowsBelow(count = 1): ReadRange {
    return new ReadRange(this.fake, () => {
      const { sheet, box: b } = this.place();
      if (b.r1 + count > 1_048_575) throw new FakeExcelError("InvalidArgument", "The range would extend beyond the sheet.");
      return { sheet, box: { r0: b.r1 + 1, r1: b.r1 + count, c0: b.c0, c1: b.c1 } };
    });
  }

  getTables(_fullyContained?: boolean): TablesInRange {
    return new TablesInRange(this.fake, () => {
      const { sheet, box: b } = this.place();
      return sheet.tables.filter((table) => overlaps(box(table.address), b)).map((table) => tableItem(sheet, table));
    });
  }
}

/** A table as a loaded item: its name and its columns, named by its header row. */
function tableItem(sheet: SheetState, table: TableState): { name: string; columns: { items: { name: string }[] } } {
  const header = cellsOf(box(table.address))[0];
  return { name: table.name, columns: { items: header.map((address) => ({ name: String(readCell(sheet.cells[address]).value) })) } };
}

/** The tables a range touches (`Range.getTables`), loaded with their names and columns' names. */
class TablesInRange {
  private loaded: ReturnType<typeof tableItem>[] | null = null;

  constructor(
    private readonly fake: FakeExcel,
    private readonly find: () => ReturnType<typeof tableItem>[],
  ) {}

  get items(): ReturnType<typeof tableItem>[] {
    if (!this.loaded) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' of the tables is not loaded.");
    return this.loaded;
  }

  load(select: string): this {
    const unknown = selection(select).filter((property) => property !== "name" && property !== "columns/name");
    if (unknown.length > 0) throw new Error(`The fake loads only tables' names and columns' names, not ${unknown.join(", ")}.`);
    this.fake.enqueue(`load tables in range ${select}`, () => {
      this.loaded = this.find();
    });
    return this;
  }
}

/** The workbook's tables: their names, and one by name to read. */
class TableCollection extends ItemsCollection {
  constructor(fake: FakeExcel) {
    super(fake, "tables", () => fake.state.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name)));
  }

  getItem(name: string): TableReader {
    return new TableReader(this.fake, () => {
      for (const sheet of this.fake.state.sheets) {
        const table = sheet.tables.find((candidate) => fold(candidate.name) === fold(name));
        if (table) return { sheet, table };
      }
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: table '${name}'.`);
    });
  }
}

/** A table to read: its name, its columns' names and its data body. */
class TableReader {
  private loadedName: string | null = null;
  readonly columns: { load: (select: string) => { items: { name: string }[] }; items: { name: string }[] };

  constructor(
    private readonly fake: FakeExcel,
    private readonly find: () => { sheet: SheetState; table: TableState },
  ) {
    let columns: { name: string }[] | null = null;
    const collection = {
      load: (select: string) => {
        if (selection(select).some((property) => property !== "name")) throw new Error(`The fake loads only columns' names, not ${select}.`);
        fake.enqueue(`load table columns ${select}`, () => {
          const { sheet, table } = this.find();
          columns = tableItem(sheet, table).columns.items;
        });
        return collection;
      },
      get items() {
        if (!columns) throw new FakeExcelError("PropertyNotLoaded", "The property 'items' of the columns is not loaded.");
        return columns;
      },
    };
    this.columns = collection;
  }

  get name(): string {
    if (this.loadedName === null) throw new FakeExcelError("PropertyNotLoaded", "The property 'name' of the table is not loaded.");
    return this.loadedName;
  }

  load(select: string): this {
    if (selection(select).some((property) => property !== "name")) throw new Error(`The fake loads only a table's name, not ${select}.`);
    this.fake.enqueue(`load table ${select}`, () => {
      this.loadedName = this.find().table.name;
    });
    return this;
  }

  getDataBodyRange(): ReadRange {
    return new ReadRange(this.fake, () => {
      const { sheet, table } = this.find();
      const b = box(table.address);
      return { sheet, box: { ...b, r0: Math.min(b.r0 + 1, b.r1) } };
    });
  }
}
