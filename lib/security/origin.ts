import { siteUrl } from "@/lib/site";

/**
 * CSRF defence for our own state-changing endpoints (server actions and route handlers): the
 * browser's Origin header (or, failing that, Referer) must be our origin. Browsers always send
 * Origin on cross-site POSTs, so a forged form from another site is refused. Next's server actions
 * make the same check against Host; this one also pins the configured public origin.
 */
export function isSameOrigin(headers: { get(name: string): string | null }, expected = siteUrl()): boolean {
  const want = safeOrigin(expected);
  if (!want) return false;
  const origin = headers.get("origin");
  if (origin) return origin === want;
  const referer = headers.get("referer");
  if (referer) return safeOrigin(referer) === want;
  return false;
}

function safeOrigin(u: string): string | null {
  try {
    return new URL(u).origin;
  } catch {
    return null;
  }
}
