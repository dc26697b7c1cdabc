/**
 * `npm run package -- --url https://host/path/ [--out folder] [--office-js local]`: the add-in
 * built for production at an organisation's address. Writes dist/ (or --out) with a manifest
 * whose every URL is under that address, checks it offline (the add-in manifest XSDs, the
 * checks the schema cannot make, the files the manifest names, and that neither the manifest
 * nor any file names another origin or the development server), and prints what goes where.
 * A bad address or option exits with status 1 and a message, before anything is built; so does
 * an --out folder that holds something other than an earlier build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { productionUrl } from "./build/deploymentUrl";
import { officeJsSource } from "./build/officeJs";
import { buildInto, defaultBuildEnv } from "./freshBuild";
import { BUILT_FILES, manifestProblems, readManifest, validateAgainstSchema } from "./manifestChecks";

const USAGE = "npm run package -- --url https://addins.example.nhs.uk/crs/ [--out folder] [--office-js local]";

/** The files of a folder, with their paths relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((path) => statSync(join(folder, path)).isFile());
}

/**
 * What is wrong with a package in `folder` built for `baseUrl`; empty when nothing is. Every URL
 * of the manifest must be under `baseUrl`, and no file may name the development server.
 */
export function packageProblems(folder: string, baseUrl: string): string[] {
  const manifestPath = join(folder, "manifest.xml");
  if (!existsSync(manifestPath)) return [`The build wrote no manifest.xml in ${folder}.`];
  const problems: string[] = [];
  const schema = validateAgainstSchema(manifestPath);
  if (!schema.valid) problems.push(`manifest.xml is not valid against the add-in manifest schema:\n${schema.output}`);
  const manifest = readFileSync(manifestPath, "utf8");
  problems.push(...manifestProblems(manifest).map((problem) => `manifest.xml: ${problem}`));
  for (const { tag, url } of readManifest(manifest).urls) {
    if (!url.startsWith(baseUrl)) problems.push(`manifest.xml: <${tag}> names ${url}, outside ${baseUrl}.`);
  }
  for (const file of BUILT_FILES) if (!existsSync(join(folder, file))) problems.push(`The build did not write ${file}.`);
  for (const file of filesUnder(folder).filter((path) => /\.(html|js|json|xml|css)$/.test(path))) {
    if (readFileSync(join(folder, file), "utf8").includes("https://localhost")) problems.push(`${file} names the development server (https://localhost).`);
  }
  return problems;
}

/** Reads the options, or throws an Error saying what is wrong with them. */
function readOptions(args: string[], cwd: string): { baseUrl: string; out: string; officeJs: "cdn" | "local" } {
  let values: { url?: string; out?: string; "office-js"?: string };
  try {
    ({ values } = parseArgs({ args, options: { url: { type: "string" }, out: { type: "string" }, "office-js": { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message}. Usage: ${USAGE}`);
  }
  const baseUrl = productionUrl(values.url);
  const setting = values["office-js"];
  if (setting !== undefined && setting !== "cdn" && setting !== "local") throw new Error(`--office-js must be "cdn" (the default) or "local" (got ${setting}).`);
  const out = resolve(cwd, values.out ?? "dist");
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, "manifest.xml"))) {
    throw new Error(`${out} holds files that are not a build of the add-in; give an empty or new folder with --out.`);
  }
  return { baseUrl, out, officeJs: officeJsSource(setting) };
}

function main(): number {
  // npm runs scripts from the package folder; a relative --out means the caller's folder.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(process.argv.slice(2), cwd);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const { baseUrl, out, officeJs } = options;
  console.log(`Building the add-in for ${baseUrl} (Office.js from ${officeJs === "cdn" ? "Microsoft's CDN" : "a copy served beside the pane"})…`);
  try {
    buildInto(out, { ...defaultBuildEnv(process.env), ADDIN_URL: baseUrl, OFFICE_JS: officeJs });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const problems = packageProblems(out, baseUrl);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(`The package in ${out} is not fit to deploy (kept for a look).`);
    return 1;
  }
  const files = filesUnder(out);
  const kilobytes = files.reduce((sum, file) => sum + statSync(join(out, file)).size, 0) / 1024;
  const shown = out.startsWith(cwd + sep) ? relative(cwd, out) : out;
  console.log(`${shown}: ${files.length} files, ${Math.round(kilobytes)} KB; manifest.xml is valid against the add-in manifest schema and names only ${baseUrl}.`);
  console.log(`1. Copy every file of ${shown} to ${baseUrl} (a static https host; taskpane.html carries its Content-Security-Policy).`);
  console.log(`2. Check that ${baseUrl}functions.json opens in a browser.`);
  console.log(`3. Upload ${shown}/manifest.xml in the Microsoft 365 admin centre: Settings > Integrated apps > Upload custom apps.`);
  return 0;
}

process.exitCode = main();
