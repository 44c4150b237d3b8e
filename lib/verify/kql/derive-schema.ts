/**
 * Derives the committed KQL schema (schema.generated.json) from the raw Defender XDR table list in
 * ../shared/data/defender-xdr/tables.json. Pure: no file access, so the importer script and the
 * conformance test derive exactly the same text.
 *
 * Only facts are kept: table names, column names and types, whether Microsoft Sentinel receives the
 * table through the Defender XDR connector, and the columns Sentinel adds.
 */
import { z } from "zod";

/** Kusto scalar type names used in the committed schema (canonical spellings). */
export const KUSTO_SCALAR_TYPES = [
  "bool",
  "datetime",
  "decimal",
  "dynamic",
  "guid",
  "int",
  "long",
  "real",
  "string",
  "timespan",
] as const;
export type KustoScalarType = (typeof KUSTO_SCALAR_TYPES)[number];

/** Aliases Kusto accepts that the raw data uses; normalised so the schema has one spelling. */
const TYPE_ALIASES: Readonly<Record<string, KustoScalarType>> = {
  boolean: "bool",
  double: "real",
  date: "datetime",
  time: "timespan",
  uniqueid: "guid",
};

export function normaliseKustoType(raw: string): KustoScalarType | null {
  const t = raw.trim().toLowerCase();
  if ((KUSTO_SCALAR_TYPES as readonly string[]).includes(t)) return t as KustoScalarType;
  return TYPE_ALIASES[t] ?? null;
}

/**
 * Which tables the Microsoft Defender XDR connector streams to Microsoft Sentinel (facts from
 * Microsoft's documentation of the streaming API, as summarised in ../shared/data/README.md).
 */
const STREAMED_TABLES: ReadonlySet<string> = new Set([
  "AlertInfo",
  "AlertEvidence",
  "CloudAppEvents",
  "DeviceEvents",
  "DeviceFileEvents",
  "DeviceFileCertificateInfo",
  "DeviceImageLoadEvents",
  "DeviceInfo",
  "DeviceLogonEvents",
  "DeviceNetworkEvents",
  "DeviceNetworkInfo",
  "DeviceProcessEvents",
  "DeviceRegistryEvents",
  "UrlClickEvents",
]);
/** The Email* tables and the Identity*Events tables are streamed too. */
const STREAMED_PATTERNS: readonly RegExp[] = [/^Email[A-Za-z]*$/, /^Identity[A-Za-z]*Events$/];
/** Documented as not streamed (Defender portal only). */
const DEFENDER_ONLY_TABLES: ReadonlySet<string> = new Set([
  "AADSignInEventsBeta",
  "AADSpnSignInEventsBeta",
  "BehaviorInfo",
  "BehaviorEntities",
]);
const DEFENDER_ONLY_PATTERNS: readonly RegExp[] = [/^DeviceTvm/, /^ExposureGraph/];

export type SentinelClassification = "streamed" | "not-streamed" | "unlisted";

/**
 * Whether Sentinel receives a Defender XDR table. "unlisted" tables appear in neither documented
 * list; they are treated as not streamed (a Sentinel query must not rely on them).
 */
export function classifyForSentinel(table: string): SentinelClassification {
  if (STREAMED_TABLES.has(table) || STREAMED_PATTERNS.some((p) => p.test(table))) return "streamed";
  if (DEFENDER_ONLY_TABLES.has(table) || DEFENDER_ONLY_PATTERNS.some((p) => p.test(table))) return "not-streamed";
  return "unlisted";
}

/** The shape of ../shared/data/defender-xdr/tables.json (only what the importer relies on). */
export const rawTablesSchema = z.object({
  source: z.string().optional(),
  sentinelExtraColumns: z.record(z.string(), z.string()),
  tables: z.record(z.string(), z.record(z.string(), z.string())),
});
export type RawTables = z.infer<typeof rawTablesSchema>;

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a plain Kusto identifier");
const scalarType = z.enum(KUSTO_SCALAR_TYPES);

