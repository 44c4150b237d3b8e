import { statSync, readFileSync } from "node:fs";
import path from "node:path";
import { inlineScriptHashes } from "./csp";

/**
 * Hashes of the inline scripts in the prerendered HTML that `next start` serves for a path
 * (.next/server/app/<path>.html), read on first use and cached while the file is unchanged.
 * Paths with no prerendered file get the hashes of the prerendered 404 page, which Next serves
 * for unmatched URLs.
 */
const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();
const MAX_ENTRIES = 10_000;

export function appDir(): string {
  return path.join(process.cwd(), ".next", "server", "app");
}

export function htmlFileFor(pathname: string, root = appDir()): string | null {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (p.includes("\0")) return null;
  p = p.replace(/\/+$/, "");
  const rel = p === "" ? "index.html" : `${p.replace(/^\/+/, "")}.html`;
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
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

export function prerenderedScriptHashes(pathname: string, root = appDir()): string[] {
  const file = htmlFileFor(pathname, root);
  const own = file ? hashesOfFile(file) : null;
  if (own) return own;
  return hashesOfFile(path.join(root, "_not-found.html")) ?? [];
}
