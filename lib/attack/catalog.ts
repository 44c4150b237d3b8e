import "server-only";
import attackFile from "@/content/catalog/attack-v19.json";
import atomicFile from "@/content/catalog/atomic-tests.json";
import type { AtomicIndexFile, AtomicTest, AttackCatalogFile, CatalogTactic, CatalogTechnique } from "./derive";
import { compareTechniqueIds } from "./derive";
import { normalizeTechniqueId } from "./ids";

/**
 * The committed ATT&CK v19 catalogue and Atomic Red Team index, reshaped once into lookups.
 * Everything the site says about a technique's name, tactics and platforms comes from here.
 */

export type { AtomicTest, CatalogTactic, CatalogTechnique };

const attack = attackFile as AttackCatalogFile;
const atomic = atomicFile as AtomicIndexFile;

const techniqueById = new Map<string, CatalogTechnique>(attack.techniques.map((t) => [t.id, t]));
const tacticById = new Map<string, CatalogTactic>(attack.tactics.map((t) => [t.id, t]));
const subsByParent = new Map<string, CatalogTechnique[]>();
for (const t of attack.techniques) {
  if (!t.parent) continue;
  const list = subsByParent.get(t.parent) ?? [];
  list.push(t);
  subsByParent.set(t.parent, list);
}
const atomicByGuid = new Map<string, AtomicTest>(atomic.tests.map((t) => [t.guid, t]));
const atomicByTechnique = new Map<string, AtomicTest[]>();
for (const t of atomic.tests) {
  const list = atomicByTechnique.get(t.technique) ?? [];
  list.push(t);
  atomicByTechnique.set(t.technique, list);
}

export const attackVersion = attack.attackVersion;
export const attackNotice = attack.notice;
export const atomicSource = atomic.source;

export function allTactics(): readonly CatalogTactic[] {
  return attack.tactics;
}

export function allTechniques(): readonly CatalogTechnique[] {
  return attack.techniques;
}

export function getTechnique(id: string): CatalogTechnique | undefined {
  return techniqueById.get(id);
}

export function getTactic(id: string): CatalogTactic | undefined {
  return tacticById.get(id);
}

export function subTechniques(id: string): readonly CatalogTechnique[] {
  return subsByParent.get(id) ?? [];
}

export function getAtomicTest(guid: string): AtomicTest | undefined {
  return atomicByGuid.get(guid.toLowerCase());
}

export function atomicTestsFor(techniqueId: string): readonly AtomicTest[] {
  return atomicByTechnique.get(techniqueId) ?? [];
}

/** Name without the parent prefix ATT&CK puts on sub-techniques ("Process Injection: "). */
export function shortName(t: CatalogTechnique): string {
  if (!t.parent) return t.name;
  const parent = techniqueById.get(t.parent);
  return parent && t.name.startsWith(`${parent.name}: `) ? t.name.slice(parent.name.length + 2) : t.name;
}

/**
 * Close matches for something that is not a known technique: same numeric neighbourhood, shared
 * name words, or a small edit distance on the ID. Used by the 404 page.
 */
export function suggestTechniques(input: string, limit = 5): CatalogTechnique[] {
  const raw = input.normalize("NFKC").trim().slice(0, 80);
  const normalized = normalizeTechniqueId(raw);
  const scored: { t: CatalogTechnique; score: number }[] = [];
  const digits = /\d{4}/.exec(raw)?.[0];
  const words = raw
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  for (const t of attack.techniques) {
    let score = 0;
    if (normalized && t.id === normalized.split(".")[0]) score += 50; // unknown sub-technique: offer the parent
    if (digits) {
      const d = levenshtein(digits, t.id.slice(1, 5));
      if (d === 0) score += t.parent ? 20 : 30;
      else if (d === 1) score += t.parent ? 4 : 12;
    }
    const name = t.name.toLowerCase();
    for (const w of words) if (name.includes(w)) score += 10;
    if (score > 0) scored.push({ t, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || compareTechniqueIds(a.t.id, b.t.id))
    .slice(0, limit)
    .map((s) => s.t);
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
