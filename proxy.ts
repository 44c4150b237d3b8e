import { NextResponse, type NextRequest } from "next/server";
import { contentPagePath } from "@/lib/attack/ids";
import { buildCsp } from "@/lib/security/csp";
import { createScriptHashLookup, type ScriptHashes, type ScriptHashLookup } from "@/lib/security/csp-manifest";
import { PRERENDERED_CACHE_CONTROL, isFresh } from "@/lib/security/http-cache";
import { distDir } from "@/lib/security/static-html";

/**
 * Runs before routing. It rejects requests the router itself cannot handle (a path with a
 * malformed percent-escape would otherwise surface as a 500) and sets the Content-Security-Policy
 * (lib/security/csp.ts explains the hash + nonce design). It never decides access: pages and
 * route handlers ask lib/access themselves. The other security headers come from next.config.js
 * so that static files get them too.
 *
 * Per request it does as little as it can: the build's CSP manifest and the environment are read
 * once, and a plain GET of a prerendered page gets a header built once per path (hashes only: Next
 * serves the built file, so there is nothing to put a nonce on, and no request header to rewrite).
 */
const BAD_REQUEST_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" };

interface Settings {
  dev: boolean;
  formTargets: string[];
  hsts: boolean;
  hashes: ScriptHashLookup;
  /** Header of each prerendered page (keyed by its manifest entry, so bounded by the manifest). */
  staticCsp: Map<ScriptHashes, string>;
}
let settings: Settings | undefined;

/** Read once: `next start` loads the environment (and .env files) before the proxy's first request. */
function loadSettings(): Settings {
  return {
    dev: process.env.NODE_ENV === "development",
    formTargets: [
      ...(process.env.STRIPE_SECRET_KEY ? ["https://checkout.stripe.com", "https://billing.stripe.com"] : []),
      ...(process.env.GITHUB_ID ? ["https://github.com"] : []),
    ],
    hsts: (process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "").startsWith("https://"),
    hashes: createScriptHashLookup(distDir()),
    staticCsp: new Map(),
  };
}

export async function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  let pathname = raw;
  // decodeURIComponent can only fail on a "%".
  if (raw.includes("%")) {
    try {
      pathname = decodeURIComponent(raw);
    } catch {
      return new NextResponse("Bad request: the URL contains a malformed percent-escape.\n", { status: 400, headers: BAD_REQUEST_HEADERS });
    }
  }
  const method = request.method;
  // A multipart POST that does not parse: Next (16.5) reads every multipart POST to a page as a
  // possible no-JavaScript server-action form and answers 500 when the body is not valid form
  // data. Found by the route fuzzer (npm run test:load). Bodies are small here (forms only).
  if (method === "POST" && /^\s*multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    if (!(await parsesAsFormData(request))) {
      return new NextResponse("Bad request: the body is not valid multipart/form-data.\n", { status: 400, headers: BAD_REQUEST_HEADERS });
    }
  }
  const s = (settings ??= loadSettings());

  if (!s.dev) {
    const found = s.hashes(raw, pathname);
    // Next serves a prerendered page's built file for GET and HEAD, except for server actions
    // (next-action) and an on-demand revalidation (x-prerender-revalidate), which it renders.
    if (found.prerendered && (method === "GET" || method === "HEAD") && !request.headers.has("next-action") && !request.headers.has("x-prerender-revalidate")) {
      const csp = nonceFreeCsp(found, s);
      // The page's ETag from the build (next.config.js turns Next's per-response hashing off).
      // It names the build's version of the page. Next hides RSC requests from the proxy (it strips
      // the RSC headers and the _rsc parameter first), so the page's RSC responses carry it too;
      // that is sound because the HTML embeds the page's whole RSC payload, so both change
      // together, and caches keep the two apart (Vary: RSC, and nginx keys on the RSC headers).
      const etag = found.etag;
      if (etag && isFresh(request.headers, etag)) {
        return withHeaders(new NextResponse(null, { status: 304, headers: { ETag: etag, "Cache-Control": PRERENDERED_CACHE_CONTROL } }), csp, s.hsts);
      }
      const response = withHeaders(NextResponse.next(), csp, s.hsts);
      if (etag) response.headers.set("ETag", etag);
      return response;
    }
    const redirect = canonicalRedirect(request, raw, pathname);
    if (redirect) return redirect;
    // A server action called from script (next-action header) is answered with an RSC payload,
    // never HTML, so there is no inline script to put a nonce on: skip making one and rewriting
    // the request. The matcher sends such a request here only when its path has a percent-escape
    // (see `config`). (A no-JavaScript form post has no such header; it renders HTML, with a nonce.)
    if (method === "POST" && request.headers.has("next-action")) {
      return withHeaders(NextResponse.next(), nonceFreeCsp(found, s), s.hsts);
    }
    return rendered(request, found.hashes, s);
  }
  return canonicalRedirect(request, raw, pathname) ?? rendered(request, [], s);
}

/**
 * A technique, detection or tactic page asked for in another spelling (t1055, T1055/001, ...):
 * a permanent redirect to its canonical path. Those pages have `dynamicParams = false`, so Next
 * renders only their prerendered, canonical paths and answers anything else with the prerendered
 * 404 page (a page that called notFound() while rendering on demand got a document with no layout
 * and no content, drawn by script: next.js issue 62228).
 */
function canonicalRedirect(request: NextRequest, raw: string, pathname: string): NextResponse | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // Against the raw path, so a percent-escaped spelling of a canonical path is redirected too.
  const canonical = contentPagePath(pathname);
  if (!canonical || canonical === raw) return null;
  const url = request.nextUrl.clone();
  url.pathname = canonical;
  return NextResponse.redirect(url, 308);
}

/**
 * The header for a response with no nonce: hashes only. Built once per prerendered page (its
 * manifest entry is the key, so the map is bounded by the manifest); other paths' entries are
 * made per request, so their header is too.
 */
function nonceFreeCsp(found: ScriptHashes, s: Settings): string {
  if (!found.prerendered) return buildCsp({ hashes: found.hashes, formTargets: s.formTargets });
  let csp = s.staticCsp.get(found);
  if (csp === undefined) {
    csp = buildCsp({ hashes: found.hashes, formTargets: s.formTargets });
    s.staticCsp.set(found, csp);
  }
  return csp;
}

/** A response Next may render now: a fresh nonce, which Next reads from the request's header. */
function rendered(request: NextRequest, hashes: readonly string[], s: Settings): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = buildCsp({ nonce, hashes, dev: s.dev, formTargets: s.formTargets });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, s.hsts);
}

function withHeaders(response: NextResponse, csp: string, hsts: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

async function parsesAsFormData(request: NextRequest): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the proxy runs: every path but the build's static files, except a server action called from
 * script (a `next-action` header, like the Pro section of every detection page). Its reply is an RSC
 * payload, not a document, so it has no use for a CSP, and skipping the proxy is a fifth of the Pro
 * section's cost (npm run bench). Two guards keep that safe:
 * - a path with a percent-escape still goes through the proxy (second entry), because the router
 *   answers 500 to a malformed one;
 * - next.config.js marks every response to a `next-action` request private, no-store, with a CSP
 *   that allows nothing, so a GET forged with the header (Next serves the page to it, without this
 *   proxy's CSP) can never be cached for others or run a script.
 */
export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] },
    { source: "/(.*%.*)" },
  ],
};
