/**
 * The reference fits of scipy.optimize.curve_fit in test/fixtures/scipy-reference.json, written
 * by scripts/scipy-reference.py (the tests read the JSON and need no Python).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface ReferenceForecast {
  time: number;
  value: number;
  lower: number;
  upper: number;
}

export interface ReferenceFit {
  model: "bass" | "logistic" | "gompertz";
  market: number | null;
  attempts: number;
  converged: number;
  best: {
    sse: number;
    parameters: [number, number, number];
    standardErrors: [number, number, number] | null;
    method: string;
    forecast?: ReferenceForecast[];
  } | null;
  default: { converged: boolean; sse?: number | null; reachedBest?: boolean; error?: string };
}

export interface ReferenceDataset {
  name: string;
  note: string;
  generator: { model: string; parameters: number[]; noise: number; kind: string };
  times: number[];
  values: number[];
  marketKnown: boolean;
  fits: ReferenceFit[];
}

export interface Reference {
  seed: number;
  scipy: string;
  numpy: string;
  studentT: { dof: number; probability: number; quantile: number }[];
  datasets: ReferenceDataset[];
}

export const REFERENCE_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "scipy-reference.json");

/** The reference file. */
export function loadReference(): Reference {
  return JSON.parse(readFileSync(REFERENCE_PATH, "utf8")) as Reference;
}
