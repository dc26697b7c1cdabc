/**
 * What the task pane does: keeps the selection of datasets, runs the actions (insert the
 * selected datasets, build the model, forecast from the user's data, use the selection) against
 * Excel in one batch each, and says in the status line what is happening, what was created
 * where, or what went wrong and what to do.
 */
import type { Dataset } from "../data";
import { planDatasets, planModel } from "../workbook/sheets";
import {
  BUILDING_MESSAGE,
  CHECKING_MESSAGE,
  CONNECTING_MESSAGE,
  FORECASTING_MESSAGE,
  NOTHING_SELECTED_MESSAGE,
  PORTFOLIO_MESSAGE,
  failureMessage,
  forecastFailure,
  insertingMessage,
  portfolioFailure,
} from "./display";
import { type CheckReport, checkReport, checkThisExcel, type OfficeFacts } from "./excelCheck";
import { runPlan } from "./officeWriter";
import { readSelection, runForecast } from "./forecastAction";
import { formOptions } from "./forecastForm";
import { planForecastFromData } from "./forecastFromData";
import { planPortfolioFromData } from "./portfolioFromData";
import { parseSourceRequest, requestText } from "./sourceRequest";
import { type PaneView, setAvailable, showCheckReport, showNotice, showStatus } from "./view";

/** Runs a batch of Office.js requests, as `Excel.run` does. */
export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Where the pane runs: in Excel (with a way to run batches, and to have the add-in load with the
 * workbook from now on: see startup.ts), or not, with a notice why; in an Excel too old for the
 * actions but not for "Check this Excel" (`CHECK_EXCEL_API_VERSION`), with a way to run the check.
 */
export type Host =
  | { readonly run: ExcelBatch; readonly notice: null; readonly loadWithDocument?: () => Promise<unknown>; readonly office?: OfficeFacts }
  | { readonly run: null; readonly notice: string; readonly check?: { readonly run: ExcelBatch; readonly office: OfficeFacts } };

/** Office as a host that does not describe itself: the check then reports its host as unknown. */
const UNKNOWN_OFFICE: OfficeFacts = { context: { requirements: { isSetSupported: () => false } } };

/** A check that found something this Excel lacks: shown as the status line's error. */
class CheckFailed extends Error {
  constructor(readonly report: CheckReport) {
    super(report.summary);
  }
}

/** Why an action cannot start with what the pane holds, said before anything is asked of Excel. */
interface Refusal {
  readonly problem: string;
}

function isRefusal(prepared: unknown): prepared is Refusal {
  return typeof prepared === "object" && prepared !== null && "problem" in prepared;
}

/**
 * Wires the pane's controls to the six actions (insert, build, forecast, portfolio, use the selection, check),
 * keeps the selection count and the availability of the buttons current, and runs one action
 * at a time.
 */
export class PaneController {
  private host: Host | null = null;
  private busy = false;
  /** Whether an action has written to this workbook, and the add-in was set to load with it. */
  private loadsWithDocument = false;

