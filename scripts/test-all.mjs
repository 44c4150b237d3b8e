// npm test: every check the project has, in the order a failure is cheapest to find.
//   content:check -> typecheck -> unit tests (Vitest) -> production build (+ CSP manifest) -> end-to-end (Playwright)
//   -> load and fault tests at small scale (npm run test:load; LOAD_SCALE=full for the 60 s run)
// SKIP_E2E=1 stops after the build (e.g. on a machine without chromium); SKIP_LOAD=1 skips the load step.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HUNTBOOK_TYPECHECKED: "1" };
const steps = [
  ["content:check", "npx", ["tsx", "--conditions=react-server", "scripts/content-check.ts", "--quiet"]],
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["unit tests", "npx", ["vitest", "run"]],
  ["build", "npx", ["next", "build"]],
  // The per-page script hashes proxy.ts sets in the Content-Security-Policy (lib/security/csp-manifest.ts).
  ["csp manifest", "npx", ["tsx", "scripts/csp-manifest.ts"]],
];
if (process.env.SKIP_E2E !== "1") {
  steps.push(["end-to-end tests", "npx", ["playwright", "test"]]);
  if (process.env.SKIP_LOAD !== "1") steps.push(["load and fault tests", "node", ["bench/load/run.mjs"]]);
}
env.LOAD_SCALE ??= "small";

const results = [];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  if (!ok) break;
}
console.log("\n=== summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
console.log(`steps: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
