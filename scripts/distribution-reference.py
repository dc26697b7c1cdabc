#!/usr/bin/env python3
"""Reference quantiles for the forecast's predictive distribution, from scipy.stats.

Writes test/fixtures/distribution-reference.json, which test/model/distributionReference.test.ts
reads (the tests need no Python):

- Poisson quantiles, poisson.ppf(p, mean): new adopters scattered as pure chance;
- negative-binomial quantiles, nbinom.ppf(p, size, size/(size + mean)): over-dispersed new
  adopters with variance mean + mean^2/size;
- binomial quantiles, binom.ppf(p, gained, share): the new adopters up to a time between two
  counts, given the gain between them, when they scatter as Poisson counts (a Poisson count
  split in proportions share and 1 - share);
- the recent pace carried on (src/model/pace.ts), worked out here from its stated rule: the new
  adopters of the last 3 gaps per period, damped by 0.9 a period, spread as its own errors on
  the series' earlier counts (at most 12 ahead) grown as h^1.15 and widened by 1.4, Student's t
  on (origins - 1) degrees of freedom, censored at no new adopters.

Run from the repository's root: python3 scripts/distribution-reference.py
"""
import json

from scipy import stats

PROBABILITIES = [0.025, 0.1, 0.5, 0.9, 0.975]


PACE_CASES = [
    ([1, 2, 3, 4, 5, 6, 7, 8], [3, 7, 12, 20, 26, 35, 41, 50], [1, 2.5, 6, 30]),
    ([0, 2, 4, 6, 8, 10, 12, 14, 16, 18], [5, 9, 16, 22, 31, 37, 46, 50, 58, 61], [2, 8, 40]),
]


def pace_reference(times, counts, aheads):
    """The pace's quantiles at each time `ahead` periods after the last count, by its stated rule."""
    damping, span, growth, widening = 0.9, 3, 1.15, 1.4
    n = len(times)
    gaps = sorted(b - a for a, b in zip(times, times[1:]))
    period = gaps[len(gaps) // 2]

    def damped(h):
        return damping * (1 - damping**h) / (1 - damping)

    def rate(j):
        start = max(0, j - span)
        return (counts[j] - counts[start]) / ((times[j] - times[start]) / period)

    scaled = []
    origins = range(max(1, n - 1 - 40), n - 1)
    for j in origins:
        for i in range(j + 1, min(n, j + 13)):
            h = (times[i] - times[j]) / period
            scaled.append((counts[i] - counts[j] - rate(j) * damped(h)) ** 2 / h ** (2 * growth))
    spread = widening * (sum(scaled) / len(scaled)) ** 0.5
    dof = max(len(origins) - 1, 1)
    rows = []
    for ahead in aheads:
        mean = max(rate(n - 1), 0) * damped(ahead)
        scale = spread * ahead**growth
        quantiles = [counts[-1] + max(mean + scale * float(stats.t.ppf(p, dof)), 0) for p in PROBABILITIES]
        rows.append({"time": times[-1] + ahead * period, "quantiles": quantiles})
    return {"times": times, "counts": counts, "rows": rows}


def main():
    poisson = [{"mean": mean, "quantiles": [float(stats.poisson.ppf(p, mean)) for p in PROBABILITIES]} for mean in [4, 30, 200, 2000]]
    negative_binomial = [
        {"mean": mean, "size": size, "quantiles": [float(stats.nbinom.ppf(p, size, size / (size + mean))) for p in PROBABILITIES]}
        for mean, size in [(30, 5), (200, 20), (2000, 50)]
    ]
    binomial = [
        {"gained": gained, "share": share, "quantiles": [float(stats.binom.ppf(p, gained, share)) for p in PROBABILITIES]}
        for gained, share in [(40, 0.3), (400, 0.6), (3000, 0.45)]
    ]
    pace = [pace_reference(times, counts, ahead) for times, counts, ahead in PACE_CASES]
    reference = {"probabilities": PROBABILITIES, "poisson": poisson, "negativeBinomial": negative_binomial, "binomial": binomial, "pace": pace}
    with open("test/fixtures/distribution-reference.json", "w") as out:
        json.dump(reference, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
