/**
 * The error codes the functions return, against the `CustomFunctions.ErrorCode` enum as
 * Microsoft publishes it in @types/custom-functions-runtime (the runtime's own values).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ExcelError } from "./standIn";
import { EXCEL_ERROR_CODES, excelError, toExcelError } from "../../src/functions/errors";
import { ModelError } from "../../src/model/errors";

/** The members of `enum ErrorCode` in the published typings, name → code. */
function publishedErrorCodes(): Record<string, string> {
  const typings = readFileSync(createRequire(import.meta.url).resolve("@types/custom-functions-runtime/index.d.ts"), "utf8");
  const body = /enum ErrorCode\s*\{([\s\S]*?)\n\s*\}/.exec(typings)![1];
  return Object.fromEntries([...body.matchAll(/^\s*(\w+)\s*=\s*"([^"]+)"/gm)].map(([, name, code]) => [name, code]));
}

describe("Excel's error codes", () => {
  it("are the runtime's CustomFunctions.ErrorCode values, every one of them", () => {
    const published = publishedErrorCodes();
    expect(Object.keys(published).length).toBeGreaterThanOrEqual(7);
    expect(EXCEL_ERROR_CODES).toEqual(published);
  });

  it("give each kind of model error its code and keep its message", () => {
    expect(toExcelError(new ModelError("num", "rate must be above -1."))).toMatchObject({ code: "#NUM!", message: "rate must be above -1." });
    expect(toExcelError(new ModelError("na", "never reached"))).toMatchObject({ code: "#N/A" });
    expect(excelError("value", "start must be a number")).toBeInstanceOf(ExcelError);
    expect(toExcelError(new RangeError("boom"))).toMatchObject({ code: "#VALUE!", message: "Unexpected error: boom" });
  });
});
