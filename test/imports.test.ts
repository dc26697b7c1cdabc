/**
 * The layers of the source: no import cycle, no import running back up a layer, folders with an
 * index entered only through it, no file names one letter apart, no file too long to read, and
 * the pure layers free of Office.js, so they run and are tested anywhere.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, importSpecifiers, importsInto, officeGlobalsUsed } from "./importGraph";
import { type Layers, filesOutsideLayers, forbiddenImports, importsPastIndex, indexedFolders, layerOf, longFiles, namesOneLetterApart, oneLetterApart } from "./sourceRules";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const { graph, packages } = importGraph(SRC);

/**
 * Each folder of src and the folders it may import from (itself included): Excel's own spelling
 * (excel) at the bottom, then data and model, then functions and the workbook's four folders
 * (the plan contract; the sheets, which never reach the evaluator or the .xlsx writer; the
 * formula evaluator; the writer), the pane on top, which never reaches the evaluator either.
 */
const LAYERS: Layers = {
  excel: ["excel"],
  data: ["excel", "data", "model"],
  model: ["excel", "data", "model"],
  functions: ["excel", "data", "model", "functions"],
  "workbook/plan": ["excel", "data", "model", "workbook/plan"],
  "workbook/sheets": ["excel", "data", "model", "workbook/plan", "workbook/sheets"],
  "workbook/formula": ["excel", "data", "model", "workbook/plan", "workbook/formula"],
  "workbook/xlsx": ["excel", "data", "model", "workbook/plan", "workbook/formula", "workbook/xlsx"],
  taskpane: ["excel", "data", "model", "workbook/plan", "workbook/sheets", "taskpane"],
};

/** The folders that must run without Office: pure code, tested in plain Node. */
const PURE = ["excel", "data", "model", "workbook/plan", "workbook/sheets", "workbook/formula", "workbook/xlsx"];

/** The longest a source file may be. */
const MOST_LINES = 450;

const files = [...graph.keys()];
const lineCount = (file: string): number => readFileSync(join(SRC, file), "utf8").replace(/\n$/, "").split("\n").length;

