/**
 * Where a user may be sent after signing in or out: only paths on our own origin. Anything else
 * (another host, a protocol-relative `//evil`, `javascript:`, backslash tricks) becomes `fallback`.
 */
export function safeCallbackPath(raw: unknown, origin: string, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return fallback;
  }
  if (/^[\s\u0000-\u001f]/.test(raw) || raw.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  if (!raw.startsWith("/") && !raw.startsWith(base.origin + "/") && raw !== base.origin) return fallback;
  if (raw.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback contract: an absolute URL on our origin. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
}
