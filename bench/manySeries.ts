/**
 * A recalculation of a workbook of 300 series (England had 303 PCTs) through the BUILT
 * functions, as Excel calls them: per PCT, 24 monthly counts of its GPs at month ends (with 12
 * empty rows below, as the model sheet's history has) and the formulas of the model sheet and
 * the forecast sheet, COMPARE, FIT, FORECAST (36 months), REACH and CHANCE under the chosen
 * model, FORECAST and CHANCE under "auto": 2,100 formulas over 600 fits. Excel calculates
 * column by column here (one function over every PCT before the next), the order that needs the
 * functions' cache of fits to hold every series: with it each series is fitted once a
 * recalculation.
 *
 * Prints the time of a recalculation from an empty cache (every series fitted), of one with
 * nothing changed (every fit from the cache), and of one after a single PCT's count changed
 * (that PCT fitted again), and the heap the full cache of fits takes.
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { FIT_CACHE_CAPACITY } from "../src/functions/fitCache";
import { loadFunctions } from "../test/functions/host";

const PCTS = 300;
const MONTHS = 24;
const EMPTY_ROWS_BELOW = 12;
const HORIZON_MONTHS = 36;

/** Excel's serial of the last day of a month, counted from January 2005 (month 1). */
function monthEnd(month: number): number {
  return (Date.UTC(2005, month, 0) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const column = (values: readonly unknown[]) => values.map((value) => [value]);
const one = (value: unknown) => [[value]];

/** One PCT's sheet inputs: its GPs, counts following a logistic curve of its own with a little noise, its target. */
function pct(index: number) {
  const gps = 60 + ((index * 37) % 240);
  const rate = 0.25 + ((index * 13) % 50) / 100;
  const midpoint = 8 + (index % 12);
  let count = 0;
  const counts = Array.from({ length: MONTHS }, (_, m) => {
    const noise = (((index * 31 + m * 17) % 7) - 3) / 100;
    count = Math.max(count, Math.round(gps / (1 + Math.exp(-rate * (m + 1 - midpoint))) * (1 + noise)));
    return count;
  });
  const empty = Array.from({ length: EMPTY_ROWS_BELOW }, () => null);
  return {
    times: column([...Array.from({ length: MONTHS }, (_, m) => monthEnd(m + 1)), ...empty]),
    counts: column([...counts, ...empty]),
    market: one(gps),
    newTimes: column(Array.from({ length: HORIZON_MONTHS }, (_, m) => monthEnd(m + 1))),
    target: one(Math.ceil(0.8 * gps)),
    by: one(monthEnd(30)),
  };
}

type Pct = ReturnType<typeof pct>;

/** The formulas of one PCT's row, column by column, as the functions are called. */
function formulas(call: (id: string, ...args: unknown[]) => unknown): readonly ((p: Pct) => unknown)[] {
  return [
    (p) => call("COMPARE", p.times, p.counts, p.market),
    (p) => call("FIT", "logistic", p.times, p.counts, p.market),
    (p) => call("FORECAST", "logistic", p.times, p.counts, p.newTimes, p.market, one(0.8)),
    (p) => call("REACH", "logistic", p.times, p.counts, p.target, p.market),
    (p) => call("CHANCE", "logistic", p.times, p.counts, p.target, p.by, p.market),
    (p) => call("FORECAST", "auto", p.times, p.counts, p.newTimes, p.market, one(0.8)),
    (p) => call("CHANCE", "auto", p.times, p.counts, p.target, p.by, p.market),
  ];
}

/** The heap in use after a full collection, in bytes. */
function heapAfterCollection(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export function run(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const fns = loadFunctions({ sameContext: true });
  const call = (id: string, ...args: unknown[]) => fns.get(id)!(...args);
  const pcts = Array.from({ length: PCTS }, (_, index) => pct(index));
  const columns = formulas(call);

  /** One recalculation, column by column, in ms. */
  const recalculate = (): number => {
    const started = performance.now();
    for (const formula of columns) for (const p of pcts) formula(p);
    return performance.now() - started;
  };

  const before = heapAfterCollection(gc);
  const cold = recalculate();
  const held = heapAfterCollection(gc) - before;
  const warm = recalculate();
  const changed = pcts[PCTS >> 1];
  changed.counts[MONTHS - 1][0] = (changed.counts[MONTHS - 1][0] as number) + 1;
  const oneChanged = recalculate();

  const fits = PCTS * 2;
  console.log(`A recalculation of ${PCTS} series through the built functions: ${columns.length * PCTS} formulas over ${fits} fits, ${MONTHS} months each, column by column (fit cache: ${FIT_CACHE_CAPACITY} fits)`);
  console.log(`  empty cache, every series fitted:        ${(cold / 1000).toFixed(2)} s (${(cold / PCTS).toFixed(1)} ms a series)`);
  console.log(`  nothing changed, every fit from the cache: ${warm.toFixed(0)} ms`);
  console.log(`  one count changed, that series refitted:   ${oneChanged.toFixed(0)} ms`);
  console.log(`  heap the cache holds after the first:      ${(held / 2 ** 20).toFixed(1)} MB (${(held / fits / 1024).toFixed(1)} KB a fit)`);
}
