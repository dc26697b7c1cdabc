/**
 * The inputs: the incentive scheme as the article states it (yellow, each with its quote once),
 * then the example PCT and its later target, the model to fit and the run-rate scenarios
 * (orange: assumptions to replace with the PCT's own).
 */
import { NUMBER_FORMATS } from "../../plan";
import type { ModelContext } from "./context";
import { SCHEME } from "./example";
import { type LineItem, writeBlockTitle, writeLineItems, writeSubheading } from "./lineItems";
import { MODEL_FORMATS } from "./modelFormats";

/** The models the fit offers, in the order COMPARE lists them after "auto". */
const MODEL_CHOICES = ["auto", "bass", "logistic", "gompertz"] as const;

/** Writes the inputs block. */
export function writeInputs(context: ModelContext): void {
  const { builder, example } = context;
  writeBlockTitle(builder, "Inputs", ["Value", "Unit", "Source and note"]);
  writeSubheading(builder, "The incentive scheme, from the article (yellow)");
  const scheme: LineItem[] = [
    {
      name: "Threshold",
      label: "Threshold: share of the PCT's GPs to register",
      unit: "%",
      kind: "article",
      format: NUMBER_FORMATS.percent,
      value: SCHEME.threshold.value,
      note: `"${SCHEME.threshold.quote}"`,
    },
    {
      name: "PaymentPerPractice",
      label: "Capital payment per practice",
      unit: "£",
      kind: "article",
      format: NUMBER_FORMATS.money,
      value: SCHEME.payment.value,
      note: "£6,000 per practice: the same sentence, above.",
    },
    {
      name: "Deadline",
      label: "Deadline: the threshold is met by this date",
      unit: "date",
      kind: "article",
      format: NUMBER_FORMATS.date,
      value: SCHEME.deadline.value,
      note: "\"By the end of June\" (the same sentence), taken as 30 Jun 2005.",
    },
  ];
  writeLineItems(builder, scheme);
  writeSubheading(builder, "Your PCT, its later target and the projection: assumptions to replace (orange)");
  const assumptions: LineItem[] = [
    { name: "PCTPractices", label: "Practices in the PCT", unit: "practices", kind: "assumption", format: NUMBER_FORMATS.count, value: example.practices, note: "An example PCT: enter your own." },
    { name: "PCTGPs", label: "GPs in the PCT", unit: "GPs", kind: "assumption", format: NUMBER_FORMATS.count, value: example.gps, note: "The market the fit is held at." },
    { name: "TargetShare", label: "Later target: share of the PCT's GPs to register", unit: "%", kind: "assumption", format: NUMBER_FORMATS.percent, value: example.targetShare },
    { name: "TargetDate", label: "Date to reach the later target by", unit: "date", kind: "assumption", format: NUMBER_FORMATS.date, value: example.targetDate },
    {
      name: "Model",
      label: "Curve fitted to the history",
      unit: "text",
      kind: "assumption",
      value: example.model,
      note: "auto (the best of the three by AICc), bass, logistic or gompertz; the market is held at PCTGPs.",
    },
    { name: "Confidence", label: "Confidence of the projection's bounds", unit: "%", kind: "assumption", format: NUMBER_FORMATS.percent, value: example.confidence, note: "The chance the count lies between the lower and upper bounds." },
    { name: "RunRateA", label: "Scenario A: GPs registered a month from now on", unit: "GPs a month", kind: "assumption", format: MODEL_FORMATS.perMonth, value: example.runRates[0] },
    { name: "RunRateB", label: "Scenario B: GPs registered a month from now on", unit: "GPs a month", kind: "assumption", format: MODEL_FORMATS.perMonth, value: example.runRates[1] },
  ];
  writeLineItems(builder, assumptions);
  builder.list(builder.addressOf("Model"), MODEL_CHOICES, "Pick the curve to fit: auto, bass, logistic or gompertz.");
}