/** The committed derived schema. The app and the checker read only this. */
export const derivedSchemaSchema = z.object({
  /** Credit for the facts below. */
  source: z.string(),
  generatedBy: z.string(),
  sentinel: z.object({
    /** Columns Microsoft Sentinel adds to every streamed Defender XDR table. */
    extraColumns: z.record(identifier, scalarType),
    /** Column types that differ in Sentinel (AdditionalFields is dynamic there). */
    columnTypeOverrides: z.record(identifier, scalarType),
  }),
  tables: z.record(
    identifier,
    z.object({
      /** true: streamed to Sentinel; false: Defender portal (advanced hunting) only. */
      sentinel: z.boolean(),
      /** Column name -> Kusto type, in the documented order (Defender portal types). */
      columns: z.record(identifier, scalarType),
    }),
  ),
});
export type DerivedSchema = z.infer<typeof derivedSchemaSchema>;

export interface DeriveResult {
  schema: DerivedSchema;
  /** The exact text to commit as schema.generated.json. */
  text: string;
  /** Tables in neither documented list (classified as not streamed). */
  unlisted: string[];
}

export const GENERATED_BY = "scripts/import-defender-schema.ts";
const SOURCE_CREDIT =
  "Microsoft Defender XDR advanced hunting schema: table and column names and types from Microsoft's documentation";

function sortedKeys<T>(rec: Record<string, T>): string[] {
  return Object.keys(rec).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function typeOrThrow(where: string, raw: string): KustoScalarType {
  const t = normaliseKustoType(raw);
  if (!t) throw new Error(`${where}: unknown Kusto type '${raw}'`);
  return t;
}

export function deriveSchema(rawInput: unknown): DeriveResult {
  const raw = rawTablesSchema.parse(rawInput);
  const extraColumns: Record<string, KustoScalarType> = {};
  for (const [name, type] of Object.entries(raw.sentinelExtraColumns)) {
    extraColumns[name] = typeOrThrow(`sentinelExtraColumns.${name}`, type);
  }
  const tables: DerivedSchema["tables"] = {};
  const unlisted: string[] = [];
  for (const name of sortedKeys(raw.tables)) {
    const rawColumns = raw.tables[name] ?? {};
    const columns: Record<string, KustoScalarType> = {};
    // Keep the documented column order: it is the order `project *` and `getschema` show.
    for (const [col, type] of Object.entries(rawColumns)) columns[col] = typeOrThrow(`${name}.${col}`, type);
    const cls = classifyForSentinel(name);
    if (cls === "unlisted") unlisted.push(name);
    tables[name] = { sentinel: cls === "streamed", columns };
  }
  const source = raw.source ?? SOURCE_CREDIT;
  const schema = derivedSchemaSchema.parse({
    source,
    generatedBy: GENERATED_BY,
    sentinel: { extraColumns, columnTypeOverrides: { AdditionalFields: "dynamic" } },
    tables,
  });
  return { schema, text: formatSchema(schema), unlisted };
}

/** Compact, diff-friendly JSON: one line per table. Still plain JSON. */
export function formatSchema(schema: DerivedSchema): string {
  const lines: string[] = [];
  lines.push("{");
  lines.push(`  "source": ${JSON.stringify(schema.source)},`);
  lines.push(`  "generatedBy": ${JSON.stringify(schema.generatedBy)},`);
  lines.push(`  "sentinel": {`);
  lines.push(`    "extraColumns": ${JSON.stringify(schema.sentinel.extraColumns)},`);
  lines.push(`    "columnTypeOverrides": ${JSON.stringify(schema.sentinel.columnTypeOverrides)}`);
  lines.push(`  },`);
  lines.push(`  "tables": {`);
  const names = Object.keys(schema.tables);
  names.forEach((name, i) => {
    const t = schema.tables[name];
    if (!t) return;
    const comma = i === names.length - 1 ? "" : ",";
    lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify({ sentinel: t.sentinel, columns: t.columns })}${comma}`);
  });
  lines.push(`  }`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
