/**
 * Once before a test run: prints the property tests' seed (see propertySeed.ts), gives the run a
 * temporary folder of its own (see tempFolder.ts), and brings dist/ up to date with its sources
 * (built only if it is missing or stale; see scripts/freshBuild.ts), so every test of the built
 * add-in tests the current code and no test file builds on its own.
 */
import { ensureFreshBuild } from "../scripts/freshBuild";
import { PROPERTY_SEED } from "./propertySeed";
import { useRunTempFolder } from "./tempFolder";

export default function setup(): (() => void) | undefined {
  // Each project of the run calls this; the first one does what is done once a run.
  if (process.env.CRS_SEED_SHOWN !== undefined) {
    ensureFreshBuild();
    return undefined;
  }
  process.env.CRS_SEED_SHOWN = String(PROPERTY_SEED);
  console.log(`Property tests: fast-check seed ${PROPERTY_SEED} (FC_SEED=<n> to run them with another).`);
  const reason = ensureFreshBuild();
  if (reason !== null) console.log(`Built dist/ before the tests: ${reason}.`);
  return useRunTempFolder();
}
