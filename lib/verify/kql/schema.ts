/**
 * The Defender XDR table schema as the KQL checker sees it, per flavour. Reads only the committed
 * schema.generated.json (no Kusto parser here, so the app may import this cheaply).
 *
 * - `sentinel`: the tables the Defender XDR connector streams to Microsoft Sentinel, with the columns
 *   Sentinel adds (TimeGenerated, TenantId, SourceSystem, Type, MachineGroup) and AdditionalFields
 *   as `dynamic`.
 * - `defender`: every table as in the Defender portal's advanced hunting, with the documented types
 *   and no Sentinel columns.
 */
import rawSchema from "./schema.generated.json";
import { derivedSchemaSchema, type DerivedSchema, type KustoScalarType } from "./derive-schema";

export type { KustoScalarType } from "./derive-schema";

export const KQL_FLAVOURS = ["sentinel", "defender"] as const;
export type KqlFlavour = (typeof KQL_FLAVOURS)[number];

export function isKqlFlavour(value: string): value is KqlFlavour {
  return (KQL_FLAVOURS as readonly string[]).includes(value);
}

export interface KqlColumn {
  readonly name: string;
  readonly type: KustoScalarType;
}

export interface KqlTable {
  readonly name: string;
  readonly columns: readonly KqlColumn[];
  /** Whether Microsoft Sentinel receives this table through the Defender XDR connector. */
  readonly streamedToSentinel: boolean;
}

/**
 * The flavour for a detection platform: "sentinel" content runs in Microsoft Sentinel,
 * "defender-xdr" (or "defender") content in the Defender portal's advanced hunting.
 */
export function flavourForPlatform(platform: string): KqlFlavour | null {
  if (platform === "sentinel") return "sentinel";
  if (platform === "defender-xdr" || platform === "defender") return "defender";
  return null;
}

let parsed: DerivedSchema | undefined;

/** The committed schema, validated once. */
export function defenderSchema(): DerivedSchema {
  parsed ??= derivedSchemaSchema.parse(rawSchema);
  return parsed;
}

/** Credit line for the schema facts (show it wherever tables or columns are displayed). */
export function schemaSource(): string {
  return defenderSchema().source;
}

const cache = new Map<KqlFlavour, readonly KqlTable[]>();

/** The tables a query of this flavour may read, sorted by name. */
export function tablesForFlavour(flavour: KqlFlavour): readonly KqlTable[] {
  const hit = cache.get(flavour);
  if (hit) return hit;
  const schema = defenderSchema();
  const tables: KqlTable[] = [];
  for (const [name, table] of Object.entries(schema.tables)) {
    if (flavour === "sentinel" && !table.sentinel) continue;
    const columns: KqlColumn[] = [];
    for (const [col, type] of Object.entries(table.columns)) {
      const override = flavour === "sentinel" ? schema.sentinel.columnTypeOverrides[col] : undefined;
      columns.push({ name: col, type: override ?? type });
    }
    if (flavour === "sentinel") {
      const present = new Set(columns.map((c) => c.name));
      for (const [col, type] of Object.entries(schema.sentinel.extraColumns)) {
        if (!present.has(col)) columns.push({ name: col, type });
      }
    }
    tables.push({ name, columns, streamedToSentinel: table.sentinel });
  }
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  cache.set(flavour, tables);
  return tables;
}

export function findTable(name: string, flavour: KqlFlavour): KqlTable | undefined {
  return tablesForFlavour(flavour).find((t) => t.name === name);
}

/**
 * Where a Defender XDR table can be queried: "sentinel" (streamed, so also in the Defender portal),
 * "defender-only" (Defender portal advanced hunting only) or "unknown" (not a Defender XDR table).
 */
export function tableAvailability(name: string): "sentinel" | "defender-only" | "unknown" {
  const t = defenderSchema().tables[name];
  if (!t) return "unknown";
  return t.sentinel ? "sentinel" : "defender-only";
}

/** Defender-portal-only table names (not available in Microsoft Sentinel), sorted. */
export function defenderOnlyTables(): string[] {
  return Object.entries(defenderSchema().tables)
    .filter(([, t]) => !t.sentinel)
    .map(([name]) => name)
    .sort();
}
