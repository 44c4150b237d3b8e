/**
 * The build's CSP manifest: the sha256 hashes of the inline scripts of every page `next build`
 * prerendered, keyed by pathname, written once after the build (scripts/csp-manifest.ts, run by
 * `npm run build`, scripts/test-all.mjs and the benchmarks) into <dist>/csp-manifest.json.
 *
 * The proxy loads it on first use and answers from memory, so a request for a prerendered page
 * touches no file. Only paths that are not in it (pages first rendered at run time, unmatched
 * URLs) go to the disk, for the copies in Next's runtime response cache (static-html.ts); their
 * hashes are kept while the file's mtime is unchanged, up to static-html's cache bound.
 *
 * It also holds each page's ETag, computed here with Next's own function over the very HTML Next
 * serves: next.config.js turns Next's per-response ETag off (it hashed the whole page on every
 * request, ~3 ms for the 650 kB home page) and the proxy sets this one and answers
 * If-None-Match with 304 itself.
 *
 * Only pages Next never renders again at run time are listed: prerendered app pages with
 * `revalidate: false`. A page with a revalidation period would be re-rendered into the runtime
 * cache with different inline scripts, so it stays on the per-path disk lookup.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateETag } from "next/dist/server/lib/etag.js";
import { inlineScriptHashes } from "./csp";
import { appDir, cachedCopiesScriptHashes, prerenderedScriptHashes } from "./static-html";

export const CSP_MANIFEST_FILE = "csp-manifest.json";
const NOT_FOUND = "/_not-found";

export interface CspManifest {
  version: 2;
  /** The build this belongs to (<dist>/BUILD_ID); a manifest for another build is ignored. */
  buildId: string;
  /** Hashes of the prerendered 404 page, which Next serves for unmatched URLs. */
  notFound: string[];
  /** Pathname (decoded, no trailing slash, "/" for the home page) -> hashes of its inline scripts. */
  pages: Record<string, string[]>;
  /** Pathname -> the ETag of its prerendered HTML (what Next's generateEtags would send). */
  etags: Record<string, string>;
}

interface PrerenderRoute {
  initialRevalidateSeconds?: number | false;
  dataRoute?: string | null;
}

/** The prerendered HTML file of a prerender-manifest route, relative to server/app. */
export function htmlFileOfRoute(route: string): string {
  return route === "/" ? "index.html" : `${route.replace(/^\/+/, "")}.html`;
}

