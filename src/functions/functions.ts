// The CRS custom functions (growth, projection, incentive, curves, datasets): filled in by the foundation work.
export {};
