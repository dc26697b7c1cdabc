/**
 * Once before a test run: brings dist/ up to date with its sources (built only if it is
 * missing or stale; see scripts/freshBuild.ts), so every test of the built add-in tests the
 * current code and no test file builds on its own.
 */
import { ensureFreshBuild } from "../scripts/freshBuild";

export default function setup(): void {
  const reason = ensureFreshBuild();
  if (reason !== null) console.log(`Built dist/ before the tests: ${reason}.`);
}
