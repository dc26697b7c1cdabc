/**
 * Speed of the scalar custom functions (the spec's bar: well under a microsecond a call) and
 * size of the functions bundle (tens of KB). For each function it prints nanoseconds per call,
 * the median of several runs of many calls, of the model function alone and of the custom
 * function as Excel calls it (the built bundle with `CustomFunctions` an ordinary variable, as in
 * Excel's runtime; each argument one cell: [[x]]). The model functions run from source, where
 * the loader's module interop adds a little to each call that the bundle does not have.
 * Figures vary with the machine's load; compare runs on the same machine.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bassCurve, logisticCurve } from "../src/model/curves";
import { compoundGrowthRate } from "../src/model/growth";
import { incentive } from "../src/model/incentive";
import { periodsBetween } from "../src/model/periods";
import { periodsTo } from "../src/model/periodsTo";
import { project } from "../src/model/project";
import { shortfall } from "../src/model/threshold";
import { DIST, functionScripts, loadFunctions } from "../test/functions/host";

const CALLS = 300_000;
const RUNS = 7;
/** Inputs cycle through this many variants so that no call can be folded into a constant. */
const VARIANTS = 1_024;

/** Median nanoseconds per call of `call(i)` over RUNS runs of CALLS calls, after a warm-up. */
function nanosecondsPerCall(call: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < CALLS / 10; i++) sink += call(i);
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) sink += call(i);
    runs.push(Number(process.hrtime.bigint() - start) / CALLS);
  }
  if (Number.isNaN(sink)) throw new Error("a benchmarked call returned NaN");
  return runs.sort((a, b) => a - b)[RUNS >> 1];
}

/** VARIANTS one-cell ranges [[value(i)]], made ahead so the timing holds only the call. */
function cells(value: (i: number) => unknown): unknown[][][] {
  return Array.from({ length: VARIANTS }, (_, i) => [[value(i)]]);
}

/** The first cell of a spilled result, as a number (an error would be a bug here). */
function first(result: unknown): number {
  const value = (result as unknown[][])[0][0];
  if (typeof value !== "number") throw new Error(`expected a number, got ${String(value)}`);
  return value;
}

interface Case {
  name: string;
  model: (i: number) => number;
  custom: (i: number) => number;
}

function cases(): Case[] {
  const fns = loadFunctions({ sameContext: true, raw: true });
  const fn = (id: string) => fns.get(id)!;
  const v = (i: number) => i & (VARIANTS - 1);
  const current = cells((i) => 18_981 + i);
  const small = cells((i) => 3_500 + i);
  const one = (x: unknown) => [[x]];

  const GROWTH = fn("GROWTH");
  const PERIODS = fn("PERIODS");
  const PROJECT = fn("PROJECT");
  const PERIODSTO = fn("PERIODSTO");
  const SHORTFALL = fn("SHORTFALL");
  const INCENTIVE = fn("INCENTIVE");
  const LOGISTIC = fn("LOGISTIC");
  const BASS = fn("BASS");
  const [end, two, rate, six, ceiling, target, august1, forty, total, k, mid, p, q] = [
    75_216, 2, 0.25, 6, 35_000, 30_000, 38_565, 40, 150, 0.8, 2, 0.03, 0.4,
  ].map(one);
  const starts = cells((i) => 38_533 - i);
  const registered = cells((i) => 40 + (i % 10));
  const times = cells((i) => i / 100);

  return [
    {
      name: "GROWTH",
      model: (i) => compoundGrowthRate(3_500 + v(i), 75_216, 2),
      custom: (i) => first(GROWTH(small[v(i)], end, two)),
    },
    {
      name: "PERIODS",
      model: (i) => periodsBetween(38_533 - v(i), 38_565),
      custom: (i) => first(PERIODS(starts[v(i)], august1, null)),
    },
    {
      name: "PROJECT",
      model: (i) => project(18_981 + v(i), 0.25, 6),
      custom: (i) => first(PROJECT(current[v(i)], rate, six, null)),
    },
    {
      name: "PROJECT (ceiling)",
      model: (i) => project(18_981 + v(i), 0.25, 6, 35_000),
      custom: (i) => first(PROJECT(current[v(i)], rate, six, ceiling)),
    },
    {
      name: "PERIODSTO",
      model: (i) => periodsTo(3_500 + v(i), 18_981, 0.25),
      custom: (i) => first(PERIODSTO(small[v(i)], target, rate, null)),
    },
    {
      name: "PERIODSTO (ceiling)",
      model: (i) => periodsTo(18_981 + v(i), 30_000, 0.25, 35_000),
      custom: (i) => first(PERIODSTO(current[v(i)], target, rate, ceiling)),
    },
    {
      name: "SHORTFALL",
      model: (i) => shortfall(40 + (i % 10), 150),
      custom: (i) => first(SHORTFALL(registered[v(i)], total, null)),
    },
    {
      name: "INCENTIVE",
      model: (i) => incentive(40, 40 + (i % 10), 150),
      custom: (i) => first(INCENTIVE(forty, registered[v(i)], total, null, null)),
    },
    {
      name: "LOGISTIC",
      model: (i) => logisticCurve(v(i) / 100, 35_000, 0.8, 2),
      custom: (i) => first(LOGISTIC(times[v(i)], ceiling, k, mid)),
    },
    {
      name: "BASS",
      model: (i) => bassCurve(v(i) / 100, 0.03, 0.4, 35_000),
      custom: (i) => first(BASS(times[v(i)], p, q, ceiling)),
    },
  ];
}

/** Size of a file in KB, to one decimal. */
function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function run(): Promise<void> {
  console.log(`Scalar functions: ns per call (median of ${RUNS} runs of ${CALLS.toLocaleString("en-GB")} calls)`);
  console.log(`${"function".padEnd(22)}${"model".padStart(10)}${"custom function [[x]]".padStart(24)}`);
  for (const { name, model, custom } of cases()) {
    const modelNs = nanosecondsPerCall(model);
    const customNs = nanosecondsPerCall(custom);
    console.log(`${name.padEnd(22)}${modelNs.toFixed(1).padStart(10)}${customNs.toFixed(1).padStart(24)}`);
  }

  // A whole column crossed with a whole row (=CRS.GROWTH(A:A, 1:1)) is refused before a cell is
  // computed; the time is for the refusal alone, the ranges made ahead.
  const growth = loadFunctions({ sameContext: true, raw: true }).get("GROWTH")!;
  const column = Array.from({ length: 1_048_576 }, (_, i) => [i + 1]);
  const row = [Array.from({ length: 16_384 }, (_, i) => i + 1)];
  const started = process.hrtime.bigint();
  let refused = false;
  try {
    growth(column, row, null);
  } catch {
    refused = true;
  }
  const refusalMs = Number(process.hrtime.bigint() - started) / 1e6;
  console.log();
  console.log(`GROWTH(A:A, 1:1), 17 billion cells: ${refused ? "refused" : "NOT refused"} in ${refusalMs.toFixed(1)} ms`);

  console.log();
  console.log("Functions bundle (with the chunk it shares with the pane):");
  for (const file of functionScripts()) {
    const bundle = readFileSync(join(DIST, file));
    console.log(`  ${`dist/${file}`.padEnd(20)} ${kilobytes(bundle.length)} (gzip ${kilobytes(gzipSync(bundle, { level: 9 }).length)})`);
  }
  console.log(`  dist/functions.json  ${kilobytes(statSync(join(DIST, "functions.json")).size)}`);
}
