/* eslint-disable @typescript-eslint/no-explicit-any -- `any[][]` is how a custom function declares a parameter that takes a value or a range of any cell type. */
/**
 * The CRS custom functions for growth, projection, the incentive scheme, the diffusion curves
 * and the article's datasets. Each numeric parameter takes a value or a range and the result
 * spills element by element (see `elementwise`); the mathematics lives in `src/model`.
 * The build appends the `CustomFunctions.associate` call of each `@customfunction`; the
 * functions are exported because, until then, nothing in the source calls them.
 */
import { DATASETS as ALL_DATASETS, PROVENANCE_COLUMNS, findDataset, provenanceValues, sheetValue, type Column, type Dataset, type DatasetValue } from "../data";
import { bassCurve, logisticCurve } from "../model/curves";
import { ModelError } from "../model/errors";
import { compoundGrowthRate } from "../model/growth";
import { DEFAULT_PAYMENT, incentive } from "../model/incentive";
import { periodsBetween } from "../model/periods";
import { periodsTo } from "../model/periodsTo";
import { project } from "../model/project";
import { timesAreDates } from "../model/timeOrigin";
import { DEFAULT_THRESHOLD, shortfall } from "../model/threshold";
import { elementwise, isEmpty, toNumber, toText, zeroAsOmitted } from "./arguments";
import { excelResult } from "./result";

/** An optional parameter with no default that cannot be 0 (a ceiling): undefined when omitted, empty or 0 (see `zeroAsOmitted`). */
function optionalNumber(value: unknown, argument: string): number | undefined {
  const cell = zeroAsOmitted(value);
  return isEmpty(cell) ? undefined : toNumber(cell, argument);
}

/**
 * Compound growth rate per period from a start value to an end value, as Excel's RRI: (end/start)^(1/periods) − 1.
 * Example: =CRS.GROWTH(25072, 75216, 2) → 0.732, staff registrations trebling in two months is 73% a month.
 * @customfunction GROWTH
 * @param start The value at the start, greater than 0 (e.g. 25,072 staff registered at the beginning of June 2005).
 * @param end The value at the end, 0 or more (e.g. 75,216 staff registered at the beginning of August 2005).
 * @param [periods] The number of periods from start to end, greater than 0; 1 if omitted, empty or 0 (e.g. 2 months).
 * @returns The growth rate per period (0.732 is 73.2%).
 */
export function GROWTH(start: any[][], end: any[][], periods?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([start, end, periods], (cells) =>
      compoundGrowthRate(toNumber(cells[0], "start"), toNumber(cells[1], "end"), toNumber(zeroAsOmitted(cells[2]), "periods", 1)),
    ),
  );
}

/**
 * Whether a date of PERIODS is missing: an empty cell, or a 0 beside a date, as desktop Excel may
 * pass an empty cell (day 0 of 1900 is no date).
 */
function noDate(cell: unknown, other: unknown): boolean {
  return isEmpty(cell) || (cell === 0 && typeof other === "number" && timesAreDates([other]));
}

/**
 * Fractional number of periods between two dates, counted in days, weeks, months (365.25/12 days), quarters or years.
 * Example: =CRS.PERIODS(DATE(2005,6,30), DATE(2005,8,1)) → 1.05 months between the two counts of GPs registered.
 * @customfunction PERIODS
 * @param startDate The first date (e.g. DATE(2005,6,30), when 3,500 GPs were registered).
 * @param endDate The second date; before startDate gives a negative number (e.g. DATE(2005,8,1)). A range gives a period for each date, and an empty cell where a date is empty, which the fitting functions skip.
 * @param [unit] "day", "week", "month", "quarter" or "year" (plural and any case accepted); "month" if omitted or empty.
 * @returns The number of periods from startDate to endDate; empty where either date is empty.
 */
export function PERIODS(startDate: any[][], endDate: any[][], unit?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([startDate, endDate, unit], (cells) =>
      // No date, no periods: a column of dates reaching below the counts gives empty cells there, not periods back to 1900.
      noDate(cells[0], cells[1]) || noDate(cells[1], cells[0])
        ? ""
        : periodsBetween(toNumber(cells[0], "startDate"), toNumber(cells[1], "endDate"), toText(cells[2], "unit", "month")),
    ),
  );
}

