/**
 * The custom-functions runtime the manifest requires is the newest one among the parts of it
 * the functions use, as @types/custom-functions-runtime documents each: `CustomFunctions.Error`
 * and the error codes the functions return. An Excel without it would show #VALUE! where the
 * functions give #NUM! or #N/A, so the add-in declares it rather than misbehave there.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/functions/errors";

const require = createRequire(import.meta.url);
const TYPES = readFileSync(require.resolve("@types/custom-functions-runtime/index.d.ts"), "utf8");
const MANIFEST = readFileSync(new URL("../../manifest.xml", import.meta.url), "utf8");

/** The CustomFunctionsRuntime version documented just before the first match of `declaration`. */
function apiVersion(declaration: RegExp): string {
  const found = declaration.exec(TYPES);
  if (!found) throw new Error(`No ${declaration} in @types/custom-functions-runtime`);
  const doc = TYPES.slice(TYPES.lastIndexOf("/**", found.index), found.index);
  const version = /\[Api set: CustomFunctionsRuntime (\d+\.\d+)\]/.exec(doc)?.[1];
  if (!version) throw new Error(`No CustomFunctionsRuntime set for ${declaration}`);
  return version;
}

const byVersion = (a: string, b: string) => Number(a.split(".")[1]) - Number(b.split(".")[1]);

/** The MinVersion of a requirement set the manifest declares, or undefined. */
function declared(set: string): string | undefined {
  return new RegExp(`<Set Name="${set}" MinVersion="([\\d.]+)"\\s*/>`).exec(MANIFEST)?.[1];
}

describe("the custom-functions runtime the manifest requires", () => {
  const used = [
    { what: "CustomFunctions.Error", version: apiVersion(/\n {4}class Error \{/) },
    ...Object.values(ERROR_CODES).map((code) => ({
      what: `ErrorCode ${code}`,
      version: apiVersion(new RegExp(`\\n {8}\\w+ = "${code.replace(/[!?/#]/g, "\\$&")}"`)),
    })),
  ];

  it("is the newest set among what the functions use: 1.3, for #NUM! and #N/A results", () => {
    expect(used.map(({ what }) => what)).toEqual(["CustomFunctions.Error", "ErrorCode #VALUE!", "ErrorCode #NUM!", "ErrorCode #N/A"]);
    const newest = used.map(({ version }) => version).sort(byVersion).at(-1);
    expect(newest).toBe("1.3");
    expect(declared("CustomFunctionsRuntime")).toBe(newest);
  });

  it("comes with the shared runtime the functions and the pane run in", () => {
    expect(declared("SharedRuntime")).toBe("1.1");
  });
});
