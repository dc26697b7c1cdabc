/**
 * `npm run package`, as an organisation's IT runs it: a production build for one address whose
 * manifest validates offline and names only that address, in a folder of its own; and a bad
 * address refused with a message before anything is built.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_FILES, validateAgainstSchema } from "../../scripts/manifestChecks";
import { ROOT, ensureFreshBuild } from "../../scripts/freshBuild";

const work = mkdtempSync(join(tmpdir(), "crs-package-"));

// After the run's build of dist/: the package's build reuses what it compiled (webpack's cache),
// as a package made after `npm run build` does, rather than compiling everything beside it.
beforeAll(() => {
  ensureFreshBuild();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs `npm run package -- …args` from the repository, as a user would. */
function runPackage(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", ["run", "--silent", "package", "--", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: ROOT } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every URL in a text: its attribute values and element texts that start with a scheme. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/\bhttps?:\/\/[^\s"'<>)]+/g)].map((match) => match[0]);
}

describe("npm run package", () => {
  it("writes a production build for https://example.org/crs/ whose manifest validates offline and names only that address", () => {
    const out = join(work, "deploy");
    const { status, stdout, stderr } = runPackage("--url", "https://example.org/crs/", "--out", out);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("names only https://example.org/crs/");
    expect(stdout).toContain("Integrated apps");

    for (const file of [...BUILT_FILES, "manifest.xml", "taskpane.js", "assets/icon-32.png"]) expect(existsSync(join(out, file)), file).toBe(true);
    expect(validateAgainstSchema(join(out, "manifest.xml")).valid).toBe(true);
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    // Beside the XML namespaces (names, never loaded), every address is under the one given.
    const addresses = urlsIn(manifest).filter((url) => !url.startsWith("http://schemas.microsoft.com/") && url !== "http://www.w3.org/2001/XMLSchema-instance");
    expect(addresses.length).toBeGreaterThan(10);
    expect(addresses.filter((url) => !url.startsWith("https://example.org/crs/"))).toEqual([]);
    expect(manifest).toContain('DefaultValue="https://example.org/crs/functions.json"');
    // No file of the package names the development server.
    const texts = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((file) => statSync(join(out, file)).isFile() && /\.(html|js|json|xml)$/.test(file));
    expect(texts.filter((file) => readFileSync(join(out, file), "utf8").includes("localhost"))).toEqual([]);
  });

  it("refuses an address Excel could not load the add-in from, saying why, and builds nothing", () => {
    const out = join(work, "refused");
    // Each kind of address refused is in test/scripts/build.test.ts; here, that the command says so and stops.
    const cases: [string[], RegExp][] = [
      [["--url", "http://example.org/crs/"], /is not an https:\/\/ address: Office loads add-ins only over https/],
      [["--url", "https://example.org/crs/", "--office-js", "nearby"], /--office-js must be "cdn" \(the default\) or "local"/],
      [["--address", "https://example.org/crs/"], /Unknown option '--address'.*Usage: npm run package -- --url/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = runPackage(...args, "--out", out);
      expect(status, args.join(" ")).toBe(1);
      expect(stderr, args.join(" ")).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});
