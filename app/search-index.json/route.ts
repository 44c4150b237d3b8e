import { buildSearchIndex } from "@/lib/search/build";

/** The public search index, generated once at build time from the catalogue and public detections. */
export const dynamic = "force-static";

export async function GET() {
  return Response.json(await buildSearchIndex(), {
    headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=86400" },
  });
}
