/**
 * Once before a test run: prints the property tests' seed (see propertySeed.ts), gives the run a
 * temporary folder of its own (see tempFolder.ts), and starts bringing dist/ up to date with its
 * sources (built only if it is missing or stale; see scripts/freshBuild.ts). The build runs in
 * the background while the tests that do not load dist/ run (see buildOrder.ts); every test of
 * the built add-in waits for it, so it tests the current code, and no test file builds on its own.
 */
import { join } from "node:path";
import { startFreshBuild } from "../scripts/freshBuild";
import { PROPERTY_SEED } from "./propertySeed";
import { useRunTempFolder } from "./tempFolder";

export default function setup(): (() => Promise<void>) | undefined {
  // Each project of the run calls this; the first one does what is done once a run.
  if (process.env.CRS_SEED_SHOWN !== undefined) return undefined;
  process.env.CRS_SEED_SHOWN = String(PROPERTY_SEED);
  console.log(`Property tests: fast-check seed ${PROPERTY_SEED} (FC_SEED=<n> to run them with another).`);
  const endRunTempFolder = useRunTempFolder();
  const build = startFreshBuild(join(process.env.TMPDIR!, "build-failure.txt"));
  if (build !== null) console.log(`Building dist/ while the first tests run: ${build.reason}.`);
  return async () => {
    // A run whose tests all finished before the build (none of them loads dist/) does not wait for it.
    await build?.stop();
    endRunTempFolder();
  };
}