/**
 * Value after a number of periods of compound growth; with a ceiling, logistic growth that starts at the same rate and levels off at the ceiling.
 * Example: =CRS.PROJECT(18981, 0.25, 6, 35000) → 28,659 GPs after six more months at 25% a month, saturating at 35,000.
 * @customfunction PROJECT
 * @param current The value now, 0 or more (e.g. 18,981 GPs registered at the beginning of August 2005).
 * @param rate The growth rate per period, above -1 (e.g. 0.25 for 25% a month).
 * @param periods The number of periods ahead; negative looks back (e.g. 6 months).
 * @param [ceiling] The level growth saturates at, greater than 0 (e.g. 35,000 GPs); plain compound growth if omitted, empty or 0.
 * @returns The projected value.
 */
export function PROJECT(current: any[][], rate: any[][], periods: any[][], ceiling?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([current, rate, periods, ceiling], (cells) =>
      project(
        toNumber(cells[0], "current"),
        toNumber(cells[1], "rate"),
        toNumber(cells[2], "periods"),
        optionalNumber(cells[3], "ceiling"),
      ),
    ),
  );
}

/**
 * Periods of growth until a target is reached (the inverse of CRS.PROJECT); 0 if already there, #N/A if never.
 * Example: =CRS.PERIODSTO(3500, 18981, 0.25) → 7.58 months for 3,500 GPs to reach 18,981 at 25% a month.
 * @customfunction PERIODSTO
 * @param current The value now, 0 or more (e.g. 3,500 GPs registered at the end of June 2005).
 * @param target The value to reach (e.g. 18,981 GPs).
 * @param rate The growth rate per period, above -1 (e.g. 0.25 for 25% a month).
 * @param [ceiling] The level growth saturates at, greater than 0 (e.g. 35,000 GPs); plain compound growth if omitted, empty or 0.
 * @returns The number of periods until the target is reached.
 */
export function PERIODSTO(current: any[][], target: any[][], rate: any[][], ceiling?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([current, target, rate, ceiling], (cells) =>
      periodsTo(
        toNumber(cells[0], "current"),
        toNumber(cells[1], "target"),
        toNumber(cells[2], "rate"),
        optionalNumber(cells[3], "ceiling"),
      ),
    ),
  );
}

/**
 * Whole registrations still needed to reach the incentive threshold (30% of GPs unless given); 0 if it is met.
 * Example: =CRS.SHORTFALL(2, 10) → 1, as 3 of 10 GPs make 30%.
 * @customfunction SHORTFALL
 * @param registered The number registered, 0 or more (e.g. 2 GPs with a smartcard).
 * @param total The number who could register, greater than 0 (e.g. 10 GPs in the PCT).
 * @param [threshold] The share to reach, from 0 to 1; 0.3 (30%, the 2005 scheme's) if omitted.
 * @returns The number of registrations still needed.
 */
export function SHORTFALL(registered: any[][], total: any[][], threshold?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([registered, total, threshold], (cells) =>
      shortfall(toNumber(cells[0], "registered"), toNumber(cells[1], "total"), toNumber(cells[2], "threshold", DEFAULT_THRESHOLD)),
    ),
  );
}

/**
 * The incentive scheme's payment in pounds: practices × payment if registered/total reaches the threshold, else 0.
 * Example: =CRS.INCENTIVE(40, 45, 150) → 240,000, as 45 of 150 GPs is 30% and 40 practices × £6,000 are paid.
 * @customfunction INCENTIVE
 * @param practices The number of practices in the PCT, 0 or more (e.g. 40).
 * @param registered The number of GPs registered, 0 or more (e.g. 45).
 * @param total The number of GPs in the PCT, greater than 0 (e.g. 150).
 * @param [threshold] The share of GPs to register, from 0 to 1; 0.3 (30%, the 2005 scheme's) if omitted.
 * @param [payment] The capital payment per practice in pounds, 0 or more; 6,000 (the 2005 scheme's) if omitted.
 * @returns The payment in pounds.
 */
export function INCENTIVE(practices: any[][], registered: any[][], total: any[][], threshold?: any[][], payment?: any[][]): any[][] {
  return excelResult(() =>
    elementwise([practices, registered, total, threshold, payment], (cells) =>
      incentive(
        toNumber(cells[0], "practices"),
        toNumber(cells[1], "registered"),
        toNumber(cells[2], "total"),
        toNumber(cells[3], "threshold", DEFAULT_THRESHOLD),
        toNumber(cells[4], "payment", DEFAULT_PAYMENT),
      ),
    ),
  );
}