describe("the import graph of src", () => {
  it("reads every source file and the imports between them", () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get("taskpane/officeWriter.ts")).toContain("workbook/plan/index.ts");
    expect(graph.get("data/index.ts")).toContain("data/datasets.ts");
  });

  it("has no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("has every file in a layer, and src/workbook nothing but its four folders, each with its index", () => {
    expect(filesOutsideLayers(files, LAYERS)).toEqual([]);
    expect(Object.keys(LAYERS).sort()).toEqual([...new Set(files.map((file) => layerOf(file, LAYERS)))].sort());
    for (const folder of ["plan", "sheets", "formula", "xlsx"]) expect(files).toContain(`workbook/${folder}/index.ts`);
  });

  it("has no import running back up a layer: sheets and the pane never reach the evaluator or the .xlsx writer", () => {
    expect(forbiddenImports(graph, LAYERS)).toEqual([]);
  });

  it("imports a folder of src/workbook that has an index.ts only through that index from outside it", () => {
    const folders = indexedFolders(files).filter((folder) => folder.startsWith("workbook/"));
    expect(folders).toEqual(expect.arrayContaining(["workbook/plan", "workbook/sheets", "workbook/formula", "workbook/xlsx", "workbook/sheets/pctModel", "workbook/sheets/forecast"]));
    expect(importsPastIndex(graph, folders)).toEqual([]);
  });

  it("is entered the same way from bench and scripts: a folder of src/workbook with an index.ts only through that index", () => {
    const outside = importsInto(SRC, ["bench", "scripts"]);
    expect(outside.get("bench/forecast.ts")).toContain("workbook/sheets/index.ts");
    const folders = indexedFolders(files).filter((folder) => folder.startsWith("workbook/"));
    expect(importsPastIndex(outside, folders)).toEqual([]);
  });

  it("has no two files whose names differ by one letter", () => {
    expect(namesOneLetterApart(files)).toEqual([]);
  });

  it(`has no file over ${MOST_LINES} lines`, () => {
    expect(longFiles(new Map(files.map((file) => [file, lineCount(file)])), MOST_LINES)).toEqual([]);
  });

  it("keeps Office.js out of excel, data, model and workbook: no Office package, no Excel, Office or CustomFunctions global", () => {
    const pure = files.filter((file) => PURE.includes(layerOf(file, LAYERS)!));
    const offending = pure.flatMap((file) => {
      const officePackages = packages.get(file)!.filter((name) => /office|custom-functions/i.test(name));
      const globals = officeGlobalsUsed(readFileSync(join(SRC, file), "utf8"));
      return [...officePackages, ...globals].map((what) => `${file} uses ${what}`);
    });
    expect(offending).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("find cycles of any length and a file that imports itself", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(importCycles(cyclic)).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
    expect(importCycles(new Map([["a.ts", ["b.ts"]], ["b.ts", []]]))).toEqual([]);
  });

  it("read type-only imports and re-exports too", () => {
    expect(importSpecifiers('import type { A } from "./a";\nexport * from "./b";\nimport x from "pkg";')).toEqual(["./a", "./b", "pkg"]);
  });

  it("find the Office globals in code and types, not in comments, strings or member names", () => {
    expect(officeGlobalsUsed("function f(c: Excel.RequestContext) { return c; }")).toEqual(["Excel"]);
    expect(officeGlobalsUsed("throw new CustomFunctions.Error(code);")).toEqual(["CustomFunctions"]);
    expect(officeGlobalsUsed("await Office.onReady();")).toEqual(["Office"]);
    expect(officeGlobalsUsed('// Excel\nconst text = "Office";\nconst plan = { Excel: 1 };\nplan.Excel;')).toEqual([]);
  });

  const layers: Layers = { low: ["low"], "top/a": ["low", "top/a"], "top/b": ["low", "top/a", "top/b"] };

  it("find a file outside every layer", () => {
    expect(filesOutsideLayers(["low/x.ts", "top/a/y.ts", "stray/z.ts", "top/c.ts"], layers)).toEqual(["stray/z.ts", "top/c.ts"]);
  });

  it("find an import into a layer not allowed, the innermost folder deciding a file's layer", () => {
    const graph = new Map([
      ["low/x.ts", ["top/a/y.ts"]],
      ["top/a/y.ts", ["low/x.ts", "top/b/z.ts"]],
      ["top/b/z.ts", ["top/a/y.ts", "low/x.ts"]],
    ]);
    expect(forbiddenImports(graph, layers)).toEqual(["low/x.ts imports top/a/y.ts", "top/a/y.ts imports top/b/z.ts"]);
  });

  it("find an import past a folder's index of src from a file of bench or scripts", () => {
    const root = mkdtempSync(join(tmpdir(), "imports-"));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      };
      write("src/a/index.ts", 'export { x } from "./inner";\n');
      write("src/a/inner.ts", "export const x = 1;\n");
      write("bench/past.ts", 'import { x } from "../src/a/inner";\nimport { y } from "../src/a";\nexport const z = x + y;\n');
      write("scripts/through.ts", 'import { x } from "../src/a";\nexport const w = x;\n');
      const outside = importsInto(join(root, "src"), ["bench", "scripts"]);
      expect(importsPastIndex(outside, ["a"])).toEqual(["bench/past.ts imports a/inner.ts"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("find an import past a folder's index from outside it, not from inside", () => {
    const graph = new Map([
      ["a/index.ts", ["a/inner.ts", "a/sub/index.ts"]],
      ["a/inner.ts", ["a/sub/deep.ts"]],
      ["a/sub/index.ts", ["a/sub/deep.ts"]],
      ["b.ts", ["a/index.ts", "a/inner.ts", "a/sub/index.ts"]],
    ]);
    const folders = indexedFolders([...graph.keys()]);
    expect(folders).toEqual(["a", "a/sub"]);
    expect(importsPastIndex(graph, folders)).toEqual(["a/inner.ts imports a/sub/deep.ts", "b.ts imports a/inner.ts", "b.ts imports a/sub/index.ts"]);
  });

  it("find names one letter apart, added, dropped or changed, not names further apart or the same", () => {
    expect(oneLetterApart("formulaValue", "formulaValues")).toBe(true);
    expect(oneLetterApart("chart", "charts")).toBe(true);
    expect(oneLetterApart("format", "Formats")).toBe(true);
    expect(oneLetterApart("cell", "call")).toBe(true);
    expect(oneLetterApart("dates", "dates")).toBe(false);
    expect(oneLetterApart("plan", "planCheck")).toBe(false);
    expect(oneLetterApart("ab", "ba")).toBe(false);
    expect(namesOneLetterApart(["a/formulaValue.ts", "b/names.ts", "c/formulaValues.ts", "d/index.ts", "e/index.ts"])).toEqual(["a/formulaValue.ts ~ c/formulaValues.ts"]);
  });

  it("find a file over the limit, not one at it", () => {
    expect(longFiles(new Map([["a.ts", 450], ["b.ts", 451]]), 450)).toEqual(["b.ts: 451 lines"]);
  });
});
