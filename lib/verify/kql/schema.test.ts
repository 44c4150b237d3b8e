import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defenderTablesPath, SCHEMA_OUTPUT } from "@/scripts/import-defender-schema";
import { classifyForSentinel, deriveSchema, normaliseKustoType } from "./derive-schema";
import { defenderOnlyTables, defenderSchema, findTable, flavourForPlatform, tableAvailability, tablesForFlavour } from "./schema";

const SENTINEL_COLUMNS = ["TimeGenerated", "TenantId", "SourceSystem", "Type", "MachineGroup"];

describe("committed schema", () => {
  it("has the 38 Defender XDR tables, with streamed ones marked", () => {
    const schema = defenderSchema();
    expect(Object.keys(schema.tables)).toHaveLength(38);
    expect(tableAvailability("DeviceEvents")).toBe("sentinel");
    expect(tableAvailability("EmailEvents")).toBe("sentinel");
    expect(tableAvailability("IdentityLogonEvents")).toBe("sentinel");
    expect(tableAvailability("AADSignInEventsBeta")).toBe("defender-only");
    expect(tableAvailability("DeviceTvmSoftwareInventory")).toBe("defender-only");
    expect(tableAvailability("SigninLogs")).toBe("unknown");
    expect(defenderOnlyTables()).toContain("ExposureGraphNodes");
    expect(schema.source).toMatch(/Microsoft/);
  });

  it("builds the sentinel flavour: streamed tables only, Sentinel columns, dynamic AdditionalFields", () => {
    const tables = tablesForFlavour("sentinel");
    expect(tables.every((t) => t.streamedToSentinel)).toBe(true);
    expect(tables.map((t) => t.name)).not.toContain("AADSignInEventsBeta");
    const de = findTable("DeviceEvents", "sentinel");
    const names = de?.columns.map((c) => c.name) ?? [];
    for (const c of SENTINEL_COLUMNS) expect(names).toContain(c);
    expect(new Set(names).size).toBe(names.length);
    expect(de?.columns.find((c) => c.name === "AdditionalFields")?.type).toBe("dynamic");
    expect(de?.columns.find((c) => c.name === "TimeGenerated")?.type).toBe("datetime");
  });

  it("builds the defender flavour: all tables as documented, no Sentinel columns", () => {
    const tables = tablesForFlavour("defender");
    expect(tables).toHaveLength(38);
    const de = findTable("DeviceEvents", "defender");
    expect(de?.columns.find((c) => c.name === "AdditionalFields")?.type).toBe("string");
    expect(de?.columns.map((c) => c.name)).not.toContain("TimeGenerated");
    expect(findTable("AADSignInEventsBeta", "defender")).toBeDefined();
  });
});

describe("flavourForPlatform", () => {
  it("maps content platforms to flavours", () => {
    expect(flavourForPlatform("sentinel")).toBe("sentinel");
    expect(flavourForPlatform("defender-xdr")).toBe("defender");
    expect(flavourForPlatform("sigma")).toBeNull();
  });
});

describe("deriveSchema", () => {
  it("normalises type spellings and rejects unknown types", () => {
    expect(normaliseKustoType("boolean")).toBe("bool");
    expect(normaliseKustoType("Long")).toBe("long");
    expect(normaliseKustoType("varchar")).toBeNull();
    expect(() => deriveSchema({ sentinelExtraColumns: {}, tables: { T: { A: "varchar" } } })).toThrow(/T\.A/);
  });

  it("classifies tables by the documented streaming lists", () => {
    expect(classifyForSentinel("DeviceNetworkInfo")).toBe("streamed");
    expect(classifyForSentinel("EmailPostDeliveryEvents")).toBe("streamed");
    expect(classifyForSentinel("BehaviorEntities")).toBe("not-streamed");
    expect(classifyForSentinel("DeviceTvmInfoGathering")).toBe("not-streamed");
    expect(classifyForSentinel("SomethingNew")).toBe("unlisted");
    const { schema, unlisted } = deriveSchema({
      sentinelExtraColumns: { TimeGenerated: "datetime" },
      tables: { DeviceEvents: { Timestamp: "datetime" }, SomethingNew: { Timestamp: "datetime" } },
    });
    expect(schema.tables.SomethingNew?.sentinel).toBe(false);
    expect(unlisted).toEqual(["SomethingNew"]);
  });
});

// Conformance with the reference data: only where ../shared/data exists (not in a user's clone).
const tablesJson = defenderTablesPath();
describe("conformance with ../shared/data/defender-xdr/tables.json", () => {
  if (!tablesJson) {
    it.skip("skipped: ../shared/data/defender-xdr/tables.json not found (set SHARED_DATA_DIR to run)", () => {});
    return;
  }

  it("the committed schema is exactly what the importer derives now", () => {
    const derived = deriveSchema(JSON.parse(readFileSync(tablesJson, "utf8")));
    const committed = path.resolve(SCHEMA_OUTPUT);
    expect(existsSync(committed)).toBe(true);
    expect(readFileSync(committed, "utf8")).toBe(derived.text);
  });

  it("keeps every raw table and column with an equivalent type", () => {
    const raw = JSON.parse(readFileSync(tablesJson, "utf8")) as { tables: Record<string, Record<string, string>> };
    const schema = defenderSchema();
    for (const [table, columns] of Object.entries(raw.tables)) {
      for (const [col, type] of Object.entries(columns)) {
        expect(schema.tables[table]?.columns[col], `${table}.${col}`).toBe(normaliseKustoType(type));
      }
    }
  });
});
