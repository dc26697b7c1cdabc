// Installs the programs the tests drive, where they are missing: Chromium (the pane's browser
// test), xmllint (manifest schema validation), LibreOffice Calc (Excel formulas computed by a
// real spreadsheet engine, and the model printed), poppler's PDF tools (the printout read), the
// Carlito font (Calibri's widths, so the printout lays out as Excel's) and Python 3 (the shipped
// series read by an independent CSV reader; its standard library only).
// Uses apt-get, as root or through sudo; elsewhere it says what to install and fails, so that
// no test is skipped for want of a program.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const TOOLS = [
  { program: "/usr/bin/chromium", packages: ["chromium"], extraArgs: [] },
  { program: "/usr/bin/xmllint", packages: ["libxml2-utils"], extraArgs: [] },
  // Calc alone: the recommended extras (Java, help, desktop integration) are not needed headless.
  { program: "/usr/bin/soffice", packages: ["libreoffice-calc"], extraArgs: ["--no-install-recommends"] },
  // pdfinfo and pdftotext read the model sheet as LibreOffice prints it.
  { program: "/usr/bin/pdftotext", packages: ["poppler-utils"], extraArgs: ["--no-install-recommends"] },
  // Calibri's metric twin: without it the printed model's columns have other widths.
  {
    program: "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    packages: ["fonts-crosextra-carlito"],
    extraArgs: [],
  },
  // The series test reads the shipped CSVs with Python's csv and datetime modules.
  { program: "/usr/bin/python3", packages: ["python3"], extraArgs: ["--no-install-recommends"] },
];

const missing = TOOLS.filter((tool) => !existsSync(tool.program));
if (missing.length === 0) process.exit(0);

const names = missing.flatMap((tool) => tool.packages).join(" ");
const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
const isRoot = process.getuid?.() === 0;
const hasSudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
if (!hasApt || (!isRoot && !hasSudo)) {
  console.error(`The tests need these programs and files: ${missing.map((tool) => tool.program).join(", ")}.`);
  console.error(`Install the Debian packages ${names} (apt-get install -y ${names}) and run the tests again.`);
  process.exit(1);
}

const apt = (args) => {
  const [command, commandArgs] = isRoot ? ["apt-get", args] : ["sudo", ["apt-get", ...args]];
  execFileSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
};
console.log(`Installing the test tools: ${names}`);
apt(["update", "-qq"]);
for (const tool of missing) apt(["install", "-y", "-qq", ...tool.extraArgs, ...tool.packages]);
