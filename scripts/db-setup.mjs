// npm run db:setup — brings a fresh clone (or an existing database) to a migrated, seeded state:
//   1. `prisma generate` when the client (lib/generated/prisma, gitignored) is missing or stale,
//   2. `prisma migrate deploy` (the JavaScript schema engine: works offline),
//   3. the idempotent seed (scripts/db-seed.mjs): demo accounts for the embedded SQLite default.
// `--generate-only` stops after step 1 (npm runs that as postinstall, so `tsc` and `next build`
// find the client in a fresh clone). DATABASE_URL defaults to file:./prisma/dev.db. Set HUNTBOOK_SEED=0 to skip the demo accounts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";

process.env.DATABASE_URL ||= "file:./prisma/dev.db";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const prisma = path.join("node_modules", ".bin", "prisma");

function run(args) {
  const r = spawnSync(prisma, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`db-setup: prisma ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const schema = readFileSync("prisma/schema.prisma");
const stamp = createHash("sha256").update(schema).digest("hex").slice(0, 16);
const stampFile = path.join("lib", "generated", "prisma", ".schema-stamp");
const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
if (current !== stamp || !existsSync(path.join("lib", "generated", "prisma", "index.js"))) {
  run(["generate", "--no-hints"]);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(stampFile, stamp + "\n");
}
if (process.argv.includes("--generate-only")) process.exit(0);
// SQLite creates the database file but not its folder; the JavaScript schema engine reports a
// missing folder only as "External error id#0", so make sure it exists.
const dbPath = /^file:(.+)$/.exec(process.env.DATABASE_URL)?.[1];
if (dbPath && dbPath !== ":memory:") mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
run(["migrate", "deploy"]);
if (process.env.HUNTBOOK_SEED !== "0") {
  const r = spawnSync(process.execPath, ["scripts/db-seed.mjs"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
