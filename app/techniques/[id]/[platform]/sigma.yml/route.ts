import { allDetections, getDetection } from "@/lib/content/detections";

/** The Sigma sidecar, byte for byte, as a download. Prerendered for every detection. */

export const dynamic = "force-static";
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await allDetections()).map((d) => ({ id: d.technique, platform: d.platform }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ id: string; platform: string }> }) {
  const { id, platform } = await ctx.params;
  const d = await getDetection(id, platform);
  if (!d) return new Response("No such Sigma rule\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(d.sigma.text, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${d.sigma.fileName}"`,
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
