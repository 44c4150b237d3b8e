import "server-only";
import { allTactics } from "@/lib/attack/catalog";
import { CONFIDENCES, DATA_COMPONENTS, SEVERITIES, platformIds } from "@/lib/content/schema";
import type { Detection } from "@/lib/content/types";
import type { FilterVocabulary } from "./filters";

/** Every value each /detections facet accepts. Tables are the ones our detections read. */
export function filterVocabulary(detections: readonly Detection[]): FilterVocabulary {
  const tables = new Set<string>();
  for (const d of detections) for (const t of d.requiredTables) tables.add(t);
  return {
    tactic: allTactics().map((t) => t.id),
    platform: platformIds,
    severity: SEVERITIES,
    confidence: CONFIDENCES,
    source: DATA_COMPONENTS,
    table: [...tables].sort((a, b) => a.localeCompare(b, "en")),
  };
}
