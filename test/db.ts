import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

/** A fresh SQLite database with the committed migrations applied (what `migrate deploy` runs). */
export function testDatabase(): { prisma: PrismaClient; url: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huntbook-test-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = path.join(process.cwd(), "prisma", "migrations");
  for (const m of readdirSync(migrations).filter((f) => /^\d/.test(f)).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    prisma,
    url,
    cleanup: async () => {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
