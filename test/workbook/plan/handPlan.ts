/** A workbook plan written by hand, for the writers' and the plan check's tests. */
import type { WorkbookPlan } from "../../../src/workbook/plan/plan";

/** A plan written by hand that uses every kind of write. */
export function handPlan(sheet = "GPs registered"): WorkbookPlan {
  return {
    sheets: [
      {
        name: sheet,
        ranges: [
          { address: "A1", cells: [["GPs registered for NHS CRS"]], style: { bold: true, fontColor: "#1F3864" } },
          {
            address: "A3:C5",
            cells: [
              ["As of", "GPs", "Note"],
              [38_533, 3_500, "=not a formula"],
              [38_565, 18_981, "Aug 2005"],
            ],
            numberFormat: [
              [null, null, null],
              ["d mmm yyyy", "#,##0", "@"],
              ["d mmm yyyy", "#,##0", "@"],
            ],
            style: { border: "#9BC2E6", wrap: true, horizontal: "left", vertical: "top" },
          },
          {
            address: "E3",
            cells: [[{ formula: "=CRS.GROWTH(B4,B5,1)" }, 0.3, true, null, "30%", "TRUE", "- none", "#N/A", "'quoted"]],
            numberFormat: "0.0%",
            style: { fill: "#FFF2CC", italic: true },
          },
        ],
        tables: [{ name: "tbl_gps", address: "A3:C5", style: "TableStyleMedium2" }],
        columnWidths: [
          { column: "A", characters: 12 },
          { column: "C", characters: 40 },
        ],
        charts: [
          {
            title: "GPs registered",
            categories: "A4:A5",
            series: [
              { name: "GPs", values: "B4:B5", look: "markers", color: "#1F3864" },
              { name: "Target", values: "F4:F5", look: "dashed" },
            ],
            xAxisTitle: "Month",
            yAxisTitle: "GPs registered",
            position: "H2:P20",
            dateAxis: { format: "mmm yyyy", unit: "months", labelEvery: 3 },
          },
        ],
        freezeRows: 3,
        rowHeights: [{ row: 3, points: 30 }],
        validations: [{ address: "B7", values: ["auto", "bass", "logistic", "gompertz"], message: "A diffusion model, or auto." }],
        pageSetup: { orientation: "landscape", breaksBeforeRows: [22] },
      },
    ],
    names: [{ name: "GPs_August", sheet, address: "B5", comment: "GPs registered by the beginning of August 2005" }],
    activate: sheet,
    messages: [`Inserted GPs registered into sheet '${sheet}'.`],
  };
}

/** A plan of two sheets whose chart stands on the first and draws the second's cells. */
export function chartOverAnotherSheet(): WorkbookPlan {
  const empty = { tables: [], columnWidths: [], freezeRows: 0 };
  return {
    sheets: [
      {
        name: "Summary",
        ranges: [{ address: "A1", cells: [["GPs registered, drawn from the data sheet"]] }],
        charts: [
          {
            title: "GPs registered",
            categories: "A2:A3",
            series: [{ name: "GPs", values: "B2:B3" }],
            dataSheet: "GPs data",
            xAxisTitle: "Month",
            yAxisTitle: "GPs",
            position: "A3:H15",
          },
        ],
        ...empty,
      },
      { name: "GPs data", ranges: [{ address: "A1", cells: [["Month", "GPs"], [1, 3_500], [2, 18_981]] }], charts: [], ...empty },
    ],
    names: [],
    activate: "Summary",
    messages: [],
  };
}
