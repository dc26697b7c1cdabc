/**
 * Loading with the workbook (src/taskpane/startup.ts) on office-addin-mock's Office: asked for
 * only where Office has SharedRuntime 1.1 and `Office.addin.setStartupBehavior`, with "Load",
 * and never an exception, whatever Office does.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { loadWithDocument, type OfficeStartupApi } from "../../src/taskpane/startup";

/** A mock Office whose requirement check answers `supported`, with `Office.addin` when `setStartupBehavior` is given. */
function mockOffice(supported: (name: string, version?: string) => boolean, setStartupBehavior?: (behavior: string) => Promise<void>): OfficeStartupApi {
  const data: Record<string, unknown> = { context: { requirements: { isSetSupported: supported } } };
  if (setStartupBehavior) data.addin = { setStartupBehavior };
  return new OfficeMockObject(data) as unknown as OfficeStartupApi;
}

const SHARED_RUNTIME_1_1 = (name: string, version?: string) => name === "SharedRuntime" && version === "1.1";

describe("loading the add-in with the workbook", () => {
  it("asks Office to load the add-in with the document, once asked, where SharedRuntime 1.1 is supported", async () => {
    const asked: string[] = [];
    const office = mockOffice(SHARED_RUNTIME_1_1, async (behavior) => void asked.push(behavior));
    await expect(loadWithDocument(office)).resolves.toBe("set");
    expect(asked).toEqual(["Load"]);
  });

  it("asks nothing of an Office without SharedRuntime 1.1, or without Office.addin", async () => {
    const asked: string[] = [];
    await expect(loadWithDocument(mockOffice(() => false, async (behavior) => void asked.push(behavior)))).resolves.toBe("unsupported");
    await expect(loadWithDocument(mockOffice(SHARED_RUNTIME_1_1))).resolves.toBe("unsupported");
    expect(asked).toEqual([]);
  });

  it("says Office refused, without throwing, when the call fails or the check throws", async () => {
    const refusing = mockOffice(SHARED_RUNTIME_1_1, () => Promise.reject(new Error("GeneralException")));
    await expect(loadWithDocument(refusing)).resolves.toBe("failed");
    const throwing = mockOffice(() => {
      throw new Error("no requirements");
    }, async () => undefined);
    await expect(loadWithDocument(throwing)).resolves.toBe("failed");
  });
});
