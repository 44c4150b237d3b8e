import { filterVocabulary } from "@/lib/browse/vocab";
import { applyFilters, FILTER_KEYS, hasActiveFilters, parseFilters } from "@/lib/browse/filters";
import { allDetections } from "@/lib/content/detections";
import { layerFor } from "@/lib/navigator/export";

/**
 * ATT&CK Navigator layer (format 4.5) of our coverage; takes the same filter parameters as
 * /detections, so the library's "download layer" button exports exactly the filtered view.
 */
export async function GET(req: Request) {
  const all = await allDetections();
  const parsed = parseFilters(new URL(req.url).searchParams, filterVocabulary(all));
  const list = applyFilters(all, parsed);
  const filtered = hasActiveFilters(parsed.filters) || parsed.invalid.length > 0;
  const chosen = FILTER_KEYS.flatMap((k) => parsed.filters[k].map((v) => `${k}=${v}`)).join(", ");
  const description = filtered
    ? `Huntbook detections matching ${chosen || "no valid filter"}${
        parsed.invalid.length ? ` (unrecognised: ${parsed.invalid.map((i) => `${i.key}=${i.value}`).join(", ")})` : ""
      }: ${list.length} detection${list.length === 1 ? "" : "s"}.`
    : `Techniques with Huntbook detections: ${list.length} detection${list.length === 1 ? "" : "s"}. Colour: number of platforms covered.`;
  const layer = layerFor(list, filtered ? "Huntbook coverage (filtered)" : "Huntbook coverage", description);
  return new Response(JSON.stringify(layer, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="huntbook-${filtered ? "filtered" : "coverage"}-layer.json"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
