/**
 * The built task pane in real Chromium, served from dist/ on the loopback interface: outside
 * Office (the real Office.js, no host) and in a simulated Excel host.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../src/data";
import { planDatasets } from "../../src/workbook/datasetPlan";
import { planModel } from "../../src/workbook/modelPlan";
import { EXCEL_HOST_STUB, launchChromium, requirePrerequisites, serveDist } from "./browserHarness";

const SCREENSHOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/taskpane.png");
const NO_NAMES = { sheets: [], tables: [], names: [] };

/** Every figure of the article, as the pane must show it. */
const FIGURES = [
  "75,216",
  "25,072",
  "18,981",
  "3,500",
  "£6,000",
  "30%",
  "134",
  "2,395",
  "Patient demographic details",
  "Authentication and secure log-in of staff",
  "Choose and Book, the electronic booking system",
  "Electronic Transfer of Prescriptions",
  "not available",
];

const NEEDS_EXCEL = "Inserting, building and forecasting need Excel: open this add-in from Excel's ribbon.";

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  requirePrerequisites();
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

/** A page that records console errors, page errors and every request it makes. */
async function openPane(options: { excel?: boolean; width?: number; height?: number } = {}) {
  const page = await browser.newPage({ viewport: { width: options.width ?? 360, height: options.height ?? 900 } });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  if (options.excel) {
    await page.route(`${origin}/office-js/office.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: EXCEL_HOST_STUB }),
    );
  }
  const started = Date.now();
  await page.goto(`${origin}/taskpane.html`);
  return { page, consoleErrors, pageErrors, requests, started };
}

/** The role and accessible name of the focused element, as assistive technology gets them. */
async function focused(page: Page): Promise<string> {
  const entry = (await page.locator(":focus").ariaSnapshot()).split("\n")[0].replace(/^- /, "").replace(/:$/, "");
  return entry.replace(/^'(.*)'$/, "$1");
}

describe("the task pane outside Office", () => {
  it("shows every figure of the article, says inserting needs Excel, and stays on its own origin", async () => {
    const { page, consoleErrors, pageErrors, requests, started } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();
    console.log(`Task pane ready outside Office in ${Date.now() - started} ms`);

    const visible = await page.locator("body").innerText();
    const cells = await page.locator(".figures td").allInnerTexts();
    for (const figure of FIGURES) {
      expect(visible, figure).toContain(figure);
      expect(cells, figure).toContain(figure);
    }
    for (const dataset of DATASETS) {
      expect(visible).toContain(dataset.title);
      expect(visible).toContain(dataset.description);
    }

    for (const id of ["insert", "build"]) {
      await expect(page.locator(`#${id}`).getAttribute("aria-disabled")).resolves.toBe("true");
    }
    // An unavailable button stays focusable; pressing it says why nothing happens.
    await page.locator("#insert").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#status").innerText()).resolves.toBe(NEEDS_EXCEL);

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    await page.close();
  });

  it("declares a Content-Security-Policy that allows only the add-in's own origin", async () => {
    const { page } = await openPane();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).not.toBeNull();
    const directives = new Map(
      policy!
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name, values] as const),
    );
    for (const name of ["default-src", "script-src", "style-src", "connect-src", "img-src"]) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    await page.close();
  });

  it("is usable by keyboard: controls in order, with names, a visible focus ring, Space and Enter", async () => {
    const { page } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();

    const expected = [
      'checkbox "Select all"',
      ...DATASETS.flatMap((dataset) => [
        `checkbox "${dataset.title}"`,
        `text: Quotes from the article for ${dataset.title}`,
      ]),
      // Unavailable outside Excel, yet focusable, so the reason can be heard and read.
      'button "Insert selected" [disabled]',
      'checkbox "Use native Excel formulas (portable: works without the add-in)"',
      'button "Build model" [disabled]',
    ];
    const reached: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press("Tab");
      reached.push(await focused(page));
      const ring = await page.locator(":focus").evaluate((element) => {
        const style = getComputedStyle(element);
        return { style: style.outlineStyle, width: style.outlineWidth };
      });
      expect(ring, reached[i]).toEqual({ style: "solid", width: "2px" });
    }
    expect(reached).toEqual(expected);

    // Space ticks the focused checkbox; Enter opens a dataset's quotes.
    await page.locator("#select-all").focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#selection-count").innerText()).resolves.toBe(`${DATASETS.length} of ${DATASETS.length} selected`);
    const summary = page.locator(".quotes summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".quotes").first().locator("blockquote").first().isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe("the task pane in Excel", () => {
  it("inserts the selected datasets in one batch, showing progress and then what it created where", async () => {
    const { page, consoleErrors, pageErrors, requests } = await openPane({ excel: true, width: 380, height: 1000 });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    await expect(page.locator("#host-notice").isHidden()).resolves.toBe(true);

    const chosen = DATASETS.slice(0, 3);
    for (const dataset of chosen) await page.getByLabel(dataset.title, { exact: true }).check();
    await page.evaluate(() => ((window as unknown as { syncDelay: number }).syncDelay = 300));
    await page.locator("#insert").click();

    await expect(page.locator("#status").innerText()).resolves.toBe("Inserting 3 datasets…");
    await expect(page.locator("#insert").getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(page.locator("#build").getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(page.locator("#status").getAttribute("aria-live")).resolves.toBe("polite");

    const messages = planDatasets(chosen, NO_NAMES).messages;
    await page.locator("#status.status-success").waitFor();
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual(messages);
    await expect(page.locator("#insert").getAttribute("aria-disabled")).resolves.toBeNull();
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBeLessThanOrEqual(3);

    await page.locator(".quotes summary").first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    await page.close();
  });

  it("builds the model with the formulas chosen", async () => {
    const { page } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("build")?.getAttribute("aria-disabled") === null);
    await page.getByLabel("Use native Excel formulas (portable: works without the add-in)").check();
    await page.locator("#build").click();
    await page.locator("#status.status-success").waitFor();
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual(
      planModel(NO_NAMES, { formulas: "portable" }).messages,
    );
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBeLessThanOrEqual(3);
    await page.close();
  });

  it("asks for a selection before inserting nothing", async () => {
    const { page } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    await page.locator("#insert").click();
    await expect(page.locator("#status").innerText()).resolves.toBe("Select at least one dataset to insert.");
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(0);
    await page.close();
  });

  it("says what Excel refused and what to do, and lets the user try again", async () => {
    const { page } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    await page.evaluate(() => ((window as unknown as { syncFailure: string }).syncFailure = "The workbook is protected."));
    await page.locator("#select-all").check();
    await page.locator("#insert").click();
    await page.locator("#status.status-error").waitFor();
    await expect(page.locator("#status").innerText()).resolves.toBe(
      "Excel could not insert the datasets: The workbook is protected. Check the workbook is not protected and try again.",
    );
    await expect(page.locator("#insert").getAttribute("aria-disabled")).resolves.toBeNull();
    await page.close();
  });
});
