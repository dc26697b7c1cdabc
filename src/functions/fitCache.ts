/**
 * A small least-recently-used cache of fits. Excel calls a custom function once per cell, and a
 * sheet often has a column of FORECAST or CHANCE cells over the same data: with the cache the
 * data are fitted once, not once per cell. Keys are built from every input of a fit (the model,
 * the market size, the times and the values, each number written exactly), so a changed cell
 * gives a new key and a fresh fit. A failure is kept too, so a column of cells over bad data
 * explains itself without refitting.
 */
/**
 * How many fits the functions keep: a workbook of 300 series (England had 303 PCTs), each with
 * up to four fits (the three models and "auto"), so that one recalculation fits each series
 * once whatever order Excel calculates its cells in; Excel may go down a column of one function
 * over every series before the next column, where a smaller cache would have evicted the first
 * series' fit by the time the next column needs it. A fit of a few dozen points is a few
 * kilobytes (`npm run bench` prints the heap a full cache takes).
 */
export const FIT_CACHE_CAPACITY = 300 * 4;

export class FitCache<T> {
  private readonly entries = new Map<string, { value: T } | { error: unknown }>();

  constructor(private readonly capacity: number) {}

  /** The cached result of `key`, or `compute()`'s (value or thrown error), cached. */
  get(key: string, compute: () => T): T {
    let entry = this.entries.get(key);
    if (entry) {
      // Move to the most recent end of the Map's insertion order.
      this.entries.delete(key);
    } else {
      try {
        entry = { value: compute() };
      } catch (error) {
        entry = { error };
      }
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    if ("error" in entry) throw entry.error;
    return entry.value;
  }

  /** The number of fits held. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * The cache key of a fit's inputs. Numbers are written with JavaScript's shortest round-trip
 * form, so two keys are equal exactly when every input is.
 *
 * @example fitKey("logistic", 150, [1, 2], [10, 20]) // "logistic|150|1,2|10,20"
 */
export function fitKey(model: string, market: number | undefined, times: readonly number[], values: readonly number[]): string {
  return `${model}|${market ?? ""}|${times.join(",")}|${values.join(",")}`;
}
