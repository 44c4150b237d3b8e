/**
 * Content-Security-Policy. Public pages are prerendered at build time and Next inlines its RSC
 * payload as `<script>self.__next_f.push(…)</script>` tags, which a nonce cannot cover (a nonce
 * must change per response; a static file cannot). So:
 *   - prerendered pages: `npm run build` hashes every inline script (sha256) of every prerendered
 *     HTML file into <dist>/csp-manifest.json (lib/security/csp-manifest.ts, run by
 *     scripts/csp-manifest.ts after `next build`). The proxy loads it once and answers a GET for
 *     such a path from memory with exactly that page's hashes and no nonce: Next serves the file
 *     as built and never renders it per request (revalidate: false, no on-demand revalidation);
 *   - everything rendered per request (dynamic pages, server-action and multipart POSTs, which
 *     Next renders past the prerender): a fresh nonce that Next puts on its inline scripts (it
 *     reads it from the request's Content-Security-Policy header), plus the hashes of any copy in
 *     Next's runtime response cache (pages first rendered at run time and then served from that
 *     cache with the nonce of their first response) and of the prerendered 404 page;
 *   - no manifest (someone ran `next build` alone, or it belongs to another build): the proxy logs
 *     once and falls back to hashing the built HTML on first use per path (lib/security/static-html.ts).
 * Pure functions here; proxy.ts and lib/security/csp-manifest.ts do the file access.
 */
import { createHash } from "node:crypto";

const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The inline (no src) scripts of an HTML document, as the browser sees their text. */
export function inlineScripts(html: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  for (const m of html.matchAll(SCRIPT_RE)) {
    const attrs = m[1] ?? "";
    if (/\bsrc\s*=/i.test(attrs)) continue;
    out.push({ attrs, body: m[2] ?? "" });
  }
  return out;
}

export function scriptHash(body: string): string {
  return `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
}

export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map((s) => scriptHash(s.body)))];
}

export interface CspOptions {
  /** Omitted for responses Next serves from a prerendered file: hashes alone cover them. */
  nonce?: string | null;
  hashes: readonly string[];
  dev?: boolean;
  /** Extra form/redirect targets, e.g. Stripe Checkout when it is configured. */
  formTargets?: readonly string[];
}

export function buildCsp({ nonce, hashes, dev = false, formTargets = [] }: CspOptions): string {
  const script = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes, ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // MUI/emotion inserts <style> elements at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https://avatars.githubusercontent.com",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.length ? " " + formTargets.join(" ") : ""}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join("; ");
}

/** Parses `script-src` sources out of a CSP header (for tests). */
export function scriptSources(csp: string): string[] {
  const d = csp
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith("script-src "));
  return d ? d.split(/\s+/).slice(1) : [];
}

/** Whether every inline script in `html` is allowed by `csp` (by hash or by nonce). */
export function disallowedInlineScripts(html: string, csp: string): string[] {
  const sources = new Set(scriptSources(csp));
  const bad: string[] = [];
  for (const s of inlineScripts(html)) {
    const nonce = /\bnonce\s*=\s*"([^"]*)"/i.exec(s.attrs)?.[1];
    if (nonce && sources.has(`'nonce-${nonce}'`)) continue;
    if (sources.has(scriptHash(s.body))) continue;
    // Data blocks (JSON-LD etc.) are not executed, so CSP does not apply to them.
    const type = /\btype\s*=\s*"([^"]*)"/i.exec(s.attrs)?.[1]?.toLowerCase();
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue;
    bad.push(s.body.slice(0, 80));
  }
  return bad;
}
