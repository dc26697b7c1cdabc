/**
 * Removes what an action added when Excel refuses one of its writes part-way.
 *
 * Excel runs a batch in order and stops at the first request it refuses, keeping everything
 * before it: a protected workbook, a limit or a lost connection can leave new sheets half
 * written. Those sheets and the workbook-scoped names on them are the action's own (each name
 * was free when the action read the workbook), so they can be removed without touching
 * anything of the user's; the tables, charts and sheet-scoped names on a sheet go with it.
 *
 * The removal costs one round trip. It deletes, by name, each sheet and name in the order the
 * batch added them. Because the batch stopped at its first refusal, what it added is a first
 * part of that order; so the removal deletes everything that exists and, at the first thing
 * that was never added, Excel stops it with ItemNotFound, which here means "done".
 *
 * When Excel refused a write because a name was already taken (ItemAlreadyExists), something
 * else took one of the action's names after the action read them, and a sheet or name of that
 * name may not be the action's: then nothing is removed, and the user is told what to check.
 */

/** What one action adds to the workbook that must go if the action fails: its sheets and workbook-scoped names, in the order its batch adds them. */
export class AddedItems {
  private readonly order: { readonly kind: "sheet" | "name"; readonly name: string }[] = [];

  /** Records a sheet the batch adds (in the order of the batch). */
  sheet(name: string): void {
    this.order.push({ kind: "sheet", name });
  }

  /** Records a workbook-scoped defined name the batch adds. */
  name(name: string): void {
    this.order.push({ kind: "name", name });
  }

  get sheets(): string[] {
    return this.order.filter((item) => item.kind === "sheet").map((item) => item.name);
  }

  get names(): string[] {
    return this.order.filter((item) => item.kind === "name").map((item) => item.name);
  }

  /** Queues the deletion of every recorded item, in the order they were added. */
  queueRemoval(context: Excel.RequestContext): void {
    for (const { kind, name } of this.order) {
      if (kind === "sheet") context.workbook.worksheets.getItem(name).delete();
      else context.workbook.names.getItem(name).delete();
    }
  }
}

/** What became of the items an action had added when Excel refused one of its writes. */
export type Removal = "removed" | "not-removed" | "name-taken";

/** Excel refused a write of an action part-way; `removal` says what became of what it had added. */
export class ActionRefusedError extends Error {
  constructor(
    readonly refusal: unknown,
    readonly removal: Removal,
    readonly added: { readonly sheets: readonly string[]; readonly names: readonly string[] },
  ) {
    super(refusal instanceof Error ? refusal.message : String(refusal));
    this.name = "ActionRefusedError";
  }
}

/** The Office.js error code of a refusal ("ItemNotFound", "AccessDenied", …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Sends the queued writes of an action (one round trip). If Excel refuses one, removes the
 * sheets and names `added` records (one more round trip, see above) and throws an
 * `ActionRefusedError` carrying Excel's refusal and what became of them.
 */
export async function syncOrRemoveAdded(context: Excel.RequestContext, added: AddedItems): Promise<void> {
  try {
    await context.sync();
  } catch (refusal) {
    throw new ActionRefusedError(refusal, await removeAdded(context, added, refusal), { sheets: added.sheets, names: added.names });
  }
}

async function removeAdded(context: Excel.RequestContext, added: AddedItems, refusal: unknown): Promise<Removal> {
  if (errorCode(refusal) === "ItemAlreadyExists") return "name-taken";
  added.queueRemoval(context);
  try {
    await context.sync();
    return "removed";
  } catch (error) {
    // The first item the refused batch never added: everything before it is gone.
    return errorCode(error) === "ItemNotFound" ? "removed" : "not-removed";
  }
}
