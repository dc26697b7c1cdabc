import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_FILES, manifestProblems, readManifest, validateAgainstSchema } from "../../scripts/manifestChecks";
import { DATASETS } from "../../src/data";

const MANIFEST = readFileSync("manifest.xml", "utf8");

/** Writes a variant of the manifest to a temporary file and returns its path. */
function variant(xml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "crs-manifest-")), "manifest.xml");
  writeFileSync(path, xml);
  return path;
}

describe("manifest.xml", () => {
  it("is valid against the add-in manifest schema", () => {
    const result = validateAgainstSchema("manifest.xml");
    expect(result.output).toContain("validates");
    expect(result.valid).toBe(true);
  });

  it("passes the checks the schema cannot make", () => {
    expect(manifestProblems(MANIFEST)).toEqual([]);
  });

  it("declares a shared runtime, the CRS namespace and only ReadWriteDocument", () => {
    expect(MANIFEST).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/);
    expect(readManifest(MANIFEST).resources.get("Functions.Namespace")).toBe("CRS");
    expect(MANIFEST.match(/<Permissions>(.*)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
    expect(MANIFEST).toContain('<Action xsi:type="ShowTaskpane">');
  });

  it("reads every resource and reference it uses", () => {
    const facts = readManifest(MANIFEST);
    expect(facts.resources.size).toBe(12);
    expect(facts.references.length).toBeGreaterThan(15);
    expect(facts.functions).toEqual({
      script: "Functions.Script.Url",
      metadata: "Functions.Metadata.Url",
      page: "Taskpane.Url",
    });
  });
});

describe("the manifest checks find what is wrong", () => {
  it("a resid that no resource defines", () => {
    const xml = MANIFEST.replace('<bt:String id="Group.Label" DefaultValue="CRS Adoption"/>', "");
    expect(manifestProblems(xml)).toEqual([
      '<Label resid="Group.Label"> names a resource that <Resources> does not define.',
    ]);
  });

  it("a URL that is not https", () => {
    const xml = MANIFEST.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json");
    expect(manifestProblems(xml)).toEqual([
      "<Url> URL http://localhost:3000/functions.json is not https; Office loads add-ins only over https.",
    ]);
  });

  it("an icon that assets/ does not have", () => {
    const xml = MANIFEST.replace("assets/icon-80.png", "assets/icon-81.png");
    expect(manifestProblems(xml)).toEqual(["<Image> names icon icon-81.png, which assets/ does not have."]);
  });

  it("a functions URL that names a file the build does not write", () => {
    const xml = MANIFEST.replace("https://localhost:3000/functions.js\"", "https://localhost:3000/function.js\"");
    expect(manifestProblems(xml)).toEqual([
      "The custom functions' script URL https://localhost:3000/function.js should name functions.js, which the build writes.",
    ]);
  });

  it("a manifest the schema rejects", () => {
    const result = validateAgainstSchema(variant(MANIFEST.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>")));
    expect(result.valid).toBe(false);
    expect(result.output).toContain("Permissions");
  });
});

describe("the build", () => {
  it("writes the files the manifest points at, and a manifest that validates", () => {
    for (const file of [...BUILT_FILES, "manifest.xml"]) {
      expect(existsSync(join("dist", file)), `dist/${file} (run npm run build first)`).toBe(true);
    }
    expect(validateAgainstSchema("dist/manifest.xml").valid).toBe(true);
    expect(manifestProblems(readFileSync("dist/manifest.xml", "utf8"))).toEqual([]);
  });

  it("bundles the article's data once, in the chunk the page loads before the functions and the pane", () => {
    const page = readFileSync(join("dist", "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((match) => match[1]).filter((src) => !src.startsWith("office-js/"));
    expect(scripts).toEqual(["shared.js", "functions.js", "taskpane.js"]);
    const quote = DATASETS[0].rows[0].provenance.quote;
    const copies = scripts.filter((script) => readFileSync(join("dist", script), "utf8").includes(quote));
    expect(copies).toEqual(["shared.js"]);
  });

  it("replaces every localhost URL with ADDIN_URL for a deployment", () => {
    const out = mkdtempSync(join(tmpdir(), "crs-deploy-"));
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
      env: { ...process.env, ADDIN_URL: "https://addins.example.nhs.uk/crs" },
      stdio: "pipe",
    });
    const deployed = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(deployed).not.toContain("localhost");
    expect(deployed).toContain('DefaultValue="https://addins.example.nhs.uk/crs/functions.json"');
    expect(manifestProblems(deployed)).toEqual([]);
  });

  it("refuses an ADDIN_URL that is not https", () => {
    expect(() =>
      execFileSync("npx", ["webpack", "--mode", "production", "--output-path", mkdtempSync(join(tmpdir(), "crs-deploy-"))], {
        env: { ...process.env, ADDIN_URL: "http://addins.example.nhs.uk/" },
        stdio: "pipe",
      }),
    ).toThrow(/ADDIN_URL must be an https URL/);
  });
});
