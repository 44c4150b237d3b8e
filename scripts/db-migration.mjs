// npm run db:migration -- <name> [--from <old-schema.prisma>]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the previous schema
// to prisma/schema.prisma. `prisma migrate dev` needs the native schema engine, which cannot be
// downloaded offline, and with the JavaScript engine `migrate diff --from-migrations` fails on
// SQLite (multi-statement scripts); diffing two datamodels works. The previous schema is the
// committed one (git HEAD) unless --from names a file, so commit the schema with its migration.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const fromIdx = args.indexOf("--from");
const fromFile = fromIdx >= 0 ? args[fromIdx + 1] : undefined;
const name = (args.find((a, i) => !a.startsWith("--") && (fromIdx < 0 || i !== fromIdx + 1)) ?? "").replace(/[^a-z0-9_]+/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name> [--from <old-schema.prisma>]");
  process.exit(2);
}
process.env.DATABASE_URL ||= "file:./prisma/dev.db";
const hasMigrations = existsSync("prisma/migrations") && readdirSync("prisma/migrations").some((f) => /^\d/.test(f));
let from = ["--from-empty"];
if (hasMigrations) {
  let file = fromFile;
  if (!file) {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), "hb-schema-")), "schema.prisma");
    writeFileSync(file, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  }
  from = ["--from-schema-datamodel", file];
}
const r = spawnSync(
  path.join("node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: process.env },
);
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 1);
}
if (!/\b(CREATE|ALTER|DROP)\b/.test(r.stdout)) {
  console.log("db:migration: the schema matches the previous one; nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), r.stdout);
console.log(`db:migration: wrote ${dir}/migration.sql`);
