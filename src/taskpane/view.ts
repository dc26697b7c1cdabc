/**
 * The task pane's page, built with createElement and textContent only (never innerHTML): the
 * header, four tabs (the article's datasets with their figures and quotes, the PCT model,
 * "Forecast from your data" with its options, and "Check this Excel"), each with its action always in view below it,
 * and the status line. The view shows; the controller in `controller.ts` decides.
 */
import type { Dataset, DatasetRow, Source } from "../data";
import { FORECAST_DEFAULTS } from "../workbook/sheets";
import { basisLabel, formatValue, isNumeric, rowCount } from "./display";
import { type Tabs, createTabs } from "./tabs";
import { field, h, panel, select, textInput } from "./elements";
import { fieldLabel } from "./forecastForm";
import { type PortfolioControls, portfolioPanel } from "./portfolioPanel";

export type { PortfolioControls };

/** The controls of "Forecast from your data": where the counts are, the options, the action. */
export interface ForecastControls {
  readonly form: HTMLFormElement;
  /** An address or a table name; empty for the selection. */
  readonly source: HTMLInputElement;
  readonly useSelection: HTMLButtonElement;
  readonly model: HTMLSelectElement;
  /** For Bass with dates: the launch it counts time from; empty for the first count's date. */
  readonly launch: HTMLInputElement;
  readonly market: HTMLInputElement;
  readonly target: HTMLInputElement;
  readonly by: HTMLInputElement;
  readonly horizon: HTMLInputElement;
  readonly unit: HTMLSelectElement;
  readonly confidence: HTMLInputElement;
  readonly button: HTMLButtonElement;
}

/** The controls and regions the controller works with. */
export interface PaneView {
  readonly tabs: Tabs;
  readonly selectAll: HTMLInputElement;
  readonly datasetBoxes: readonly { readonly dataset: Dataset; readonly box: HTMLInputElement }[];
  readonly selectionCount: HTMLElement;
  readonly insertButton: HTMLButtonElement;
  readonly portable: HTMLInputElement;
  readonly buildButton: HTMLButtonElement;
  readonly forecast: ForecastControls;
  readonly portfolio: PortfolioControls;
  readonly checkButton: HTMLButtonElement;
  /** The list "Check this Excel" reports in, a line per check. */
  readonly checkReport: HTMLElement;
  readonly notice: HTMLElement;
  readonly status: HTMLElement;
  /** The main region, marked busy while an action runs. */
  readonly body: HTMLElement;
}

const DATASET_ID_PREFIX = "dataset-";

function header(source: Source): HTMLElement {
  const published = formatValue(source.published, "date");
  return h(
    "header",
    { class: "pane-header" },
    h("h1", { class: "pane-title" }, "CRS Adoption Modeller"),
    h(
      "p",
      { class: "pane-subtitle" },
      `Adoption of the NHS Care Records Service, from ${source.publisher}, “${source.title}”, ${published}.`,
    ),
  );
}

/** A dataset's rows as a small table, each value formatted as the sheet formats it. */
function figuresTable(dataset: Dataset): HTMLTableElement {
  const head = h(
    "tr",
    {},
    ...dataset.columns.map((column) =>
      h("th", { scope: "col", class: isNumeric(column.kind) ? "num" : "" }, column.header),
    ),
  );
  const rows = dataset.rows.map((row) =>
    h(
      "tr",
      {},
      ...dataset.columns.map((column) => {
        const value = row.values[column.key];
        const classes = [isNumeric(column.kind) ? "num" : "", value === null ? "missing" : ""].filter(Boolean);
        return h("td", classes.length > 0 ? { class: classes.join(" ") } : {}, formatValue(value, column.kind));
      }),
    ),
  );
  return h(
    "table",
    { class: "figures" },
    h("caption", { class: "visually-hidden" }, `Figures of ${dataset.title}`),
    h("thead", {}, head),
    h("tbody", {}, ...rows),
  );
}

/** The label of a row in its quote list: its first value as the sheet shows it. */
function rowLabel(dataset: Dataset, row: DatasetRow): string {
  const column = dataset.columns[0];
  return formatValue(row.values[column.key], column.kind);
}

