/**
 * Valid, free names for what a plan adds to a workbook: sheets, tables and defined names.
 *
 * Excel compares every kind of name case-insensitively. Tables and defined names share one
 * namespace (a table named "Rates" and a defined name "rates" cannot coexist), sheets have
 * their own. A wanted name that is invalid is mended; one that is taken gets a numbered
 * suffix, so nothing the user already has is ever overwritten.
 */
import type { TakenNames, WorkbookPlan } from "./plan";

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;
/** Excel's longest table or defined name. */
const OBJECT_NAME_MAX = 255;
/** A character Excel refuses in a sheet name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
/** Excel keeps this sheet name for its change-tracking history. */
const RESERVED_SHEET = "HISTORY";
/** A character that may follow the first one of a table or defined name. */
const OBJECT_CHAR = /[\p{L}\p{N}_.]/u;
/** A character that may start a table or defined name. */
const OBJECT_START = /[\p{L}_]/u;

/** A name that was asked for and the name that was given. */
export interface NameChoice {
  readonly wanted: string;
  readonly name: string;
}

/** Whether a choice had to differ from what was asked for. */
export function wasRenamed(choice: NameChoice): boolean {
  return choice.wanted !== choice.name;
}

/** The comparison key of a name: Excel ignores case in every kind of name. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}

/**
 * Whether a text would be read by Excel as a cell reference rather than a name:
 * A1 style ("GP1", "CRS2005", "xfd1048576") or R1C1 style ("R1C1", "RC", "R2", "C"), and the
 * logical constants. Any one to three letters followed by digits counts, whatever the
 * column, because a name that is safe in one Excel version may be a cell in the next.
 */
export function looksLikeCellReference(text: string): boolean {
  return /^[a-z]{1,3}\d+$/i.test(text) || /^r\d*c?\d*$/i.test(text) || /^c\d*$/i.test(text) || /^(true|false)$/i.test(text);
}

/**
 * Whether Excel accepts a text as a sheet name: 1 to 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, and not "History".
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= SHEET_NAME_MAX &&
    !SHEET_FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    nameKey(name) !== RESERVED_SHEET
  );
}

/**
 * Whether Excel accepts a text as a table or defined name: up to 255 characters, a letter,
 * underscore or backslash first, then letters, digits, underscores and full stops, and not
 * readable as a cell reference or a logical value.
 */
export function isValidObjectName(name: string): boolean {
  return name.length <= OBJECT_NAME_MAX && /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeCellReference(name);
}

/** A text mended into a valid sheet name (not yet checked against taken names). */
export function validSheetName(wanted: string): string {
  const mended = trimSheetName(wanted.replace(new RegExp(SHEET_FORBIDDEN, "g"), "-"));
  return mended === "" ? "Sheet" : mended;
}

/**
 * Cuts a sheet name to Excel's length and strips what may not start or end it: apostrophes, and
 * spaces (which would leave an apostrophe at an end once trimmed, as in "a' '").
 */
function trimSheetName(text: string, maxLength = SHEET_NAME_MAX): string {
  return shorten(text.replace(/^[\s']+/, ""), maxLength).replace(/[\s']+$/, "");
}

/** A text cut to `maxLength`, at a word boundary where that keeps most of it. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return space > maxLength / 2 ? cut.slice(0, space) : cut;
}

/**
 * A valid sheet name, as close to `wanted` as possible, that is free in `taken`:
 * "Rates", then "Rates (2)", "Rates (3)", …, shortening the base so the suffix fits.
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): NameChoice {
  const used = new Set([...taken.map(nameKey), RESERVED_SHEET]);
  const base = validSheetName(wanted);
  let name = base;
  for (let n = 2; used.has(nameKey(name)); n++) {
    const suffix = ` (${n})`;
    name = trimSheetName(base, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  return { wanted, name };
}

/** A text mended into a valid table or defined name (not yet checked against taken names). */
export function validObjectName(wanted: string): string {
  let mended = [...wanted.trim()].map((char) => (OBJECT_CHAR.test(char) ? char : "_")).join("");
  if (mended === "") mended = "_";
  if (!OBJECT_START.test(mended[0]) || looksLikeCellReference(mended)) mended = `_${mended}`;
  return mended.slice(0, OBJECT_NAME_MAX);
}

/**
 * A valid table or defined name, as close to `wanted` as possible, that is free in `taken`
 * (the table names and defined names together): "Rate", then "Rate_2", "Rate_3", ….
 */
export function uniqueObjectName(wanted: string, taken: readonly string[]): NameChoice {
  const used = new Set(taken.map(nameKey));
  const base = validObjectName(wanted);
  let name = base;
  for (let n = 2; used.has(nameKey(name)); n++) {
    const suffix = `_${n}`;
    name = base.slice(0, OBJECT_NAME_MAX - suffix.length) + suffix;
  }
  return { wanted, name };
}

/** No names at all: a new, empty workbook. */
export const NO_TAKEN_NAMES: TakenNames = { sheets: [], tables: [], names: [] };

/** The names taken once `plan` has been applied on top of `taken`. */
export function takenAfter(taken: TakenNames, plan: WorkbookPlan): TakenNames {
  return {
    sheets: [...taken.sheets, ...plan.sheets.map((sheet) => sheet.name)],
    tables: [...taken.tables, ...plan.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name))],
    names: [...taken.names, ...plan.names.map((name) => name.name)],
  };
}

/**
 * Hands out free names one after another, remembering each so a plan never gives the same
 * name twice, and says in plain words whenever a wanted name was taken.
 */
export class NameAllocator {
  private readonly sheets: string[];
  private readonly objects: string[];
  private readonly notes: string[] = [];

  constructor(taken: TakenNames) {
    this.sheets = [...taken.sheets];
    this.objects = [...taken.tables, ...taken.names];
  }

  /** A free sheet name close to `wanted`. */
  sheet(wanted: string): string {
    const valid = isValidSheetName(wanted) && validSheetName(wanted) === wanted;
    return this.record(uniqueSheetName(wanted, this.sheets), this.sheets, "sheet name", valid);
  }

  /** A free table name close to `wanted`. */
  table(wanted: string): string {
    return this.record(uniqueObjectName(wanted, this.objects), this.objects, "table name", isMendedAlike(wanted));
  }

  /** A free defined name close to `wanted`. */
  definedName(wanted: string): string {
    return this.record(uniqueObjectName(wanted, this.objects), this.objects, "name", isMendedAlike(wanted));
  }

  /** One sentence per name that differs from the one asked for. */
  renamings(): readonly string[] {
    return [...this.notes];
  }

  private record(choice: NameChoice, used: string[], what: string, wasValid: boolean): string {
    used.push(choice.name);
    if (wasRenamed(choice)) {
      const reason = wasValid ? "is already used" : "is not a valid Excel name";
      this.notes.push(`The ${what} '${choice.wanted}' ${reason}, so '${choice.name}' was used instead.`);
    }
    return choice.name;
  }
}

/** Whether a table or defined name needs no mending to be valid. */
function isMendedAlike(text: string): boolean {
  return validObjectName(text) === text;
}
