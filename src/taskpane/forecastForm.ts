/**
 * The forecast form of the task pane as the option reader takes it: each field's text, and
 * each option named as its field is labelled, so that a message points at the field to change
 * ("Known market size 120 is less than the largest count…").
 */
import type { ForecastOptionName, ForecastOptionsInput } from "../workbook/sheets";
import type { ForecastControls } from "./view";

/** How the pane labels each option, for messages (it offers no launch: Bass with dates is refused there). */
const FIELD_LABELS: Readonly<Record<Exclude<ForecastOptionName, "launch">, string>> = {
  model: "Model",
  market: "Known market size",
  target: "Target count",
  by: "Reach it by",
  horizon: "Horizon",
  unit: "Period",
  confidence: "Confidence of the bounds",
};

/** The label of an option's field. */
export function fieldLabel(option: ForecastOptionName): string {
  return option === "launch" ? "Launch" : FIELD_LABELS[option];
}

/** The options as the fields hold them (an empty field takes the option's default). */
export function formOptions(controls: ForecastControls): ForecastOptionsInput {
  return {
    model: controls.model.value,
    market: controls.market.value,
    target: controls.target.value,
    by: controls.by.value,
    horizon: controls.horizon.value,
    unit: controls.unit.value,
    confidence: controls.confidence.value,
  };
}
