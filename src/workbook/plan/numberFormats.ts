import type { ColumnKind } from "../../data/types";

/** The Excel number format of each kind of dataset column, shared by every writer. */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  date: "d mmm yyyy",
  count: "#,##0",
  money: "£#,##0",
  percent: "0%",
  text: "@",
};
