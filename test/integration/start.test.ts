import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The status code of a GET over https, accepting the development certificate. */
function statusOf(url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { rejectUnauthorized: false, agent: false }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    }).on("error", fail);
  });
}

// npm start builds into dist/, which other tests read: run it in a copy of the project.
const copy = mkdtempSync(join(tmpdir(), "crs-start-"));
const EXCLUDED = new Set(["node_modules", "dist", ".git", ".dev-server.pid", "dev-server.log"]);
cpSync(resolve("."), copy, { recursive: true, filter: (source) => !EXCLUDED.has(source.split(/[\\/]/).pop() ?? "") });
symlinkSync(resolve("node_modules"), join(copy, "node_modules"), "dir");

describe("npm start", () => {
  afterAll(() => {
    execFileSync("node", ["scripts/stop.mjs"], { cwd: copy, stdio: "pipe" });
  });

  it("builds, serves the pane and the functions over https on localhost:3000, and says how to sideload", async () => {
    const output = execFileSync("node", ["scripts/start.mjs"], { cwd: copy, encoding: "utf8", timeout: 180_000 });
    expect(output).toContain("The add-in is served at https://localhost:3000/taskpane.html");
    expect(output).toContain("Upload My Add-in");
    expect(await statusOf("https://localhost:3000/taskpane.html")).toBe(200);
    expect(await statusOf("https://localhost:3000/functions.json")).toBe(200);
    expect(await statusOf("https://localhost:3000/manifest.xml")).toBe(200);
  }, 200_000);

  it("npm stop ends the server", async () => {
    const output = execFileSync("node", ["scripts/stop.mjs"], { cwd: copy, encoding: "utf8" });
    expect(output).toMatch(/Stopped the dev server \(process \d+\)/);
    await expect(statusOf("https://localhost:3000/taskpane.html")).rejects.toThrow(/ECONNREFUSED/);
  });
});
