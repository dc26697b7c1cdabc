import type { Dataset, Source } from "./types";

/** The article every figure of the add-in comes from. */
export const SOURCE: Source = {
  title: "18,000 GPs registered for care records",
  publisher: "E-Health Insider",
  published: "2005-08-15",
};

// The article's sentences, verbatim, so that each figure carries the words it comes from.
const QUOTE_STAFF =
  "The number of NHS staff registered to eventually use the national NHS Care Records Service (NHS CRS), when it becomes available, has trebled in the past two months and by the beginning of August stood at 75,216.";
const QUOTE_GPS =
  "According to figures obtained by E-Health Insider by the beginning of August there were 18,981 GPs registered to use NHS CRS, a huge leap up from the 3,500 registered by the end of June.";
const QUOTE_INCENTIVE =
  "To receive a capital payment equivalent to £6,000 per practice primary care trusts had to have 30 per cent of GPs registered for smartcards by the end of June.";
const QUOTE_INCENTIVE_DRIVER =
  "Many of the GP registrations are likely to have been driven by incentive payments offered by the DH to encourage adoption of Choose and Book.";
const QUOTE_SITES =
  "CfH also told EHI Primary Care that by the end of July there were a total of 134 NHS sites actively using one of the versions of Choose and Book being offered – the national system or the interim web-based and Indirectly Bookable Services.";
const QUOTE_APPOINTMENTS = "The spokesperson said that 2,395 Choose and Book appointments had been made so far.";
const QUOTE_SPINE =
  "The only components of the NHS CRS yet available on the spine are patient demographic details and mechanisms to authenticate and securely log-in staff. No clinical patient data is yet thought to be held on the spine. The spine also provides the mechanism for connecting to Choose and Book, the electronic booking system, and the systems for the Electronic Transfer of Prescriptions.";
const QUOTE_CLINICIANS =
  "In response to questions from EHI Primary Care NHS Connecting for Health said that it was unable to give a figure for how many clinicians are yet using either the CRS or data spine services.";
const QUOTE_SPINE_REPORTS =
  "\"This data is not currently available and is being incorporated into national spine reports which should be available in early 2006,\" said a spokesperson.";

/** NHS staff issued with a smartcard for the NHS CRS, two months apart. */
const staffRegistrations: Dataset = {
  name: "staff_registrations",
  title: "NHS staff registered for CRS",
  description: "Smartcards issued to NHS staff: 75,216 by the beginning of August 2005, trebled in two months.",
  columns: [
    { key: "date", header: "As of", kind: "date" },
    { key: "registered", header: "Staff registered", kind: "count" },
  ],
  rows: [
    {
      values: { date: "2005-06-01", registered: 25_072 },
      provenance: {
        asOf: "2005-06-01",
        asOfText: "beginning of Jun 2005",
        basis: "derived",
        quote: QUOTE_STAFF,
        note: "\"Trebled in the past two months\": 75,216 / 3 = 25,072.",
      },
    },
    {
      values: { date: "2005-08-01", registered: 75_216 },
      provenance: { asOf: "2005-08-01", asOfText: "beginning of Aug 2005", basis: "stated", quote: QUOTE_STAFF },
    },
  ],
};

/** GPs issued with a smartcard for the NHS CRS. */
const gpRegistrations: Dataset = {
  name: "gp_registrations",
  title: "GPs registered for NHS CRS",
  description: "GPs with a smartcard: 3,500 at the end of June 2005, 18,981 by the beginning of August.",
  columns: [
    { key: "date", header: "As of", kind: "date" },
    { key: "registered", header: "GPs registered", kind: "count" },
  ],
  rows: [
    {
      values: { date: "2005-06-30", registered: 3_500 },
      provenance: { asOf: "2005-06-30", asOfText: "end of Jun 2005", basis: "stated", quote: QUOTE_GPS },
    },
    {
      values: { date: "2005-08-01", registered: 18_981 },
      provenance: {
        asOf: "2005-08-01",
        asOfText: "beginning of Aug 2005",
        basis: "stated",
        quote: QUOTE_GPS,
        note: "The headline rounds this down to 18,000.",
      },
    },
  ],
};

