/**
 * "Check this Excel": what a user, or their IT, runs first to learn whether their own Excel has
 * what the add-in needs. It reports the host, platform and version; each requirement set the
 * add-in needs and whether this Excel supports it; the workbook's date system; and it runs the
 * `CRS.` functions once through formulas on a scratch sheet (a value, a spilled table, a table
 * holding an error, an error with its message, empty rows below the data and an empty cell
 * beside a number), reads what Excel calculated, removes the sheet, and says in words what works
 * and what does not.
 *
 * Round trips: three, the most an action makes (`MAX_SYNCS_PER_ACTION`): one to read the names in
 * use and the date system, one to write the scratch sheet and read its results in the same
 * batch, and one to remove the sheet, which is removed even when a step fails (or the report says
 * to delete it, if Excel would not). The one exception is Excel still calculating: the functions
 * calculate asynchronously and a cell reads #BUSY! until they are done, so the read is repeated,
 * a few times a second, for at most `CHECK_WAIT_MS`, a round trip each.
 *
 * Only string values of Office.js enums are used, so this runs on a mock Excel.
 */
import { uniqueSheetName } from "../workbook/plan";
import { EXCEL_API_VERSION, readWithTakenNames } from "./officeWriter";
import { errorCode } from "./removeAdded";

/** A requirement set the add-in needs, and what for. */
export interface NeededSet {
  readonly name: string;
  readonly version: string;
  readonly purpose: string;
}

/** The requirement sets the add-in needs: the manifest's two and the pane's Excel JavaScript API. */
export const NEEDED_SETS: readonly NeededSet[] = [
  { name: "CustomFunctionsRuntime", version: "1.3", purpose: "the CRS. functions, with their messages on #VALUE! and #N/A errors; Excel shows none on #NUM!" },
  { name: "SharedRuntime", version: "1.1", purpose: "the functions and the pane in one runtime, loading with a workbook the pane has written to" },
  { name: "ExcelApi", version: EXCEL_API_VERSION, purpose: "the pane's actions: inserting the datasets, building the model, forecasting" },
];

/**
 * The ExcelApi requirement set the check itself needs, which is far older than the pane's other
 * actions' (`EXCEL_API_VERSION`), so that the Excel it is most for (one too old for those, such as
 * Excel 2019) can run it: `Workbook.functions` (the date system) is ExcelApi 1.2; adding, reading
 * and removing the scratch sheet (`WorksheetCollection.add`, `getItem`, `Worksheet.getRange`,
 * `Worksheet.delete`, `Range.formulas`, `values`, `valueTypes`) and the names in use
 * (`Workbook.worksheets`, `tables`, `names`) are 1.1. Sheet-scoped names (`Worksheet.names`, 1.4)
 * are read where the host has them, else left out (see `readWithTakenNames`).
 */
export const CHECK_EXCEL_API_VERSION = "1.2";

