import { getTechnique } from "@/lib/attack/catalog";
import { allDetections } from "@/lib/content/detections";
import { detectionHref } from "@/lib/content/views";
import { atomFeed } from "@/lib/feed";
import { siteUrl } from "@/lib/site";

/** Atom feed of new and updated detections, generated at build time from public data. */
export const dynamic = "force-static";

export async function GET() {
  const items = (await allDetections()).map((d) => ({
    id: d.id,
    technique: d.technique,
    techniqueName: getTechnique(d.technique)?.name ?? d.technique,
    platformLabel: d.platformLabel,
    title: d.title,
    description: d.description,
    author: d.author,
    created: d.created,
    modified: d.modified,
    version: d.version,
    href: detectionHref(d),
  }));
  return new Response(atomFeed(siteUrl(), items), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
