import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateETag } from "next/dist/server/lib/etag.js";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { inlineScriptHashes, scriptSources } from "./csp";
import { writeCspManifest } from "./csp-manifest";

// proxy.ts reads its settings and the build's manifest once, on its first request: point it at a
// fake build before that.
const dist = mkdtempSync(path.join(os.tmpdir(), "csp-proxy-"));
const app = path.join(dist, "server", "app");
mkdirSync(path.join(app, "techniques"), { recursive: true });
writeFileSync(path.join(dist, "BUILD_ID"), "b1");
writeFileSync(
  path.join(dist, "prerender-manifest.json"),
  JSON.stringify({
    routes: {
      "/_not-found": { dataRoute: "/_not-found.rsc", initialRevalidateSeconds: false },
      "/techniques/T1055": { dataRoute: "/techniques/T1055.rsc", initialRevalidateSeconds: false },
    },
  }),
);
writeFileSync(path.join(app, "_not-found.html"), "<script>nf()</script>");
writeFileSync(path.join(app, "techniques", "T1055.html"), "<script>t()</script>");

let proxy: (r: NextRequest) => Promise<Response>;
beforeAll(async () => {
  vi.stubEnv("HUNTBOOK_DIST_DIR", dist);
  writeCspManifest(dist);
  ({ proxy } = await import("@/proxy"));
});

const h = (body: string) => inlineScriptHashes(`<script>${body}</script>`)[0];
const req = (p: string, init?: ConstructorParameters<typeof NextRequest>[1]) => new NextRequest(`http://localhost${p}`, init);
const overridden = (res: Response) => res.headers.get("x-middleware-override-headers");

