/**
 * Speed of reading a user's counts: a CSV file and a worksheet range of 120 rows (ten years of
 * monthly counts) and of 10,000 rows (the most a forecast takes), as `npm run forecast` and the
 * task pane read them. Prints the first read's milliseconds (the command reads once, cold) and
 * then milliseconds per read, the median of several runs. Figures vary with the machine's
 * load; compare runs on the same machine.
 */
import { excelSerialToIso } from "../src/data/dates";
import { readSeries, type SeriesGrid } from "../src/data/series";
import { readSeriesCsv } from "../src/data/seriesCsv";

const RUNS = 15;
/** Reads before timing, for at least this long, so that the JIT has compiled the readers. */
const WARM_UP_MS = 500;

/** Milliseconds of one `read()`. */
function once(read: () => unknown): number {
  const start = process.hrtime.bigint();
  read();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median milliseconds of `read()` over RUNS runs, after warming up. */
function milliseconds(read: () => unknown): number {
  for (const start = performance.now(); performance.now() - start < WARM_UP_MS; ) read();
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    read();
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return runs.sort((a, b) => a - b)[RUNS >> 1];
}

/** A rising monthly series of `rows` points from 31 Jan 2000 as date serials, with counts. */
function monthly(rows: number): { serials: number[]; counts: number[] } {
  const serials = Array.from({ length: rows }, (_, i) => 36556 + Math.round(i * 30.4375));
  const counts = serials.map((_, i) => Math.round(100_000 / (1 + Math.exp(-(i - rows / 2) / (rows / 12)))));
  return { serials, counts };
}

/** The same series as a comma-separated file with UK dates, quoted counts with thousands separators. */
function csvText(rows: number): string {
  const { serials, counts } = monthly(rows);
  const lines = serials.map((serial, i) => {
    const [year, month, day] = excelSerialToIso(serial).split("-").map(Number);
    const uk = `${day}/${month}/${year}`;
    return `${uk},"${counts[i].toLocaleString("en-GB")}"`;
  });
  return ["Month end,GPs registered", ...lines].join("\r\n");
}

/** The same series as `Range.values` and `Range.numberFormat` give it. */
function range(rows: number): SeriesGrid {
  const { serials, counts } = monthly(rows);
  return {
    values: [["Month end", "GPs registered"], ...serials.map((serial, i) => [serial, counts[i]])],
    numberFormat: [["General", "General"], ...serials.map(() => ["dd/mm/yyyy", "#,##0"])],
    origin: { kind: "range", sheet: "GP counts", row: 1, column: 1 },
  };
}

export function run(): void {
  console.log(`Reading a series of counts (ms per read, median of ${RUNS} after warming up)`);
  const first = csvText(120);
  // The command reads its file once, in a fresh process: the first read, before the JIT has warmed up.
  console.log(`  first read of 120 rows of CSV in this process: ${once(() => readSeriesCsv(first)).toFixed(2)} ms`);
  for (const rows of [120, 10_000]) {
    const text = csvText(rows);
    const grid = range(rows);
    console.log(`  ${String(rows).padStart(6)} rows: CSV ${milliseconds(() => readSeriesCsv(text)).toFixed(2)} ms, worksheet range ${milliseconds(() => readSeries(grid)).toFixed(2)} ms`);
  }
}
