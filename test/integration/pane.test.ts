/**
 * The built task pane in real Chromium, served from dist/ on the loopback interface: outside
 * Office (the real Office.js, answered from the npm package in place of Microsoft's CDN, no
 * host) and in a simulated Excel host, in the light look and in Office's dark theme.
 */
import type { Server } from "node:http";
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICE_JS_CDN, OFFICE_JS_CDN_ORIGIN } from "../../scripts/build/officeJs";
import { DATASETS } from "../../src/data";
import { type Rgb, contrastRatio } from "../../src/taskpane/colors";
import type { OfficeThemeColors } from "../../src/taskpane/theme";
import { planDatasets } from "../../src/workbook/sheets/datasets";
import { planModel } from "../../src/workbook/sheets/pctModel";
import { checkReport, checkThisExcel } from "../../src/taskpane/excelCheck";
import { OLD_EXCEL_MESSAGE } from "../../src/taskpane/display";
import { runPlan } from "../../src/taskpane/officeWriter";
import { FakeExcel } from "../taskpane/fakeExcel";
import { EXCEL_HOST_STUB, launchChromium, newPaneContext, type PaneContext, requirePrerequisites, serveDist, stubCounts } from "./browserHarness";
import { planForecast } from "../../src/workbook/sheets/forecast";
import { PCT_CELLS, PCT_SOURCE, pctOptions, pctSeries } from "../workbook/sheets/forecast/forecastFixtures";

const NO_NAMES = { sheets: [], tables: [], names: [] };

/** Excel's Black theme, as Office.context.officeTheme reports it. */
const BLACK_THEME: OfficeThemeColors = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#363636",
  controlForegroundColor: "#FFFFFF",
  isDarkTheme: true,
};

/** Excel's White theme. */
const WHITE_THEME: OfficeThemeColors = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#262626",
  isDarkTheme: false,
};

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
/** The context and the one page every test loads the pane in afresh (see openPane). */
let pane: PaneContext;
let page: Page;

/** What the page loaded last logged and asked for. */
const seen = { consoleErrors: [] as string[], pageErrors: [] as string[], requests: [] as string[] };

beforeAll(async () => {
  requirePrerequisites();
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  pane = await newPaneContext(browser);
  page = await pane.context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => seen.pageErrors.push(error.message));
  page.on("request", (request) => seen.requests.push(request.url()));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

/**
 * The pane, loaded afresh in the file's page: a new document (nothing of the last test's page
 * survives a navigation, and the pane keeps nothing in storage) with the records of what it logs
 * and asks for emptied; in a simulated Excel host if `excel`, with `theme` as Office's theme.
 * One page serves every test because a new page starts a new renderer process, which costs
 * twice what loading the pane does. `close` leaves the pane for a blank page, so nothing it
 * still does reaches the next test's records.
 */
async function openPane(options: { excel?: boolean; excelApi?: string; width?: number; height?: number; theme?: OfficeThemeColors } = {}) {
  await page.unrouteAll({ behavior: "wait" });
  await page.emulateMedia({ forcedColors: null });
  await page.setViewportSize({ width: options.width ?? 360, height: options.height ?? 900 });
  if (options.excel) {
    // The theme is set before the stub, the first script the page runs, reads it.
    const theme = options.theme ? `window.stubOfficeTheme = ${JSON.stringify(options.theme)};\n` : "";
    const excelApi = options.excelApi ? `window.stubExcelApi = ${JSON.stringify(options.excelApi)};\n` : "";
    await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ contentType: "text/javascript", body: theme + excelApi + EXCEL_HOST_STUB }));
  }
  for (const record of [seen.consoleErrors, seen.pageErrors, seen.requests, pane.refused, pane.answeredFromPackage]) record.length = 0;
  await page.goto(`${origin}/taskpane.html`);
  const close = async () => {
    await page.goto("about:blank");
  };
  return { page, ...seen, refused: pane.refused, answeredFromPackage: pane.answeredFromPackage, close };
}

