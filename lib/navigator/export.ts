import "server-only";
import { allTechniques, attackVersion, getTechnique } from "@/lib/attack/catalog";
import { compareTechniqueIds } from "@/lib/attack/derive";
import { PLATFORMS } from "@/lib/content/schema";
import type { Detection } from "@/lib/content/types";
import { siteUrl } from "@/lib/site";
import { navigatorLayer, type LayerTechniqueCoverage, type NavigatorLayer } from "./layer";

/** A Navigator layer for a list of (public) detections: the whole library or a filtered view. */
export function layerFor(detections: readonly Detection[], name: string, description: string): NavigatorLayer {
  const byTechnique = new Map<string, Detection[]>();
  for (const d of detections) {
    if (!getTechnique(d.technique)) continue;
    const arr = byTechnique.get(d.technique);
    if (arr) arr.push(d);
    else byTechnique.set(d.technique, [d]);
  }
  const coverage: LayerTechniqueCoverage[] = [...byTechnique.entries()]
    .sort(([a], [b]) => compareTechniqueIds(a, b))
    .map(([id, ds]) => ({
      id,
      count: ds.length,
      platforms: [...new Set(ds.map((d) => PLATFORMS[d.platform].label))],
      titles: ds.map((d) => d.title),
    }));
  const expandParents = [...new Set(coverage.map((c) => getTechnique(c.id)?.parent).filter((p): p is string => !!p))].sort(compareTechniqueIds);
  const attackPlatforms = [...new Set(allTechniques().flatMap((t) => t.platforms))].sort();
  return navigatorLayer({ name, description, attackVersion, attackPlatforms, coverage, expandParents, siteUrl: siteUrl() });
}
