/**
 * Once before a test run: prints the property tests' seed (see propertySeed.ts), and brings
 * dist/ up to date with its sources (built only if it is missing or stale; see
 * scripts/freshBuild.ts), so every test of the built add-in tests the current code and no test
 * file builds on its own.
 */
import { ensureFreshBuild } from "../scripts/freshBuild";
import { PROPERTY_SEED } from "./propertySeed";

export default function setup(): void {
  // Each project of the run calls this: the seed is printed once.
  if (process.env.CRS_SEED_SHOWN === undefined) {
    process.env.CRS_SEED_SHOWN = String(PROPERTY_SEED);
    console.log(`Property tests: fast-check seed ${PROPERTY_SEED} (FC_SEED=<n> to run them with another).`);
  }
  const reason = ensureFreshBuild();
  if (reason !== null) console.log(`Built dist/ before the tests: ${reason}.`);
}
