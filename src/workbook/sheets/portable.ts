/**
 * The portable workbook: the model and every dataset of the article, with native Excel
 * formulas, so that it opens and recalculates in Excel or LibreOffice without the add-in.
 */
import { DATASETS } from "../../data";
import { planDatasets } from "./datasets";
import { planModel } from "./pctModel";
import { NO_TAKEN_NAMES, takenAfter } from "../plan";
import type { WorkbookPlan } from "../plan";

/**
 * Plans the model (portable formulas) and then every dataset for a new, empty workbook. The
 * datasets take only names the model left free, so the two plans apply as one.
 */
export function planPortableWorkbook(): WorkbookPlan {
  const model = planModel(NO_TAKEN_NAMES, { formulas: "portable" });
  return combinePlans(model, planDatasets(DATASETS, takenAfter(NO_TAKEN_NAMES, model)));
}

/** Two plans as one: the first's sheets, names and messages, then the second's; the first's sheet shown. */
export function combinePlans(first: WorkbookPlan, second: WorkbookPlan): WorkbookPlan {
  return {
    sheets: [...first.sheets, ...second.sheets],
    names: [...first.names, ...second.names],
    activate: first.activate ?? second.activate,
    messages: [...first.messages, ...second.messages],
  };
}
