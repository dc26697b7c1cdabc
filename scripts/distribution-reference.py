#!/usr/bin/env python3
"""Reference quantiles for the forecast's predictive distribution, from scipy.stats.

Writes test/fixtures/distribution-reference.json, which test/model/distributionReference.test.ts
reads (the tests need no Python):

- Poisson quantiles, poisson.ppf(p, mean): new adopters scattered as pure chance;
- negative-binomial quantiles, nbinom.ppf(p, size, size/(size + mean)): over-dispersed new
  adopters with variance mean + mean^2/size;
- binomial quantiles, binom.ppf(p, gained, share): the new adopters up to a time between two
  counts, given the gain between them, when they scatter as Poisson counts (a Poisson count
  split in proportions share and 1 - share).

Run from the repository's root: python3 scripts/distribution-reference.py
"""
import json

from scipy import stats

PROBABILITIES = [0.025, 0.1, 0.5, 0.9, 0.975]


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
    reference = {"probabilities": PROBABILITIES, "poisson": poisson, "negativeBinomial": negative_binomial, "binomial": binomial}
    with open("test/fixtures/distribution-reference.json", "w") as out:
        json.dump(reference, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
