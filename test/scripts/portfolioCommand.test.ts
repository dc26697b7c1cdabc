/**
 * `npm run portfolio` run in-process as a user runs it: --json prints the spec's object for the
 * invented example, twice the same; a bad file or option exits 1 naming the line or option and
 * writes nothing.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { portfolioCommand } from "../../scripts/portfolioCommand";

const EXAMPLE = resolve(__dirname, "..", "..", "examples", "portfolio-30-pcts.csv");
const work = mkdtempSync(join(tmpdir(), "crs-portfolio-command-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function portfolio(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await portfolioCommand(args, { cwd: work, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { status, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("npm run portfolio -- counts.csv --json", () => {
  it("prints the spec's object: every PCT's figures, lowest chance first, and the totals; the same twice", async () => {
    const first = await portfolio(EXAMPLE, "--json");
    expect(first.status).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(["pcts", "totals"]);
    expect(Object.keys(json.pcts[0])).toEqual([
      "pct", "gps", "practices", "latestDate", "latestCount", "registeredAtDeadline", "shareAtDeadline", "incentivePayable",
      "shortfallAtDeadline", "targetGPs", "neededPerMonth", "forecastAtTargetDate", "lowerAtTargetDate", "upperAtTargetDate",
      "chanceOfTarget", "dateTargetLikely", "problems",
    ]);
    expect(Object.keys(json.totals)).toEqual([
      "pcts", "gps", "registered", "incentivePaid", "pctsPaid", "expectedMeetingTarget", "meetingTargetLower", "meetingTargetUpper", "gpsStillNeeded",
    ]);
    expect(json.pcts).toHaveLength(30);
    const ashcombe = json.pcts.find((pct: { pct: string }) => pct.pct === "Ashcombe");
    expect(ashcombe).toMatchObject({ gps: 150, practices: 40, latestDate: "2005-07-31", latestCount: 52, registeredAtDeadline: 45, shareAtDeadline: 0.3, incentivePayable: 240_000, shortfallAtDeadline: 0, targetGPs: 120, problems: [] });
    const quarrybank = json.pcts.find((pct: { pct: string }) => pct.pct === "Quarrybank");
    expect(quarrybank).toMatchObject({ registeredAtDeadline: null, shareAtDeadline: null, incentivePayable: null, shortfallAtDeadline: null });
    const zennor = json.pcts.at(-1);
    expect(zennor).toMatchObject({ pct: "Zennor Bay", chanceOfTarget: null, forecastAtTargetDate: null, problems: ["Only 2 counts: a curve needs at least 3, so there is no forecast. Add its monthly counts."] });
    expect((await portfolio(EXAMPLE, "--json")).stdout).toBe(first.stdout);
    expect(readdirSync(work)).toEqual([]);
  });

  it("takes the scheme and the target as options", async () => {
    const json = JSON.parse((await portfolio(EXAMPLE, "--json", "--threshold", "50%", "--payment", "£1,000", "--target-share", "0.9", "--target-date", "30/06/2006")).stdout);
    const ashcombe = json.pcts.find((pct: { pct: string }) => pct.pct === "Ashcombe");
    expect([ashcombe.incentivePayable, ashcombe.shortfallAtDeadline, ashcombe.targetGPs]).toEqual([0, 30, 135]);
  });
});

describe("bad input exits 1, says what is wrong where, and writes nothing", () => {
  it.each([
    [["--json"], "Give the CSV file of your PCTs' counts"],
    [["missing.csv", "--json"], "Cannot read missing.csv: there is no such file."],
    [[EXAMPLE, "--json", "--confidence", "2"], "--confidence must be between 0 and 1, or a percentage, such as 0.8 or 80%, not \"2\"."],
    [[EXAMPLE, "--json", "--model", "bass"], "--model cannot be bass for a portfolio"],
    [[EXAMPLE, "--json", "--deadline", "31/02/2005"], "--deadline must be a date, such as 2005-06-30 (2005-06-30 or 30/06/2005), not \"31/02/2005\": there is no 31 February 2005."],
    [[EXAMPLE, "--json", "--target-share", "0"], "--target-share must be a share of the GPs above 0 up to 1 (100%)"],
    [[EXAMPLE, "--json", "--colour", "red"], "Unknown option --colour."],
    [[EXAMPLE, "--json", "--json"], "--json is given twice; give it once."],
  ])("%j", async (args, message) => {
    const run = await portfolio(...args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(readdirSync(work)).toEqual([]);
  });

  it("names the line of a bad count", async () => {
    const csv = join(work, "bad.csv");
    writeFileSync(csv, "pct,date,registered,gps,practices\nA,2005-05-31,4,10,2\nA,2005-06-30,five,,\n");
    const run = await portfolio(csv, "--json");
    rmSync(csv);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`line 3, registered: the count "five" is not a number. The registered column holds cumulative GPs registered, 0 or more.\nNothing was written.`);
  });
});

describe("npm run portfolio -- counts.csv [out.xlsx]", () => {
  it("writes <name>-portfolio.xlsx beside the CSV, prints the sentences (A paid £150,000 at 31 of 100; 80 − 31 + 32 − 14 = 67 GPs still needed), and keeps it unless --force", async () => {
    const csv = join(work, "counts.csv");
    writeFileSync(csv, "pct,date,registered,gps,practices\nA,2005-04-30,20,100,25\nA,2005-05-31,26,,\nA,2005-06-30,31,,\nB,2005-05-31,3,40,9\nB,2005-06-30,9,,\nB,2005-07-31,14,,\n");
    const first = await portfolio(csv);
    expect(first.status).toBe(0);
    expect(first.stdout.split("\n")).toEqual([
      `Wrote ${join(work, "counts-portfolio.xlsx")} (sheets 'Portfolio' and 'Portfolio counts').`,
      expect.stringMatching(/^\d of 2 PCTs (is|are) likely to miss 80% by 31 Mar 2006; the incentive paid was £150,000 to 1 PCT\.$/),
      expect.stringMatching(/^\d\.\d PCTs are expected to meet it \(80% range: \d to \d PCTs\); 67 GPs are still to register\.$/),
      "The fitted figures belong to the counts in the counts sheet.",
    ]);
    const again = await portfolio(csv);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`${join(work, "counts-portfolio.xlsx")} exists and is kept: pass --force to overwrite it, or name another file.`);
    expect((await portfolio(csv, "--force")).status).toBe(0);
    rmSync(join(work, "counts-portfolio.xlsx"));
    rmSync(csv);
  });
});