/** What of Office.js the check reads about the host. */
export interface OfficeFacts {
  readonly context: {
    readonly diagnostics?: { readonly host?: unknown; readonly platform?: unknown; readonly version?: unknown };
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** The host as Office reports it, and the requirement sets with whether each is supported. */
export interface HostFacts {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  readonly sets: readonly (NeededSet & { readonly supported: boolean })[];
}

/** Reads the host's name, platform and version, and checks each needed requirement set. */
export function hostFacts(office: OfficeFacts): HostFacts {
  const diagnostics = office.context.diagnostics;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : "unknown");
  const supported = (set: NeededSet) => {
    try {
      return office.context.requirements.isSetSupported(set.name, set.version) === true;
    } catch {
      return false;
    }
  };
  return {
    host: text(diagnostics?.host),
    platform: text(diagnostics?.platform),
    version: text(diagnostics?.version),
    sets: NEEDED_SETS.map((set) => ({ ...set, supported: supported(set) })),
  };
}

/** The scratch sheet's name, or a free variant of it. */
const SHEET_NAME = "CRS check";

/**
 * The scratch sheet: data in A:D (four monthly counts with four empty rows below them; and the
 * same with one count left empty beside its month), formulas from F on. Each check names the
 * cells it reads.
 */
const SCRATCH = {
  data: {
    address: "A1:D8",
    values: [
      [1, 10, 1, 10],
      [2, 25, 2, 25],
      [3, 45, 3, 45],
      [4, 60, 4, 60],
      ["", "", 5, ""],
      ["", "", "", ""],
      ["", "", "", ""],
      ["", "", "", ""],
    ],
  },
  formulas: [
    { address: "F1", formula: "=CRS.GROWTH(25072,75216,2)" },
    { address: "F3", formula: "=CRS.DATASETS()" },
    { address: "F12", formula: '=CRS.FIT("logistic",{0;1.05},{3500;18981},35000)' },
    { address: "J12", formula: '=CRS.REACH("logistic",{0;1.05},{3500;18981},40000,35000)' },
    { address: "F22", formula: '=CRS.FIT("logistic",A1:A8,B1:B8,100)' },
    { address: "J22", formula: '=CRS.FIT("logistic",C1:C5,D1:D5,100)' },
  ],
  /** What is read back: the value, the spilled table's first two rows, FIT's table, REACH, and the two fits over empty cells. */
  reads: { value: "F1", table: "F3:I4", tableWithError: "F12:H15", error: "J12", blankRows: "F22:H29", blankCell: "J22:L29" },
} as const;

type ReadName = keyof typeof SCRATCH.reads;

/** A block of cells as read back: values and their types ("Double", "String", "Error", …). */
export interface CellsRead {
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly unknown[])[];
}

/** What the live check found, each read by name; null where Excel gave no answer in time. */
export type LiveReads = Readonly<Record<ReadName, CellsRead>> | null;

/** Everything the check found. */
export interface CheckFindings {
  readonly host: HostFacts;
  /** 1900 or 1904, or null when Excel did not say. */
  readonly dateSystem: 1900 | 1904 | null;
  readonly live: LiveReads;
  /** Why the live check could not run, if it could not. */
  readonly liveFailure: string | null;
  /** The scratch sheet's name if Excel did not let the check remove it. */
  readonly leftover: string | null;
}

/** How long the check waits for the functions to calculate. */
export const CHECK_WAIT_MS = 20_000;
/** The pause between two reads of results still calculating. */
const READ_PAUSE_MS = 250;

/** Whether any cell of the reads still shows #BUSY! (or Excel's older #GETTING_DATA). */
function calculating(reads: Readonly<Record<ReadName, CellsRead>>): boolean {
  return Object.values(reads).some(({ values }) => values.some((row) => row.some((value) => value === "#BUSY!" || value === "#GETTING_DATA")));
}

/** Runs a batch of Office.js requests, as `Excel.run` does. */
type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Runs the check: the host facts, the date system, and the live check on a scratch sheet, which
 * is removed whatever happens. `pause` waits between reads (a test passes one that does not).
 */