export function buildCspManifest(dist: string): CspManifest {
  const buildId = readFileSync(path.join(dist, "BUILD_ID"), "utf8").trim();
  const prerender = JSON.parse(readFileSync(path.join(dist, "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, PrerenderRoute>;
  };
  const app = appDir(dist);
  const pages: Record<string, string[]> = {};
  const etags: Record<string, string> = {};
  for (const [route, info] of Object.entries(prerender.routes)) {
    // App pages have an .rsc data route; route handlers (feed.xml, sigma.yml, ...) have none and
    // serve no HTML.
    if (!info.dataRoute?.endsWith(".rsc")) continue;
    if (info.initialRevalidateSeconds !== false) continue;
    let html: string;
    try {
      html = readFileSync(path.join(app, htmlFileOfRoute(route)), "utf8");
    } catch {
      continue; // no HTML file (e.g. a data-only prerender): leave it to the per-path lookup
    }
    pages[route] = inlineScriptHashes(html);
    etags[route] = generateETag(html);
  }
  const notFound = pages[NOT_FOUND];
  if (!notFound) throw new Error(`no prerendered ${NOT_FOUND} page in ${app}: is this a complete next build?`);
  return { version: 2, buildId, notFound, pages, etags };
}

/** Builds and writes <dist>/csp-manifest.json (atomically); returns it. */
export function writeCspManifest(dist: string): CspManifest {
  const manifest = buildCspManifest(dist);
  const file = path.join(dist, CSP_MANIFEST_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(manifest));
  renameSync(`${file}.tmp`, file);
  return manifest;
}

/** The manifest of the build in `dist`, or why there is none usable. */
export function readCspManifest(dist: string): { manifest: CspManifest } | { problem: string } {
  const file = path.join(dist, CSP_MANIFEST_FILE);
  let manifest: CspManifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as CspManifest;
  } catch (e) {
    return { problem: `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let buildId: string;
  try {
    buildId = readFileSync(path.join(dist, "BUILD_ID"), "utf8").trim();
  } catch {
    return { problem: `no BUILD_ID in ${dist}` };
  }
  if (manifest.version !== 2 || !manifest.pages || !manifest.etags || !Array.isArray(manifest.notFound)) return { problem: `${file} has an unknown format` };
  if (manifest.buildId !== buildId) return { problem: `${file} is for build ${manifest.buildId}, not the current build ${buildId}` };
  return { manifest };
}

/** Decoded pathname -> manifest key: trailing slashes dropped, "" -> "/". */
export function manifestKey(decodedPathname: string): string {
  if (decodedPathname.length > 1 && decodedPathname.endsWith("/")) {
    const trimmed = decodedPathname.replace(/\/+$/, "");
    return trimmed === "" ? "/" : trimmed;
  }
  return decodedPathname;
}

export interface ScriptHashes {
  hashes: readonly string[];
  /**
   * True when the path is a prerendered page from the manifest: Next serves the built file for a
   * plain GET, so these hashes are all its inline scripts and no nonce is needed.
   */
  prerendered: boolean;
  /** The prerendered HTML's ETag (prerendered pages only). */
  etag?: string;
}

export interface ScriptHashLookup {
  /** `pathname` as requested (percent-encoded); `decoded` its decodeURIComponent, if known. */
  (pathname: string, decoded?: string): ScriptHashes;
  /** Whether a usable manifest was found (loads it if not done yet). */
  hasManifest(): boolean;
}

/**
 * Lookup of the script hashes for a path, backed by the manifest of the build in `dist` (loaded on
 * first use, once). Paths not in the manifest: the hashes of the path's cached copies (an ISR
 * prerender, Next's runtime response cache) plus those of the 404 page, which Next serves when it
 * has no copy (touches the disk; hashes cached by mtime). No usable
 * manifest: logs once and hashes the built HTML per path as before the manifest existed.
 */
export function createScriptHashLookup(dist: string, log: (msg: string) => void = console.warn): ScriptHashLookup {
  const root = appDir(dist);
  let pages: Map<string, ScriptHashes> | null = null;
  let notFound: readonly string[] = [];
  let loaded = false;

  const load = () => {
    loaded = true;
    const r = readCspManifest(dist);
    if ("problem" in r) {
      log(
        `[csp] ${r.problem}; falling back to hashing the built HTML of each path on first request. ` +
          "Build with `npm run build` (or run `npx tsx scripts/csp-manifest.ts` after `next build`).",
      );
      return;
    }
    const etags = r.manifest.etags;
    pages = new Map(Object.entries(r.manifest.pages).map(([k, v]) => [k, { hashes: v, prerendered: true, etag: etags[k] }]));
    notFound = r.manifest.notFound;
  };

  const lookup = ((pathname: string, decoded?: string): ScriptHashes => {
    if (!loaded) load();
    if (!pages) return { hashes: prerenderedScriptHashes(pathname, root), prerendered: false };
    if (decoded === undefined) {
      try {
        decoded = pathname.includes("%") ? decodeURIComponent(pathname) : pathname;
      } catch {
        return { hashes: notFound, prerendered: false };
      }
    }
    const hit = pages.get(manifestKey(decoded));
    if (hit) return hit;
    const cached = cachedCopiesScriptHashes(pathname, root);
    return { hashes: cached ? [...new Set([...cached, ...notFound])] : notFound, prerendered: false };
  }) as ScriptHashLookup;
  lookup.hasManifest = () => {
    if (!loaded) load();
    return pages !== null;
  };
  return lookup;
}
