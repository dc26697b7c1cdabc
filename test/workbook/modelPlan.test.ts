import { describe, expect, it } from "vitest";
import { isoToExcelSerial } from "../../src/data";
import { NUMBER_FORMATS } from "../../src/workbook/formats";
import { MODEL_SHEET, PROJECTION_MONTHS, planModel } from "../../src/workbook/modelPlan";
import { NO_TAKEN_NAMES } from "../../src/workbook/names";
import type { CellStyle, TakenNames, WorkbookPlan } from "../../src/workbook/plan";
import { isExcelError } from "../../src/workbook/formulaValue";
import { type Computed, computeSheet, formulaOf, plannedCells } from "./planCells";

const crs = planModel(NO_TAKEN_NAMES, { formulas: "crs" });
const portable = planModel(NO_TAKEN_NAMES, { formulas: "portable" });

/** Functions a portable formula may use: each one every Excel since 2007 reads without `_xlfn.`. */
const PORTABLE_FUNCTIONS = new Set(["IF", "OR", "NA", "LN", "POWER", "MAX", "ROUND", "ROUNDUP", "EDATE"]);

/** The cell a defined name of the plan points at. */
function addressOf(plan: WorkbookPlan, name: string): string {
  const found = plan.names.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No name ${name}`);
  return found.address;
}

/** The value or formula at a defined name. */
function valueOf(plan: WorkbookPlan, name: string): unknown {
  return plannedCells(plan.sheets[0]).get(addressOf(plan, name))?.value;
}

/** The style of the range that writes a cell. */
function styleAt(plan: WorkbookPlan, address: string): CellStyle | undefined {
  return plan.sheets[0].ranges.find((range) => range.address === address)?.style;
}

/** Every formula of a plan's model sheet, by address. */
function formulas(plan: WorkbookPlan): Map<string, string> {
  const found = new Map<string, string>();
  for (const [address, cell] of plannedCells(plan.sheets[0])) {
    const formula = formulaOf(cell);
    if (formula !== null) found.set(address, formula);
  }
  return found;
}

/** The value of a computed cell, failing on an error. */
function numberAt(computed: Map<string, Computed>, address: string): number {
  const value = computed.get(address);
  if (typeof value !== "number") throw new Error(`${address} is ${String(value)}`);
  return value;
}

describe("planModel inputs", () => {
  it("prefills the article's figures in named, input-styled cells", () => {
    expect(valueOf(crs, "GPsJune")).toBe(3_500);
    expect(valueOf(crs, "DateJune")).toBe(isoToExcelSerial("2005-06-30"));
    expect(valueOf(crs, "GPsAugust")).toBe(18_981);
    expect(valueOf(crs, "DateAugust")).toBe(isoToExcelSerial("2005-08-01"));
    expect(valueOf(crs, "Threshold")).toBe(0.3);
    expect(valueOf(crs, "Payment")).toBe(6_000);
    expect(valueOf(crs, "Deadline")).toBe(isoToExcelSerial("2005-06-30"));
    const cells = plannedCells(crs.sheets[0]);
    expect(cells.get(addressOf(crs, "DateAugust"))?.numberFormat).toBe(NUMBER_FORMATS.date);
    expect(cells.get(addressOf(crs, "Payment"))?.numberFormat).toBe(NUMBER_FORMATS.money);
    expect(cells.get(addressOf(crs, "Threshold"))?.numberFormat).toBe(NUMBER_FORMATS.percent);
    expect(cells.get(addressOf(crs, "GPsAugust"))?.numberFormat).toBe(NUMBER_FORMATS.count);
    expect(styleAt(crs, addressOf(crs, "GPsAugust"))).toMatchObject({ fill: "#FFF2CC", fontColor: "#0000FF" });
  });

  it("marks the assumptions the article does not give, beside them and in their own style", () => {
    const cells = plannedCells(crs.sheets[0]);
    const sourceOf = (name: string): unknown => {
      const row = addressOf(crs, name).slice(1);
      return cells.get(`C${row}`)?.value;
    };
    const assumptions = { GPsEngland: 35_000, PCTPractices: 40, PCTGPs: 150, PCTRegistered: 30, GrowthCautious: 0.1, GrowthCentral: 0.25 };
    for (const [name, value] of Object.entries(assumptions)) {
      expect(valueOf(crs, name), name).toBe(value);
      expect(sourceOf(name), name).toBe("Assumption");
      expect(cells.get(`D${addressOf(crs, name).slice(1)}`)?.value, name).toMatch(/^Not in the article/);
    }
    for (const name of ["GPsJune", "DateAugust", "Threshold", "Payment", "Deadline"]) expect(sourceOf(name), name).toBe("Article");
    for (const name of ["GrowthObserved", "PCTShortfall", "PCTIncentive"]) expect(sourceOf(name), name).toBe("Derived");
    const article = styleAt(crs, addressOf(crs, "GPsAugust"));
    const assumption = styleAt(crs, addressOf(crs, "GPsEngland"));
    expect(assumption?.fill).not.toBe(article?.fill);
    expect(assumption?.fontColor).toBe("#0000FF");
  });

  it("names every input and result once, each on the cell holding it", () => {
    const names = crs.names.map((name) => name.name.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
    const cells = plannedCells(crs.sheets[0]);
    for (const name of crs.names) {
      expect(name.sheet).toBe(MODEL_SHEET);
      expect(cells.get(name.address)?.value, name.name).not.toBeNull();
      expect(name.comment).toMatch(/\((Article|Assumption|Derived)\)$/);
    }
  });
});

describe("planModel formulas", () => {
  it("derives the observed growth with GROWTH over PERIODS between the two dates", () => {
    expect(valueOf(crs, "MonthsObserved")).toEqual({ formula: "=CRS.PERIODS(DateJune,DateAugust)" });
    expect(valueOf(crs, "GrowthObserved")).toEqual({ formula: "=CRS.GROWTH(GPsJune,GPsAugust,MonthsObserved)" });
    expect(valueOf(crs, "PCTShortfall")).toEqual({ formula: "=CRS.SHORTFALL(PCTRegistered,PCTGPs,Threshold)" });
    expect(valueOf(crs, "PCTIncentive")).toEqual({ formula: "=CRS.INCENTIVE(PCTPractices,PCTRegistered,PCTGPs,Threshold,Payment)" });
  });

  it("projects each scenario month by month with PROJECT on the input names and the ceiling", () => {
    const all = formulas(crs);
    const projections = [...all.values()].filter((formula) => formula.includes("CRS.PROJECT"));
    expect(projections).toHaveLength(3 * (PROJECTION_MONTHS + 1));
    for (const rate of ["GrowthCautious", "GrowthCentral", "GrowthObserved"]) {
      expect(projections.filter((formula) => formula.startsWith(`=CRS.PROJECT(GPsAugust,${rate},CRS.PERIODS(DateAugust,B`))).toHaveLength(PROJECTION_MONTHS + 1);
    }
    expect(projections.every((formula) => formula.endsWith(",GPsEngland)"))).toBe(true);
    const periodsTo = [...all.values()].filter((formula) => formula.includes("CRS.PERIODSTO"));
    expect(periodsTo).toHaveLength(6);
  });

  it("never refers to a named cell by its address", () => {
    const namedAddresses = new Set(crs.names.map((name) => name.address));
    for (const [address, formula] of formulas(crs)) {
      const references = formula.match(/\b[A-Z]{1,3}\d+\b/g) ?? [];
      for (const reference of references) expect(namedAddresses.has(reference), `${address}: ${formula}`).toBe(false);
    }
  });

  it("writes CRS. functions in the crs flavour and only functions every Excel reads in the portable one", () => {
    const crsFormulas = [...formulas(crs).values()];
    const portableFormulas = [...formulas(portable).values()];
    expect(crsFormulas.filter((formula) => formula.includes("CRS.")).length).toBeGreaterThan(80);
    for (const formula of portableFormulas) {
      expect(formula).not.toMatch(/CRS\.|_xlfn/);
      for (const [, name] of formula.matchAll(/([A-Za-z_][\w.]*)\(/g)) expect(PORTABLE_FUNCTIONS.has(name), `${name} in ${formula}`).toBe(true);
    }
  });

  it("lays both flavours out identically: the same cells, formats and names", () => {
    const a = plannedCells(crs.sheets[0]);
    const b = plannedCells(portable.sheets[0]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [address, cell] of a) {
      const other = b.get(address)!;
      expect(other.numberFormat, address).toBe(cell.numberFormat);
      expect(formulaOf(other) === null, address).toBe(formulaOf(cell) === null);
      if (formulaOf(cell) === null && !String(cell.value).startsWith("Formulas ")) expect(other.value, address).toEqual(cell.value);
    }
    expect(portable.names).toEqual(crs.names);
  });

  it("computes the same value in every cell in both flavours, and the article's story", () => {
    const a = computeSheet(crs, MODEL_SHEET);
    const b = computeSheet(portable, MODEL_SHEET);
    for (const [address, value] of a) {
      const other = b.get(address);
      if (isExcelError(value)) {
        expect(other, address).toEqual(value);
        continue;
      }
      expect(typeof other, address).toBe("number");
      expect(Math.abs((other as number) - value), address).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
    }
    expect(numberAt(a, addressOf(crs, "GrowthObserved"))).toBeCloseTo(3.9934, 4);
    expect(numberAt(a, addressOf(crs, "EnglandThresholdGPs"))).toBe(10_500);
    expect(numberAt(a, addressOf(crs, "PCTThresholdGPs"))).toBe(45);
    expect(numberAt(a, addressOf(crs, "PCTShortfall"))).toBe(15);
    expect(numberAt(a, addressOf(crs, "PCTIncentive"))).toBe(0);
    expect([...a.values()].some((value) => isExcelError(value))).toBe(false);
  });
});

describe("planModel layout", () => {
  it("has at least two scenarios side by side and a line chart of them against the threshold", () => {
    const [chart] = crs.sheets[0].charts;
    expect(chart.series.length).toBeGreaterThanOrEqual(3);
    expect(chart.series.at(-1)?.name).toBe("Threshold");
    const cells = plannedCells(crs.sheets[0]);
    const [firstRow] = chart.categories.split(":").map((cell) => Number(cell.replace(/\D/g, "")));
    expect(cells.get(`B${firstRow}`)?.value).toEqual({ formula: `=EDATE(DateAugust,A${firstRow})` });
    expect(cells.get(`A${firstRow - 1}`)?.value).toBe("Month");
    for (const series of chart.series) {
      const [from, to] = series.values.split(":");
      expect(Number(to.replace(/\D/g, "")) - Number(from.replace(/\D/g, ""))).toBe(PROJECTION_MONTHS);
      expect(cells.get(`${from.replace(/\d/g, "")}${firstRow - 1}`)?.value).toBe(series.name);
    }
  });

  it("says what it built and in which flavour", () => {
    expect(crs.activate).toBe(MODEL_SHEET);
    expect(crs.messages[0]).toMatch(/^Built the model in sheet 'CRS model' with live CRS\. functions/);
    expect(portable.messages[0]).toMatch(/native Excel formulas that need no add-in/);
  });
});

describe("planModel name clashes", () => {
  const wanted = crs.names.map((name) => name.name);
  const taken: TakenNames = { sheets: ["crs MODEL"], tables: wanted.slice(0, 5), names: wanted.slice(5) };
  const renamed = planModel(taken, { formulas: "crs" });

  it("chooses a free sheet and free defined names, and says so", () => {
    expect(renamed.sheets[0].name).toBe("CRS model (2)");
    expect(renamed.names.map((name) => name.name)).toEqual(wanted.map((name) => `${name}_2`));
    expect(renamed.names.every((name) => name.sheet === "CRS model (2)")).toBe(true);
    expect(renamed.messages).toContain("The sheet name 'CRS model' is already used, so 'CRS model (2)' was used instead.");
    expect(renamed.messages).toContain("The name 'GPsAugust' is already used, so 'GPsAugust_2' was used instead.");
    expect(renamed.activate).toBe("CRS model (2)");
  });

  it("writes every formula with the names it was given", () => {
    for (const [address, formula] of formulas(renamed)) {
      for (const name of wanted) {
        expect(new RegExp(`\\b${name}\\b(?!_2)`).test(formula), `${address}: ${formula} uses ${name}`).toBe(false);
      }
    }
    expect(valueOf(renamed, "GrowthObserved_2")).toEqual({ formula: "=CRS.GROWTH(GPsJune_2,GPsAugust_2,MonthsObserved_2)" });
    const a = computeSheet(crs, MODEL_SHEET);
    const b = computeSheet(renamed, "CRS model (2)");
    expect(b).toEqual(a);
  });
});
