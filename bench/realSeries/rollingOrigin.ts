/**
 * The rolling-origin benchmark on real series: each series fitted on its first 30%, 50% and 70%
 * (`fittedAt`) and its 80% and 95% bounds checked against every later count. A forecast without
 * bounds (an error) counts as a miss. The interval score of a row is Winkler's,
 * width + (2/α)·(distance outside), divided by the last fitted count; against a peer it is the
 * geometric mean of the per-row ratio (product / peer) over every row both have, at both levels.
 * A row without the product's bounds is scored as the interval [last count, last count] (no
 * change): the forecast a user without bounds is left with.
 */
import type { CountDistribution } from "../../src/model/countDistribution";
import { Random } from "../simulation/random";
import { fittedAt, ORIGINS, peerKey, type PeerBounds, type RealSeries } from "./corpus";

/** The horizon bands the coverage is reported by, in counts ahead of the origin. */
export const BANDS = [
  { label: "1", from: 1, to: 1 },
  { label: "2-3", from: 2, to: 3 },
  { label: "4-6", from: 4, to: 6 },
  { label: "7-12", from: 7, to: 12 },
  { label: "13+", from: 13, to: Infinity },
] as const;

export const LEVELS = [0.8, 0.95] as const;
export const PEERS = ["ets", "rwdrift"] as const;

/** What a method gives for a series fitted up to an origin: the distribution at each later time, or an error. */
export type Method = (times: readonly number[], counts: readonly number[]) => (time: number) => CountDistribution;

/** Coverage counts pooled and by band, and the log score ratios against each peer. */
export class RollingTally {
  readonly inside = LEVELS.map(() => BANDS.map(() => 0));
  readonly total = LEVELS.map(() => BANDS.map(() => 0));
  readonly logRatio: Record<(typeof PEERS)[number], { sum: number; count: number }> = { ets: { sum: 0, count: 0 }, rwdrift: { sum: 0, count: 0 } };
  /** Peers' coverage, pooled. */
  readonly peerInside: Record<(typeof PEERS)[number], number[]> = { ets: [0, 0], rwdrift: [0, 0] };
  forecasts = 0;
  unbounded = 0;
  /** Rows above the 80% upper bound and below the lower. */
  above = 0;
  below = 0;

  pooled(level: number): number {
    const inside = this.inside[level].reduce((a, b) => a + b, 0);
    const total = this.total[level].reduce((a, b) => a + b, 0);
    return (100 * inside) / total;
  }

  band(level: number, band: number): number {
    return (100 * this.inside[level][band]) / this.total[level][band];
  }

  rows(): number {
    return this.total[0].reduce((a, b) => a + b, 0);
  }

  peerPooled(peer: (typeof PEERS)[number], level: number): number {
    return (100 * this.peerInside[peer][level]) / this.rows();
  }

  ratio(peer: (typeof PEERS)[number]): number {
    const { sum, count } = this.logRatio[peer];
    return Math.exp(sum / count);
  }
}

/** Winkler's interval score of bounds [lower, upper] at level c for the actual count. */
export function winkler(lower: number, upper: number, actual: number, level: number): number {
  const alpha = 1 - level;
  return upper - lower + (2 / alpha) * (Math.max(lower - actual, 0) + Math.max(actual - upper, 0));
}

/**
 * Runs `method` over every origin of every series into `tally`. Times are given as periods since
 * the period before the first count (1, 2, …), as the PCT model counts months since its first
 * count, so that the Bass curve can be fitted too.
 */
export function rollingOrigin(series: readonly RealSeries[], method: Method, peers: Map<string, PeerBounds>, tally: RollingTally): void {
  for (const one of series) {
    const n = one.times.length;
    const times = one.times.map((t) => t - one.times[0] + 1);
    for (const fraction of ORIGINS) {
      const fitted = fittedAt(fraction, n);
      if (fitted === undefined) continue;
      tally.forecasts += 1;
      let at: ((time: number) => CountDistribution) | undefined;
      try {
        at = method(times.slice(0, fitted), one.counts.slice(0, fitted));
      } catch {
        at = undefined;
      }
      const lastCount = one.counts[fitted - 1];
      let unbounded = false;
      for (let step = 1; fitted + step <= n; step++) {
        const actual = one.counts[fitted + step - 1];
        const band = BANDS.findIndex((b) => step >= b.from && step <= b.to);
        LEVELS.forEach((level, index) => {
          let lower = lastCount;
          let upper = lastCount;
          let bounded = false;
          try {
            if (at) {
              const distribution = at(times[fitted + step - 1]);
              lower = distribution.quantile((1 - level) / 2);
              upper = distribution.quantile((1 + level) / 2);
              bounded = Number.isFinite(lower) && Number.isFinite(upper);
            }
          } catch {
            bounded = false;
          }
          if (!bounded) {
            lower = lastCount;
            upper = lastCount;
            unbounded = true;
          }
          const inside = bounded && actual >= lower && actual <= upper;
          tally.inside[index][band] += inside ? 1 : 0;
          tally.total[index][band] += 1;
          if (index === 0 && !inside) {
            if (actual > upper) tally.above += 1;
            else tally.below += 1;
          }
          const score = winkler(lower, upper, actual, level);
          for (const peer of PEERS) {
            const bounds = peers.get(peerKey(one.file, fraction, step, peer));
            if (!bounds) throw new Error(`No ${peer} bounds for ${one.file} at ${fraction}, ${step} ahead: run bench/realSeries/peers.R.`);
            const peerLower = index === 0 ? bounds.lower80 : bounds.lower95;
            const peerUpper = index === 0 ? bounds.upper80 : bounds.upper95;
            if (actual >= peerLower && actual <= peerUpper) tally.peerInside[peer][index] += 1;
            const peerScore = winkler(peerLower, peerUpper, actual, level);
            const scale = Math.max(Math.abs(lastCount), 1e-300);
            // Both scaled by the last fitted count; a zero-width exact hit on both sides scores 1.
            const ratio = (score / scale + 1e-9) / (peerScore / scale + 1e-9);
            tally.logRatio[peer].sum += Math.log(ratio);
            tally.logRatio[peer].count += 1;
          }
        });
      }
      if (unbounded) tally.unbounded += 1;
    }
  }
}

/**
 * How far the pooled coverage could move with other series like these: the central 90% of the
 * pooled coverage over `draws` resamples of whole series with replacement (a series' rows move
 * together, as its forecasts share its errors), from each series' own tally.
 *
 * @example seriesBootstrap(tallies, 0, 4000, 1) // [low, high] in percent
 */
export function seriesBootstrap(perSeries: readonly RollingTally[], level: number, draws: number, seed: number): [number, number] {
  const counts = perSeries.map((tally) => [tally.inside[level].reduce((a, b) => a + b, 0), tally.total[level].reduce((a, b) => a + b, 0)]);
  const random = new Random(seed);
  const shares: number[] = [];
  for (let draw = 0; draw < draws; draw++) {
    let inside = 0;
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const [seriesInside, seriesTotal] = counts[Math.floor(random.uniform() * counts.length)];
      inside += seriesInside;
      total += seriesTotal;
    }
    shares.push((100 * inside) / total);
  }
  shares.sort((a, b) => a - b);
  return [shares[Math.floor(0.05 * draws)], shares[Math.ceil(0.95 * draws) - 1]];
}