/** The requests that went neither to the add-in's own origin nor to Office.js's CDN (answered locally). */
function foreign(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`));
}

/** An element's computed text and background colours (the background of the nearest ancestor that has one). */
async function colorsOf(page: Page, selector: string): Promise<{ text: Rgb; background: Rgb }> {
  const [text, background] = await page.locator(selector).first().evaluate((element) => {
    const color = getComputedStyle(element).color;
    let node: Element | null = element;
    let fill = "rgba(0, 0, 0, 0)";
    while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(fill)) {
      fill = getComputedStyle(node).backgroundColor;
      node = node.parentElement;
    }
    return [color, fill];
  });
  const rgb = (css: string) => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number) as unknown as Rgb;
  return { text: rgb(text), background: rgb(background) };
}

/** The role and accessible name of the focused element, as assistive technology gets them. */
async function focused(page: Page): Promise<string> {
  const entry = (await page.locator(":focus").ariaSnapshot()).split("\n")[0].replace(/^- /, "").replace(/:$/, "");
  return entry.replace(/^'(.*)'$/, "$1");
}

/** The role and name of each element focus reaches, pressing Tab `count` times ("" once it leaves the page), each with a visible focus ring. */
async function tabThrough(page: Page, count: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const onPage = await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);
    if (!onPage) {
      reached.push("");
      continue;
    }
    reached.push(await focused(page));
    const ring = await page.locator(":focus").evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring, reached[i]).toEqual({ style: "solid", width: "2px" });
  }
  return reached;
}

/** Checks that the tab `id` is shown, selected and controls its panel, and the others are hidden. */
async function expectShown(page: Page, id: string): Promise<void> {
  const tabs = await page.locator('[role="tab"]').evaluateAll((elements) =>
    elements.map((tab) => {
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      return { tab: tab.id, selected: tab.getAttribute("aria-selected"), panelShown: panel !== null && !panel.hidden, labelledBy: panel?.getAttribute("aria-labelledby") };
    }),
  );
  expect(tabs).toEqual(
    ["datasets", "model", "forecast", "portfolio", "check"].map((tab) => ({ tab: `tab-${tab}`, selected: String(tab === id), panelShown: tab === id, labelledBy: `tab-${tab}` })),
  );
}

/** Whether an element lies wholly within the window, so that it is seen without scrolling. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
  });
}

/**
 * The serious and critical violations axe-core finds in the page as it is: axe-core's rules on
 * the pane's document, with axe loaded once per page. Its frames are not the pane's: the one
 * there is Office.js's telemetry frame, another site's, which the pane's policy blocks.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { iframes: false });
    return violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  });
}

describe("the task pane outside Office", () => {
  it("shows every figure of the article, says its actions need Excel, and stays on its own origin", async () => {
    const { page, consoleErrors, pageErrors, requests, refused, answeredFromPackage, close } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();

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

    // Office.js came from its CDN URL (answered here from the npm package), and loaded what
    // it needs from beside itself within the Content-Security-Policy. Three seconds after
    // loading, it adds a hidden frame for its own telemetry from another site
    // (telemetryservice.firstpartyapps.oaspapps.com, in o15apptofilemappingtable.js): the
    // policy refuses that frame and its inline style, and those two refusals are the only
    // errors the page logs. Nothing else left the loopback interface.
    await page.locator('iframe[src*="oaspapps.com/telemetryservice/"]').waitFor({ state: "attached", timeout: 60_000 });
    await expect.poll(() => consoleErrors.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([
      expect.stringMatching(/^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/),
      expect.stringMatching(/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive: "default-src 'self'"/),
    ]);
    expect(answeredFromPackage[0]).toBe(OFFICE_JS_CDN);
    expect(requests.filter((url) => url.startsWith(`${origin}/`)).length).toBeGreaterThan(0);
    expect(foreign(requests)).toEqual([]);
    expect(refused).toEqual([]);
    await close();
  });

  it("declares a Content-Security-Policy that allows only the add-in's own origin, and Office.js's CDN for scripts", async () => {
    const { page, close } = await openPane();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).not.toBeNull();
    const directives = new Map(
      policy!
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name, values] as const),
    );
    for (const name of ["default-src", "style-src", "connect-src", "img-src"]) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
    expect(directives.get("script-src")).toEqual(["'self'", OFFICE_JS_CDN_ORIGIN]);
    expect(policy!.replace(OFFICE_JS_CDN_ORIGIN, "")).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    await close();
  });

  it("is usable by keyboard: controls in order, with names, a visible focus ring, Space and Enter", async () => {
    const { page, close } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();

    const expected = [
      'tab "Datasets" [selected]',
      'checkbox "Select all"',
      ...DATASETS.flatMap((dataset) => [
        `checkbox "${dataset.title}"`,
        `text: Quotes from the article for ${dataset.title}`,
      ]),
      // Unavailable outside Excel, yet focusable, so the reason can be heard and read.
      'button "Insert selected" [disabled]',
    ];
    expect(await tabThrough(page, expected.length)).toEqual(expected);

    // Space ticks the focused checkbox; Enter opens a dataset's quotes.
    await page.locator("#select-all").focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#selection-count").innerText()).resolves.toBe(`${DATASETS.length} of ${DATASETS.length} selected`);
    const summary = page.locator(".quotes summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".quotes").first().locator("blockquote").first().isVisible()).resolves.toBe(true);
    await close();
  });

  it("describes the model tab by the two sheets it adds, and each forecast option by its line of help", async () => {
    const { page, close } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();
    /** The text a control's aria-describedby points at, as a screen reader reads it after the name. */
    const description = (id: string) =>
      page.evaluate((id) => {
        const refs = (document.getElementById(id)?.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        return refs.map((ref) => document.getElementById(ref)?.textContent ?? `(no #${ref})`).join(" ");
      }, id);
    await expect(description("build")).resolves.toMatch(/^Adds two sheets .*the model, .*and the monthly timeline the chart draws\. /);
    await expect(description("portable")).resolves.toMatch(/Ticked, the fit is written as values/);
    await expect(description("forecast-launch")).resolves.toMatch(/^For Bass with dates only: .*; empty: the first count's date\.$/);
    for (const id of ["forecast-target", "forecast-by"]) await expect(description(id), id).resolves.toMatch(/^Give both or neither/);
    for (const id of ["forecast-horizon", "forecast-unit"]) await expect(description(id), id).resolves.toMatch(/^How many periods to forecast past the last count/);
    await close();
  });

  it("reaches every section by its tab without scrolling past the datasets: arrows, Home and End, each tab's action in view", async () => {
    const { page, close } = await openPane({ height: 640 });
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe('tab "Datasets" [selected]');

    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe('tab "PCT model" [selected]');
    await expectShown(page, "model");
    expect(await tabThrough(page, 3)).toEqual([
      'checkbox "Use native Excel formulas (portable: works without the add-in)"',
      'button "Build model" [disabled]',
      // Past the last control of the pane, focus leaves the page.
      "",
    ]);

    await page.locator("#tab-model").focus();
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe('tab "Forecast" [selected]');
    await expectShown(page, "forecast");
    expect(await tabThrough(page, 12)).toEqual([
      'textbox "Data: dates or times, then cumulative counts"',
      'button "Use the selection" [disabled]',
      'combobox "Model"',
      'textbox "Launch"',
      'textbox "Known market size"',
      'textbox "Target count"',
      'textbox "Reach it by"',
      'spinbutton "Horizon": "12"',
      'combobox "Period"',
      'textbox "Confidence of the bounds": 80%',
      'button "Forecast" [disabled]',
      "",
    ]);
    // The action is in view without scrolling, and says why it does nothing here.
    await expect(page.locator("#forecast").isVisible()).resolves.toBe(true);
    expect(await inViewport(page, "#forecast")).toBe(true);
    await page.locator("#forecast").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#status").innerText()).resolves.toBe(NEEDS_EXCEL);

    await page.locator("#tab-forecast").focus();
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe('tab "Portfolio" [selected]');
    await expectShown(page, "portfolio");
    expect(await tabThrough(page, 11)).toEqual([
      'textbox "Data: a row per PCT and count date"',
      'button "Use the selection" [disabled]',
      'textbox "Threshold": 30%',
      'textbox "Payment per practice": £6,000',
      'textbox "Deadline": 30/06/2005',
      'textbox "Later target": 80%',
      'textbox "Reach it by": 31/03/2006',
      'combobox "Curve"',
      'textbox "Confidence": 80%',
      'button "Portfolio" [disabled]',
      "",
    ]);
    expect(await inViewport(page, "#portfolio")).toBe(true);

    await page.locator("#tab-portfolio").focus();
    await page.keyboard.press("End");
    expect(await focused(page)).toBe('tab "Check" [selected]');
    await expectShown(page, "check");
    expect(await tabThrough(page, 2)).toEqual(['button "Check this Excel" [disabled]', ""]);
    await page.locator("#tab-check").focus();
    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toBe('tab "Datasets" [selected]');
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Home");
    expect(await focused(page)).toBe('tab "Datasets" [selected]');
    await expectShown(page, "datasets");
    expect(await inViewport(page, "#insert")).toBe(true);
    await close();
  });

  it("has no serious or critical accessibility violation in any tab (axe-core)", async () => {
    const { page, close } = await openPane();
    await page.locator("#host-notice").getByText(NEEDS_EXCEL).waitFor();
    for (const tab of ["datasets", "model", "forecast", "portfolio", "check"]) {
      await page.locator(`#tab-${tab}`).click();
      expect(await seriousViolations(page), tab).toEqual([]);
    }
    await close();
  });
});