/** Rows that share the same quote, date and basis are listed under one quote. */
function quoteGroups(dataset: Dataset): { rows: DatasetRow[]; first: DatasetRow }[] {
  const groups: { rows: DatasetRow[]; first: DatasetRow; key: string }[] = [];
  for (const row of dataset.rows) {
    const p = row.provenance;
    const key = JSON.stringify([p.quote, p.asOfText, p.basis, p.note ?? ""]);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ rows: [row], first: row, key });
  }
  return groups;
}

function quotes(dataset: Dataset, id: string): HTMLDetailsElement {
  const groups = quoteGroups(dataset);
  const items = groups.map(({ rows, first }) => {
    const p = first.provenance;
    return h(
      "li",
      { class: "quote" },
      h("p", { class: "quote-rows" }, rows.map((row) => rowLabel(dataset, row)).join("; ")),
      h("blockquote", {}, `“${p.quote}”`),
      h("p", { class: "quote-meta" }, `As of ${p.asOfText} · ${basisLabel(first)}`),
      p.note ? h("p", { class: "quote-note" }, p.note) : null,
    );
  });
  return h(
    "details",
    { class: "quotes" },
    h(
      "summary",
      { id: `${id}-quotes` },
      "Quotes from the article",
      h("span", { class: "visually-hidden" }, ` for ${dataset.title}`),
    ),
    h("ul", {}, ...items),
  );
}

function datasetItem(dataset: Dataset): { item: HTMLLIElement; box: HTMLInputElement } {
  const id = `${DATASET_ID_PREFIX}${dataset.name}`;
  const box = h("input", {
    type: "checkbox",
    id,
    name: "dataset",
    value: dataset.name,
    "aria-describedby": `${id}-description ${id}-rows`,
  });
  const item = h(
    "li",
    { class: "dataset" },
    h(
      "div",
      { class: "dataset-head" },
      box,
      h("label", { for: id, class: "dataset-title" }, dataset.title),
      h("span", { class: "badge", id: `${id}-rows` }, rowCount(dataset.rows.length)),
    ),
    h("p", { class: "dataset-description", id: `${id}-description` }, dataset.description),
    figuresTable(dataset),
    quotes(dataset, id),
  );
  return { item, box };
}

function datasetsPanel(datasetItems: readonly { item: HTMLLIElement; box: HTMLInputElement }[]) {
  const boxIds = datasetItems.map(({ box }) => box.id).join(" ");
  const selectAll = h("input", { type: "checkbox", id: "select-all", "aria-controls": boxIds });
  const selectionCount = h("span", { class: "selection-count", id: "selection-count" });
  const insertButton = h(
    "button",
    { type: "button", id: "insert", class: "button primary", "aria-describedby": "selection-count host-notice" },
    "Insert selected",
  );
  const element = panel(
    "datasets",
    [
      h("h2", { id: "datasets-heading" }, "Datasets from the article"),
      h(
        "p",
        { class: "section-intro" },
        "Each dataset goes into a new sheet as a formatted Excel table, with the quote, date and basis of every figure beside it.",
      ),
      h("div", { class: "select-all" }, selectAll, h("label", { for: "select-all" }, "Select all"), selectionCount),
      h("ul", { class: "datasets", "aria-labelledby": "datasets-heading" }, ...datasetItems.map(({ item }) => item)),
    ],
    [insertButton],
  );
  return { element, selectAll, selectionCount, insertButton };
}

function modelPanel() {
  const portable = h("input", { type: "checkbox", id: "portable", "aria-describedby": "portable-help" });
  const buildButton = h(
    "button",
    { type: "button", id: "build", class: "button primary", "aria-describedby": "model-intro host-notice" },
    "Build model",
  );
  const element = panel(
    "model",
    [
      h("h2", {}, "PCT adoption model"),
      h(
        "p",
        { class: "section-intro", id: "model-intro" },
        "Adds two sheets from a PCT's monthly counts of GPs registered (the article's example, to replace with your own): the model, which says whether the incentive was paid, how likely the later target is by its date and by when it is as likely as not reached, how many GPs a month it takes, two run-rate scenarios, the Checks and a chart; and the monthly timeline the chart draws.",
      ),
      h("div", { class: "field check" }, portable, h("label", { for: "portable" }, "Use native Excel formulas (portable: works without the add-in)")),
      h("p", { class: "field-help", id: "portable-help" }, "Unticked, the fit is live =CRS. functions, which need this add-in wherever the workbook is opened. Ticked, the fit is written as values, which FitCurrent says are out of date once its inputs change."),
    ],
    [buildButton],
  );
  return { element, portable, buildButton };
}

