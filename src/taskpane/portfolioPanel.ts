/**
 * The Portfolio tab: where the long-form table of many PCTs' counts is, the incentive scheme and
 * the later target, the curve and the confidence, and the action.
 */
import { field, h, panel, select, textInput } from "./elements";

/** The controls of "Portfolio": where the long-form table is, the scheme and target, the action. */
export interface PortfolioControls {
  readonly form: HTMLFormElement;
  /** An address or a table name; empty for the selection. */
  readonly source: HTMLInputElement;
  readonly useSelection: HTMLButtonElement;
  readonly threshold: HTMLInputElement;
  readonly payment: HTMLInputElement;
  readonly deadline: HTMLInputElement;
  readonly targetShare: HTMLInputElement;
  readonly targetDate: HTMLInputElement;
  readonly model: HTMLSelectElement;
  readonly confidence: HTMLInputElement;
  readonly button: HTMLButtonElement;
}

/** The Portfolio tab's panel and its controls, the fields prefilled with the PCT model's defaults. */
export function portfolioPanel(): { element: HTMLElement; controls: PortfolioControls } {
  const source = textInput("portfolio-source", { placeholder: "The selection" });
  const useSelection = h("button", { type: "button", id: "portfolio-use-selection", class: "button" }, "Use the selection");
  const threshold = textInput("portfolio-threshold", { inputmode: "decimal", value: "30%" });
  const payment = textInput("portfolio-payment", { inputmode: "decimal", value: "£6,000" });
  const deadline = textInput("portfolio-deadline", { value: "30/06/2005" });
  const targetShare = textInput("portfolio-target-share", { inputmode: "decimal", value: "80%" });
  const targetDate = textInput("portfolio-target-date", { value: "31/03/2006" });
  const model = select("portfolio-model", [
    ["logistic", "Logistic"],
    ["gompertz", "Gompertz"],
    ["auto", "Auto: the one the counts favour"],
  ]);
  const confidence = textInput("portfolio-confidence", { inputmode: "decimal", value: "80%" });
  const button = h("button", { type: "submit", id: "portfolio", class: "button primary", form: "portfolio-form", "aria-describedby": "portfolio-intro host-notice" }, "Portfolio");
  const form = h(
    "form",
    { id: "portfolio-form", class: "form", novalidate: "", "aria-labelledby": "portfolio-heading" },
    field(source, "Data: a row per PCT and count date", "Columns pct, date, registered, gps and practices, in any order, under a header row; a range such as Sheet1!A1:E400, or a table's name; empty: the selection.", useSelection),
    h(
      "fieldset",
      { class: "options" },
      h("legend", {}, "The incentive and the later target"),
      h("div", { class: "field-pair" }, field(threshold, "Threshold", null), field(payment, "Payment per practice", null)),
      field(deadline, "Deadline", null),
      h("div", { class: "field-pair" }, field(targetShare, "Later target", null), field(targetDate, "Reach it by", null)),
      h("p", { class: "field-help", id: "portfolio-target-help" }, "A share of each PCT's GPs, and the date to reach it by."),
      h("div", { class: "field-pair" }, field(model, "Curve", null), field(confidence, "Confidence", null)),
    ),
  );
  targetShare.setAttribute("aria-describedby", "portfolio-target-help");
  targetDate.setAttribute("aria-describedby", "portfolio-target-help");
  const element = panel(
    "portfolio",
    [
      h("h2", { id: "portfolio-heading" }, "Many PCTs at once"),
      h(
        "p",
        { class: "section-intro", id: "portfolio-intro" },
        "Adds a portfolio sheet: which PCTs were paid, which are likely to miss the later target and what the incentive cost, with the PCTs' curves fitted together so that those with a few counts borrow the others' pattern.",
      ),
      form,
    ],
    [button],
  );
  return { element, controls: { form, source, useSelection, threshold, payment, deadline, targetShare, targetDate, model, confidence, button } };
}
