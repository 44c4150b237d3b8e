import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma";

/**
 * The one Prisma client. SQLite through the better-sqlite3 driver adapter (no native Prisma
 * engine needed). For PostgreSQL swap the adapter for @prisma/adapter-pg (docs/database.md).
 */

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // A write waits up to 5 s for another writer's lock instead of failing with SQLITE_BUSY
  // (better-sqlite3's default, stated here because concurrent sign-ups rely on it). The file is in
  // WAL mode (scripts/db-setup.mjs), so reads never wait for a writer.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

const globalForPrisma = globalThis as unknown as { huntbookPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.huntbookPrisma ??= createPrismaClient();
  return globalForPrisma.huntbookPrisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
