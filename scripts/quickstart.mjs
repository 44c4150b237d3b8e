// npm run quickstart: from a fresh clone to a running site on the embedded default
// (SQLite, seeded demo content and demo accounts). Uses only Node built-ins until npm ci has run.
//   PORT=3000 by default; set SKIP_BUILD=1 to start the last build again.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const port = process.env.PORT ?? "3000";
const origin = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

function run(cmd, args, extraEnv = {}) {
  console.log(`\n> ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\nquickstart: "${cmd} ${args.join(" ")}" failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

// 1. Dependencies (exactly as locked).
if (!existsSync("node_modules/.package-lock.json")) run("npm", ["ci", "--no-audit", "--no-fund"]);

// 2. Local secrets for the embedded default, created once and kept in .env.local (gitignored).
if (!existsSync(".env.local") || !/^NEXTAUTH_SECRET=/m.test(readFileSync(".env.local", "utf8"))) {
  const prev = existsSync(".env.local") ? readFileSync(".env.local", "utf8") : "";
  writeFileSync(".env.local", `${prev}${prev && !prev.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log("quickstart: wrote a random NEXTAUTH_SECRET to .env.local");
}

// 3. Database: migrate and seed the demo accounts (idempotent).
if (existsSync("scripts/db-setup.mjs")) run(process.execPath, ["scripts/db-setup.mjs"]);

// 4. Build (content:check runs first and stops on invalid content).
if (process.env.SKIP_BUILD !== "1") run("npm", ["run", "build"]);

// 5. Serve. The local test-mode checkout is switched on explicitly: this is a local demo.
console.log(`\nquickstart: starting Huntbook on ${origin}`);
const child = spawn("node_modules/.bin/next", ["start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: origin, SITE_URL: process.env.SITE_URL ?? origin, HUNTBOOK_LOCAL_CHECKOUT: process.env.HUNTBOOK_LOCAL_CHECKOUT ?? "1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
