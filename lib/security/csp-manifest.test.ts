import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateETag } from "next/dist/server/lib/etag.js";
import { describe, expect, it, vi } from "vitest";
import { inlineScriptHashes } from "./csp";
import { CSP_MANIFEST_FILE, buildCspManifest, createScriptHashLookup, manifestKey, readCspManifest, writeCspManifest } from "./csp-manifest";

const h = (body: string) => inlineScriptHashes(`<script>${body}</script>`);
const HTML = {
  "/": `<script src="/a.js"></script><script>home()</script>`,
  "/_not-found": `<script>nf()</script>`,
  "/techniques/T1055": `<script>t()</script><script>t2()</script>`,
  "/techniques/T1055.001": `<script>sub()</script>`,
  "/techniques/T1055/sentinel": `<script>det()</script>`,
};
/** A prerendered page's lookup result: its hashes and the ETag Next would give its HTML. */
const pre = (route: keyof typeof HTML, hashes: string[]) => ({ hashes, prerendered: true, etag: generateETag(HTML[route]) });

/** A minimal dist folder: BUILD_ID, prerender-manifest.json and the prerendered HTML files. */
function fakeBuild(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), "csp-manifest-"));
  const app = path.join(dist, "server", "app");
  mkdirSync(path.join(app, "techniques", "T1055"), { recursive: true });
  writeFileSync(path.join(dist, "BUILD_ID"), "build-1\n");
  const page = (dataRoute: string | null, initialRevalidateSeconds: number | false = false) => ({ dataRoute, initialRevalidateSeconds });
  writeFileSync(
    path.join(dist, "prerender-manifest.json"),
    JSON.stringify({
      routes: {
        "/": page("/index.rsc"),
        "/_not-found": page("/_not-found.rsc"),
        "/techniques/T1055": page("/techniques/T1055.rsc"),
        "/techniques/T1055.001": page("/techniques/T1055.001.rsc"),
        "/techniques/T1055/sentinel": page("/techniques/T1055/sentinel.rsc"),
        "/feed.xml": page(null),
        "/isr": page("/isr.rsc", 60),
      },
    }),
  );
  writeFileSync(path.join(app, "index.html"), HTML["/"]);
  writeFileSync(path.join(app, "_not-found.html"), HTML["/_not-found"]);
  writeFileSync(path.join(app, "techniques", "T1055.html"), HTML["/techniques/T1055"]);
  writeFileSync(path.join(app, "techniques", "T1055.001.html"), HTML["/techniques/T1055.001"]);
  writeFileSync(path.join(app, "techniques", "T1055", "sentinel.html"), HTML["/techniques/T1055/sentinel"]);
  writeFileSync(path.join(app, "feed.xml.body"), "<rss/>");
  writeFileSync(path.join(app, "isr.html"), `<script>isr()</script>`);
  return dist;
}

describe("CSP manifest: writer", () => {
  it("hashes every prerendered page that is never re-rendered, keyed by pathname", () => {
    const dist = fakeBuild();
    const m = buildCspManifest(dist);
    expect(m.buildId).toBe("build-1");
    expect(Object.keys(m.pages).sort()).toEqual(["/", "/_not-found", "/techniques/T1055", "/techniques/T1055.001", "/techniques/T1055/sentinel"]);
    expect(m.pages["/"]).toEqual(h("home()"));
    expect(m.pages["/techniques/T1055"]).toEqual([...h("t()"), ...h("t2()")]);
    expect(m.pages["/techniques/T1055.001"]).toEqual(h("sub()"));
    expect(m.notFound).toEqual(h("nf()"));
    // ETags are Next's own over the served HTML, distinct per page.
    expect(m.etags["/techniques/T1055"]).toBe(generateETag(HTML["/techniques/T1055"]));
    expect(new Set(Object.values(m.etags)).size).toBe(Object.keys(m.pages).length);
    // Route handlers serve no HTML; a page with a revalidation period is re-rendered at run time.
    expect(m.pages["/feed.xml"]).toBeUndefined();
    expect(m.pages["/isr"]).toBeUndefined();
  });

  it("writes the file into the dist folder and reads it back", () => {
    const dist = fakeBuild();
    const written = writeCspManifest(dist);
    expect(JSON.parse(readFileSync(path.join(dist, CSP_MANIFEST_FILE), "utf8"))).toEqual(written);
    expect(readCspManifest(dist)).toEqual({ manifest: written });
  });

  it("refuses a build without a prerendered 404 page", () => {
    const dist = fakeBuild();
    rmSync(path.join(dist, "server", "app", "_not-found.html"));
    expect(() => buildCspManifest(dist)).toThrow(/_not-found/);
  });

  it("ignores a manifest that is missing or belongs to another build", () => {
    const dist = fakeBuild();
    expect(readCspManifest(dist)).toMatchObject({ problem: expect.stringContaining("cannot read") });
    writeCspManifest(dist);
    writeFileSync(path.join(dist, "BUILD_ID"), "build-2\n");
    expect(readCspManifest(dist)).toMatchObject({ problem: expect.stringContaining("not the current build build-2") });
  });

  it("maps request paths to manifest keys", () => {
    expect(manifestKey("/")).toBe("/");
    expect(manifestKey("/techniques/T1055/")).toBe("/techniques/T1055");
    expect(manifestKey("/techniques/T1055//")).toBe("/techniques/T1055");
    expect(manifestKey("//")).toBe("/");
  });
});

