/**
 * Seeded random draws for the simulations: uniform, normal, gamma, Poisson and negative binomial.
 * The uniform stream is pure-rand's xoroshiro128+ (53-bit doubles), so a seed gives the same
 * numbers on every machine and every run; the other distributions are built on it with standard,
 * exact algorithms (each named below), tested in test/bench/random.test.ts against the exact
 * distribution functions.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { logGamma } from "../../src/model/specialFunctions";

/** A seeded stream of random draws. */
export class Random {
  private readonly generator: RandomGenerator;
  /** The second normal of the last Box–Muller pair, kept for the next call. */
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform on [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Log-uniform on [low, high): equally likely in every ratio, for sizes and speeds spanning decades. */
  logBetween(low: number, high: number): number {
    return Math.exp(this.between(Math.log(low), Math.log(high)));
  }

  /** Standard normal, by the Box–Muller transform. */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /**
   * Gamma with the given shape and scale 1, by Marsaglia & Tsang (2000) for shape ≥ 1, and for
   * shape < 1 by their boost Gamma(shape) = Gamma(shape + 1)·U^{1/shape}.
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  /**
   * Poisson with the given mean: by multiplying uniforms (Knuth) below a mean of 10, and by
   * Hörmann's (1993) transformed rejection with squeeze (PTRS) from 10 up, as numpy does.
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let count = 0;
      let product = 1 - this.uniform();
      while (product > limit) {
        count += 1;
        product *= 1 - this.uniform();
      }
      return count;
    }
    const root = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * root;
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) return k;
    }
  }

  /**
   * Negative binomial with the given mean and size r (variance mean + mean²/r), as the Poisson
   * whose mean is itself Gamma(r, mean/r) distributed.
   */
  negativeBinomial(mean: number, size: number): number {
    if (!(mean > 0)) return 0;
    return this.poisson((this.gamma(size) * mean) / size);
  }
}
