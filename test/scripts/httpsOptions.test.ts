import { describe, expect, it, vi } from "vitest";
import { trustCa } from "../../scripts/httpsOptions.js";

/** A trust store that already holds a development CA (perhaps an older one), recording what it is asked to install. */
function storeWithCa(installed: boolean, failure?: Error) {
  const installs: string[] = [];
  const install = async (caPath: string) => {
    if (failure) throw failure;
    installs.push(caPath);
  };
  return { installs, store: { isInstalled: () => installed, install } };
}

describe("trusting the development CA", () => {
  it("installs a CA it has just made, even where the store already has a development CA (the one it replaced)", async () => {
    const { installs, store } = storeWithCa(true);
    await expect(trustCa(true, store)).resolves.toBe(true);
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/ca\.crt$/);
  });

  it("installs a reused CA only where the store has none", async () => {
    const present = storeWithCa(true);
    await expect(trustCa(false, present.store)).resolves.toBe(false);
    expect(present.installs).toEqual([]);
    const absent = storeWithCa(false);
    await expect(trustCa(false, absent.store)).resolves.toBe(true);
    expect(absent.installs).toHaveLength(1);
  });

  it("says how to trust the CA by hand when it cannot install it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { store } = storeWithCa(false, new Error("sudo: a password is required\nmore"));
      await expect(trustCa(true, store)).resolves.toBe(false);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0][0])).toMatch(/could not be installed as trusted \(sudo: a password is required\)\.\nTrust .*ca\.crt in your browser once/);
    } finally {
      warn.mockRestore();
    }
  });
});
