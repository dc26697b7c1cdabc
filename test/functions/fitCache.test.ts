import "./standIn";
import { describe, expect, it } from "vitest";
import { FIT_CACHE_CAPACITY, FitCache, fitKey } from "../../src/functions/fitCache";

describe("FitCache", () => {
  it("computes a key once, and again only after it has been evicted as the least recently used", () => {
    const cache = new FitCache<number>(2);
    let computed = 0;
    const compute = (value: number) => () => {
      computed += 1;
      return value;
    };
    expect(cache.get("a", compute(1))).toBe(1);
    expect(cache.get("a", compute(99))).toBe(1);
    expect(computed).toBe(1);
    cache.get("b", compute(2));
    cache.get("a", compute(99)); // a is now the most recent
    cache.get("c", compute(3)); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get("a", compute(99))).toBe(1);
    expect(cache.get("b", compute(20))).toBe(20);
    expect(computed).toBe(4);
  });

  it("keeps a failure, so a column of cells over bad data explains itself without refitting", () => {
    const cache = new FitCache<number>(4);
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      throw new Error("no fit");
    };
    expect(() => cache.get("bad", failing)).toThrow("no fit");
    expect(() => cache.get("bad", failing)).toThrow("no fit");
    expect(attempts).toBe(1);
  });

  it("keys every input exactly: a changed time, value, market or model is a new key", () => {
    const key = fitKey("logistic", 150, [1, 2, 3], [10, 20, 30]);
    expect(key).toBe(fitKey("logistic", 150, [1, 2, 3], [10, 20, 30]));
    expect(key).not.toBe(fitKey("gompertz", 150, [1, 2, 3], [10, 20, 30]));
    expect(key).not.toBe(fitKey("logistic", undefined, [1, 2, 3], [10, 20, 30]));
    expect(key).not.toBe(fitKey("logistic", 150, [1, 2, 3.0000000000000004], [10, 20, 30]));
    expect(key).not.toBe(fitKey("logistic", 150, [1, 2, 3], [10, 20, 30.000000000000004]));
    expect(fitKey("logistic", undefined, [1, 23], [4])).not.toBe(fitKey("logistic", undefined, [1], [234]));
  });

  it("holds a recalculation of 300 series with four fits each, column by column: every fit computed once", () => {
    const cache = new FitCache<string>(FIT_CACHE_CAPACITY);
    const keys = ["auto", "bass", "logistic", "gompertz"].flatMap((model) => Array.from({ length: 300 }, (_, series) => fitKey(model, 150, [series], [1])));
    let computed = 0;
    // Each column of formulas (COMPARE, FIT, FORECAST, CHANCE) reads every series' fit in turn.
    for (let column = 0; column < 4; column++) {
      for (const key of keys) {
        cache.get(key, () => {
          computed += 1;
          return key;
        });
      }
    }
    expect(computed).toBe(keys.length);
  });
});
