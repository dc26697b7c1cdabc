/**
 * The task pane's entry point. It shows the datasets at once, then asks Office.js where it
 * runs: in Excel the actions become available; anywhere else (a plain browser, another Office
 * application, or no Office.js at all) the pane stays read-only and says that inserting needs
 * Excel. Where Office reports a theme, the pane takes its colours. The custom functions load in
 * this same page (shared runtime).
 */
import { DATASETS, SOURCE } from "../data";
import { type ExcelBatch, type Host, PaneController } from "./controller";
import { NEEDS_EXCEL_MESSAGE, OLD_EXCEL_MESSAGE } from "./display";
import { CHECK_EXCEL_API_VERSION } from "./excelCheck";
import { EXCEL_API_VERSION } from "./officeWriter";
import { loadWithDocument } from "./startup";
import { applyTheme, type OfficeThemeColors } from "./theme";
import { renderPane } from "./view";

/** Where the pane runs, as Office.js tells it. */
async function detectHost(): Promise<Host> {
  const outside: Host = { run: null, notice: NEEDS_EXCEL_MESSAGE };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return outside;
  let info: { host: Office.HostType | null };
  try {
    info = await Office.onReady();
  } catch {
    return outside;
  }
  followOfficeTheme();
  if (info.host !== Office.HostType.Excel || typeof Excel === "undefined") return outside;
  const run: ExcelBatch = (batch) => Excel.run(batch);
  if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_VERSION)) {
    // Too old for the actions, yet the check, which says so and what else works, needs far less.
    const canCheck = Office.context.requirements.isSetSupported("ExcelApi", CHECK_EXCEL_API_VERSION);
    return canCheck ? { run: null, notice: OLD_EXCEL_MESSAGE, check: { run, office: Office } } : { run: null, notice: OLD_EXCEL_MESSAGE };
  }
  return { run, notice: null, loadWithDocument: () => loadWithDocument(Office), office: Office };
}

/** The Office theme, where the host reports one (Office on the web and some hosts do not). */
function officeTheme(): OfficeThemeColors | null {
  try {
    return Office.context?.officeTheme ?? null;
  } catch {
    return null;
  }
}

/** Takes Office's theme colours now, and again whenever the user changes the theme, where Office says so. */
function followOfficeTheme(): void {
  applyTheme(document.documentElement, officeTheme());
  try {
    Office.context.document?.addHandlerAsync(Office.EventType.OfficeThemeChanged, (event: Office.OfficeThemeChangedEventArgs) =>
      applyTheme(document.documentElement, event.officeTheme),
    );
  } catch {
    // Hosts without the event keep the theme the pane opened with.
  }
}

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const controller = new PaneController(renderPane(root, DATASETS, SOURCE));
  void detectHost().then((host) => controller.connect(host));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
