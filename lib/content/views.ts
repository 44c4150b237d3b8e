import "server-only";
import {
  allTactics,
  allTechniques,
  atomicTestsFor,
  getTactic,
  getTechnique,
  shortName,
  subTechniques,
  type CatalogTechnique,
} from "@/lib/attack/catalog";
import { compareTechniqueIds } from "@/lib/attack/derive";
import { mitreUrl } from "@/lib/attack/ids";
import { allDetections, detectionLookup, detectionsForTechnique } from "./detections";
import { buildRelatedIndex, relatedTo, type RelatedIndex } from "./related";
import { PLATFORMS, platformIds, type Platform } from "./schema";
import type { Detection } from "./types";

/** Plain, serialisable shapes the pages pass to components. */

export interface TacticRef {
  id: string;
  name: string;
  shortname: string;
}

export interface TechniqueRef {
  id: string;
  name: string;
  shortName: string;
  url: string;
}

export interface DetectionRef {
  id: string;
  title: string;
  technique: string;
  platform: Platform;
  platformLabel: string;
  href: string;
  severity: Detection["severity"];
}

export interface PlatformAvailability {
  platform: Platform;
  label: string;
  language: string;
  href: string | null;
}

export function tacticRefs(ids: readonly string[]): TacticRef[] {
  return ids.flatMap((id) => {
    const t = getTactic(id);
    return t ? [{ id: t.id, name: t.name, shortname: t.shortname }] : [];
  });
}

export function techniqueRef(t: CatalogTechnique): TechniqueRef {
  return { id: t.id, name: t.name, shortName: shortName(t), url: mitreUrl(t.id) };
}

export function detectionHref(d: Pick<Detection, "technique" | "platform">): string {
  return `/techniques/${d.technique}/${d.platform}`;
}

export function detectionRef(d: Detection): DetectionRef {
  return {
    id: d.id,
    title: d.title,
    technique: d.technique,
    platform: d.platform,
    platformLabel: d.platformLabel,
    href: detectionHref(d),
    severity: d.severity,
  };
}

export async function platformAvailability(technique: string): Promise<PlatformAvailability[]> {
  const have = await detectionsForTechnique(technique);
  return platformIds.map((p) => {
    const d = have.find((x) => x.platform === p);
    return { platform: p, label: PLATFORMS[p].label, language: PLATFORMS[p].language, href: d ? detectionHref(d) : null };
  });
}

const relatedIndexes = new WeakMap<readonly Detection[], RelatedIndex<Detection>>();

/**
 * Related detections: the ones the author named first, then the same technique on other platforms,
 * then parent / sub-technique detections, then those sharing a tactic and a table. The bucket
 * index is built once per detection list (see related.ts).
 */
export async function relatedDetections(d: Detection, limit = 6): Promise<DetectionRef[]> {
  const all = await allDetections();
  let index = relatedIndexes.get(all);
  if (!index) {
    index = buildRelatedIndex(all);
    relatedIndexes.set(all, index);
  }
  return relatedTo(index, d, limit).map(detectionRef);
}

export interface TechniqueView {
  technique: TechniqueRef;
  tactics: TacticRef[];
  platforms: string[];
  parent: TechniqueRef | null;
  subTechniques: (TechniqueRef & { detectionCount: number })[];
  detections: DetectionRef[];
  availability: PlatformAvailability[];
  atomicTests: { guid: string; technique: string; number: number; name: string; platforms: string[]; executor: string }[];
  version: string | null;
  modified: string | null;
}

export async function techniqueView(id: string): Promise<TechniqueView | null> {
  const t = getTechnique(id);
  if (!t) return null;
  const { byTechnique } = await detectionLookup();
  const parent = t.parent ? getTechnique(t.parent) : undefined;
  const subs = subTechniques(t.id);
  return {
    technique: techniqueRef(t),
    tactics: tacticRefs(t.tactics),
    platforms: t.platforms,
    parent: parent ? techniqueRef(parent) : null,
    subTechniques: subs.map((s) => ({ ...techniqueRef(s), detectionCount: byTechnique.get(s.id)?.length ?? 0 })),
    detections: (byTechnique.get(t.id) ?? []).map(detectionRef),
    availability: await platformAvailability(t.id),
    atomicTests: atomicTestsFor(t.id).map((a) => ({
      guid: a.guid,
      technique: a.technique,
      number: a.number,
      name: a.name,
      platforms: a.platforms,
      executor: a.executor,
    })),
    version: t.version,
    modified: t.modified,
  };
}