describe("the task pane in Excel", () => {
  it("inserts the selected datasets in one batch, showing progress and then what it created where", async () => {
    const { page, consoleErrors, pageErrors, requests, refused, close } = await openPane({ excel: true, width: 380, height: 1000 });
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
    // Excel was sent what the fake Excel is sent for the same plan, cell for cell.
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await runPlan(fake.context, (taken) => planDatasets(chosen, taken));
    expect(await page.evaluate(() => (window as unknown as { excelWrites: unknown[] }).excelWrites)).toEqual(fake.writes);
    await expect(page.locator("#insert").getAttribute("aria-disabled")).resolves.toBeNull();
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBeLessThanOrEqual(3);

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    expect(refused).toEqual([]);
    await close();
  });

  it("builds the model with the formulas chosen", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("build")?.getAttribute("aria-disabled") === null);
    await page.locator("#tab-model").click();
    await page.getByLabel("Use native Excel formulas (portable: works without the add-in)").check();
    await page.locator("#build").click();
    await page.locator("#status.status-success").waitFor();
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual(
      planModel(NO_NAMES, { formulas: "portable" }).messages,
    );
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBeLessThanOrEqual(3);
    await close();
  });

  it("has the add-in load with the workbook once an action has written to it, so its formulas calculate when it is opened again", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    const asked = () => page.evaluate(() => (window as unknown as { startupBehaviors: string[] }).startupBehaviors);
    await expect(asked()).resolves.toEqual([]);
    // An action Excel refuses writes nothing: nothing to load with.
    await page.evaluate(() => Object.assign(window, { syncFailure: "The workbook is protected.", syncFailureAt: 2 }));
    await page.locator("#select-all").check();
    await page.locator("#insert").click();
    await page.locator("#status.status-error").waitFor();
    await expect(asked()).resolves.toEqual([]);
    await page.evaluate(() => Object.assign(window, { syncFailure: null }));
    await page.locator("#insert").click();
    await page.locator("#status.status-success").waitFor();
    await expect(asked()).resolves.toEqual(["Load"]);
    // Asked once a workbook: a second action asks nothing more.
    await page.locator("#tab-model").click();
    await page.locator("#build").click();
    await page.locator("#status.status-success").waitFor();
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual(planModel(NO_NAMES, { formulas: "crs" }).messages);
    await expect(asked()).resolves.toEqual(["Load"]);
    await close();
  });

  it("checks this Excel: the functions tried in a scratch sheet, the same report and the same writes as on the fake Excel", async () => {
    const { page, pageErrors, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("check")?.getAttribute("aria-disabled") === null);
    await page.locator("#tab-check").click();
    await page.locator("#check").click();
    await page.locator("#status.status-success").waitFor();
    const shown = await page.locator("#status p").allInnerTexts();

    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const office = { context: { diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.19127.42000" }, requirements: { isSetSupported: () => true } } };
    const report = checkReport(await checkThisExcel((batch) => batch(fake.context), office, async () => undefined));
    expect(report.ok).toBe(true);
    expect(shown).toEqual([report.summary]);
    // Each line in the Check tab, its mark said in words.
    const lines = await page.locator("#check-report li").evaluateAll((items) => items.map((item) => item.textContent));
    expect(lines).toEqual(report.lines.map((line) => `${line.ok ? "✓Works: " : "✗Does not work: "}${line.text}`));
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { excelWrites: unknown[] }).excelWrites)).toEqual(fake.writes);
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(fake.syncs);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("runs the check in an Excel too old for the other actions (ExcelApi 1.8, as Excel 2019), which stay unavailable with their notice", async () => {
    const { page, pageErrors, close } = await openPane({ excel: true, excelApi: "1.8" });
    await page.waitForFunction(() => document.getElementById("check")?.getAttribute("aria-disabled") === null);
    await expect(page.locator("#host-notice").innerText()).resolves.toBe(OLD_EXCEL_MESSAGE);
    for (const id of ["insert", "build"]) await expect(page.locator(`#${id}`).getAttribute("aria-disabled"), id).resolves.toBe("true");
    await page.locator("#tab-check").click();
    await page.locator("#check").click();
    await page.locator("#status.status-error, #status.status-success").waitFor();
    const lines = await page.locator("#check-report li").allInnerTexts();
    expect(lines.some((line) => line.includes("ExcelApi 1.9"))).toBe(true);
    expect(lines.some((line) => line.includes("A value: =CRS.GROWTH(25072,75216,2) gives 0.732051, as it should."))).toBe(true);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("keeps the check's report when the check is clicked while another action runs", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("check")?.getAttribute("aria-disabled") === null);
    await page.locator("#tab-check").click();
    await page.locator("#check").click();
    await page.locator("#status.status-success").waitFor();
    const report = await page.locator("#check-report li").allInnerTexts();
    expect(report.length).toBeGreaterThan(3);
    await page.evaluate(() => ((window as unknown as { syncDelay: number }).syncDelay = 400));
    await page.locator("#tab-datasets").click();
    await page.locator("#select-all").check();
    await page.locator("#insert").click();
    await page.locator("#status.status-progress").waitFor();
    await page.locator("#tab-check").click();
    await page.locator("#check").dispatchEvent("click");
    await expect(page.locator("#check-report li").allInnerTexts()).resolves.toEqual(report);
    await page.locator("#status.status-success").waitFor();
    await close();
  });

  it("asks for a selection before inserting nothing", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    await page.locator("#insert").click();
    await expect(page.locator("#status").innerText()).resolves.toBe("Select at least one dataset to insert.");
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(0);
    await close();
  });

  it("says what Excel refused and what to do, and lets the user try again", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    // Excel refuses the batch of writes (the second round trip), after reading the workbook.
    await page.evaluate(() => Object.assign(window, { syncFailure: "The workbook is protected.", syncFailureAt: 2 }));
    await page.locator("#select-all").check();
    await page.locator("#insert").click();
    await page.locator("#status.status-error").waitFor();
    await expect(page.locator("#status").innerText()).resolves.toBe(
      "Excel could not insert the datasets: The workbook is protected. What it had added so far was removed again, " +
        "so the workbook is as it was. Check the workbook is not protected and try again.",
    );
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(3);
    await expect(page.locator("#insert").getAttribute("aria-disabled")).resolves.toBeNull();
    await close();
  });
});

