import "server-only";
import { getTactic, getTechnique, shortName, subTechniques, atomicTestsFor, type CatalogTechnique } from "@/lib/attack/catalog";
import { mitreUrl } from "@/lib/attack/ids";
import { allDetections, detectionsForTechnique, getDetectionById } from "./detections";
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

/**
 * Related detections: the ones the author named first, then the same technique on other platforms,
 * then parent / sub-technique detections, then those sharing a tactic and a table.
 */
export async function relatedDetections(d: Detection, limit = 6): Promise<DetectionRef[]> {
  const all = await allDetections();
  const out: Detection[] = [];
  const push = (x: Detection | undefined) => {
    if (x && x.id !== d.id && !out.some((o) => o.id === x.id)) out.push(x);
  };
  for (const id of d.relatedDetections) push(await getDetectionById(id));
  const parent = d.technique.split(".")[0];
  for (const x of all) if (x.technique === d.technique) push(x);
  for (const x of all) if (x.technique === parent || x.technique.startsWith(`${d.technique}.`) || x.technique.split(".")[0] === parent) push(x);
  for (const x of all)
    if (x.tactics.some((t) => d.tactics.includes(t)) && x.requiredTables.some((t) => d.requiredTables.includes(t))) push(x);
  return out.slice(0, limit).map(detectionRef);
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
  const all = await allDetections();
  const parent = t.parent ? getTechnique(t.parent) : undefined;
  const subs = subTechniques(t.id);
  return {
    technique: techniqueRef(t),
    tactics: tacticRefs(t.tactics),
    platforms: t.platforms,
    parent: parent ? techniqueRef(parent) : null,
    subTechniques: subs.map((s) => ({ ...techniqueRef(s), detectionCount: all.filter((d) => d.technique === s.id).length })),
    detections: all.filter((d) => d.technique === t.id).map(detectionRef),
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
