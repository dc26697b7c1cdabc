import { expect } from "vitest";
import { SeriesError, type SeriesProblem } from "../../src/data/seriesProblems";

/** The problems a read throws, failing the test if it does not throw a `SeriesError`. */
export function problemsOf(read: () => unknown): readonly SeriesProblem[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SeriesError);
    return (error as SeriesError).problems;
  }
  throw new Error("expected the read to fail");
}
