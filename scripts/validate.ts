/**
 * `npm run validate`: checks manifest.xml offline, and dist/manifest.xml too when a build exists:
 * the add-in manifest XSDs (xmllint), then what the schema cannot check (manifestChecks.ts).
 * Exits 1 when anything is wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import { BUILT_FILES, manifestProblems, validateAgainstSchema } from "./manifestChecks";

const manifests = ["manifest.xml", "dist/manifest.xml"].filter((path) => existsSync(path));
let failed = false;

for (const path of manifests) {
  const schema = validateAgainstSchema(path);
  const problems = manifestProblems(readFileSync(path, "utf8"));
  if (path.startsWith("dist/")) {
    for (const file of BUILT_FILES) if (!existsSync(`dist/${file}`)) problems.push(`The build did not write dist/${file}.`);
  }
  if (schema.valid && problems.length === 0) {
    console.log(`${path}: valid against the add-in manifest schema; resources, https URLs, icons and function files check out.`);
    continue;
  }
  failed = true;
  if (!schema.valid) console.error(`${path}: not valid against the add-in manifest schema:\n${schema.output}`);
  for (const problem of problems) console.error(`${path}: ${problem}`);
}
process.exit(failed ? 1 : 0);
