/** Number formats of the model's units, beyond the datasets' own (the plan's `NUMBER_FORMATS`). */
export const MODEL_FORMATS = {
  /** A share shown to a tenth of a percent: 43 of 150 is 28.7%. */
  share: "0.0%",
  months: "0.0",
  perMonth: "0.0",
  /** A month on the timeline, short enough for its narrow column (the year is in the row above): "Jun". */
  month: "mmm",
  /** A month on the chart's date axis: "Jun 05". */
  chartMonth: "mmm yy",
  /**
   * A logical value. Excel shows TRUE and FALSE whatever the format; LibreOffice keeps a stored
   * logical value as 1 or 0 and shows it in the cell's format, so the format spells it.
   */
  logical: '"TRUE";"TRUE";"FALSE"',
  /** A flag of a history entry: 1 shows "yes", 0 a quiet dash. */
  flag: '"yes";"yes";"-"',
  /** Counts on the timeline: fitted values are fractional, shown whole. */
  timelineCount: "#,##0",
} as const;
