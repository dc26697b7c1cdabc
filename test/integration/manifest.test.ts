import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rewriteManifest } from "../../scripts/build/deploymentUrl";
import { contentSecurityPolicy, LOCAL_OFFICE_JS_FILES, OFFICE_JS_CDN } from "../../scripts/build/officeJs";
import { ensureFreshBuild } from "../../scripts/freshBuild";
import { BUILT_FILES, manifestProblems, readManifest, validateAgainstSchema } from "../../scripts/manifestChecks";
import { DATASETS } from "../../src/data";

const require = createRequire(import.meta.url);

const MANIFEST = readFileSync("manifest.xml", "utf8");

const variants = mkdtempSync(join(tmpdir(), "crs-manifest-"));
afterAll(() => rmSync(variants, { recursive: true, force: true }));

/** Writes a variant of the manifest to a temporary file and returns its path. */
function variant(xml: string): string {
  const path = join(mkdtempSync(join(variants, "variant-")), "manifest.xml");
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
  beforeAll(() => {
    ensureFreshBuild();
  });

  it("writes the files the manifest points at, and a manifest that validates", () => {
    for (const file of [...BUILT_FILES, "manifest.xml"]) {
      expect(existsSync(join("dist", file)), `dist/${file} (run npm run build first)`).toBe(true);
    }
    expect(validateAgainstSchema("dist/manifest.xml").valid).toBe(true);
    expect(manifestProblems(readFileSync("dist/manifest.xml", "utf8"))).toEqual([]);
  });

  it("writes a pane that loads Office.js from the CDN under its Content-Security-Policy, and no copy of Office.js", () => {
    const html = readFileSync("dist/taskpane.html", "utf8");
    // The build minifies the page, dropping the quotes of attributes that need none.
    expect([...html.matchAll(/<script src="?([^\s">]+)"?>/g)].map((match) => match[1])).toEqual([OFFICE_JS_CDN, "shared.js", "functions.js", "taskpane.js"]);
    expect(html).toContain(`<meta http-equiv=Content-Security-Policy content="${contentSecurityPolicy("cdn")}">`);
    expect(html).not.toContain("<%");
    expect(existsSync("dist/office-js")).toBe(false);
  });

  it("bundles the article's data once, in the chunk the page loads before the functions and the pane", () => {
    const page = readFileSync(join("dist", "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((match) => match[1]).filter((src) => !/^https:/.test(src));
    expect(scripts).toEqual(["shared.js", "functions.js", "taskpane.js"]);
    const quote = DATASETS[0].rows[0].provenance.quote;
    const copies = scripts.filter((script) => readFileSync(join("dist", script), "utf8").includes(quote));
    expect(copies).toEqual(["shared.js"]);
  });

  it("writes functions.json with allowErrorForDataTypeAny on and allowCustomDataForDataTypeAny off at its top level", () => {
    const metadata = JSON.parse(readFileSync("dist/functions.json", "utf8"));
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
  });
});

// The build's options, checked on webpack's configuration rather than by building again: one
// build serves the whole test run. test/scripts/build.test.ts checks each option's logic.
describe("webpack.config.js", () => {
  type Plugin = { constructor: { name: string }; userOptions?: { templateParameters?: Record<string, string> }; patterns?: { from: string; to: string; transform?: (content: Buffer) => string }[] };
  const configFor = async (env: Record<string, string>): Promise<{ plugins: Plugin[]; devServer: { port: number } }> => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return require("../../webpack.config.js")({}, { mode: "production" });
  };
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("adds the top-level options to functions.json after the metadata plugin", async () => {
    const names = (await configFor({})).plugins.map((plugin) => plugin.constructor.name);
    expect(names.indexOf("FunctionsMetadataOptionsPlugin")).toBe(names.indexOf("CustomFunctionsMetadataPlugin") + 1);
  });

  it("rewrites the manifest for ADDIN_URL, and loads Office.js from the CDN unless OFFICE_JS=local copies it", async () => {
    const deployment = await configFor({ ADDIN_URL: "https://addins.example.nhs.uk/crs", OFFICE_JS: "" });
    const copy = deployment.plugins.find((plugin) => plugin.patterns)!;
    const manifest = copy.patterns!.find((pattern) => pattern.from === "manifest.xml")!;
    expect(manifest.transform!(Buffer.from(MANIFEST))).toBe(rewriteManifest(MANIFEST, "https://addins.example.nhs.uk/crs/"));
    expect(copy.patterns!.filter((pattern) => pattern.to === "office-js/")).toEqual([]);
    const html = deployment.plugins.find((plugin) => plugin.constructor.name === "HtmlWebpackPlugin")!;
    expect(html.userOptions!.templateParameters).toEqual({ officeJsUrl: OFFICE_JS_CDN, contentSecurityPolicy: contentSecurityPolicy("cdn") });

    const local = await configFor({ OFFICE_JS: "local" });
    const localCopies = local.plugins.find((plugin) => plugin.patterns)!.patterns!.filter((pattern) => pattern.to === "office-js/");
    expect(localCopies.map((pattern) => pattern.from)).toEqual(LOCAL_OFFICE_JS_FILES);
    const localHtml = local.plugins.find((plugin) => plugin.constructor.name === "HtmlWebpackPlugin")!;
    expect(localHtml.userOptions!.templateParameters!.officeJsUrl).toBe("office-js/office.js");
  });

  it("serves on DEV_SERVER_PORT, and refuses an ADDIN_URL that is not https before building anything", async () => {
    expect((await configFor({ DEV_SERVER_PORT: "3443" })).devServer.port).toBe(3443);
    await expect(configFor({ ADDIN_URL: "http://addins.example.nhs.uk/" })).rejects.toThrow(/ADDIN_URL must be an https URL/);
  });
});
