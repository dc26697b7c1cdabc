import { line, regress } from "./regression";

/** Starting values of a model's two shape parameters, in the model's order (e.g. [p, q]). */
export type ShapeStart = readonly [number, number];

/** The data with one point per distinct time (values at a repeated time averaged), by time. */
export interface Series {
  readonly t: number[];
  readonly y: number[];
}

/**
 * The data sorted by time, with the values at a repeated time averaged.
 *
 * @example series([2, 1, 2], [30, 10, 50]) // { t: [1, 2], y: [10, 40] }
 */
export function series(times: readonly number[], values: readonly number[]): Series {
  const order = times.map((_, i) => i).sort((i, j) => times[i] - times[j]);
  const t: number[] = [];
  const y: number[] = [];
  let count = 0;
  for (const i of order) {
    if (t.length > 0 && t[t.length - 1] === times[i]) {
      count += 1;
      y[y.length - 1] += (values[i] - y[y.length - 1]) / count;
    } else {
      t.push(times[i]);
      y.push(values[i]);
      count = 1;
    }
  }
  return { t, y };
}

/** Adoption per period between successive points and the level it happens at. */
export interface Increments {
  readonly rate: number[];
  readonly level: number[];
}

/**
 * Adoption per period between successive points, (y_{i+1} − y_i)/(t_{i+1} − t_i), and the
 * cumulative level it happens at, (y_i + y_{i+1})/2: the discrete form of dN/dt used by Bass
 * (1969) to estimate his model by regression.
 *
 * @example increments(series([0, 1, 3], [0, 10, 30])) // { rate: [10, 10], level: [5, 20] }
 */
export function increments(data: Series): Increments {
  const rate: number[] = [];
  const level: number[] = [];
  for (let i = 0; i + 1 < data.t.length; i++) {
    rate.push((data.y[i + 1] - data.y[i]) / (data.t[i + 1] - data.t[i]));
    level.push((data.y[i] + data.y[i + 1]) / 2);
  }
  return { rate, level };
}

/** Market sizes worth trying: the given estimates and multiples of the largest value. */
function marketCandidates(data: Series, estimates: readonly number[]): number[] {
  const largest = Math.max(...data.y);
  const candidates = estimates.filter((m) => Number.isFinite(m) && m > largest * 0.5 && m < largest * 1e4);
  for (const factor of [1.02, 1.1, 1.3, 1.7, 2.5, 4, 8]) candidates.push(largest * factor);
  return candidates;
}

/** Keeps the starts whose values are finite and inside the parameters' bounds. */
function valid(starts: ShapeStart[], positive: readonly [boolean, boolean]): ShapeStart[] {
  return starts.filter(
    ([a, b]) => Number.isFinite(a) && Number.isFinite(b) && (!positive[0] || a > 0) && (!positive[1] || b > 0),
  );
}

/**
 * Bass starting values (p, q).
 *
 * Without a market size, Bass's (1969) regression of adoption per period on the cumulative level
 * and its square, n = a + b·N + c·N² with a = p·m, b = q − p, c = −q/m, gives m as the positive
 * root of c·m² + b·m + a = 0, then p = a/m and q = −c·m. For that m and each other candidate m,
 * the regression n/(m − N) = p + q·(N/m) (the model's own equation dN/dt = (p + q·N/m)(m − N))
 * gives p and q, and the linearised curve −ln((1 − F)/(1 + r·F)) = (p + q)·t with F = N/m gives
 * p + q for a few ratios r = q/p. A grid over the time scale completes the list.
 *
 * @example bassStarts([1, 2, 3, 4, 5], [571, 1447, 2715, 4399, 6402])[0] // ≈ [0.029, 0.495], from a curve with p = 0.03, q = 0.5
 */