/** The Department of Health's capital payment for smartcard registration of GPs. */
const incentiveScheme: Dataset = {
  name: "incentive_scheme",
  title: "Smartcard incentive scheme",
  description: "£6,000 per practice to PCTs with 30% of GPs registered for smartcards by the end of June 2005.",
  columns: [
    { key: "term", header: "Term", kind: "text" },
    { key: "payment", header: "Payment per practice", kind: "money" },
    { key: "threshold", header: "GPs registered", kind: "percent" },
    { key: "deadline", header: "Deadline", kind: "date" },
  ],
  rows: [
    {
      values: { term: "Capital payment to PCTs", payment: 6_000, threshold: 0.3, deadline: "2005-06-30" },
      provenance: {
        asOf: "2005-06-30",
        asOfText: "by the end of Jun 2005",
        basis: "stated",
        quote: QUOTE_INCENTIVE,
        note: QUOTE_INCENTIVE_DRIVER,
      },
    },
  ],
};

/** Use of Choose and Book, the electronic booking system: sites at the end of July 2005, appointments "so far". */
const chooseAndBook: Dataset = {
  name: "choose_and_book",
  title: "Choose and Book use",
  description: "134 NHS sites using a version of Choose and Book by the end of July 2005; 2,395 appointments made so far (no date given).",
  columns: [
    { key: "date", header: "As of", kind: "date" },
    { key: "measure", header: "Measure", kind: "text" },
    { key: "value", header: "Value", kind: "count" },
  ],
  rows: [
    {
      values: { date: "2005-07-31", measure: "NHS sites actively using Choose and Book", value: 134 },
      provenance: {
        asOf: "2005-07-31",
        asOfText: "end of Jul 2005",
        basis: "stated",
        quote: QUOTE_SITES,
        note: "Counts the national system, the interim web-based system and Indirectly Bookable Services.",
      },
    },
    {
      // The article dates the sites but not the appointments: "so far" is whenever the spokesperson
      // spoke, which can only be bounded by the day of publication.
      values: { date: null, measure: "Choose and Book appointments made so far", value: 2_395 },
      provenance: {
        asOf: null,
        asOfText: "so far: when told to the publisher, no later than 15 Aug 2005",
        basis: "stated",
        quote: QUOTE_APPOINTMENTS,
        note: "The article gives no date for this figure.",
      },
    },
  ],
};

/**
 * What the national spine offered in August 2005: the article names two NHS CRS components, and
 * says the spine *also* connects Choose and Book and the Electronic Transfer of Prescriptions,
 * which are services of their own, not CRS components.
 */
const spineComponents: Dataset = {
  name: "spine_components",
  title: "What the spine offers",
  description:
    "Aug 2005: two NHS CRS components (patient demographics; authentication and log-in); the spine also connects Choose and Book and prescriptions; no clinical data yet.",
  columns: [
    { key: "component", header: "Service", kind: "text" },
    { key: "part", header: "Part of", kind: "text" },
    { key: "status", header: "Status", kind: "text" },
  ],
  rows: [
    ["Patient demographic details", "NHS CRS component", "Available"],
    ["Authentication and secure log-in of staff", "NHS CRS component", "Available"],
    ["Choose and Book, the electronic booking system", "Connected through the spine", "Available"],
    ["Electronic Transfer of Prescriptions", "Connected through the spine", "Available"],
    ["Clinical patient data", "NHS CRS", "Not thought to be held yet"],
  ].map(([component, part, status]) => ({
    values: { component, part, status },
    provenance: { asOf: "2005-08-15", asOfText: "Aug 2005", basis: "stated", quote: QUOTE_SPINE },
  })),
};

/** The figure the article could not get: how many clinicians actually use the CRS. */
const clinicianUsage: Dataset = {
  name: "clinician_usage",
  title: "Clinicians using CRS or spine",
  description: "Not available in 2005: expected in national spine reports in early 2006.",
  columns: [
    { key: "measure", header: "Measure", kind: "text" },
    { key: "value", header: "Value", kind: "count" },
    { key: "expected", header: "Expected", kind: "text" },
  ],
  rows: [
    {
      values: { measure: "Clinicians using the CRS or spine services", value: null, expected: "Early 2006" },
      provenance: {
        // Not available when the article was written; the figure itself has no date.
        asOf: null,
        asOfText: "not available at publication, 15 Aug 2005",
        basis: "stated",
        quote: QUOTE_CLINICIANS,
        note: QUOTE_SPINE_REPORTS,
      },
    },
  ],
};

/** Every dataset of the article, in the order the task pane lists them. */
export const DATASETS: readonly Dataset[] = [
  staffRegistrations,
  gpRegistrations,
  incentiveScheme,
  chooseAndBook,
  spineComponents,
  clinicianUsage,
];

/** The dataset of a name (case-insensitive), or undefined. */
export function findDataset(name: string): Dataset | undefined {
  const wanted = name.trim().toLowerCase();
  return DATASETS.find((dataset) => dataset.name === wanted);
}