function forecastPanel() {
  const source = textInput("forecast-source", { placeholder: "The selection" });
  const useSelection = h("button", { type: "button", id: "use-selection", class: "button" }, "Use the selection");
  const model = select("forecast-model", [
    ["auto", "Auto: the best of the three"],
    ["bass", "Bass"],
    ["logistic", "Logistic"],
    ["gompertz", "Gompertz"],
  ]);
  const launch = textInput("forecast-launch", { placeholder: "The first count's date" });
  const market = textInput("forecast-market", { inputmode: "decimal", placeholder: "Fitted" });
  const target = textInput("forecast-target", { inputmode: "decimal" });
  const by = textInput("forecast-by", { placeholder: "30/06/2005" });
  const horizon = h("input", { type: "number", id: "forecast-horizon", class: "input", min: "1", max: "600", step: "1", value: String(FORECAST_DEFAULTS.horizon) });
  const unit = select("forecast-unit", [
    ["", "Automatic"],
    ["day", "Days"],
    ["week", "Weeks"],
    ["month", "Months"],
    ["quarter", "Quarters"],
    ["year", "Years"],
    ["period", "Periods (times as numbers)"],
  ]);
  const confidence = textInput("forecast-confidence", { inputmode: "decimal", value: `${FORECAST_DEFAULTS.confidence * 100}%` });
  const button = h("button", { type: "submit", id: "forecast", class: "button primary", form: "forecast-form", "aria-describedby": "forecast-intro host-notice" }, "Forecast");
  const form = h(
    "form",
    { id: "forecast-form", class: "form", novalidate: "", "aria-labelledby": "forecast-heading" },
    field(source, "Data: dates or times, then cumulative counts", "A range such as Sheet1!A1:B40, or a table's name; empty: the selection. A header row is optional.", useSelection),
    h(
      "fieldset",
      { class: "options" },
      h("legend", {}, "Options"),
      field(model, fieldLabel("model"), null),
      field(launch, fieldLabel("launch"), "For Bass with dates only: the date it counts time from, on or before the first count; empty: the first count's date."),
      field(market, fieldLabel("market"), "All who can adopt, such as the PCT's 150 GPs; empty: fitted."),
      h(
        "div",
        { class: "field-pair" },
        field(target, fieldLabel("target"), null),
        field(by, fieldLabel("by"), null),
      ),
      h("p", { class: "field-help", id: "target-help" }, "Give both or neither: a date, or a time if your times are numbers."),
      h("div", { class: "field-pair" }, field(horizon, fieldLabel("horizon"), null), field(unit, fieldLabel("unit"), null)),
      h("p", { class: "field-help", id: "horizon-help" }, "How many periods to forecast past the last count; automatic: months for dates, the times' own steps for numbers."),
      field(confidence, fieldLabel("confidence"), "Between 0 and 1, or a percentage."),
    ),
  );
  target.setAttribute("aria-describedby", "target-help");
  by.setAttribute("aria-describedby", "target-help");
  horizon.setAttribute("aria-describedby", "horizon-help");
  unit.setAttribute("aria-describedby", "horizon-help");
  const element = panel(
    "forecast",
    [
      h("h2", { id: "forecast-heading" }, "Forecast from your data"),
      h(
        "p",
        { class: "section-intro", id: "forecast-intro" },
        "Adds a forecast sheet from your own counts: by when a target is as likely as not reached and the chance of reaching it by a date, the three curves compared, the fit, a forecast with bounds and a chart, in live =CRS. formulas linked to your data.",
      ),
      form,
    ],
    [button],
  );
  return { element, controls: { form, source, useSelection, model, launch, market, target, by, horizon, unit, confidence, button } };
}

