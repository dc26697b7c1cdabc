export * from "./types";
export * from "./dates";
export { DATASETS, SOURCE, findDataset } from "./datasets";