describe("CSP manifest: the proxy's lookup", () => {
  it("answers a prerendered path with exactly its hashes, from memory", () => {
    const dist = fakeBuild();
    writeCspManifest(dist);
    const log = vi.fn();
    const lookup = createScriptHashLookup(dist, log);
    expect(lookup("/techniques/T1055")).toEqual(pre("/techniques/T1055", [...h("t()"), ...h("t2()")]));
    // The HTML is no longer read: changing (or removing) the files changes nothing.
    rmSync(path.join(dist, "server", "app"), { recursive: true });
    expect(lookup("/techniques/T1055/sentinel")).toEqual(pre("/techniques/T1055/sentinel", h("det()")));
    expect(lookup("/")).toEqual(pre("/", h("home()")));
    expect(lookup("/techniques/T1055/")).toEqual(pre("/techniques/T1055", [...h("t()"), ...h("t2()")]));
    expect(lookup("/techniques/T1055%2E001", "/techniques/T1055.001")).toEqual(pre("/techniques/T1055.001", h("sub()")));
    expect(lookup("/techniques/T1055%2E001")).toEqual(pre("/techniques/T1055.001", h("sub()")));
    expect(lookup.hasManifest()).toBe(true);
    expect(log).not.toHaveBeenCalled();
  });

  it("falls back to the disk for paths that are not prerendered: runtime cache copies plus the 404 page", () => {
    const dist = fakeBuild();
    writeCspManifest(dist);
    const lookup = createScriptHashLookup(dist, vi.fn());
    // Unknown path, nothing cached: Next serves the prerendered 404 page.
    expect(lookup("/techniques/T9999/sentinel")).toEqual({ hashes: h("nf()"), prerendered: false });
    // First rendered at run time, then served from Next's response cache with its first nonce.
    const cached = path.join(dist, "server", "route-cache", "APP_PAGE", "abc123", "$", "techniques", "T9999");
    mkdirSync(cached, { recursive: true });
    writeFileSync(path.join(cached, "sentinel.html"), `<script nonce="old">late()</script>`);
    expect(lookup("/techniques/T9999/sentinel")).toEqual({ hashes: [...h("late()"), ...h("nf()")], prerendered: false });
    // A page with a revalidation period is not in the manifest: its prerender is read from disk.
    expect(lookup("/isr")).toEqual({ hashes: [...h("isr()"), ...h("nf()")], prerendered: false });
    // Never leaves the build folder.
    expect(lookup("/%2e%2e/%2e%2e/etc/passwd")).toEqual({ hashes: h("nf()"), prerendered: false });
  });

  it("without a manifest: logs once and hashes the built HTML per path as before", () => {
    const dist = fakeBuild();
    const log = vi.fn();
    const lookup = createScriptHashLookup(dist, log);
    expect(lookup("/techniques/T1055")).toEqual({ hashes: [...h("t()"), ...h("t2()")], prerendered: false });
    expect(lookup("/nope")).toEqual({ hashes: h("nf()"), prerendered: false });
    expect(lookup.hasManifest()).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/csp-manifest\.json.*falling back/);
  });

  it("a manifest from an earlier build is not used", () => {
    const dist = fakeBuild();
    writeCspManifest(dist);
    writeFileSync(path.join(dist, "BUILD_ID"), "build-2\n");
    const log = vi.fn();
    const lookup = createScriptHashLookup(dist, log);
    expect(lookup("/").prerendered).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
