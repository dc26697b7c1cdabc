/**
 * Recalculating an .xlsx file with LibreOffice Calc headless, for the tests that compare
 * formulas with a real spreadsheet engine.
 *
 * Every run gets a fresh user profile of its own (runs in parallel cannot share one) whose
 * settings make Calc recalculate every formula on load: by default it keeps the cached
 * results an .xlsx file carries, and a test of those results would then compare them with
 * themselves. LibreOffice is required: without it the tests fail rather than skip.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Calc's setting for .xlsx files: 0 recalculates every formula on load (1 never, 2 asks). */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * The bytes of an .xlsx file as LibreOffice recalculates and saves it. `purpose` says in the
 * error what LibreOffice was needed for, should it be missing.
 */
export function recalculateWithLibreOffice(bytes: Uint8Array, purpose: string): Uint8Array {
  return recalculateAllWithLibreOffice(new Map([["workbook", bytes]]), purpose).get("workbook")!;
}

/**
 * Several .xlsx files as LibreOffice recalculates and saves them, by name, in one run of
 * LibreOffice (which takes seconds to start): names are file names without ".xlsx".
 */
export function recalculateAllWithLibreOffice(files: ReadonlyMap<string, Uint8Array>, purpose: string): Map<string, Uint8Array> {
  const workDir = mkdtempSync(join(tmpdir(), "crs-libreoffice-"));
  try {
    const profile = join(workDir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ALWAYS);
    const inDir = join(workDir, "in");
    const outDir = join(workDir, "out");
    mkdirSync(inDir);
    const inputs = [...files].map(([name, bytes]) => {
      const input = join(inDir, `${name}.xlsx`);
      writeFileSync(input, bytes);
      return input;
    });
    const run = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...inputs],
      // A first start with a fresh profile takes a minute and more on a busy machine; stop only a hang.
      { encoding: "utf8", timeout: 170_000 + 20_000 * files.size },
    );
    if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`LibreOffice (soffice) is not installed: it is needed ${purpose} (apt-get install -y libreoffice-calc).`);
    }
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
    return new Map([...files.keys()].map((name) => [name, new Uint8Array(readFileSync(join(outDir, `${name}.xlsx`)))]));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
