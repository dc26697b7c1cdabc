/**
 * The number of successes among independent trials, by enumerating every outcome (2ⁿ of them):
 * the tests' reference for the Poisson binomial distribution, computed apart from its code.
 */

/** P(K = k), k = 0 … n, by adding up the probability of each of the 2ⁿ outcomes. */
export function enumeratedOutcomes(chances: readonly number[]): number[] {
  const distribution = new Array<number>(chances.length + 1).fill(0);
  for (let outcome = 0; outcome < 1 << chances.length; outcome++) {
    let probability = 1;
    let met = 0;
    chances.forEach((chance, i) => {
      const meets = (outcome >> i) & 1;
      probability *= meets ? chance : 1 - chance;
      met += meets;
    });
    distribution[met] += probability;
  }
  return distribution;
}

/** The smallest k with P(K ≤ k) ≥ p. */
export function quantileOf(distribution: readonly number[], p: number): number {
  let cumulative = 0;
  return distribution.findIndex((probability) => (cumulative += probability) >= p);
}
