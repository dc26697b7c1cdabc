/**
 * The layers of the source: no import cycle, no import running back up a layer, and the pure
 * layers (data, model, workbook) free of Office.js, so they run and are tested anywhere.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, importSpecifiers, officeGlobalsUsed } from "./importGraph";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const { graph, packages } = importGraph(SRC);

/**
 * Each folder of src and the folders it may import from (itself included): data and model at
 * the bottom, functions and workbook above them, the pane on top.
 */
const LAYERS: Readonly<Record<string, readonly string[]>> = {
  data: ["data", "model"],
  model: ["data", "model"],
  functions: ["data", "model", "functions"],
  workbook: ["data", "model", "workbook"],
  taskpane: ["data", "model", "workbook", "taskpane"],
};

/** The folders that must run without Office: pure code, tested in plain Node. */
const PURE = ["data", "model", "workbook"];

const layerOf = (file: string): string => file.split("/")[0];

describe("the import graph of src", () => {
  it("reads every source file and the imports between them", () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get("taskpane/excelWriter.ts")).toContain("workbook/planCheck.ts");
    expect(graph.get("data/index.ts")).toContain("data/datasets.ts");
  });

  it("has no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("has no import running back up a layer", () => {
    expect(Object.keys(LAYERS).sort()).toEqual([...new Set([...graph.keys()].map(layerOf))].sort());
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !LAYERS[layerOf(file)].includes(layerOf(target))).map((target) => `${file} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("keeps Office.js out of data, model and workbook: no Office package, no Excel, Office or CustomFunctions global", () => {
    const files = [...graph.keys()].filter((file) => PURE.includes(layerOf(file)));
    const offending = files.flatMap((file) => {
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
});
