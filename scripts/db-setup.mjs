// npm run db:setup — brings a fresh clone (or an existing database) to a migrated, seeded state:
//   1. `prisma generate` when the client (lib/generated/prisma, gitignored) is missing or stale,
//   2. `prisma migrate deploy` (the JavaScript schema engine: works offline), then the SQLite file
//      is switched to WAL journal mode,
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
const dbFile = dbPath && dbPath !== ":memory:" ? path.resolve(dbPath) : null;
if (dbFile) mkdirSync(path.dirname(dbFile), { recursive: true });
run(["migrate", "deploy"]);
// WAL journal for the SQLite file: readers (page requests checking an entitlement) no longer wait
// for a writer (a sign-up, a checkout), and a crash mid-write is rolled back on the next open.
// The mode is stored in the database file, so setting it here holds for every later connection.
if (dbFile) {
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(dbFile);
  const mode = sqlite.pragma("journal_mode = WAL", { simple: true });
  sqlite.close();
  if (mode !== "wal") {
    console.error(`db-setup: could not switch ${dbPath} to WAL (journal_mode is ${mode})`);
    process.exit(1);
  }
}
if (process.env.HUNTBOOK_SEED !== "0") {
  const r = spawnSync(process.execPath, ["scripts/db-seed.mjs"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
