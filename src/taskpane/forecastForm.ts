/**
 * The forecast form of the task pane as the option reader takes it: each field's text, and
 * each option named as its field is labelled, so that a message points at the field to change
 * ("Known market size 120 is less than the largest count…").
 */
import type { ForecastOptionName, ForecastOptionsInput } from "../workbook/sheets";

/** The fields of the form the options are read from, one an option (the view's controls): each with the text it holds. */
export type FormFields = { readonly [K in ForecastOptionName]: { readonly value: string } };

/** How the pane labels each option, for messages. */
const FIELD_LABELS: Readonly<Record<ForecastOptionName, string>> = {
  model: "Model",
  launch: "Launch",
  market: "Known market size",
  target: "Target count",
  by: "Reach it by",
  horizon: "Horizon",
  unit: "Period",
  confidence: "Confidence of the bounds",
};

/** The label of an option's field. */
export function fieldLabel(option: ForecastOptionName): string {
  return FIELD_LABELS[option];
}

/**
 * The options as the fields hold them (an empty field takes the option's default). The launch is
 * passed even empty, which is the first count's date: so Bass takes dates, as the command does.
 */
export function formOptions(controls: FormFields): ForecastOptionsInput {
  return {
    model: controls.model.value,
    launch: controls.launch.value,
    market: controls.market.value,
    target: controls.target.value,
    by: controls.by.value,
    horizon: controls.horizon.value,
    unit: controls.unit.value,
    confidence: controls.confidence.value,
  };
}
