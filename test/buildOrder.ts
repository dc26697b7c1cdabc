/**
 * The order of a test run's files while dist/ is being built in the background (see
 * globalSetup.ts): first the files that do not load the built add-in, which run meanwhile, then
 * those that do, which wait for the build. A file loads it when it imports, directly or through
 * other files, scripts/freshBuild.ts, whose `ensureFreshBuild` every reader of dist/ calls. Each
 * part keeps Vitest's own order (the longest first, once a run has timed them), which is the
 * whole order when dist/ is current.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { TestSpecification } from "vitest/node";
import { ROOT, staleness } from "../scripts/freshBuild";
import { importSpecifiers } from "./importGraph";

const FRESH_BUILD = resolve(ROOT, "scripts", "freshBuild.ts");

/** The file a relative specifier names: as written (a .js or .mjs file), or its .ts or index.ts. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, resolve(base, "index.ts")].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Whether a file imports scripts/freshBuild.ts, directly or through other files of the project. */
function loadsBuild(file: string, known: Map<string, boolean>): boolean {
  const answer = known.get(file);
  if (answer !== undefined) return answer;
  // A file being visited (an import cycle) adds nothing the first visit does not find.
  known.set(file, file === FRESH_BUILD);
  if (file === FRESH_BUILD) return true;
  const imports = importSpecifiers(readFileSync(file, "utf8")).filter((specifier) => specifier.startsWith("."));
  const found = imports.some((specifier) => {
    const target = resolveImport(file, specifier);
    return target !== undefined && loadsBuild(target, known);
  });
  known.set(file, found);
  return found;
}

/**
 * Vitest's order of a run's files (`sorted`), with those that wait for dist/ after the others
 * while it is being built.
 */
export function buildLast(sorted: readonly TestSpecification[]): TestSpecification[] {
  if (staleness() === null) return [...sorted];
  const known = new Map<string, boolean>();
  const waits = (spec: TestSpecification) => loadsBuild(spec.moduleId, known);
  return [...sorted.filter((spec) => !waits(spec)), ...sorted.filter(waits)];
}
