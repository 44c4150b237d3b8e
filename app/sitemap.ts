import type { MetadataRoute } from "next";
import { allTactics, allTechniques } from "@/lib/attack/catalog";
import { allDetections } from "@/lib/content/detections";
import { detectionHref } from "@/lib/content/views";
import { siteUrl } from "@/lib/site";

/** Every public page: home, library, 15 tactics, 697 techniques, each detection. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const detections = await allDetections();
  const latest = detections.reduce((m, d) => (d.modified > m ? d.modified : m), "");
  const updatedByTechnique = new Map<string, string>();
  for (const d of detections) {
    const prev = updatedByTechnique.get(d.technique);
    if (!prev || d.modified > prev) updatedByTechnique.set(d.technique, d.modified);
  }
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1, ...(latest ? { lastModified: latest } : {}) },
    { url: `${base}/detections`, changeFrequency: "weekly", priority: 0.9, ...(latest ? { lastModified: latest } : {}) },
    ...allTactics().map((t) => ({ url: `${base}/tactics/${t.id}`, changeFrequency: "weekly" as const, priority: 0.7 })),
    ...allTechniques().map((t) => {
      const updated = updatedByTechnique.get(t.id) ?? t.modified?.slice(0, 10);
      return { url: `${base}/techniques/${t.id}`, changeFrequency: "monthly" as const, priority: t.parent ? 0.5 : 0.6, ...(updated ? { lastModified: updated } : {}) };
    }),
    ...detections.map((d) => ({ url: `${base}${detectionHref(d)}`, lastModified: d.modified, changeFrequency: "monthly" as const, priority: 0.8 })),
  ];
}
