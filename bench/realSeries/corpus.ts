/**
 * The real-series corpus (`manifest.json`, `series/*.csv`) and the peers' bounds on it
 * (`peers.csv`, from `peers.R`), as the rolling-origin benchmark reads them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const FOLDER = __dirname;

/** One real series from the manifest, with its counts. */
export interface RealSeries {
  readonly name: string;
  readonly file: string;
  readonly domain: string;
  readonly part: "tuning" | "held-out";
  /** The times as given (years). */
  readonly times: number[];
  readonly counts: number[];
}

/** Every series of the corpus, in the manifest's order. */
export function readCorpus(): RealSeries[] {
  const manifest = JSON.parse(readFileSync(join(FOLDER, "manifest.json"), "utf8")) as {
    series: { name: string; file: string; domain: string; part: "tuning" | "held-out" }[];
  };
  return manifest.series.map((entry) => {
    const rows = readFileSync(join(FOLDER, entry.file), "utf8").trim().split("\n").slice(1);
    const times = rows.map((row) => Number(row.split(",")[0]));
    const counts = rows.map((row) => Number(row.split(",")[1]));
    return { name: entry.name, file: entry.file, domain: entry.domain, part: entry.part, times, counts };
  });
}

/** The fractions of a series fitted at each origin. */
export const ORIGINS = [0.3, 0.5, 0.7] as const;

/** The fewest counts an origin fits. */
export const FEWEST_FITTED = 6;

/**
 * The number of counts fitted at an origin: round(fraction · n), or undefined when that is fewer
 * than FEWEST_FITTED or leaves nothing to forecast (as `peers.R` decides).
 */
export function fittedAt(fraction: number, n: number): number | undefined {
  const fitted = Math.round(fraction * n);
  return fitted < FEWEST_FITTED || fitted >= n ? undefined : fitted;
}

/** A peer's 80% and 95% bounds for one count ahead of an origin. */
export interface PeerBounds {
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

/** The peers' bounds by `${file}|${fraction}|${steps}|${method}`. */
export function readPeers(): Map<string, PeerBounds> {
  const lines = readFileSync(join(FOLDER, "peers.csv"), "utf8").trim().split("\n").slice(1);
  const peers = new Map<string, PeerBounds>();
  for (const line of lines) {
    const [series, fraction, steps, method, lower80, upper80, lower95, upper95] = line.split(",");
    peers.set(peerKey(`series/${series}`, Number(fraction), Number(steps), method), {
      lower80: Number(lower80),
      upper80: Number(upper80),
      lower95: Number(lower95),
      upper95: Number(upper95),
    });
  }
  return peers;
}

export function peerKey(file: string, fraction: number, steps: number, method: string): string {
  return `${file}|${fraction}|${steps}|${method}`;
}