  constructor(private readonly view: PaneView) {
    view.selectAll.addEventListener("change", () => this.selectAll(view.selectAll.checked));
    for (const { box } of view.datasetBoxes) box.addEventListener("change", () => this.showSelection());
    view.insertButton.addEventListener("click", () => void this.insertSelected());
    view.buildButton.addEventListener("click", () => void this.buildModel());
    view.forecast.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.forecast();
    });
    view.forecast.useSelection.addEventListener("click", () => void this.useSelection(view.forecast.source));
    view.portfolio.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.portfolio();
    });
    view.portfolio.useSelection.addEventListener("click", () => void this.useSelection(view.portfolio.source));
    view.checkButton.addEventListener("click", () => void this.checkExcel());
    this.showSelection();
    this.refreshButtons();
  }

  /** Tells the pane where it runs; until then its actions wait. */
  connect(host: Host): void {
    this.host = host;
    showNotice(this.view.notice, host.notice);
    this.refreshButtons();
  }

  /** The datasets ticked, in the pane's order. */
  selected(): Dataset[] {
    return this.view.datasetBoxes.filter(({ box }) => box.checked).map(({ dataset }) => dataset);
  }

  private selectAll(checked: boolean): void {
    for (const { box } of this.view.datasetBoxes) box.checked = checked;
    this.showSelection();
  }

  private showSelection(): void {
    const total = this.view.datasetBoxes.length;
    const count = this.selected().length;
    this.view.selectAll.checked = count === total;
    this.view.selectAll.indeterminate = count > 0 && count < total;
    this.view.selectionCount.textContent = count === 0 ? "None selected" : `${count} of ${total} selected`;
  }

  private refreshButtons(): void {
    const ready = this.host !== null && this.host.run !== null && !this.busy;
    const { forecast, portfolio } = this.view;
    for (const button of [this.view.insertButton, this.view.buildButton, forecast.button, forecast.useSelection, portfolio.button, portfolio.useSelection]) {
      setAvailable(button, ready);
    }
    setAvailable(this.view.checkButton, this.checkRunner() !== null && !this.busy);
    this.view.body.setAttribute("aria-busy", String(this.busy));
  }

  /** Inserts the ticked datasets, each in a new sheet, or asks for a selection if none is ticked. */
  async insertSelected(): Promise<void> {
    const datasets = this.selected();
    await this.run(
      () => (datasets.length === 0 ? { problem: NOTHING_SELECTED_MESSAGE } : datasets),
      insertingMessage(datasets.length),
      async (run) => {
        const plan = await run((context) => runPlan(context, (taken) => planDatasets(datasets, taken)));
        this.loadWithDocument();
        return plan.messages;
      },
      (error) => [failureMessage("insert the datasets", error)],
    );
  }

  /** Builds the model sheet, in the portable flavour (Excel's own functions) if the portable box is ticked, else `CRS.` functions. */
  async buildModel(): Promise<void> {
    const formulas = this.view.portable.checked ? "portable" : "crs";
    await this.run(
      () => formulas,
      BUILDING_MESSAGE,
      async (run) => {
        const plan = await run((context) => runPlan(context, (taken) => planModel(taken, { formulas })));
        this.loadWithDocument();
        return plan.messages;
      },
      (error) => [failureMessage("build the model", error)],
    );
  }

  /**
   * Adds a forecast sheet from the counts the Data field names (the selection when empty), with
   * the options of the form; a field that cannot be read, counts or options it cannot use, and
   * counts no model can be fitted to are told, and nothing is written.
   */
  async forecast(): Promise<void> {
    const controls = this.view.forecast;
    const options = formOptions(controls);
    await this.run(
      () => parseSourceRequest(controls.source.value),
      FORECASTING_MESSAGE,
      async (run, request) => {
        const plan = await run((context) =>
          runForecast(context, request, (data, taken) => planForecastFromData(data, options, taken)),
        );
        this.loadWithDocument();
        return plan.messages;
      },
      forecastFailure,
    );
  }

  /**
   * Adds the portfolio sheets from the long-form table the Portfolio Data field names (the
   * selection when empty), with the form's scheme and target; a table or options it cannot use
   * are told, naming the cell or field, and nothing is written.
   */
  async portfolio(): Promise<void> {
    const controls = this.view.portfolio;
    const options = {
      threshold: controls.threshold.value,
      payment: controls.payment.value,
      deadline: controls.deadline.value,
      "target-share": controls.targetShare.value,
      "target-date": controls.targetDate.value,
      model: controls.model.value,
      confidence: controls.confidence.value,
    };
    await this.run(
      () => parseSourceRequest(controls.source.value),
      PORTFOLIO_MESSAGE,
      async (run, request) => (await run((context) => runForecast(context, request, (data, taken) => planPortfolioFromData(data, options, taken)))).messages,
      portfolioFailure,
    );
  }

  /** Puts what is selected in Excel in a Data field: the table it is in, or its address. */
  async useSelection(field: HTMLInputElement = this.view.forecast.source): Promise<void> {
    await this.run(
      () => null,
      null,
      async (run) => {
        const request = await run((context) => readSelection(context));
        field.value = requestText(request);
        return [`Data: ${requestText(request)}.`];
      },
      forecastFailure,
    );
  }

  /**
   * Checks this Excel (see excelCheck.ts) and shows the report: a line per check in the Check
   * tab, marked as working or not, and its first sentence in the status line, a success when
   * everything works, else an error.
   */
  async checkExcel(): Promise<void> {
    const runner = this.checkRunner();
    await this.run(
      // `run` refuses first while another action runs and outside Excel; in Excel, Office describes itself.
      () => runner?.office ?? UNKNOWN_OFFICE,
      CHECKING_MESSAGE,
      async (run, office) => {
        // Cleared only once the check runs: a click while another action runs leaves the last report.
        showCheckReport(this.view.checkReport, []);
        const report = checkReport(await checkThisExcel(run, office));
        showCheckReport(this.view.checkReport, report.lines);
        if (!report.ok) throw new CheckFailed(report);
        return [report.summary];
      },
      (error) => (error instanceof CheckFailed ? [error.report.summary] : [failureMessage("run the check", error)]),
      runner?.run,
    );
  }

  /** How the check reaches Excel: as every action does, or, in an Excel too old for them, on its own; null outside Excel. */
  private checkRunner(): { readonly run: ExcelBatch; readonly office: OfficeFacts } | null {
    const host = this.host;
    if (host === null) return null;
    if (host.run !== null) return { run: host.run, office: host.office ?? UNKNOWN_OFFICE };
    return host.check ?? null;
  }

  /**
   * After the first action that wrote to this workbook: has the add-in load whenever the
   * workbook opens, so that the formulas it wrote calculate without the pane (see startup.ts).
   * Not awaited: the action's result is shown at once, and a refusal changes nothing for it.
   */
  private loadWithDocument(): void {
    const host = this.host;
    if (this.loadsWithDocument || host === null || host.run === null) return;
    this.loadsWithDocument = true;
    void host.loadWithDocument?.();
  }

  /**
   * Runs one action: refuses while another runs, outside Excel (or an Excel without what the
   * action needs), or when `prepare` finds a problem with what the action is to do (saying why);
   * else shows progress with the buttons unavailable, runs the action on what `prepare` gave,
   * then shows the action's sentences or what went wrong. `batch` runs the action's batches
   * where not the host's own (the check, in an Excel too old for the other actions).
   */
  private async run<T>(
    prepare: () => T | Refusal,
    progress: string | null,
    action: (run: ExcelBatch, prepared: T) => Promise<readonly string[]>,
    failure: (error: unknown) => readonly string[],
    batch?: ExcelBatch,
  ): Promise<void> {
    if (this.busy) return;
    const host = this.host;
    if (host === null) {
      showStatus(this.view.status, "info", [CONNECTING_MESSAGE]);
      return;
    }
    let runBatch: ExcelBatch;
    if (batch) runBatch = batch;
    else if (host.run === null) {
      showStatus(this.view.status, "info", [host.notice]);
      return;
    } else runBatch = host.run;
    const prepared = prepare();
    if (isRefusal(prepared)) {
      showStatus(this.view.status, "info", [prepared.problem]);
      return;
    }
    this.busy = true;
    this.refreshButtons();
    if (progress !== null) showStatus(this.view.status, "progress", [progress]);
    try {
      showStatus(this.view.status, "success", await action(runBatch, prepared));
    } catch (error) {
      showStatus(this.view.status, "error", failure(error));
    } finally {
      this.busy = false;
      this.refreshButtons();
    }
  }
}
