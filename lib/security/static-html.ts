import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { inlineScriptHashes } from "./csp";

/**
 * Hashes of the inline scripts in the cached HTML that `next start` may serve for a path, read on
 * first use and cached while the file is unchanged. With a build's CSP manifest
 * (lib/security/csp-manifest.ts) the proxy only comes here for paths that were not prerendered;
 * without one (`next build` run alone) for every path. Next 16 keeps two copies: the build's
 * prerender (.next/server/app/<path>.html) and its runtime response cache
 * (.next/server/route-cache/APP_PAGE/<route hash>/$/<path>.html), which also holds pages first
 * rendered at run time (e.g. a 404 from a dynamic route, which is then served from the cache
 * without the nonce it was rendered with). The hashes of all copies are allowed. Paths with no
 * cached file get the hashes of the prerendered 404 page, which Next serves for unmatched URLs.
 */
const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();
const MAX_ENTRIES = 10_000;

/** Next's output folder: next.config.js's distDir (HUNTBOOK_DIST_DIR, else .next). */
export function distDir(cwd = process.cwd()): string {
  return path.resolve(cwd, process.env.HUNTBOOK_DIST_DIR || ".next");
}

export function appDir(dist = distDir()): string {
  return path.join(dist, "server", "app");
}

export function routeCacheDir(root = appDir()): string {
  return path.join(root, "..", "route-cache", "APP_PAGE");
}

/** `.html` path of `pathname` relative to a cache root, or null for paths that cannot be files. */
export function relativeHtml(pathname: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (p.includes("\0") || p.split("/").includes("..")) return null;
  p = p.replace(/\/+$/, "");
  return p === "" ? "index.html" : `${p.replace(/^\/+/, "")}.html`;
}

export function htmlFileFor(pathname: string, root = appDir()): string | null {
  const rel = relativeHtml(pathname);
  return rel === null ? null : fileUnder(root, rel);
}

/** `rel` resolved under `root`, or null when it would land outside it. */
function fileUnder(root: string, rel: string): string | null {
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

function hashesOfFile(file: string): string[] | null {
  let mtimeMs: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return null;
    mtimeMs = st.mtimeMs;
  } catch {
    return null;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.hashes;
  const hashes = inlineScriptHashes(readFileSync(file, "utf8"));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(file, { mtimeMs, hashes });
  return hashes;
}

function routeCacheFiles(rel: string, root: string): string[] {
  const dir = routeCacheDir(root);
  let owners: string[];
  try {
    owners = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const o of owners) {
    const f = path.resolve(dir, o, "$", rel);
    if (f.startsWith(dir + path.sep)) out.push(f);
  }
  return out;
}

/**
 * Hashes of every cached HTML copy of `pathname`: the build's prerender and the copies in Next's
 * runtime response cache; null when there is none (Next then renders the path afresh, with the
 * nonce, or serves the 404 page).
 */
export function cachedCopiesScriptHashes(pathname: string, root = appDir()): string[] | null {
  const rel = relativeHtml(pathname);
  if (!rel) return null;
  const found = new Set<string>();
  let any = false;
  const prerendered = fileUnder(root, rel);
  for (const f of [...(prerendered ? [prerendered] : []), ...routeCacheFiles(rel, root)]) {
    const h = hashesOfFile(f);
    if (!h) continue;
    any = true;
    for (const x of h) found.add(x);
  }
  return any ? [...found] : null;
}

/** Without a CSP manifest: the cached copies' hashes, else those of the prerendered 404 page. */
export function prerenderedScriptHashes(pathname: string, root = appDir()): string[] {
  return cachedCopiesScriptHashes(pathname, root) ?? hashesOfFile(path.join(root, "_not-found.html")) ?? [];
}
