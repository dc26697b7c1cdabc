/**
 * The rules the layout of `src` keeps, as pure functions over an import graph or a list of
 * files, so that each can be shown to fail on a made-up source as well as to pass on the real one.
 */
import type { ImportGraph } from "./importGraph";

/** Each folder of src (a layer) and the folders it may import from, itself included. */
export type Layers = Readonly<Record<string, readonly string[]>>;

/** The layer a file belongs to: the longest layer that is a folder above it. */
export function layerOf(file: string, layers: Layers): string | undefined {
  return Object.keys(layers)
    .filter((layer) => file.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The files that belong to no layer. */
export function filesOutsideLayers(files: readonly string[], layers: Layers): string[] {
  return files.filter((file) => layerOf(file, layers) === undefined);
}

/** Every import from a layer into one it may not use, as "a imports b". */
export function forbiddenImports(graph: ImportGraph, layers: Layers): string[] {
  return [...graph].flatMap(([file, imports]) => {
    const allowed = layers[layerOf(file, layers) ?? ""] ?? [];
    return imports.filter((target) => !allowed.includes(layerOf(target, layers) ?? "")).map((target) => `${file} imports ${target}`);
  });
}

/** The folders that have an index.ts: code outside such a folder imports only its index. */
export function indexedFolders(files: readonly string[]): string[] {
  return files.filter((file) => file.endsWith("/index.ts")).map((file) => file.slice(0, -"/index.ts".length));
}

/** Every import that reaches past a folder's index.ts from outside the folder, as "a imports b". */
export function importsPastIndex(graph: ImportGraph, folders: readonly string[]): string[] {
  return [...graph].flatMap(([file, imports]) =>
    imports
      .filter((target) => folders.some((folder) => target.startsWith(`${folder}/`) && !file.startsWith(`${folder}/`) && target !== `${folder}/index.ts`))
      .map((target) => `${file} imports ${target}`),
  );
}

/** Whether one name becomes the other by adding, dropping or changing one letter (case aside). */
export function oneLetterApart(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x === y || Math.abs(x.length - y.length) > 1) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

/** The pairs of files whose names (folder and ".ts" aside) differ by one letter, as "a ~ b". */
export function namesOneLetterApart(files: readonly string[]): string[] {
  const base = (file: string): string => file.split("/").pop()!.replace(/\.ts$/, "");
  return files.flatMap((file, i) => files.slice(i + 1).filter((other) => oneLetterApart(base(file), base(other))).map((other) => `${file} ~ ${other}`));
}

/** The files longer than `most` lines, with their length. */
export function longFiles(lines: ReadonlyMap<string, number>, most: number): string[] {
  return [...lines].filter(([, count]) => count > most).map(([file, count]) => `${file}: ${count} lines`);
}
