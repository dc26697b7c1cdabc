/**
 * Types of the article's datasets: typed records with provenance, never loose strings.
 */

/** A calendar date as `YYYY-MM-DD`; written to Excel as a date serial (see `dates.ts`). */
export type IsoDate = `${number}-${number}-${number}`;

/** Whether a figure is printed in the article or worked out from what is printed. */
export type Basis = "stated" | "derived";

/**
 * How a column's values are typed and shown. The number format of each kind lives in
 * `src/workbook/formats.ts`, so every writer formats a kind the same way.
 */
export type ColumnKind = "date" | "count" | "money" | "percent" | "text";

/** A column of a dataset: its key in each row, its header text and its kind. */
export interface Column {
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
}

/** Where a figure comes from: the article's words and what they mean. */
export interface Provenance {
  /** The date the figure is "as of", or null where the article gives none. */
  readonly asOf: IsoDate | null;
  /** The article's own wording of that date, e.g. "beginning of Aug 2005". */
  readonly asOfText: string;
  readonly basis: Basis;
  /** The sentence of the article the figure is taken from, verbatim. */
  readonly quote: string;
  /** How a derived figure was worked out, or a caveat on a stated one. */
  readonly note?: string;
}

/** A cell of a dataset row: a number (counts, pounds, fractions), a date or a text. */
export type DatasetValue = number | IsoDate | string | null;

/** One row: a value per column key, and where the row comes from. */
export interface DatasetRow {
  readonly values: Readonly<Record<string, DatasetValue>>;
  readonly provenance: Provenance;
}

/** A dataset of the article: a small table of figures, each row with its provenance. */
export interface Dataset {
  /** Identifier used by `=CRS.DATASET(name)`: lower case, underscores. */
  readonly name: string;
  readonly title: string;
  /** One line shown in the task pane. */
  readonly description: string;
  readonly columns: readonly Column[];
  readonly rows: readonly DatasetRow[];
}

/** The article every figure comes from. */
export interface Source {
  readonly title: string;
  readonly publisher: string;
  readonly published: IsoDate;
}
