import "server-only";
import { allTactics, allTechniques, attackVersion, type CatalogTactic, type CatalogTechnique } from "@/lib/attack/catalog";
import { allDetections } from "@/lib/content/detections";
import type { Detection } from "@/lib/content/types";
import { PLATFORM_SHORT } from "@/lib/content/platform-labels";
import type { SearchIndexFile } from "./types";

/**
 * Builds the public search index at build time (served as the static /search-index.json).
 * Inputs are the ATT&CK catalogue and the public detection loader only: the Pro loader
 * (lib/content/pro.ts) is never imported here, and `Detection` is the public type.
 */
export async function buildSearchIndex(): Promise<SearchIndexFile> {
  return searchIndexFrom(allTechniques(), await allDetections(), attackVersion, PLATFORM_SHORT, allTactics());
}

type IndexedDetection = Pick<Detection, "kind" | "technique" | "platform" | "title" | "description" | "requiredTables" | "dataSources">;

export function searchIndexFrom(
  techniques: readonly Pick<CatalogTechnique, "id" | "name">[],
  detections: readonly IndexedDetection[],
  version: string,
  platforms: Record<string, string>,
  tactics: readonly Pick<CatalogTactic, "id" | "name">[] = [],
): SearchIndexFile {
  const counts = new Map<string, number>();
  for (const d of detections) counts.set(d.technique, (counts.get(d.technique) ?? 0) + 1);
  return {
    v: 1,
    attackVersion: version,
    platforms,
    a: tactics.map((t) => [t.id, t.name]),
    t: techniques.map((t) => [t.id, t.name, counts.get(t.id) ?? 0]),
    d: detections.map((d) => [
      d.technique,
      d.platform,
      d.title,
      [d.description.replace(/\s+/g, " ").trim(), d.requiredTables.join(" "), d.dataSources.join(", ")].join(" | "),
    ]),
  };
}
