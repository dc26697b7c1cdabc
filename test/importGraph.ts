/**
 * The import graph of the source, read with a real TypeScript parser (oxc, through rolldown,
 * Vite's bundler): which file imports which, the cycles in it, and the Office.js globals a
 * file uses.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseAst } from "rolldown/parseAst";

/** A node of the syntax tree (ESTree, with TypeScript's nodes), as far as these checks read it. */
interface SyntaxNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

const isNode = (value: unknown): value is SyntaxNode => typeof value === "object" && value !== null && typeof (value as SyntaxNode).type === "string";

/** Visits every node below `node` with its parent and the key it hangs from. */
function walk(node: SyntaxNode, visit: (node: SyntaxNode, parent: SyntaxNode | null, key: string) => void, parent: SyntaxNode | null = null, key = ""): void {
  visit(node, parent, key);
  for (const [childKey, child] of Object.entries(node)) {
    if (Array.isArray(child)) for (const item of child) if (isNode(item)) walk(item, visit, node, childKey);
    if (isNode(child)) walk(child, visit, node, childKey);
  }
}

const parse = (text: string): SyntaxNode => parseAst(text, { lang: "ts" }) as unknown as SyntaxNode;

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

/** The module specifiers a source text imports or re-exports, type-only ones, `import()` and `require()` included. */
export function importSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  const literal = (value: unknown): void => {
    if (isNode(value) && value.type === "Literal" && typeof value.value === "string") specifiers.push(value.value);
  };
  walk(parse(text), (node) => {
    if (["ImportDeclaration", "ExportNamedDeclaration", "ExportAllDeclaration", "ImportExpression"].includes(node.type)) literal(node.source);
    else if (node.type === "TSImportType") literal(node.source ?? node.argument);
    else if (node.type === "CallExpression" && isNode(node.callee) && node.callee.type === "Identifier" && node.callee.name === "require") literal((node.arguments as unknown[])[0]);
  });
  return specifiers;
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
 * The imports into `src` of every .ts file below each of `folders` (bench, scripts): each file, as
 * "bench/forecast.ts" relative to the root of both, and the files of src it imports, relative to
 * src, as `importGraph` names them, so that the rules of src's graph apply to it.
 *
 * @example importsInto(src, ["bench"]).get("bench/forecast.ts") // ["workbook/sheets/forecast/index.ts", …]
 */
export function importsInto(src: string, folders: readonly string[]): ImportGraph {
  const known = new Set(sourceFiles(src));
  const root = dirname(src);
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(join(root, folder)))) {
    const targets = importSpecifiers(readFileSync(file, "utf8")).flatMap((specifier) => {
      const target = resolveSpecifier(file, specifier, known);
      return target === undefined ? [] : [relative(src, target).split("\\").join("/")];
    });
    graph.set(relative(root, file).split("\\").join("/"), targets);
  }
  return graph;
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
  const used = new Set<string>();
  walk(parse(text), (node, parent, key) => {
    if (node.type === "Identifier" && OFFICE_GLOBALS.has(node.name as string) && !isMemberName(parent, key)) used.add(node.name as string);
  });
  return [...used].sort();
}

const OFFICE_WORDS = new RegExp(`\\b(${[...OFFICE_GLOBALS].join("|")})\\b`);

/** The nodes whose `key` is a member's name, not a value: `{ Excel: 1 }`, `class { Excel }`, `{ Excel: T }`. */
const NAMED_MEMBERS = new Set(["Property", "PropertyDefinition", "MethodDefinition", "AccessorProperty", "TSPropertySignature", "TSMethodSignature"]);

/** Whether an identifier, hanging from `parent` at `key`, names a member (`a.Excel`, `A.Excel`, `{ Excel: … }`) rather than a global. */
function isMemberName(parent: SyntaxNode | null, key: string): boolean {
  if (parent === null) return false;
  if (parent.type === "MemberExpression") return key === "property" && parent.computed !== true;
  if (parent.type === "TSQualifiedName") return key === "right";
  return NAMED_MEMBERS.has(parent.type) && key === "key" && parent.computed !== true;
}