describe("proxy.ts", () => {
  it("a GET of a prerendered page gets exactly its hashes, no nonce, and leaves the request alone", async () => {
    const res = await proxy(req("/techniques/T1055"));
    const sources = scriptSources(res.headers.get("content-security-policy") ?? "");
    expect(sources).toEqual(["'self'", h("t()")]);
    expect(overridden(res)).toBeNull();
  });

  it("redirects another spelling of a technique, detection or tactic page to its canonical path", async () => {
    for (const [from, to] of [
      ["/techniques/t1055?ref=x", "/techniques/T1055?ref=x"],
      ["/techniques/T1055/001", "/techniques/T1055.001"],
      ["/techniques/t1055/Sentinel", "/techniques/T1055/sentinel"],
      ["/techniques/T1055%2E001", "/techniques/T1055.001"],
      ["/tactics/ta0005", "/tactics/TA0005"],
    ] as const) {
      const res = await proxy(req(from));
      expect(res.status, from).toBe(308);
      expect(new URL(res.headers.get("location") ?? "").pathname + new URL(res.headers.get("location") ?? "").search, from).toBe(to);
    }
    // Canonical paths, other pages and other methods are left to Next.
    for (const r of [req("/techniques/T1055"), req("/techniques/T9999"), req("/pricing"), req("/techniques/t1055", { method: "POST" })]) {
      const res = await proxy(r);
      expect(res.status, r.url).not.toBe(308);
      expect(res.headers.get("location"), r.url).toBeNull();
    }
  });

  it("a path that is not prerendered gets a nonce (passed on to Next) and the 404 page's hashes", async () => {
    const res = await proxy(req("/signin"));
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = scriptSources(csp).find((s) => s.startsWith("'nonce-"));
    expect(nonce).toBeTruthy();
    expect(scriptSources(csp)).toContain(h("nf()"));
    expect(overridden(res)).toContain("content-security-policy");
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("requests Next renders past the prerender (server actions, POSTs) get a nonce too", async () => {
    for (const r of [
      req("/techniques/T1055", { headers: { "next-action": "abc" } }),
      req("/techniques/T1055", { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } }),
    ]) {
      const csp = (await proxy(r)).headers.get("content-security-policy") ?? "";
      expect(scriptSources(csp).some((s) => s.startsWith("'nonce-"))).toBe(true);
      expect(scriptSources(csp)).toContain(h("t()"));
    }
  });

  it("a server action called from script (RSC reply, no HTML) keeps the hashes but gets no nonce", async () => {
    const res = await proxy(req("/techniques/T1055", { method: "POST", body: "[]", headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" } }));
    const sources = scriptSources(res.headers.get("content-security-policy") ?? "");
    expect(sources).toContain(h("t()"));
    expect(sources.some((x) => x.startsWith("'nonce-"))).toBe(false);
    expect(sources).not.toContain("'unsafe-inline'");
    expect(overridden(res)).toBeNull();
  });

  it("sets the build's ETag on a prerendered page and answers a matching If-None-Match with 304", async () => {
    const res = await proxy(req("/techniques/T1055"));
    const etag = res.headers.get("etag");
    expect(etag).toBe(generateETag("<script>t()</script>"));
    const again = await proxy(req("/techniques/T1055", { headers: { "if-none-match": etag! } }));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("content-security-policy")).toContain(h("t()"));
    // Another ETag or a cache bypass: no 304.
    expect((await proxy(req("/techniques/T1055", { headers: { "if-none-match": '"old"' } }))).status).not.toBe(304);
    expect((await proxy(req("/techniques/T1055", { headers: { "if-none-match": etag!, "cache-control": "no-cache" } }))).status).not.toBe(304);
    // Pages rendered per request get none.
    expect((await proxy(req("/signin"))).headers.get("etag")).toBeNull();
  });

  it("answers 400 to a malformed percent-escape and an unparseable multipart POST", async () => {
    expect((await proxy(req("/techniques/%ZZ"))).status).toBe(400);
    const bad = req("/signup", { method: "POST", body: "not multipart", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect((await proxy(bad)).status).toBe(400);
  });

  it("never allows inline scripts wholesale", async () => {
    for (const p of ["/techniques/T1055", "/nope"]) {
      const csp = (await proxy(req(p))).headers.get("content-security-policy") ?? "";
      expect(scriptSources(csp)).not.toContain("'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });
});

describe("where proxy.ts runs, and what stands in for it where it does not", () => {
  // Next's own matcher code, fed proxy.ts's `config` as the build reads it.
  const runs = async (url: string, headers: Record<string, string> = {}) => {
    const { config } = await import("@/proxy");
    return unstable_doesMiddlewareMatch({ config, url, headers });
  };

  it("runs for pages, RSC requests, APIs and form posts; not for the build's static files", async () => {
    for (const u of ["/", "/techniques/T1055", "/techniques/T1055/sentinel", "/signin", "/api/search", "/nope"]) expect(await runs(u), u).toBe(true);
    expect(await runs("/techniques/T1055", { rsc: "1" })).toBe(true);
    expect(await runs("/signin", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    expect(await runs("/_next/static/chunks/a.js")).toBe(false);
  });

  it("skips a server action called from script, unless its path has a percent-escape", async () => {
    expect(await runs("/techniques/T1055/sentinel", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" })).toBe(false);
    expect(await runs("/techniques/%E0%A4%A", { "next-action": "abc" })).toBe(true);
    expect(await runs("/%zz/x", { "next-action": "abc" })).toBe(true);
  });

  it("next.config.js makes every response to a next-action request uncacheable and script-free", async () => {
    const { default: nextConfig } = await import("../../next.config.js");
    const forged = await unstable_getResponseFromNextConfig({ url: "http://localhost/techniques/T1055", nextConfig, headers: { "next-action": "x" } });
    expect(forged.headers.get("cache-control")).toBe("private, no-store");
    const csp = forged.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(forged.headers.get("x-content-type-options")).toBe("nosniff");
    // A plain request gets only the shared headers: its CSP and caching come from the proxy and Next.
    const plain = await unstable_getResponseFromNextConfig({ url: "http://localhost/techniques/T1055", nextConfig });
    expect(plain.headers.get("cache-control")).toBeNull();
    expect(plain.headers.get("content-security-policy")).toBeNull();
  });
});