function checkPanel() {
  const checkButton = h("button", { type: "button", id: "check", class: "button primary", "aria-describedby": "check-intro host-notice" }, "Check this Excel");
  // Focusable, so that a report longer than the tab can be scrolled by keyboard.
  const checkReport = h("ul", { class: "check-report", id: "check-report", "aria-labelledby": "check-heading", tabindex: "0", hidden: "" });
  const element = panel(
    "check",
    [
      h("h2", { id: "check-heading" }, "Check this Excel"),
      h(
        "p",
        { class: "section-intro", id: "check-intro" },
        "Says whether this Excel has what the add-in needs: its version, the features the add-in uses, the workbook's date system, and a short run of the CRS. functions in a scratch sheet, removed again at once. Run it first on each computer, and when something does not work.",
      ),
      checkReport,
    ],
    [checkButton],
  );
  return { element, checkButton, checkReport };
}

/** Builds the whole pane inside `root`, replacing what it held. */
export function renderPane(root: HTMLElement, datasets: readonly Dataset[], source: Source): PaneView {
  const datasetItems = datasets.map(datasetItem);
  const notice = h("div", { class: "notice", id: "host-notice", role: "note", hidden: "" });
  const datasetsSection = datasetsPanel(datasetItems);
  const modelSection = modelPanel();
  const forecastSection = forecastPanel();
  const portfolioSection = portfolioPanel();
  const checkSection = checkPanel();
  const tabs = createTabs("Sections", [
    { id: "datasets", label: "Datasets", panel: datasetsSection.element },
    { id: "model", label: "PCT model", panel: modelSection.element },
    { id: "forecast", label: "Forecast", panel: forecastSection.element },
    { id: "portfolio", label: "Portfolio", panel: portfolioSection.element },
    { id: "check", label: "Check", panel: checkSection.element },
  ]);

  const status = h("div", { class: "status", id: "status", role: "status", "aria-live": "polite" });

  const body = h("main", { class: "pane-body" }, notice, tabs.tablist, datasetsSection.element, modelSection.element, forecastSection.element, portfolioSection.element, checkSection.element);
  root.replaceChildren(header(source), body, h("footer", { class: "pane-footer" }, status));
  return {
    tabs,
    selectAll: datasetsSection.selectAll,
    datasetBoxes: datasetItems.map(({ box }, index) => ({ dataset: datasets[index], box })),
    selectionCount: datasetsSection.selectionCount,
    insertButton: datasetsSection.insertButton,
    portable: modelSection.portable,
    buildButton: modelSection.buildButton,
    forecast: forecastSection.controls,
    portfolio: portfolioSection.controls,
    checkButton: checkSection.checkButton,
    checkReport: checkSection.checkReport,
    notice,
    status,
    body,
  };
}

/** The kind of a status line, which sets its look: a note, work under way, done, or failed. */
export type StatusKind = "info" | "progress" | "success" | "error";

/** Shows sentences in the status line (one paragraph each); screen readers hear them politely. */
export function showStatus(status: HTMLElement, kind: StatusKind, sentences: readonly string[]): void {
  status.className = `status status-${kind}`;
  status.replaceChildren(...sentences.map((sentence) => h("p", {}, sentence)));
}

/**
 * Shows the lines of "Check this Excel", each marked as working (✓) or not (✗), the mark said
 * in words to screen readers; no lines hides the list.
 */
export function showCheckReport(list: HTMLElement, lines: readonly { readonly ok: boolean; readonly text: string }[]): void {
  list.replaceChildren(
    ...lines.map(({ ok, text }) =>
      h(
        "li",
        { class: ok ? "check-ok" : "check-fail" },
        h("span", { class: "check-mark", "aria-hidden": "true" }, ok ? "✓" : "✗"),
        h("span", { class: "visually-hidden" }, ok ? "Works: " : "Does not work: "),
        text,
      ),
    ),
  );
  list.hidden = lines.length === 0;
}

/** Shows the notice above the datasets, or hides it when there is nothing to say. */
export function showNotice(notice: HTMLElement, text: string | null): void {
  notice.textContent = text ?? "";
  notice.hidden = text === null;
}

/** Makes a button unavailable without taking it out of the tab order, so focus is never lost. */
export function setAvailable(button: HTMLButtonElement, available: boolean): void {
  if (available) button.removeAttribute("aria-disabled");
  else button.setAttribute("aria-disabled", "true");
}