export function bassStarts(times: readonly number[], values: readonly number[], market?: number): ShapeStart[] {
  const data = series(times, values);
  // The Bass curve starts at 0 at time 0: the launch is a point of the curve.
  if (data.t[0] > 0) {
    data.t.unshift(0);
    data.y.unshift(0);
  }
  const horizon = Math.max(data.t[data.t.length - 1], 1e-300);
  const { rate, level } = increments(data);
  const starts: ShapeStart[] = [];
  const estimates: number[] = [];
  if (market === undefined) {
    const largest = Math.max(...level, 1e-300);
    const scaled = level.map((n) => n / largest);
    const c = regress([scaled.map(() => 1), scaled, scaled.map((n) => n * n)], rate);
    if (c) {
      const [a0, b0, c0] = [c[0], c[1] / largest, c[2] / (largest * largest)];
      const root = (-b0 - Math.sqrt(b0 * b0 - 4 * a0 * c0)) / (2 * c0);
      if (root > 0) {
        estimates.push(root);
        starts.push([a0 / root, -c0 * root]);
      }
    }
  }
  const ratios = [1, 10, 100];
  for (const m of market === undefined ? marketCandidates(data, estimates) : [market]) {
    // n/(m − N) = p + q·(N/m): a least-squares line through the increments below m.
    let count = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < level.length; i++) {
      if (!(level[i] < m)) continue;
      const x = level[i] / m;
      const y = rate[i] / (m - level[i]);
      count += 1;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const spread = sxx - (sx * sx) / count;
    if (count >= 2 && spread > 0) {
      const q = (sxy - (sx * sy) / count) / spread;
      const p = (sy - q * sx) / count;
      starts.push([Math.max(p, 1e-3 / horizon), Math.max(q, 1e-3 / horizon)]);
    }
    // −ln((1 − F)/(1 + r·F)) = (p + q)·t for a few ratios r = q/p: lines through the origin.
    const szt = [0, 0, 0];
    let stt = 0;
    for (let i = 0; i < data.y.length; i++) {
      const t = data.t[i];
      const f = data.y[i] / m;
      if (!(f > 0 && f < 1 && t > 0)) continue;
      stt += t * t;
      const tail = Math.log1p(-f);
      for (let r = 0; r < ratios.length; r++) szt[r] += (Math.log1p(ratios[r] * f) - tail) * t;
    }
    for (let r = 0; r < ratios.length; r++) {
      if (!(stt > 0 && szt[r] > 0)) continue;
      const sum = szt[r] / stt;
      starts.push([sum / (1 + ratios[r]), (sum * ratios[r]) / (1 + ratios[r])]);
    }
  }
  for (const s of [1, 3, 10]) {
    for (const ratio of [0.3, 3, 30]) starts.push([s / horizon / (1 + ratio), ((s / horizon) * ratio) / (1 + ratio)]);
  }
  return valid(starts, [true, true]);
}

/**
 * Logistic starting values (rate, midpoint).
 *
 * Without a market size, the regression of adoption per period on the level and its square,
 * n = rate·N − (rate/m)·N² (the logistic equation), gives m. For it and each other candidate m
 * the logit ln(N/(m − N)) = rate·(t − midpoint) is a straight line in t. A grid over the time
 * span completes the list.
 *
 * @example logisticStarts([0, 1, 2, 3, 4], [1192, 2689, 5000, 7311, 8808])[0] // ≈ [1.005, 1.99], from rate 1, midpoint 2 (m = 10,000)
 */
export function logisticStarts(times: readonly number[], values: readonly number[], market?: number): ShapeStart[] {
  const { data, starts } = linearisedStarts(
    times,
    values,
    market,
    logisticMarket,
    (n, m) => Math.log(n / (m - n)),
    (intercept, slope) => (slope > 0 ? [slope, -intercept / slope] : undefined),
  );
  starts.push(...timeGrid(data));
  return valid(starts, [true, false]);
}

/** The market size of the logistic equation n = rate·N − (rate/m)·N² fitted to the increments. */
function logisticMarket({ rate, level }: Increments): number | undefined {
  const largest = Math.max(...level, 1e-300);
  const scaled = level.map((n) => n / largest);
  const c = regress([scaled, scaled.map((n) => n * n)], rate);
  return c && c[0] > 0 && c[1] < 0 ? (-c[0] / c[1]) * largest : undefined;
}

