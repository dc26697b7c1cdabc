/**
 * `npm run bench`: runs every benchmark in this folder (each file exports `run()`, which prints
 * its own figures) in file-name order.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .sort();

for (const file of files) {
  const bench = (await import(join(here, file))) as { run: () => Promise<void> | void };
  await bench.run();
  console.log();
}
