/**
 * Import the Microsoft Defender XDR advanced hunting schema for the KQL checker.
 *
 * Reads ../shared/data/defender-xdr/tables.json (or $SHARED_DATA_DIR/defender-xdr/tables.json) and
 * writes lib/verify/kql/schema.generated.json: per table its columns and types, whether Microsoft
 * Sentinel receives it, and the columns Sentinel adds. The app and the checker read only that file.
 *
 *   npx tsx scripts/import-defender-schema.ts          # write the derived file
 *   npx tsx scripts/import-defender-schema.ts --check  # exit 1 if the committed file is stale
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deriveSchema } from "@/lib/verify/kql/derive-schema";

export const SCHEMA_OUTPUT = path.join("lib", "verify", "kql", "schema.generated.json");

/** Where tables.json lives, or null when the shared data is absent (e.g. a user's clone). */
export function defenderTablesPath(root: string = process.cwd()): string | null {
  const dir = process.env.SHARED_DATA_DIR ?? path.resolve(root, "../shared/data");
  const file = path.join(dir, "defender-xdr", "tables.json");
  return existsSync(file) ? file : null;
}

export function main(argv: string[], root: string = process.cwd()): number {
  const check = argv.includes("--check");
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`import-defender-schema: unknown argument ${unknown[0]} (only --check)`);
    return 2;
  }
  const input = defenderTablesPath(root);
  if (!input) {
    console.error("import-defender-schema: ../shared/data/defender-xdr/tables.json not found (set SHARED_DATA_DIR)");
    return 2;
  }
  const { schema, text, unlisted } = deriveSchema(JSON.parse(readFileSync(input, "utf8")));
  const out = path.join(root, SCHEMA_OUTPUT);
  const tables = Object.values(schema.tables);
  const summary = `${tables.length} tables (${tables.filter((t) => t.sentinel).length} streamed to Sentinel)`;
  if (unlisted.length > 0) {
    console.warn(`note: not in either documented list, treated as Defender-portal only: ${unlisted.join(", ")}`);
  }
  if (check) {
    const current = existsSync(out) ? readFileSync(out, "utf8") : "";
    if (current !== text) {
      console.error(`${SCHEMA_OUTPUT} is out of date; run: npx tsx scripts/import-defender-schema.ts`);
      return 1;
    }
    console.log(`${SCHEMA_OUTPUT} is up to date: ${summary}`);
    return 0;
  }
  writeFileSync(out, text);
  console.log(`wrote ${SCHEMA_OUTPUT}: ${summary}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