/**
 * Logistic curve: ceiling / (1 + e^(−rate·(t − midpoint))), growing at rate while small and levelling off at the ceiling.
 * Example: =CRS.LOGISTIC(2, 35000, 0.8, 2) → 17,500 GPs, half the ceiling at the midpoint.
 * @customfunction LOGISTIC
 * @param t The time (e.g. 2 months).
 * @param ceiling The level the curve saturates at, greater than 0 (e.g. 35,000 GPs).
 * @param rate The growth rate while small, per unit of time (e.g. 0.8 a month).
 * @param midpoint The time at which the curve is half the ceiling (e.g. 2 months).
 * @returns The value of the curve at t.
 */
export function LOGISTIC(t: any[][], ceiling: any[][], rate: any[][], midpoint: any[][]): any[][] {
  return excelResult(() =>
    elementwise([t, ceiling, rate, midpoint], (cells) =>
      logisticCurve(toNumber(cells[0], "t"), toNumber(cells[1], "ceiling"), toNumber(cells[2], "rate"), toNumber(cells[3], "midpoint")),
    ),
  );
}

/**
 * Cumulative adopters at time t under the Bass diffusion model: m·(1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)).
 * Example: =CRS.BASS(6, 0.03, 0.4, 35000) → 16,091 of 35,000 GPs registered after 6 months.
 * @customfunction BASS
 * @param t The time since adoption began, 0 or more (e.g. 6 months).
 * @param p The coefficient of innovation, greater than 0 (e.g. 0.03).
 * @param q The coefficient of imitation, 0 or more (e.g. 0.4).
 * @param m The market size, greater than 0 (e.g. 35,000 GPs).
 * @returns The cumulative number of adopters at t.
 */
export function BASS(t: any[][], p: any[][], q: any[][], m: any[][]): any[][] {
  return excelResult(() =>
    elementwise([t, p, q, m], (cells) =>
      bassCurve(toNumber(cells[0], "t"), toNumber(cells[1], "p"), toNumber(cells[2], "q"), toNumber(cells[3], "m")),
    ),
  );
}

/** A dataset value as a spilled cell: dates as Excel serial numbers, a missing figure as an empty text. */
function toCell(value: DatasetValue, column: Column): string | number {
  return sheetValue(value, column.kind) ?? "";
}

/** A dataset as a table: a header row, then a row per figure, its values then its provenance. */
function datasetTable(dataset: Dataset): (string | number)[][] {
  const columns = [...dataset.columns, ...PROVENANCE_COLUMNS];
  const rows = dataset.rows.map(({ values, provenance }) =>
    [...dataset.columns.map((column) => values[column.key]), ...provenanceValues(provenance)].map((value, c) => toCell(value, columns[c])),
  );
  return [columns.map((column) => column.header), ...rows];
}

/**
 * One of the article's datasets as a spilled table: a header row, then each figure with its date, the article's wording of it, basis, quote and note.
 * Example: =CRS.DATASET("gp_registrations") → GPs registered: 3,500 at the end of June 2005, 18,981 at the beginning of August.
 * @customfunction DATASET
 * @param name The dataset's name, as listed by =CRS.DATASETS() (e.g. "gp_registrations" or "staff_registrations"). One name, not a range: each dataset spills as a whole table.
 * @returns The dataset with a header row; dates are Excel dates.
 */
export function DATASET(name: string): any[][] {
  return excelResult(() => {
    const text = toText(name, "name");
    const dataset = findDataset(text);
    if (!dataset) {
      const names = ALL_DATASETS.map((candidate) => candidate.name).join(", ");
      throw new ModelError("value", `name must be one of ${names}, not "${text}".`);
    }
    return datasetTable(dataset);
  });
}

/**
 * The article's datasets as a spilled list: name, title, number of rows and description of each.
 * Example: =CRS.DATASETS() → staff_registrations, gp_registrations, incentive_scheme, … with their titles.
 * @customfunction DATASETS
 * @returns A header row, then one row per dataset.
 */
export function DATASETS(): any[][] {
  return [
    ["Name", "Title", "Rows", "Description"],
    ...ALL_DATASETS.map((dataset) => [dataset.name, dataset.title, dataset.rows.length, dataset.description]),
  ];
}
