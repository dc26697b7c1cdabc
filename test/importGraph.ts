/**
 * The import graph of the source, read with TypeScript's own parser: which file imports which,
 * the cycles in it, and the Office.js globals a file uses.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type TypeScript from "typescript";

/**
 * TypeScript, loaded with `require`: imported as an ES module, its 9 MB CommonJS file is first
 * compiled to detect its format and then scanned for its exports, which doubles the second it
 * takes to load.
 */
const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

/** Each file (relative to the root, with "/" separators) and the files of the root it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every .ts file below `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The module specifiers a source text imports or re-exports, type-only ones included. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** The file a relative specifier names, among `files` (as "x.ts" or "x/index.ts"), or undefined. */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, "index.ts"), base].find((candidate) => files.has(candidate));
}

/** The import graph of every .ts file below `root`; packages are left out, as `packages` lists them. */
export function importGraph(root: string): { graph: ImportGraph; packages: ReadonlyMap<string, readonly string[]> } {
  const files = sourceFiles(root);
  const known = new Set(files);
  const name = (path: string): string => relative(root, path).split("\\").join("/");
  const graph = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = importSpecifiers(readFileSync(file, "utf8"));
    graph.set(
      name(file),
      specifiers.flatMap((specifier) => {
        const target = resolveSpecifier(file, specifier, known);
        return target === undefined ? [] : [name(target)];
      }),
    );
    packages.set(
      name(file),
      specifiers.filter((specifier) => !specifier.startsWith(".")),
    );
  }
  return { graph, packages };
}

/**
 * The import cycles of a graph: its strongly connected components of more than one file, and
 * files that import themselves (Tarjan's algorithm), each sorted.
 *
 * @example importCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]]])) // [["a.ts", "b.ts"]]
 */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    lowest.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(file, Math.min(lowest.get(file)!, index.get(next)!));
      }
    }
    if (lowest.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The globals of Office.js and of Excel's custom-functions runtime. */
const OFFICE_GLOBALS = new Set(["Excel", "Office", "OfficeExtension", "CustomFunctions"]);

/**
 * The Office.js globals a source text uses, in code or in types (`Excel.Range`,
 * `CustomFunctions.Error`, `Office.onReady`), not in comments or strings, nor as the name of a
 * property (`plan.Excel`).
 *
 * @example officeGlobalsUsed("const r: Excel.Range = x; // Office") // ["Excel"]
 */
export function officeGlobalsUsed(text: string): string[] {
  // Parsing is the cost of this check: a text without the words cannot use the globals.
  if (!OFFICE_WORDS.test(text)) return [];
  const source = ts.createSourceFile("file.ts", text, ts.ScriptTarget.Latest, false);
  const used = new Set<string>();
  const visit = (node: TypeScript.Node, parent: TypeScript.Node): void => {
    if (ts.isIdentifier(node) && OFFICE_GLOBALS.has(node.text) && !isMemberName(node, parent)) used.add(node.text);
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(source, source);
  return [...used].sort();
}

const OFFICE_WORDS = new RegExp(`\\b(${[...OFFICE_GLOBALS].join("|")})\\b`);

/** Whether an identifier names a member (`a.Excel`, `A.Excel`, `{ Excel: … }`) rather than a global. */
function isMemberName(node: TypeScript.Identifier, parent: TypeScript.Node): boolean {
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === node)
  );
}