export interface Coverage {
  /** Detections for this exact technique. */
  count: number;
  /** Platforms of those detections, in platform order. */
  platforms: Platform[];
}

export interface MatrixSub extends Coverage {
  id: string;
  shortName: string;
}

export interface MatrixCell extends Coverage {
  id: string;
  name: string;
  /** Detections for its sub-techniques (listed under this tactic). */
  subCount: number;
  subs: MatrixSub[];
}

export interface MatrixColumn {
  tactic: TacticRef;
  techniques: MatrixCell[];
  /** Techniques (parents) in this column with any detection, themselves or via a sub-technique. */
  covered: number;
  detections: number;
}

function coverageOf(ds: readonly Detection[] | undefined): Coverage {
  if (!ds || ds.length === 0) return { count: 0, platforms: [] };
  const have = new Set(ds.map((d) => d.platform));
  return { count: ds.length, platforms: platformIds.filter((p) => have.has(p)) };
}

/** The Enterprise matrix: 15 tactics in matrix order, parent techniques by name, subs per tactic. */
const matrixCache = new WeakMap<readonly Detection[], MatrixColumn[]>();

export async function matrixView(): Promise<MatrixColumn[]> {
  const all = await allDetections();
  const cached = matrixCache.get(all);
  if (cached) return cached;
  const { byTechnique } = await detectionLookup();
  const columns = buildMatrix(byTechnique);
  matrixCache.set(all, columns);
  return columns;
}

function buildMatrix(byTechnique: ReadonlyMap<string, readonly Detection[]>): MatrixColumn[] {
  return allTactics().map((tactic) => {
    const techniques = allTechniques()
      .filter((t) => !t.parent && t.tactics.includes(tactic.id))
      .sort((a, b) => a.name.localeCompare(b.name, "en"))
      .map((t): MatrixCell => {
        const subs = subTechniques(t.id)
          .filter((s) => s.tactics.includes(tactic.id))
          .map((s): MatrixSub => ({ id: s.id, shortName: shortName(s), ...coverageOf(byTechnique.get(s.id)) }));
        return {
          id: t.id,
          name: t.name,
          ...coverageOf(byTechnique.get(t.id)),
          subCount: subs.reduce((n, s) => n + s.count, 0),
          subs,
        };
      });
    return {
      tactic: { id: tactic.id, name: tactic.name, shortname: tactic.shortname },
      techniques,
      covered: techniques.filter((t) => t.count + t.subCount > 0).length,
      detections: techniques.reduce((n, t) => n + t.count + t.subCount, 0),
    };
  });
}

export interface TacticView {
  column: MatrixColumn;
  detections: ReturnType<typeof detectionRow>[];
}

export async function tacticView(id: string): Promise<TacticView | null> {
  const tactic = getTactic(id);
  if (!tactic) return null;
  const column = (await matrixView()).find((c) => c.tactic.id === tactic.id);
  if (!column) return null;
  const detections = (await allDetections())
    .filter((d) => d.tactics.includes(tactic.id))
    .sort((a, b) => compareTechniqueIds(a.technique, b.technique) || a.platform.localeCompare(b.platform))
    .map(detectionRow);
  return { column, detections };
}

/** Rows for detection listings (the /detections page and tactic pages). */
export function detectionRow(d: Detection) {
  return {
    id: d.id,
    href: detectionHref(d),
    title: d.title,
    description: d.description,
    technique: d.technique,
    techniqueName: getTechnique(d.technique)?.name ?? d.technique,
    platformLabel: d.platformLabel,
    severity: d.severity,
    confidence: d.confidence,
    tables: d.requiredTables,
    dataSources: d.dataSources,
    modified: d.modified,
  };
}
