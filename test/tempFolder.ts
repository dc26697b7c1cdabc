/**
 * A test run's own temporary folder. Every test and every program it starts (Chromium,
 * LibreOffice, npm, the dev server) writes its temporary files under TMPDIR, which the run points
 * at a folder of its own; at the end the folder is removed with whatever is in it, so a run leaves
 * nothing behind in the machine's /tmp. A folder one of the tests made (named crs-…) and did not
 * remove itself fails the run, naming it: every test cleans up after itself.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The prefix of every temporary folder the tests and scripts make. */
const OWN_PREFIX = "crs-";

/**
 * Points TMPDIR at a new folder for the rest of the run (the test workers start with it), and
 * returns what ends the run: removes the folder, and fails the run if a test left a folder of its own.
 */
export function useRunTempFolder(): () => void {
  const folder = mkdtempSync(join(tmpdir(), `${OWN_PREFIX}test-run-`));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return () => {
    const leftovers = readdirSync(folder).filter((name) => name.startsWith(OWN_PREFIX));
    rmSync(folder, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (leftovers.length > 0) {
      // Vitest reports an error thrown here but exits 0 for it: the run fails by its exit code.
      console.error(`Tests left temporary folders behind: ${leftovers.join(", ")}. Remove each in the test's afterAll.`);
      process.exitCode = 1;
    }
  };
}
