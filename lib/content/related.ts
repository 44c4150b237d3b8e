/**
 * Related detections, computed from bucket indexes built once per detection list, so a page asks
 * O(limit + buckets) questions instead of scanning every detection (no quadratic work over 1000
 * detections at build time). Pure: no file access, usable with synthetic data in tests.
 */
import { compareTechniqueIds } from "@/lib/attack/derive";

/** The facts relatedness needs; the public Detection type satisfies it. */
export interface RelatableDetection {
  id: string;
  technique: string;
  platform: string;
  tactics: readonly string[];
  requiredTables: readonly string[];
  relatedDetections: readonly string[];
}

export interface RelatedIndex<D extends RelatableDetection> {
  byId: ReadonlyMap<string, D>;
  byTechnique: ReadonlyMap<string, readonly D[]>;
  /** Root technique (T1055 for T1055.001) to every detection under it, parent first. */
  byRoot: ReadonlyMap<string, readonly D[]>;
  /** `tactic|table` to the detections sharing both. */
  byTacticTable: ReadonlyMap<string, readonly D[]>;
}

export function rootTechnique(id: string): string {
  const dot = id.indexOf(".");
  return dot < 0 ? id : id.slice(0, dot);
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const arr = m.get(k);
  if (arr) arr.push(v);
  else m.set(k, [v]);
}

const cmp = (a: RelatableDetection, b: RelatableDetection) =>
  compareTechniqueIds(a.technique, b.technique) || a.platform.localeCompare(b.platform);

export function buildRelatedIndex<D extends RelatableDetection>(list: readonly D[]): RelatedIndex<D> {
  const sorted = [...list].sort(cmp);
  const byTechnique = new Map<string, D[]>();
  const byRoot = new Map<string, D[]>();
  const byTacticTable = new Map<string, D[]>();
  for (const d of sorted) {
    add(byTechnique, d.technique, d);
    add(byRoot, rootTechnique(d.technique), d);
    for (const tactic of new Set(d.tactics)) for (const table of new Set(d.requiredTables)) add(byTacticTable, `${tactic}|${table}`, d);
  }
  return { byId: new Map(list.map((d) => [d.id, d])), byTechnique, byRoot, byTacticTable };
}

/**
 * The ones the author named first, then the same technique on other platforms, then parent,
 * sub- and sibling-technique detections, then those sharing a tactic and a table.
 */
export function relatedTo<D extends RelatableDetection>(index: RelatedIndex<D>, d: RelatableDetection, limit = 6): D[] {
  const out: D[] = [];
  const seen = new Set<string>([d.id]);
  const push = (x: D | undefined): boolean => {
    if (x && !seen.has(x.id)) {
      seen.add(x.id);
      out.push(x);
    }
    return out.length >= limit;
  };
  const pushAll = (xs: readonly D[] | undefined): boolean => {
    for (const x of xs ?? []) if (push(x)) return true;
    return out.length >= limit;
  };
  if (limit <= 0) return out;
  for (const id of d.relatedDetections) if (push(index.byId.get(id))) return out;
  if (pushAll(index.byTechnique.get(d.technique))) return out;
  const root = rootTechnique(d.technique);
  if (root !== d.technique && pushAll(index.byTechnique.get(root))) return out;
  if (pushAll(index.byRoot.get(root))) return out;
  for (const tactic of d.tactics) for (const table of d.requiredTables) if (pushAll(index.byTacticTable.get(`${tactic}|${table}`))) return out;
  return out;
}
