/**
 * Converting spreadsheets with LibreOffice Calc headless: .xlsx files recalculated and saved
 * again, or printed to PDF. The tests compare formulas with a real spreadsheet engine through
 * it, and the model's picture in docs/ is printed with it.
 *
 * Every run gets a fresh user profile of its own (runs in parallel cannot share one) whose
 * settings make Calc recalculate every formula on load: by default it keeps the cached results
 * an .xlsx file carries, and a comparison with those results would compare them with themselves.
 * Several files convert in one run, which saves starting LibreOffice for each.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The fresh profile's settings. Calc's setting for .xlsx files: 0 recalculates every formula on
 * load (1 never, 2 asks). And the version that last ran with the profile, set above any real
 * one: on the first start after an upgrade, which is every start with a new profile, LibreOffice
 * first runs its graphics render tests, which take four seconds and change nothing headless.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>999.9</value></prop></item>
</oor:items>
`;

/** What LibreOffice converts a spreadsheet to: an .xlsx file again, or its printout as PDF. */
export type LibreOfficeTarget = "xlsx" | "pdf";

/**
 * Each .xlsx file of `files`, recalculated by LibreOffice and converted to `target`, in one run.
 * `purpose` says in the error what LibreOffice was needed for, should it be missing.
 *
 * @example convertWithLibreOffice([bytes], "pdf", "to print the model")[0] // the PDF's bytes
 */
export function convertWithLibreOffice(files: readonly Uint8Array[], target: LibreOfficeTarget, purpose: string): Uint8Array[] {
  const workDir = mkdtempSync(join(tmpdir(), "crs-libreoffice-"));
  try {
    const profile = join(workDir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
    const inputs = files.map((bytes, index) => {
      const input = join(workDir, `workbook${index + 1}.xlsx`);
      writeFileSync(input, bytes);
      return input;
    });
    const outDir = join(workDir, "out");
    const run = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", target, "--outdir", outDir, ...inputs],
      // A first start with a fresh profile takes a minute and more on a busy machine; stop only a hang.
      { encoding: "utf8", timeout: 170_000 + 20_000 * files.length },
    );
    if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`LibreOffice (soffice) is not installed: it is needed ${purpose} (apt-get install -y libreoffice-calc).`);
    }
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
    return files.map((_, index) => new Uint8Array(readFileSync(join(outDir, `workbook${index + 1}.${target}`))));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