/**
 * Gompertz starting values (a, b).
 *
 * Without a market size, the regression of relative adoption per period on the log level,
 * n/N = b·ln m − b·ln N (the Gompertz equation), gives b and m. For it and each other candidate m
 * the double log ln(−ln(N/m)) = ln a − b·t is a straight line in t. A grid of growth rates and
 * inflection times (the curve's steepest point is at ln(a)/b) completes the list.
 *
 * @example gompertzStarts([0, 2, 4, 6, 8], [67, 1589, 5083, 7796, 9125]) // includes ≈ [4.98, 0.496], from a = 5, b = 0.5 (m = 10,000)
 */
export function gompertzStarts(times: readonly number[], values: readonly number[], market?: number): ShapeStart[] {
  const { data, starts } = linearisedStarts(
    times,
    values,
    market,
    gompertzMarket,
    (n, m) => Math.log(-Math.log(n / m)),
    (intercept, slope) => (slope < 0 ? [Math.exp(intercept), -slope] : undefined),
  );
  for (const [b, inflection] of timeGrid(data)) starts.push([Math.exp(Math.min(b * inflection, 700)), b]);
  return valid(starts, [true, true]);
}

/** The market size of the Gompertz equation n/N = b·ln m − b·ln N fitted to the increments. */
function gompertzMarket({ rate, level }: Increments): number | undefined {
  const usable = level.map((_, i) => i).filter((i) => level[i] > 0);
  const fit = line(
    usable.map((i) => Math.log(level[i])),
    usable.map((i) => rate[i] / level[i]),
  );
  return fit && fit[1] < 0 ? Math.exp(fit[0] / -fit[1]) : undefined;
}

/**
 * Starting values from a curve's straight-line form in t. Without a given market size,
 * `estimateMarket` estimates one from the adoption per period and its level; for it and each
 * other candidate m, the line through `linearise(N, m)` becomes shape parameters by `fromLine`
 * (undefined where the line's slope has the wrong sign).
 */
function linearisedStarts(
  times: readonly number[],
  values: readonly number[],
  market: number | undefined,
  estimateMarket: (adoption: Increments) => number | undefined,
  linearise: (count: number, market: number) => number,
  fromLine: (intercept: number, slope: number) => ShapeStart | undefined,
): { data: Series; starts: ShapeStart[] } {
  const data = series(times, values);
  const estimate = market === undefined ? estimateMarket(increments(data)) : undefined;
  const markets = market !== undefined ? [market] : marketCandidates(data, estimate === undefined ? [] : [estimate]);
  const starts: ShapeStart[] = [];
  for (const [intercept, slope] of linesInTime(data, markets, linearise)) {
    const start = fromLine(intercept, slope);
    if (start) starts.push(start);
  }
  return { data, starts };
}

/**
 * For each market size m, the least-squares line (intercept, slope) in t through
 * `linearise(N, m)` of the counts N strictly between 0 and m: the straight-line form of a curve
 * whose market size is m. A market with fewer than two such counts gives no line.
 */
function linesInTime(data: Series, markets: readonly number[], linearise: (count: number, market: number) => number): [number, number][] {
  const lines: [number, number][] = [];
  for (const m of markets) {
    const inside = data.y.map((_, i) => i).filter((i) => data.y[i] > 0 && data.y[i] < m);
    const fit = line(
      inside.map((i) => data.t[i]),
      inside.map((i) => linearise(data.y[i], m)),
    );
    if (fit) lines.push(fit);
  }
  return lines;
}

/** Rates of a few multiples of 1/span and times across and beyond the data: [rate, time] pairs. */
function timeGrid(data: Series): [number, number][] {
  const first = data.t[0];
  const last = data.t[data.t.length - 1];
  const span = last - first || Math.max(Math.abs(last), 1);
  const grid: [number, number][] = [];
  for (const multiple of [2, 6, 20]) {
    for (const where of [0, 0.5, 1, 2]) grid.push([multiple / span, first + where * span]);
  }
  return grid;
}
