/**
 * Speed of CRS.FORECAST, CHANCE and REACH on 120 monthly points (the bar is under 5 ms each):
 * the median time of one call, each fitting afresh (the last count changes by a millionth every
 * run, so that the functions' cache of fits cannot answer it). FORECAST spills 12 months past the
 * last count; CHANCE is one target (the forecast a year ahead) at that time; REACH the same
 * target. Each includes reading the ranges, fitting "auto" (the three curves compared) and the
 * predictive distribution with the recent pace beside the curves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { median, standInRuntime } from "./support/runtime";

const BAR_MS = 5;
const RUNS = 100;

export async function run(): Promise<void> {
  standInRuntime();
  const { CHANCE, FORECAST, REACH } = await import("../src/functions/fitting");
  const reference = JSON.parse(readFileSync(join(__dirname, "..", "test", "fixtures", "scipy-reference.json"), "utf8")) as {
    datasets: { name: string; times: number[]; values: number[] }[];
  };
  const data = reference.datasets.find((candidate) => candidate.name === "long-logistic")!;
  const times = data.times.map((t) => [t]);
  const last = data.times[data.times.length - 1];
  let changed = 0;
  const values = (): number[][] => {
    changed += 1;
    return data.values.map((y, i) => [i === data.values.length - 1 ? y * (1 + changed * 1e-6) : y]);
  };
  const ahead = Array.from({ length: 12 }, (_, i) => [last + i + 1]);
  // The target: the forecast a year ahead, which REACH finds about a year ahead.
  const target = (FORECAST("auto", times, values(), [[last + 12]]) as number[][])[1][1];
  const calls: Record<string, (counts: number[][]) => unknown[][]> = {
    FORECAST: (counts) => FORECAST("auto", times, counts, ahead),
    CHANCE: (counts) => CHANCE("auto", times, counts, [[target]], [[last + 12]]),
    REACH: (counts) => REACH("auto", times, counts, [[target]]),
  };
  console.log(`CRS.FORECAST, CHANCE and REACH on 120 monthly points, "auto", each fitting afresh: median of ${RUNS} runs (bar: under ${BAR_MS} ms)`);
  for (const [name, call] of Object.entries(calls)) {
    for (let i = 0; i < 10; i++) call(values());
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const counts = values();
      const started = performance.now();
      const result = call(counts);
      samples.push(performance.now() - started);
      if (!Array.isArray(result) || typeof result[result.length - 1].at(-1) !== "number") throw new Error(`${name} gave no number: ${String(result)}`);
    }
    const ms = median(samples);
    console.log(`  ${name.padEnd(9)} ${ms.toFixed(2).padStart(6)} ms  ${ms < BAR_MS ? "ok" : "OVER THE BAR"}`);
  }
}
