/**
 * The article's national figures, as context apart from the PCT's decision: NHS staff and GP
 * registrations for smartcards, their growth a month between the article's two dates, and the
 * national share of GPs registered against an assumed number of GPs in England.
 */
import { cellAddress } from "../../../excel/a1";
import { NUMBER_FORMATS } from "../../plan";
import type { ModelContext } from "./context";
import { NATIONAL } from "./example";
import { VALUE_COLUMN } from "./grid";
import { type LineItem, writeBlockTitle, writeLineItems } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";
import { formula } from "../sheetBuilder";

/** Writes the block. */
export function writeNational(context: ModelContext): void {
  const { builder, dialect } = context;
  writeBlockTitle(builder, "England: context, not the PCT's decision", ["Value", "Unit", "Source and note"]);
  // The rows refer to each other by position: row k of this block is `at(k)`, its date `at(k + 1)`.
  const top = builder.row;
  const at = (index: number): string => cellAddress(top + index, VALUE_COLUMN);
  const quote = (text: string): string => `"${text}"`;
  const dated = (label: string, unit: string, value: LineItem["value"], date: number, note: string, kind: LineItem["kind"] = "article"): LineItem[] => [
    { label, unit, kind, format: NUMBER_FORMATS.count, value, note },
    { label: "Date of that figure", unit: "date", kind: "article", format: NUMBER_FORMATS.date, value: date },
  ];
  const growth = (label: string, earlier: number, later: number): LineItem => ({
    label,
    unit: "% a month",
    kind: "calculation",
    format: NUMBER_FORMATS.percent,
    value: formula(dialect.growth(at(earlier), at(later), dialect.periods(at(earlier + 1), at(later + 1)))),
  });
  const items: LineItem[] = [
    ...dated("NHS staff registered for NHS CRS, beginning of Aug 2005", "staff", NATIONAL.staffLater.value, NATIONAL.staffLaterDate.value, quote(NATIONAL.staffLater.quote)),
    ...dated(
      "NHS staff registered two months earlier: a third of it",
      "staff",
      formula(`${at(0)}/3`),
      NATIONAL.staffEarlierDate.value,
      "\"Trebled in the past two months\" (the same sentence).",
      "calculation",
    ),
    growth("Staff registrations' growth a month", 2, 0),
    ...dated("GPs registered, end of Jun 2005", "GPs", NATIONAL.gpsEarlier.value, NATIONAL.gpsEarlierDate.value, quote(NATIONAL.gpsEarlier.quote)),
    ...dated("GPs registered, beginning of Aug 2005", "GPs", NATIONAL.gpsLater.value, NATIONAL.gpsLaterDate.value, `The same sentence. ${NATIONAL.gpsLater.note ?? ""}`.trim()),
    growth("GP registrations' growth a month", 5, 7),
    {
      label: "GPs in England",
      unit: "GPs",
      kind: "assumption",
      format: NUMBER_FORMATS.count,
      value: NATIONAL.gpsInEngland,
      note: "Not in the article: about how many GPs work in England.",
    },
    {
      label: "Share of England's GPs registered, beginning of Aug 2005",
      unit: "%",
      kind: "calculation",
      format: MODEL_FORMATS.share,
      value: formula(`${at(7)}/${at(10)}`),
    },
  ];
  writeLineItems(builder, items);
}
