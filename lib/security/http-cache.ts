/** Conditional GETs for prerendered pages, answered by proxy.ts from the build's ETags. */

/** What Next sends with a prerendered page that never revalidates (kept on its 304s). */
export const PRERENDERED_CACHE_CONTROL = "s-maxage=31536000";

/**
 * Whether the client's copy is current: If-None-Match lists `etag` (weak comparison, as for GET)
 * or is "*", and the request does not ask to bypass caches (the rules Next's own check follows).
 */
export function isFresh(headers: Headers, etag: string): boolean {
  const inm = headers.get("if-none-match");
  if (!inm) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/i.test(headers.get("cache-control") ?? "")) return false;
  if (inm.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  const want = bare(etag);
  return inm.split(",").some((t) => bare(t) === want);
}
