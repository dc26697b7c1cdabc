/**
 * What the benchmarks that call the functions' source need: a stand-in for Excel's
 * `CustomFunctions` global (which the functions' error helpers read) and the median of timings.
 */

/** Installs a stand-in for Excel's `CustomFunctions` global, unless one is there. */
export function standInRuntime(): void {
  const global = globalThis as unknown as { CustomFunctions?: unknown };
  if (global.CustomFunctions) return;
  class ExcelError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? "");
    }
  }
  global.CustomFunctions = { Error: ExcelError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" } };
}

/** The median of samples (the upper one of an even count). */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
