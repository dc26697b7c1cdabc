/**
 * Loading with the workbook. The custom functions run in the pane's runtime (a shared runtime),
 * which Excel starts when the pane opens: a saved workbook with `CRS.` formulas, opened again
 * without the pane, can sit at #BUSY! or #NAME? until the user opens it. So once an action has
 * written to a workbook, the pane asks Office to load the add-in (without showing the pane)
 * whenever that workbook opens: `Office.addin.setStartupBehavior(Office.StartupBehavior.load)`,
 * of SharedRuntime 1.1. The setting belongs to the document; other workbooks are untouched.
 *
 * Only the string value of the Office.js enum is used ("Load"), so this runs on a mock Office.
 */

/** What of Office.js this needs: the requirement check and `Office.addin`, which an older Office lacks. */
export interface OfficeStartupApi {
  readonly context: { readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
  readonly addin?: { setStartupBehavior?(behavior: Office.StartupBehavior): Promise<void> };
}

/** What came of asking: set, not supported by this Office (nothing asked), or refused by it. */
export type StartupOutcome = "set" | "unsupported" | "failed";

/**
 * Asks Office to load the add-in with this document from now on, where it can (SharedRuntime
 * 1.1 and `Office.addin.setStartupBehavior` present); never throws, as the action it follows
 * has already succeeded.
 *
 * @example await loadWithDocument(Office) // "set"
 */
export async function loadWithDocument(office: OfficeStartupApi): Promise<StartupOutcome> {
  try {
    const setStartupBehavior = office.addin?.setStartupBehavior;
    if (typeof setStartupBehavior !== "function" || !office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return "unsupported";
    await setStartupBehavior.call(office.addin, "Load" as Office.StartupBehavior);
    return "set";
  } catch {
    return "failed";
  }
}
