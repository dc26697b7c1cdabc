/**
 * The build's own logic, without building: the deployment address and the manifest it
 * rewrites, where Office.js comes from and the Content-Security-Policy that allows it, the
 * development server's port, and functions.json's top-level options. (test/integration/
 * manifest.test.ts checks that webpack.config.js wires them in, and the one build of a run.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_URL, deploymentUrl, productionUrl, rewriteManifest } from "../../scripts/build/deploymentUrl";
import { devServerPort } from "../../scripts/build/devPort";
import { TOP_LEVEL_OPTIONS, withTopLevelOptions } from "../../scripts/build/functionsMetadata";
import {
  contentSecurityPolicy,
  officeJsScriptUrl,
  officeJsSource,
} from "../../scripts/build/officeJs";
import { manifestProblems } from "../../scripts/manifestChecks";

const MANIFEST = readFileSync(new URL("../../manifest.xml", import.meta.url), "utf8");

/** The directives of a Content-Security-Policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values] as const),
  );
}

describe("the deployment address", () => {
  it("is the development server unless ADDIN_URL is given, always with a trailing slash", () => {
    expect(deploymentUrl(undefined)).toBe(DEV_URL);
    expect(deploymentUrl("")).toBe(DEV_URL);
    expect(deploymentUrl(undefined, 3443)).toBe("https://localhost:3443/");
    expect(deploymentUrl("https://addins.example.nhs.uk/crs")).toBe("https://addins.example.nhs.uk/crs/");
    expect(deploymentUrl("https://addins.example.nhs.uk/")).toBe("https://addins.example.nhs.uk/");
  });

  it("refuses an address that is not https, with an example of one that is", () => {
    for (const wrong of ["http://addins.example.nhs.uk/", "addins.example.nhs.uk", "https://", "https://host name/"]) {
      expect(() => deploymentUrl(wrong), wrong).toThrow(/ADDIN_URL must be an https URL such as https:\/\/addins\.example\.nhs\.uk\/crs\//);
    }
  });

  it("for a production package is an https folder elsewhere than this computer, with the reason for any other", () => {
    expect(productionUrl("https://Example.ORG/crs")).toBe("https://example.org/crs/");
    expect(productionUrl("https://addins.example.nhs.uk:8443/crs/")).toBe("https://addins.example.nhs.uk:8443/crs/");
    const refused: [string | undefined, RegExp][] = [
      [undefined, /Give the https address the add-in's files will be served from/],
      ["http://example.org/crs/", /is not an https:\/\/ address: Office loads add-ins only over https/],
      ["https:example.org/crs", /is not an https:\/\/ address/],
      ["example.org/crs", /is not a web address/],
      ["https://localhost:3000/", /is this computer.*npm start/],
      ["https://127.0.0.1/crs/", /is this computer/],
      ["https://user:secret@example.org/crs/", /carries a user name or password/],
      ["https://example.org/crs/?v=2", /has a query/],
      ["https://example.org/crs/#top", /has a query \(\?…\) or a fragment/],
    ];
    for (const [text, reason] of refused) expect(() => productionUrl(text), String(text)).toThrow(reason);
  });

  it("replaces every development URL of the manifest, which then still passes the checks", () => {
    const deployed = rewriteManifest(MANIFEST, deploymentUrl("https://addins.example.nhs.uk/crs"));
    expect(deployed).not.toContain("localhost");
    expect(deployed).toContain('DefaultValue="https://addins.example.nhs.uk/crs/functions.json"');
    expect(deployed.match(/https:\/\/addins\.example\.nhs\.uk\/crs\//g)?.length).toBe(MANIFEST.match(/https:\/\/localhost:3000\//g)?.length);
    expect(manifestProblems(deployed)).toEqual([]);
    expect(rewriteManifest(MANIFEST, DEV_URL)).toBe(MANIFEST);
  });
});

describe("Office.js", () => {
  it("comes from Microsoft's CDN by default, and from the add-in's own files with OFFICE_JS=local", () => {
    expect(officeJsSource(undefined)).toBe("cdn");
    expect(officeJsSource("cdn")).toBe("cdn");
    expect(officeJsSource("local")).toBe("local");
    expect(() => officeJsSource("nearby")).toThrow(/OFFICE_JS must be "cdn" \(the default\) or "local"/);
    expect(officeJsScriptUrl("cdn")).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(officeJsScriptUrl("local")).toBe("office-js/office.js");
  });

  it("is the one foreign origin the Content-Security-Policy allows, for scripts only", () => {
    const cdn = directives(contentSecurityPolicy("cdn"));
    const local = directives(contentSecurityPolicy("local"));
    expect(cdn.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(local.get("script-src")).toEqual(["'self'"]);
    for (const policy of [cdn, local]) {
      for (const name of ["default-src", "style-src", "connect-src", "img-src", "font-src", "base-uri"]) expect(policy.get(name), name).toEqual(["'self'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect([...policy.values()].flat().filter((source) => /unsafe|\*|data:|blob:/.test(source))).toEqual([]);
    }
    expect(contentSecurityPolicy("local")).not.toMatch(/https?:/);
  });
});

describe("the development server's port", () => {
  it("is DEV_SERVER_PORT when set, else package.json's, which the manifest names", () => {
    expect(devServerPort({})).toBe(3000);
    expect(devServerPort({ DEV_SERVER_PORT: "3443" })).toBe(3443);
    for (const wrong of ["0", "70000", "https", "30.5"]) expect(() => devServerPort({ DEV_SERVER_PORT: wrong }), wrong).toThrow(/DEV_SERVER_PORT must be a port number/);
  });
});

describe("functions.json's top-level options", () => {
  it("adds allowErrorForDataTypeAny and turns the generator's allowCustomDataForDataTypeAny off, before the functions, which stay as they were", () => {
    const generated = JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: [{ id: "GROWTH", name: "GROWTH" }] }, null, 4);
    const written = withTopLevelOptions(generated);
    expect(TOP_LEVEL_OPTIONS).toEqual({ allowCustomDataForDataTypeAny: false, allowErrorForDataTypeAny: true });
    expect(Object.keys(JSON.parse(written))).toEqual(["allowCustomDataForDataTypeAny", "allowErrorForDataTypeAny", "functions"]);
    expect(JSON.parse(written).functions).toEqual(JSON.parse(generated).functions);
    expect(written).toMatch(/^\{\n {4}"allowCustomDataForDataTypeAny": false,\n {4}"allowErrorForDataTypeAny": true,/);
    // Set even where the generator writes nothing of it.
    expect(JSON.parse(withTopLevelOptions('{"functions": []}')).allowCustomDataForDataTypeAny).toBe(false);
    expect(withTopLevelOptions(written)).toBe(written);
  });

  it("refuses a file without a functions list", () => {
    expect(() => withTopLevelOptions('{"allowCustomDataForDataTypeAny": true}')).toThrow(/no "functions" list/);
  });
});
