/**
 * `npm run screenshot`: docs/taskpane.png, the task pane as the README shows it: built (if
 * dist/ is stale), opened in headless Chromium in a simulated Excel host, three datasets
 * inserted and the first one's quotes open. The tests never write it.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { OFFICE_JS_CDN } from "./build/officeJs";
import { ROOT, ensureFreshBuild } from "./freshBuild";
import { DATASETS } from "../src/data";
import { EXCEL_HOST_STUB, launchChromium, newPaneContext, requirePrerequisites, serveDist } from "../test/integration/browserHarness";

const SCREENSHOT = join(ROOT, "docs", "taskpane.png");

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
    if (refused.length > 0) throw new Error(`The pane asked for foreign URLs: ${refused.join(", ")}`);
    console.log(`Wrote ${SCREENSHOT}.`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
