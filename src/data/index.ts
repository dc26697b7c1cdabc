export * from "./types";
export * from "./dates";
export { DATASETS, SOURCE, findDataset } from "./datasets";
export { PROVENANCE_COLUMNS, provenanceValues } from "./provenance";
