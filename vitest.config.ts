import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Browser and spreadsheet-engine tests start real programs; give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
