/**
 * `npm run bench`: runs every benchmark in this folder (each file exports `run()`, which prints
 * its own figures) in file-name order.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

async function main(): Promise<void> {
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith(".ts") && file !== "index.ts")
    .sort();
  for (const file of files) {
    const bench = (await import(join(__dirname, file))) as { run: () => Promise<void> | void };
    await bench.run();
    console.log();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
