/**
 * Every property test draws from one fixed seed, so a run reproduces exactly and a failure can
 * be replayed: FC_SEED=<n> runs them with another (the test run prints the seed it uses). Loaded
 * before each test file (vitest.config.mts, setupFiles).
 */
import fc from "fast-check";

/** The seed of this run's property tests: FC_SEED if set, else a fixed one. */
export const PROPERTY_SEED = propertySeed(process.env.FC_SEED);

/**
 * The seed FC_SEED asks for (a 32-bit integer), or the fixed one when it is unset or empty.
 *
 * @example propertySeed(undefined) // 20050815
 * @example propertySeed("42") // 42
 */
export function propertySeed(setting: string | undefined): number {
  if (setting === undefined || setting === "") return 20050815;
  const seed = Number(setting);
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) throw new Error(`FC_SEED must be a whole number (got ${setting}).`);
  return seed;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: PROPERTY_SEED });
