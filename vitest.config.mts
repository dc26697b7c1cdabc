import { fileURLToPath } from "node:url";
import { BaseSequencer, type Reporter, type TestModule, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** Ends the run with one plain line of counts, "N passed, N failed, N skipped", for CI logs. */
const closingLine: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  },
};

/**
 * Vitest's order, with the files that load the built add-in after the others while dist/ is
 * being built (test/buildOrder.ts, loaded as the tests are, with the project's TypeScript).
 */
class BuildLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = fileURLToPath(new URL("test/buildOrder.ts", import.meta.url));
    const { buildLast } = await this.ctx.import<{ buildLast: (sorted: TestSpecification[]) => TestSpecification[] }>(order);
    return buildLast(await super.sort(files));
  }
}

export default defineConfig({
  test: {
    reporters: ["default", closingLine],
    // Builds dist/ once, when it is older than its sources, in the background while the tests
    // that do not load it run first.
    globalSetup: ["test/globalSetup.ts"],
    sequence: { sequencer: BuildLastSequencer },
    // One fixed seed for every property test, printed at the start of the run.
    setupFiles: ["test/propertySeed.ts"],
    // Both cores (Vitest's default leaves one free).
    maxWorkers: 2,
    // Keeps each test module's transform on disk between runs (node_modules/.experimental-vitest-cache),
    // a second of the unit project's ten on a two-core machine.
    experimental: { fsModuleCache: true },
    projects: [
      {
        // Everything that needs no browser, spreadsheet engine or server: `npx vitest run --project unit`.
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/integration/**"],
          // Plain computations: worker threads that keep their modules from one file to the next
          // start far faster than a fresh process per file. No unit test mocks a module.
          pool: "threads",
          isolate: false,
          // Beside the integration tests (in `npm test`) or another clone's run, a test that takes
          // a second alone can take ten: only a hang should fail on time.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The built add-in in Chromium, workbooks recalculated by LibreOffice, the manifest and `npm start`.
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          // A worker process runs one file after another, keeping the modules they share (the
          // model, exceljs, playwright): a fresh process per file costs more CPU than some of the
          // files themselves. Each file ends what it starts; none mocks a module.
          isolate: false,
          // These start real programs (LibreOffice's first start with a fresh profile, a dev
          // server's build), which on a busy machine, or beside another clone's tests, take
          // minutes: give them room, so that only a hang fails on time.
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