export async function checkThisExcel(
  run: ExcelBatch,
  office: OfficeFacts,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<CheckFindings> {
  const host = hostFacts(office);
  return run(async (context) => {
    const { taken, dateSystem } = await readWithTakenNames(context, () => () => undefined);
    const name = uniqueSheetName(SHEET_NAME, taken.sheets).name;
    let live: LiveReads = null;
    let liveFailure: string | null = null;
    try {
      const sheet = context.workbook.worksheets.add(name);
      sheet.getRange(SCRATCH.data.address).values = SCRATCH.data.values.map((row) => [...row]);
      for (const { address, formula } of SCRATCH.formulas) sheet.getRange(address).formulas = [[formula]];
      // Written and read back in one round trip: the reads follow the writes in the batch.
      live = await readResults(context, sheet, pause);
    } catch (error) {
      liveFailure = error instanceof Error ? error.message : String(error);
    }
    return { host, dateSystem, live, liveFailure, leftover: await removeScratchSheet(context, name) };
  });
}

/**
 * Removes the scratch sheet (one round trip): null when it is gone, or never came (Excel refused
 * to add it), else its name, for the report to ask the user to delete it.
 */
async function removeScratchSheet(context: Excel.RequestContext, name: string): Promise<string | null> {
  context.workbook.worksheets.getItem(name).delete();
  try {
    await context.sync();
    return null;
  } catch (error) {
    return errorCode(error) === "ItemNotFound" ? null : name;
  }
}

/**
 * Reads the results (in the batch of whatever was queued before) until none is still
 * calculating, or `CHECK_WAIT_MS` has passed (null then): a round trip a read, beyond the
 * action's three only while Excel calculates.
 */
async function readResults(context: Excel.RequestContext, sheet: Excel.Worksheet, pause: (ms: number) => Promise<void>): Promise<LiveReads> {
  for (let waited = 0; waited <= CHECK_WAIT_MS; waited += READ_PAUSE_MS) {
    const ranges = Object.entries(SCRATCH.reads).map(([read, address]) => [read, sheet.getRange(address).load("values, valueTypes")] as const);
    await context.sync();
    const reads = Object.fromEntries(ranges.map(([read, range]) => [read, { values: range.values, valueTypes: range.valueTypes }])) as unknown as Record<ReadName, CellsRead>;
    if (!calculating(reads)) return reads;
    await pause(READ_PAUSE_MS);
  }
  return null;
}

/** One line of the report: what was checked, in words, and whether it is as the add-in needs. */
export interface CheckLine {
  readonly ok: boolean;
  readonly text: string;
}

/** The report in words: a first sentence that sums up, then a line per check. */
export interface CheckReport {
  readonly ok: boolean;
  readonly summary: string;
  readonly lines: readonly CheckLine[];
}

/** How to update Excel, for a line that needs a newer one. */
const UPDATE = "update Excel (File > Account > Update Options > Update Now), or use Excel on the web";

/** A cell's value as the report quotes it. */
function quoted(value: unknown): string {
  if (typeof value === "number") return String(Number(value.toPrecision(6)));
  return typeof value === "string" && value !== "" ? value : "nothing";
}

/** The report line of the date system. */
function dateSystemLine(dateSystem: CheckFindings["dateSystem"]): CheckLine {
  if (dateSystem === 1900) return { ok: true, text: "Dates: this workbook counts dates from 1900, Excel's usual date system." };
  if (dateSystem === 1904) {
    return {
      ok: true,
      text: "Dates: this workbook counts dates from 1904 (File > Options > Advanced, or a workbook from an old Mac). The pane writes its dates for it; typed into cells, CRS.DATASET's dates are 1900-system numbers, 1,462 days apart.",
    };
  }
  return { ok: false, text: "Dates: Excel did not say which date system this workbook uses." };
}

/** The report lines of the live check of the functions. */
function liveLines(live: Readonly<Record<ReadName, CellsRead>>): CheckLine[] {
  const lines: CheckLine[] = [];
  const first = (read: ReadName) => live[read].values[0]?.[0];
  const value = first("value");
  if (value === "#NAME?") {
    lines.push({ ok: false, text: "A value: Excel does not know the CRS. functions (#NAME?): their metadata did not load. Close and reopen the workbook; if it stays, ask IT whether the add-in's functions.json can be reached." });
  } else {
    const right = typeof value === "number" && Math.abs(value - (Math.sqrt(3) - 1)) < 1e-9;
    lines.push({ ok: right, text: right ? `A value: =CRS.GROWTH(25072,75216,2) gives ${quoted(value)}, as it should.` : `A value: =CRS.GROWTH(25072,75216,2) gives ${quoted(value)} instead of 0.732051.` });
  }
  const table = live.table.values;
  const spills = table[0]?.[0] === "Name" && table[0]?.[3] === "Description" && typeof table[1]?.[0] === "string" && table[1][0] !== "";
  lines.push({ ok: spills, text: spills ? "A table: =CRS.DATASETS() spills its table of datasets over the cells below and beside it." : `A table: =CRS.DATASETS() gives ${quoted(table[0]?.[0])} instead of its table.` });
  const withError = live.tableWithError.values;
  const errorInPlace = typeof withError[2]?.[1] === "number" && withError[2]?.[2] === "#N/A";
  lines.push({
    ok: errorInPlace,
    text: errorInPlace
      ? "A table holding an error: =CRS.FIT over two counts shows its standard errors as #N/A in their own cells, beside the estimates."
      : `A table holding an error: =CRS.FIT over two counts shows ${quoted(withError[0]?.[0])}: this Excel turns a table with an error cell into one bare error (office-js #2174), so such tables show no figures; ${UPDATE}.`,
  });
  const error = first("error");
  lines.push({
    ok: error === "#N/A",
    text:
      error === "#N/A"
        ? "An error with its message: =CRS.REACH for a target above the market gives #N/A; hover over such a cell to read why."
        : `An error with its message: =CRS.REACH for a target above the market gives ${quoted(error)} instead of #N/A with its message.`,
  });
  const counted = live.blankRows.values.find((row) => row[0] === "n")?.[1];
  lines.push({
    ok: counted === 4,
    text: counted === 4 ? "Empty rows below the data: skipped, so =CRS.FIT over a range longer than the data fits the 4 counts in it." : `Empty rows below the data: =CRS.FIT over 4 counts and 4 empty rows gives ${quoted(counted ?? first("blankRows"))} where it should count 4 points.`,
  });
  const beside = first("blankCell");
  const asNothing = beside === "#VALUE!";
  const asZero = live.blankCell.values.find((row) => row[0] === "n")?.[1] === 5;
  lines.push({
    ok: asNothing || asZero,
    text: asNothing
      ? "Empty cells reach the functions as nothing, as in Excel on the web: a count left empty beside its month is an error naming the cell, as it should be."
      : asZero
        ? "Empty cells reach the functions as 0, as desktop Excel may pass them: the functions read them either way, but a count left empty beside its month is read as 0. Leave no gaps in your counts."
        : `Empty cells: =CRS.FIT over a count left empty gives ${quoted(beside)}, neither an error nor a fit.`,
  });
  return lines;
}

/**
 * The findings in words: the host, each requirement set, the date system and each live check,
 * with a first sentence that says whether this Excel runs everything the add-in does.
 */
export function checkReport(findings: CheckFindings): CheckReport {
  const { host } = findings;
  const lines: CheckLine[] = [{ ok: true, text: `Excel: ${host.host} on ${host.platform}, version ${host.version}.` }];
  for (const set of host.sets) {
    lines.push({
      ok: set.supported,
      text: set.supported ? `${set.name} ${set.version}: supported (${set.purpose}).` : `${set.name} ${set.version}: not supported; the add-in needs it for ${set.purpose}: ${UPDATE}.`,
    });
  }
  lines.push(dateSystemLine(findings.dateSystem));
  if (findings.live) lines.push(...liveLines(findings.live));
  else if (findings.liveFailure !== null) lines.push({ ok: false, text: `The functions could not be tried: Excel refused the scratch sheet (${findings.liveFailure}). Check the workbook is not protected and run the check again.` });
  else lines.push({ ok: false, text: `The functions gave no answer within ${CHECK_WAIT_MS / 1000} seconds (the cells still read #BUSY!): open the pane again, or close and reopen the workbook, and run the check again.` });
  if (findings.leftover !== null) lines.push({ ok: false, text: `Excel did not let the check remove its scratch sheet '${findings.leftover}': delete it by hand.` });
  const failed = lines.filter((line) => !line.ok).length;
  const summary =
    failed === 0
      ? "This Excel runs everything the add-in does."
      : `This Excel does not run everything the add-in does: ${failed} ${failed === 1 ? "check" : "checks"} below ${failed === 1 ? "fails" : "fail"}.`;
  return { ok: failed === 0, summary, lines };
}
