/**
 * `npm run screenshot`: the task pane as the README shows it, built (if dist/ is stale) and
 * opened in headless Chromium in a simulated Excel host: docs/taskpane.png, three datasets
 * inserted and the first one's quotes open; docs/forecast-pane.png, the Forecast tab after a
 * forecast of the README's worked example; docs/portfolio-pane.png, the Portfolio tab after the
 * invented example's portfolio; docs/check-pane.png, the Check tab's report of "Check this
 * Excel". The tests never write them.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OFFICE_JS_CDN } from "./build/officeJs";
import { ROOT, ensureFreshBuild } from "./freshBuild";
import { DATASETS } from "../src/data";
import { readPortfolioCsv } from "../src/data/seriesCsv";
import { EXCEL_HOST_STUB, launchChromium, newPaneContext, requirePrerequisites, serveDist, stubCounts } from "../test/integration/browserHarness";
import { PCT_CELLS } from "../test/workbook/sheets/forecast/forecastFixtures";

const SCREENSHOT = join(ROOT, "docs", "taskpane.png");
const FORECAST_SCREENSHOT = join(ROOT, "docs", "forecast-pane.png");
const PORTFOLIO_SCREENSHOT = join(ROOT, "docs", "portfolio-pane.png");

/** The invented example's portfolio as worksheet cells: a header, then a row per PCT and count date, the dates first. */
function portfolioCells(): (string | number)[][] {
  const portfolio = readPortfolioCsv(readFileSync(join(ROOT, "examples", "portfolio-30-pcts.csv"), "utf8"));
  const rows = portfolio.pcts.flatMap((pct) => pct.counts.map((count, i) => [count.date, pct.name, count.registered, i === 0 ? pct.gps : "", i === 0 ? pct.practices : ""]));
  return [["Date", "PCT", "Registered", "GPs", "Practices"], ...rows];
}
const CHECK_SCREENSHOT = join(ROOT, "docs", "check-pane.png");

async function main(): Promise<void> {
  ensureFreshBuild();
  requirePrerequisites();
  const { server, origin } = await serveDist();
  const browser = await launchChromium();
  try {
    const { context, refused } = await newPaneContext(browser, { viewport: { width: 380, height: 1000 } });
    const page = await context.newPage();
    await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ contentType: "text/javascript", body: EXCEL_HOST_STUB }));
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForFunction(() => document.getElementById("insert")?.getAttribute("aria-disabled") === null);
    for (const dataset of DATASETS.slice(0, 3)) await page.getByLabel(dataset.title, { exact: true }).check();
    await page.locator("#insert").click();
    await page.locator("#status.status-success").waitFor();
    await page.locator(".quotes summary").first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await page.evaluate(stubCounts, PCT_CELLS);
    await page.locator("#tab-forecast").click();
    await page.locator("#use-selection").click();
    await page.locator("#status.status-success").waitFor();
    await page.locator("#forecast-market").fill("150");
    await page.locator("#forecast-target").fill("45");
    await page.locator("#forecast-by").fill("30/06/2005");
    await page.locator("#forecast").click();
    await page.locator("#status.status-success").getByText("Added the forecast").waitFor();
    await page.setViewportSize({ width: 380, height: 900 });
    await page.screenshot({ path: FORECAST_SCREENSHOT });

    await page.evaluate(stubCounts, portfolioCells());
    await page.locator("#tab-portfolio").click();
    await page.locator("#portfolio-use-selection").click();
    await page.locator("#status.status-success").waitFor();
    await page.locator("#portfolio").click();
    await page.locator("#status.status-success").getByText("Added the portfolio").waitFor();
    await page.screenshot({ path: PORTFOLIO_SCREENSHOT });

    await page.locator("#tab-check").click();
    await page.locator("#check").click();
    await page.locator("#status.status-success").getByText("This Excel runs everything").waitFor();
    await page.setViewportSize({ width: 380, height: 1000 });
    await page.screenshot({ path: CHECK_SCREENSHOT });
    if (refused.length > 0) throw new Error(`The pane asked for foreign URLs: ${refused.join(", ")}`);
    console.log(`Wrote ${SCREENSHOT}, ${FORECAST_SCREENSHOT}, ${PORTFOLIO_SCREENSHOT} and ${CHECK_SCREENSHOT}.`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
