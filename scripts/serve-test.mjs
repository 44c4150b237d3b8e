// Starts the production server for the end-to-end tests (Playwright's webServer). The database
// is prepared first so sign-in and subscription tests start from the seeded demo accounts.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const port = process.env.PORT ?? "3210";
if (existsSync("scripts/db-setup.mjs")) {
  const setup = spawn(process.execPath, ["scripts/db-setup.mjs"], { stdio: "inherit", env: process.env });
  const code = await new Promise((r) => setup.on("exit", r));
  if (code !== 0) process.exit(code ?? 1);
}
const child = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "localhost"], { stdio: "inherit", env: process.env });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
// If the test runner dies without stopping us (killed with SIGKILL), do not leave a server behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();
