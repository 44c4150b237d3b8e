/**
 * Pure functions that reshape the raw ATT&CK and Atomic Red Team exports into the compact facts
 * the portal commits (content/catalog/*.json). Used by scripts/import-catalogs.ts and its tests.
 */
import { z } from "zod";

const rawAttack = z.object({
  domain: z.literal("enterprise-attack"),
  attackVersion: z.string(),
  notice: z.string(),
  tactics: z.array(z.object({ id: z.string(), shortname: z.string(), name: z.string() })),
  techniques: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tactics: z.array(z.string()),
      platforms: z.array(z.string()),
      isSubtechnique: z.boolean(),
      parent: z.string().nullable(),
      url: z.string(),
      version: z.string().optional(),
      modified: z.string().optional(),
    }),
  ),
});

export interface CatalogTactic {
  id: string;
  shortname: string;
  name: string;
}

export interface CatalogTechnique {
  id: string;
  name: string;
  /** Tactic IDs (TA....) in matrix order. */
  tactics: string[];
  platforms: string[];
  parent: string | null;
  version: string | null;
  modified: string | null;
}

export interface AttackCatalogFile {
  domain: "enterprise-attack";
  attackVersion: string;
  notice: string;
  tactics: CatalogTactic[];
  techniques: CatalogTechnique[];
}

export function deriveAttackCatalog(raw: unknown): AttackCatalogFile {
  const data = rawAttack.parse(raw);
  const order = new Map(data.tactics.map((t, i) => [t.shortname, i] as const));
  const idByShort = new Map(data.tactics.map((t) => [t.shortname, t.id] as const));
  const techniques = data.techniques
    .map((t): CatalogTechnique => {
      const tactics = [...t.tactics]
        .sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))
        .map((s) => {
          const id = idByShort.get(s);
          if (!id) throw new Error(`technique ${t.id} names unknown tactic ${s}`);
          return id;
        });
      return {
        id: t.id,
        name: t.name,
        tactics,
        platforms: [...t.platforms].sort(),
        parent: t.isSubtechnique ? t.parent : null,
        version: t.version ?? null,
        modified: t.modified ?? null,
      };
    })
    .sort((a, b) => compareTechniqueIds(a.id, b.id));
  return {
    domain: data.domain,
    attackVersion: data.attackVersion,
    notice: data.notice,
    tactics: data.tactics.map((t) => ({ id: t.id, shortname: t.shortname, name: t.name })),
    techniques,
  };
}

/** Orders T1003 < T1003.001 < T1003.002 < T1005. */
export function compareTechniqueIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

const rawAtomic = z.object({
  source: z.string(),
  license: z.string(),
  tests: z.array(
    z.object({
      guid: z.string(),
      technique: z.string(),
      number: z.number().int(),
      name: z.string(),
      platforms: z.array(z.string()),
      executor: z.string(),
      elevationRequired: z.boolean(),
      hasCleanup: z.boolean(),
      hasPrerequisites: z.boolean(),
    }),
  ),
});

export interface AtomicTest {
  guid: string;
  technique: string;
  number: number;
  name: string;
  platforms: string[];
  executor: string;
  elevationRequired: boolean;
  hasCleanup: boolean;
  hasPrerequisites: boolean;
}

export interface AtomicIndexFile {
  source: string;
  license: string;
  tests: AtomicTest[];
}

export function deriveAtomicIndex(raw: unknown): AtomicIndexFile {
  const data = rawAtomic.parse(raw);
  const tests = [...data.tests].sort(
    (a, b) => compareTechniqueIds(a.technique, b.technique) || a.number - b.number,
  );
  return { source: data.source, license: data.license, tests };
}
