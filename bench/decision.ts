/**
 * Speed of the decision functions on 120 monthly points: COMPARE, and CHANCE and FORECAST with a
 * named model and with "auto" (bar: under 5 ms a call on one core). "first call" is a call on
 * data the cache of fits has not seen (each run changes the last count by a millionth, so every
 * run fits afresh); "same data" is a further cell over the same data, which the cache answers
 * without refitting, as in a column of CHANCE cells. Each is the median over the runs of the
 * processor time the call took (user + system, from process.cpuUsage), which other programs
 * competing for the machine do not inflate, and of its wall-clock time.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, standInRuntime } from "./support/runtime";

const ROOT = typeof __dirname === "string" ? join(__dirname, "..") : join(dirname(fileURLToPath(import.meta.url)), "..");
const BAR_MS = 5;
const RUNS = 101;

/** The processor time of a process.cpuUsage difference, in milliseconds. */
function milliseconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

export async function run(): Promise<void> {
  standInRuntime();
  const { CHANCE, COMPARE, FORECAST } = await import("../src/functions/fitting");
  const reference = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "scipy-reference.json"), "utf8")) as {
    datasets: { name: string; times: number[]; values: number[] }[];
  };
  const data = reference.datasets.find((candidate) => candidate.name === "long-logistic")!;
  const times = data.times.map((t) => [t]);
  const last = data.values[data.values.length - 1];
  const valuesOf = (run: number): number[][] => data.values.map((y, i) => [i === data.values.length - 1 ? last * (1 + run * 1e-6) : y]);
  const calls: [string, (values: number[][]) => unknown[][]][] = [
    ["COMPARE", (values) => COMPARE(times, values)],
    ['CHANCE("logistic"), one target', (values) => CHANCE("logistic", times, values, [[last * 1.05]], [[130]])],
    ['CHANCE("auto"), one target', (values) => CHANCE("auto", times, values, [[last * 1.05]], [[130]])],
    ['FORECAST("logistic"), 12 months', (values) => FORECAST("logistic", times, values, Array.from({ length: 12 }, (_, i) => [121 + i]))],
    ['FORECAST("auto"), 12 months', (values) => FORECAST("auto", times, values, Array.from({ length: 12 }, (_, i) => [121 + i]))],
  ];
  console.log(`Decision functions on 120 monthly points: median processor time of ${RUNS} runs (bar: under ${BAR_MS} ms a call)`);
  let run = 0;
  for (const [name, call] of calls) {
    for (let i = 0; i < 50; i++) call(valuesOf(++run));
    const fresh: number[] = [];
    const freshWall: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const values = valuesOf(++run);
      let cpu = process.cpuUsage();
      const started = performance.now();
      const result = call(values);
      freshWall.push(performance.now() - started);
      fresh.push(milliseconds(process.cpuUsage(cpu)));
      // Every cell below the header row (but a row's label) must be a number, or the time measured is that of a failure.
      const body = result.length === 1 ? result : result.slice(1);
      if (!body.every((row) => row.every((cell, column) => typeof cell === "number" || (column === 0 && typeof cell === "string")))) {
        throw new Error(`${name} did not give numbers: ${JSON.stringify(result)}`);
      }
      cpu = process.cpuUsage();
      call(values);
      cached.push(milliseconds(process.cpuUsage(cpu)));
    }
    const ms = median(fresh);
    console.log(
      `  ${name.padEnd(34)} first call ${ms.toFixed(2).padStart(5)} ms  ${ms < BAR_MS ? "ok" : "OVER THE BAR"} (wall clock ${median(freshWall).toFixed(2)} ms)   same data ${median(cached).toFixed(3)} ms`,
    );
  }
}