describe("Forecast from your data in the pane, in Excel", () => {
  it("forecasts from the selection with the options typed, in two round trips, and says where", async () => {
    const { page, pageErrors, consoleErrors, close } = await openPane({ excel: true, height: 800 });
    await page.waitForFunction(() => document.getElementById("forecast")?.getAttribute("aria-disabled") === null);
    await page.evaluate(stubCounts, PCT_CELLS);
    await page.locator("#tab-forecast").click();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    // "Use the selection" puts the selection's address in Data, in one round trip.
    await page.keyboard.press("Enter");
    await page.locator("#status.status-success").waitFor();
    await expect(page.locator("#forecast-source").inputValue()).resolves.toBe("'GP counts'!A1:B9");
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(1);

    await page.locator("#forecast-market").fill("150");
    await page.locator("#forecast-target").fill("45");
    await page.locator("#forecast-by").fill("30/06/2005");
    await page.evaluate(() => ((window as unknown as { syncCount: number }).syncCount = 0));
    // Enter in a field forecasts, as the form's button does.
    await page.locator("#forecast-by").press("Enter");
    await page.locator("#status.status-success").waitFor();
    const series = pctSeries();
    const expected = planForecast({ flavour: "crs", series, options: pctOptions(), source: PCT_SOURCE }, NO_NAMES).messages;
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual(expected);
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(2);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it("names the cell of a selection it cannot use, and writes nothing", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("forecast")?.getAttribute("aria-disabled") === null);
    const cells = PCT_CELLS.map((row, r) => (r === 4 ? [row[0], "fourteen"] : row));
    await page.evaluate(stubCounts, cells);
    await page.locator("#tab-forecast").click();
    await page.locator("#forecast").click();
    await page.locator("#status.status-error").waitFor();
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual([
      "Your data cannot be used as it is, so nothing was written:",
      `'GP counts'!B5: "fourteen" is not a number. The second column holds the counts, numbers 0 or more.`,
    ]);
    // One round trip to read; none to write.
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(1);
    await close();
  });

  it("says what is wrong with the Data field or an option before asking Excel anything", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("forecast")?.getAttribute("aria-disabled") === null);
    await page.locator("#tab-forecast").click();
    await page.locator("#forecast-source").fill("my counts");
    await page.locator("#forecast").click();
    await expect(page.locator("#status").innerText()).resolves.toMatch(/^"my counts" is not a range address or a table name/);
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(0);
    await close();
  });

  it("has no serious or critical accessibility violation with its options filled and a result shown (axe-core)", async () => {
    const { page, close } = await openPane({ excel: true });
    await page.waitForFunction(() => document.getElementById("forecast")?.getAttribute("aria-disabled") === null);
    await page.evaluate(stubCounts, PCT_CELLS);
    await page.locator("#tab-forecast").click();
    await page.locator("#forecast-model").selectOption("bass");
    await page.locator("#forecast-launch").fill("31/12/2004");
    await page.locator("#forecast-target").fill("45");
    await page.locator("#forecast").click();
    await page.locator("#status.status-error").waitFor();
    // Every option it cannot use, each named by its field's label, after one read and no write.
    await expect(page.locator("#status p").allInnerTexts()).resolves.toEqual([
      "The options cannot be used as they are, so nothing was written:",
      "Target count needs Reach it by too: the date to reach it by.",
      `Launch must be on or before the first count's date, 31 Oct 2004, not "31/12/2004": Bass counts the adopters from the launch.`,
    ]);
    await expect(page.evaluate(() => (window as unknown as { syncCount: number }).syncCount)).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});

