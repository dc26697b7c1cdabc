import { describe, expect, it } from "vitest";
import { fittedAt, ORIGINS, peerKey, readCorpus, readPeers } from "../../bench/realSeries/corpus";

describe("the peers' bounds on the real-series corpus (peers.csv, from peers.R)", () => {
  it("are for exactly the counts the product forecasts: every origin the benchmark fits, every count after it, both peers", () => {
    const expected = new Set<string>();
    for (const series of readCorpus()) {
      for (const fraction of ORIGINS) {
        const fitted = fittedAt(fraction, series.counts.length);
        if (fitted === undefined) continue;
        for (let steps = 1; steps <= series.counts.length - fitted; steps++) {
          for (const method of ["ets", "rwdrift"]) expected.add(peerKey(series.file, fraction, steps, method));
        }
      }
    }
    expect([...readPeers().keys()].sort()).toEqual([...expected].sort());
  });
});
