import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The JavaScript schema engine with the better-sqlite3 driver adapter: `prisma generate`,
// `migrate diff` and `migrate deploy` then work without downloading native engines.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // `migrate diff --from-migrations` replays the migrations into this throw-away database.
  adapter: async () => new PrismaBetterSQLite3({ url }, { shadowDatabaseUrl: ":memory:" }),
});