describe("the task pane in Office's theme", () => {
  /** The text/background pairs a user reads: body text, a figure, secondary text, a button, the status line. */
  const READ = ["body", ".figures td", ".dataset-description", "#build", "#status p"];

  /** Has Excel refuse an insert, and returns the colours of the error in the status line, checked readable. */
  async function showError(page: Page): Promise<{ text: Rgb; background: Rgb }> {
    await page.evaluate(() => ((window as unknown as { syncFailure: string }).syncFailure = "The workbook is protected."));
    await page.locator("#select-all").check();
    await page.locator("#insert").click();
    await page.locator("#status.status-error").waitFor();
    const error = await colorsOf(page, "#status");
    expect(contrastRatio(error.text, error.background)).toBeGreaterThanOrEqual(4.5);
    return error;
  }

  async function lowestContrast(page: Page): Promise<number> {
    const ratios = await Promise.all(
      READ.map(async (selector) => {
        const { text, background } = await colorsOf(page, selector);
        return contrastRatio(text, background);
      }),
    );
    return Math.min(...ratios);
  }

  it("is light by default, and in Excel's White theme", async () => {
    for (const theme of [undefined, WHITE_THEME]) {
      const { page, close } = await openPane({ excel: true, theme });
      await page.waitForFunction(() => document.getElementById("build")?.getAttribute("aria-disabled") === null);
      await page.locator("#select-all").check();
      await page.locator("#insert").click();
      await page.locator("#status.status-success").waitFor();
      expect((await colorsOf(page, "body")).background).toEqual([255, 255, 255]);
      await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(theme ? "light" : undefined);
      expect(await lowestContrast(page)).toBeGreaterThanOrEqual(4.5);
      await close();
    }
  });

  it("turns dark in Excel's Black theme, every text still 4.5:1 or more on its background", async () => {
    const { page, pageErrors, close } = await openPane({ excel: true, theme: BLACK_THEME });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    expect(await colorsOf(page, "body")).toEqual({ text: [255, 255, 255], background: [38, 38, 38] });
    expect((await colorsOf(page, ".dataset")).background).not.toEqual([255, 255, 255]);
    await page.locator("#insert").click();
    await page.locator("#status").getByText("Select at least one dataset").waitFor();
    expect(await lowestContrast(page)).toBeGreaterThanOrEqual(4.5);
    // An error in the status line, in the dark theme's red.
    const error = await showError(page);
    expect(error.text[0]).toBeGreaterThan(error.text[1] + 40);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("follows a change of theme while open", async () => {
    const { page, close } = await openPane({ excel: true, theme: BLACK_THEME });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.evaluate((theme) => (window as unknown as { changeOfficeTheme: (theme: unknown) => void }).changeOfficeTheme(theme), WHITE_THEME);
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    expect((await colorsOf(page, "body")).background).toEqual([255, 255, 255]);
    // The dark theme's light accents are gone: the quotes' links and an error read on white.
    const link = await colorsOf(page, ".quotes summary");
    expect(contrastRatio(link.text, link.background)).toBeGreaterThanOrEqual(4.5);
    await showError(page);
    expect(await lowestContrast(page)).toBeGreaterThanOrEqual(4.5);
    await close();
  });

  it("gives way to Windows' forced colours, whatever the theme", async () => {
    const { page, close } = await openPane({ excel: true, theme: BLACK_THEME });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.emulateMedia({ forcedColors: "active" });
    const system = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.style.setProperty("background-color", "Canvas");
      probe.style.setProperty("color", "CanvasText");
      document.body.append(probe);
      const style = getComputedStyle(probe);
      return [style.backgroundColor, style.color];
    });
    const body = await page.locator("body").evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).color]);
    expect(body).toEqual(system);
    expect(body[0]).not.toBe("rgb(38, 38, 38)");
    await page.locator("#select-all").focus();
    await page.keyboard.press("Tab");
    const ring = await page.locator(":focus").evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(ring).toBe("solid");
    await close();
  });
});
