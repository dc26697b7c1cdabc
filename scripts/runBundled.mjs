/**
 * Runs a TypeScript command of scripts/ from one bundled JavaScript file, so that it starts in
 * about half a second rather than the two a TypeScript loader takes to compile and resolve
 * every module (exceljs alone is hundreds of files):
 *
 *   node scripts/runBundled.mjs forecast data.csv --json
 *
 * The bundle (esbuild, for Node 20) lives in node_modules/.cache (or the folder CRS_BUNDLE_CACHE
 * names, as a test that must not share it does) and is made again whenever one of the files it
 * was made from, or package-lock.json, is newer than it. It is written to a
 * temporary name and renamed, so that commands started together never read half a bundle.
 */
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = process.env.CRS_BUNDLE_CACHE || join(ROOT, "node_modules", ".cache", "crs-adoption-modeller");

/** Whether the bundle is older than anything it was made from. */
function isStale(bundle, inputsFile) {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(inputsFile, "utf8")), "package-lock.json"];
  return inputs.some((input) => !existsSync(join(ROOT, input)) || statSync(join(ROOT, input)).mtimeMs > built);
}

/** Bundles scripts/<name>.ts into the cache, recording the project files it was made from. */
async function bundle(name, target, inputsFile) {
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join("scripts", `${name}.ts`)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: temporary,
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("node_modules/"));
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
  renameSync(temporary, target);
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !existsSync(join(ROOT, "scripts", `${name}.ts`))) {
    console.error(`Usage: node scripts/runBundled.mjs <command> [arguments]: scripts/<command>.ts must exist.`);
    process.exit(1);
  }
  const target = join(CACHE, `${name}.cjs`);
  const inputsFile = join(CACHE, `${name}.inputs.json`);
  if (isStale(target, inputsFile)) await bundle(name, target, inputsFile);
  // The command reads its arguments from process.argv, as when run on its own.
  process.argv = [process.argv[0], target, ...args];
  createRequire(import.meta.url)(target);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
