import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DATASETS, SOURCE, findDataset, isIsoDate, type Dataset } from "../../src/data";
import { groupThousands } from "../../src/model/format";

/** The article every figure comes from, kept in docs/ as published. */
const ARTICLE_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "ehi-2005-08-15-gps-registered-for-care-records.txt");

/** Runs of white space as one space: the article has a non-breaking space the quotes write as a plain one. */
const normalise = (text: string): string => text.replace(/\s+/g, " ").trim();

/** 75216 as "75,216", as the article prints it. */
const withThousands = (value: number): string => groupThousands(String(value));

function dataset(name: string): Dataset {
  const found = findDataset(name);
  expect(found, name).toBeDefined();
  return found!;
}

describe("the datasets against the article", () => {
  const article = normalise(readFileSync(ARTICLE_PATH, "utf8"));

  it("quotes the article word for word in every row", () => {
    for (const { name, rows } of DATASETS) {
      for (const { provenance } of rows) expect(article, `${name}: ${provenance.quote}`).toContain(normalise(provenance.quote));
    }
  });

  it("takes its title and date from the article", () => {
    expect(article.startsWith(SOURCE.title)).toBe(true);
    expect(article).toContain("15 August 2005");
    expect(SOURCE.published).toBe("2005-08-15");
  });

  it("prints in each quote the figures its row states", () => {
    for (const { name, rows, columns } of DATASETS) {
      for (const { values, provenance } of rows) {
        if (provenance.basis !== "stated") continue;
        for (const column of columns) {
          const value = values[column.key];
          if (column.kind === "count" && typeof value === "number") expect(provenance.quote, name).toContain(withThousands(value));
        }
      }
    }
  });
});

describe("the datasets against the spec's table of figures", () => {
  it("has the staff registrations, the earlier one derived from 'trebled'", () => {
    const rows = dataset("staff_registrations").rows;
    expect(rows.map(({ values }) => [values.date, values.registered])).toEqual([
      ["2005-06-01", 25_072],
      ["2005-08-01", 75_216],
    ]);
    expect(rows.map(({ provenance }) => provenance.basis)).toEqual(["derived", "stated"]);
    expect(rows[0].values.registered).toBe(75_216 / 3);
    expect(rows[0].provenance.note).toMatch(/trebled/i);
  });

  it("has the GP registrations at the end of June and the beginning of August 2005", () => {
    const rows = dataset("gp_registrations").rows;
    expect(rows.map(({ values, provenance }) => [values.date, values.registered, provenance.basis])).toEqual([
      ["2005-06-30", 3_500, "stated"],
      ["2005-08-01", 18_981, "stated"],
    ]);
    expect(rows[1].provenance.note).toMatch(/rounds this down to 18,000/);
  });

  it("has the incentive scheme: £6,000 per practice for 30% of GPs by the end of June 2005", () => {
    const [row] = dataset("incentive_scheme").rows;
    expect(row.values).toMatchObject({ payment: 6_000, threshold: 0.3, deadline: "2005-06-30" });
  });

  it("has Choose and Book: 134 sites at the end of July 2005, 2,395 appointments 'so far' with no date", () => {
    const rows = dataset("choose_and_book").rows;
    expect(rows.map(({ values }) => [values.date, values.value])).toEqual([
      ["2005-07-31", 134],
      [null, 2_395],
    ]);
    expect(rows[1].provenance.asOf).toBeNull();
    expect(rows[1].provenance.asOfText).toMatch(/so far.*no later than 15 Aug 2005/);
  });

  it("has two CRS components on the spine, two services it connects, no clinical data, and no clinician figure until 2006", () => {
    const spine = dataset("spine_components").rows.map(({ values }) => [values.part, values.status]);
    expect(spine.filter(([part, status]) => part === "NHS CRS component" && status === "Available")).toHaveLength(2);
    expect(spine.filter(([part, status]) => part === "Connected through the spine" && status === "Available")).toHaveLength(2);
    expect(spine.map(([, status]) => status)).toContain("Not thought to be held yet");
    const [clinicians] = dataset("clinician_usage").rows;
    expect(clinicians.values.value).toBeNull();
    expect(clinicians.values.expected).toMatch(/2006/);
    // There is no figure, so no date it is as of (the spec's "—"); the text says when it was not available.
    expect(clinicians.provenance.asOfText).toMatch(/not available at publication/);
    expect(clinicians.provenance.asOf).toBeNull();
  });

  it("gives every row a real date (or none) and every date column a real date", () => {
    for (const { name, rows, columns } of DATASETS) {
      for (const { values, provenance } of rows) {
        if (provenance.asOf !== null) expect(isIsoDate(provenance.asOf), name).toBe(true);
        for (const column of columns.filter(({ kind }) => kind === "date")) {
          const value = values[column.key];
          if (value !== null) expect(isIsoDate(String(value)), name).toBe(true);
        }
      }
    }
  });
});
