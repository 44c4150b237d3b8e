import "server-only";
import { getTechnique } from "@/lib/attack/catalog";
import { getAtomicTest } from "@/lib/attack/catalog";
import { checkDetectionFiles, type CheckedDetection } from "./check";
import { PLATFORMS, type Platform } from "./schema";
import { ContentError } from "./source";
import type { Detection } from "./types";

/**
 * The public detection data-access layer: reads and validates content/ once per process and
 * reshapes it into app types. Never reads Pro files (see pro.ts).
 */

let cache: Promise<Detection[]> | null = null;

export function allDetections(): Promise<Detection[]> {
  cache ??= load();
  return cache;
}

/** Lookups built once per loaded list, so per-page queries stay O(1) with 1000 detections. */
export interface DetectionLookup {
  byId: ReadonlyMap<string, Detection>;
  /** Keyed by `T1055/sentinel`. */
  bySlug: ReadonlyMap<string, Detection>;
  byTechnique: ReadonlyMap<string, readonly Detection[]>;
}

const lookups = new WeakMap<readonly Detection[], DetectionLookup>();

export function lookupFor(list: readonly Detection[]): DetectionLookup {
  let l = lookups.get(list);
  if (!l) {
    const byTechnique = new Map<string, Detection[]>();
    for (const d of list) {
      const arr = byTechnique.get(d.technique);
      if (arr) arr.push(d);
      else byTechnique.set(d.technique, [d]);
    }
    l = {
      byId: new Map(list.map((d) => [d.id, d])),
      bySlug: new Map(list.map((d) => [`${d.technique}/${d.platform}`, d])),
      byTechnique,
    };
    lookups.set(list, l);
  }
  return l;
}

export async function detectionLookup(): Promise<DetectionLookup> {
  return lookupFor(await allDetections());
}

async function load(): Promise<Detection[]> {
  const { detections, issues } = await checkDetectionFiles();
  if (issues.length > 0) throw new ContentError(issues);
  return detections.map(toDetection);
}

export function sigmaFileName(technique: string, sigmaTitle: string): string {
  const slug = sigmaTitle
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 80);
  return `${technique.toLowerCase().replace(".", "_")}_${slug}.yml`;
}

export function toDetection(c: CheckedDetection): Detection {
  const fm = c.frontmatter;
  const meta = PLATFORMS[fm.platform];
  const sigmaTitle = typeof c.sigma.title === "string" ? c.sigma.title : fm.title;
  return {
    kind: "public-detection",
    id: fm.id,
    slug: `${fm.technique}/${fm.platform}`,
    technique: fm.technique,
    platform: fm.platform,
    platformLabel: meta.label,
    language: meta.language,
    title: fm.title,
    description: fm.description,
    tactics: fm.tactics,
    severity: fm.severity,
    confidence: fm.confidence,
    dataSources: fm.dataSources,
    requiredTables: fm.requiredTables,
    queryWindow: fm.queryWindow,
    falsePositives: fm.falsePositives,
    tuning: fm.tuning,
    atomicTests: fm.atomicTests.map((a) => {
      const t = getAtomicTest(a.guid);
      if (!t) throw new Error(`atomic test ${a.guid} vanished after validation`);
      return {
        guid: a.guid,
        number: t.number,
        name: t.name,
        technique: t.technique,
        platforms: t.platforms,
        executor: t.executor,
        behaviour: a.behaviour,
        expectedTelemetry: a.expectedTelemetry,
      };
    }),
    noAtomicReason: fm.noAtomicReason ?? null,
    relatedDetections: fm.relatedDetections,
    author: fm.author,
    created: fm.created,
    modified: fm.modified,
    version: fm.version,
    query: c.query,
    body: c.body,
    sigma: {
      text: c.sigmaText,
      fileName: sigmaFileName(fm.technique, sigmaTitle),
      title: sigmaTitle,
      ruleId: typeof c.sigma.id === "string" ? c.sigma.id : "",
    },
    events: c.events,
  };
}

export async function getDetection(technique: string, platform: string): Promise<Detection | undefined> {
  return (await detectionLookup()).bySlug.get(`${technique}/${platform}`);
}

export async function detectionsForTechnique(technique: string): Promise<Detection[]> {
  return [...((await detectionLookup()).byTechnique.get(technique) ?? [])];
}

export async function getDetectionById(id: string): Promise<Detection | undefined> {
  return (await detectionLookup()).byId.get(id);
}

export function isPlatform(p: string): p is Platform {
  return Object.hasOwn(PLATFORMS, p);
}

export function techniqueExists(id: string): boolean {
  return getTechnique(id) !== undefined;
}
