/**
 * What the task pane does: keeps the selection, runs the two actions (insert the selected
 * datasets, build the model) against Excel in one batch each, and says in the status line what
 * is happening, what was created where, or what went wrong and what to do.
 */
import type { Dataset } from "../data";
import { planDatasets } from "../workbook/datasetPlan";
import { planModel } from "../workbook/modelPlan";
import type { WorkbookPlan, TakenNames } from "../workbook/plan";
import { BUILDING_MESSAGE, CONNECTING_MESSAGE, NOTHING_SELECTED_MESSAGE, failureMessage, insertingMessage } from "./display";
import { runPlan } from "./excelWriter";
import { type PaneView, setAvailable, showNotice, showStatus } from "./view";

/** Runs a batch of Office.js requests, as `Excel.run` does. */
export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Where the pane runs: in Excel (with a way to run batches), or not, with a notice why. */
export type Host = { readonly run: ExcelBatch; readonly notice: null } | { readonly run: null; readonly notice: string };

/**
 * Wires the pane's controls to the two actions, keeps the selection count and the
 * availability of the buttons current, and runs one action at a time.
 */
export class PaneController {
  private host: Host | null = null;
  private busy = false;

  constructor(private readonly view: PaneView) {
    view.selectAll.addEventListener("change", () => this.selectAll(view.selectAll.checked));
    for (const { box } of view.datasetBoxes) box.addEventListener("change", () => this.showSelection());
    view.insertButton.addEventListener("click", () => void this.insertSelected());
    view.buildButton.addEventListener("click", () => void this.buildModel());
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
    setAvailable(this.view.insertButton, ready);
    setAvailable(this.view.buildButton, ready);
    this.view.body.setAttribute("aria-busy", String(this.busy));
  }

  /** Inserts the ticked datasets, each in a new sheet, or asks for a selection if none is ticked. */
  async insertSelected(): Promise<void> {
    const datasets = this.selected();
    await this.run(
      () => (datasets.length === 0 ? NOTHING_SELECTED_MESSAGE : null),
      insertingMessage(datasets.length),
      "insert the datasets",
      (taken) => planDatasets(datasets, taken),
    );
  }

  /** Builds the model sheet, in the portable flavour (Excel's own functions) if the portable box is ticked, else `CRS.` functions. */
  async buildModel(): Promise<void> {
    const formulas = this.view.portable.checked ? "portable" : "crs";
    await this.run(() => null, BUILDING_MESSAGE, "build the model", (taken) => planModel(taken, { formulas }));
  }

  /**
   * Runs one action: refuses while another runs or outside Excel (saying why), shows progress
   * with the buttons unavailable, then shows the plan's messages or the failure.
   */
  private async run(
    refusal: () => string | null,
    progress: string,
    what: string,
    makePlan: (taken: TakenNames) => WorkbookPlan,
  ): Promise<void> {
    if (this.busy) return;
    const host = this.host;
    if (host === null) {
      showStatus(this.view.status, "info", [CONNECTING_MESSAGE]);
      return;
    }
    if (host.run === null) {
      showStatus(this.view.status, "info", [host.notice]);
      return;
    }
    const run = host.run;
    const refused = refusal();
    if (refused) {
      showStatus(this.view.status, "info", [refused]);
      return;
    }
    this.busy = true;
    this.refreshButtons();
    showStatus(this.view.status, "progress", [progress]);
    try {
      const plan = await run((context) => runPlan(context, makePlan));
      showStatus(this.view.status, "success", plan.messages);
    } catch (error) {
      showStatus(this.view.status, "error", [failureMessage(what, error)]);
    } finally {
      this.busy = false;
      this.refreshButtons();
    }
  }
}
