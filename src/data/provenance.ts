import type { Column, DatasetValue, Provenance } from "./types";

/**
 * The provenance of a dataset row as columns: one definition for every place that shows a
 * dataset's figures with their sources (`CRS.DATASET` and the inserted dataset sheets), so each
 * says "when, in whose words, on what basis" under the same headers.
 */
export const PROVENANCE_COLUMNS: readonly Column[] = [
  { key: "asOf", header: "Figure as of", kind: "date" },
  { key: "asOfText", header: "Date in the article's words", kind: "text" },
  { key: "basis", header: "Basis", kind: "text" },
  { key: "quote", header: "Quote", kind: "text" },
  { key: "note", header: "Note", kind: "text" },
];

/**
 * A row's provenance as values, in the order of `PROVENANCE_COLUMNS` (null where there is none).
 *
 * @example provenanceValues({ asOf: "2005-08-01", asOfText: "beginning of Aug 2005", basis: "stated", quote: "…" }) // ["2005-08-01", "beginning of Aug 2005", "stated", "…", null]
 */
export function provenanceValues(provenance: Provenance): DatasetValue[] {
  return [provenance.asOf, provenance.asOfText, provenance.basis, provenance.quote, provenance.note ?? null];
}
