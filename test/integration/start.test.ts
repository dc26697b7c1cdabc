/**
 * `npm start` and `npm stop` as a developer runs them, in a copy of the project (npm start
 * builds into dist/, which other tests read), on a free port (never the 3000 a developer's own
 * server may hold), with a home folder of its own, so its development certificate is private to
 * this run: two starts in a row keep the certificate a user may have trusted.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

/** The status code of a GET over https, accepting the development certificate. */
function statusOf(url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { rejectUnauthorized: false, agent: false }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    }).on("error", fail);
  });
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const copy = mkdtempSync(join(tmpdir(), "crs-start-"));
const home = mkdtempSync(join(tmpdir(), "crs-start-home-"));
const EXCLUDED = new Set(["node_modules", "dist", ".git", ".dev-server.pid", "dev-server.log"]);
cpSync(resolve("."), copy, { recursive: true, filter: (source) => !EXCLUDED.has(source.split(/[\\/]/).pop() ?? "") });
// The packages are linked one by one, so the copy's webpack cache (node_modules/.cache) is its
// own: the second start reuses the first's, and neither touches the project's.
mkdirSync(join(copy, "node_modules"));
for (const entry of readdirSync("node_modules")) {
  if (entry !== ".cache") symlinkSync(resolve("node_modules", entry), join(copy, "node_modules", entry));
}

let port: number;
let env: NodeJS.ProcessEnv;
const script = (name: string) => run("node", [`scripts/${name}.mjs`], { cwd: copy, env, encoding: "utf8", timeout: 240_000 });
const caCertificate = () => readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));

beforeAll(async () => {
  port = await freePort();
  // The development CA stays out of this machine's trust store.
  env = { ...process.env, DEV_SERVER_PORT: String(port), HOME: home, CRS_DEV_CERTS_TRUST: "0" };
});

afterAll(async () => {
  await script("stop");
  for (const folder of [copy, home]) rmSync(folder, { recursive: true, force: true });
});

describe("npm start", () => {
  it("builds, serves the pane and the functions over https on its port, makes a certificate, and says how to sideload", async () => {
    const { stdout } = await script("start");
    expect(stdout).toContain(`The add-in is served at https://localhost:${port}/taskpane.html`);
    expect(stdout).toMatch(/Made the development certificate .*localhost\.crt \(valid until /);
    expect(stdout).toContain("Upload My Add-in");
    expect(stdout).toMatch(/Left the trust store as it is \(CRS_DEV_CERTS_TRUST=0\)/);
    // The manifest to upload is the one that names this port.
    expect(stdout).toContain(`choose ${join(copy, "dist", "manifest.xml")}.`);
    for (const file of ["taskpane.html", "functions.json", "manifest.xml"]) {
      expect(await statusOf(`https://localhost:${port}/${file}`), file).toBe(200);
    }
    // The development build's manifest names the port it is served on.
    expect(readFileSync(join(copy, "dist", "manifest.xml"), "utf8")).toContain(`https://localhost:${port}/taskpane.html`);
  }, 250_000);

  it("npm stop ends the server", async () => {
    const { stdout } = await script("stop");
    expect(stdout).toMatch(/Stopped the dev server \(process \d+\)/);
    await expect(statusOf(`https://localhost:${port}/taskpane.html`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("started again, reuses the certificate: ca.crt is unchanged, byte for byte", async () => {
    const before = caCertificate();
    const { stdout } = await script("start");
    expect(stdout).toMatch(/Reusing the development certificate .*localhost\.crt \(valid until /);
    expect(caCertificate().equals(before)).toBe(true);
    expect(await statusOf(`https://localhost:${port}/taskpane.html`)).toBe(200);
  }, 250_000);
});
