// `npm stop`: stops the dev server that `npm start` started, and on Windows and Mac removes the
// sideloaded add-in from desktop Excel (through office-addin-debugging).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { DESKTOP_PLATFORMS, DEV_MANIFEST, PID_FILE, ROOT } from "./devServer.mjs";

if (DESKTOP_PLATFORMS.includes(process.platform)) {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["office-addin-debugging", "stop", DEV_MANIFEST], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}

if (!existsSync(PID_FILE)) {
  console.log("No dev server started by npm start is running.");
  process.exit(0);
}
const pid = Number(readFileSync(PID_FILE, "utf8"));
/** Whether any process of the server's group is still alive. */
function running() {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (running()) {
  // The server was started detached, in a process group of its own: end the whole group,
  // and return only once it is gone, so that the port is free again.
  process.kill(-pid, "SIGTERM");
  for (let waited = 0; running() && waited < 100; waited += 1) await new Promise((done) => setTimeout(done, 100));
  if (running()) process.kill(-pid, "SIGKILL");
  console.log(`Stopped the dev server (process ${pid}).`);
} else {
  console.log(`The dev server (process ${pid}) had already stopped.`);
}
rmSync(PID_FILE);
