/**
 * After `next build`: hashes the inline scripts of every prerendered page into
 * <dist>/csp-manifest.json, which proxy.ts loads once to set each page's Content-Security-Policy
 * without touching the disk per request (lib/security/csp-manifest.ts).
 * Run by `npm run build`, scripts/test-all.mjs and the benchmarks; by hand:
 *   npx tsx scripts/csp-manifest.ts        # dist folder: $HUNTBOOK_DIST_DIR, else .next
 * Without it the site still works: the proxy logs once and hashes the built HTML per path.
 */
import path from "node:path";
import { CSP_MANIFEST_FILE, writeCspManifest } from "../lib/security/csp-manifest";
import { distDir } from "../lib/security/static-html";

const started = performance.now();
const dist = distDir();
try {
  const m = writeCspManifest(dist);
  const pages = Object.keys(m.pages).length;
  const hashes = new Set(Object.values(m.pages).flat()).size;
  console.log(
    `csp-manifest: ${pages} prerendered pages, ${hashes} distinct script hashes -> ${path.relative(process.cwd(), path.join(dist, CSP_MANIFEST_FILE))} (${Math.round(performance.now() - started)} ms)`,
  );
} catch (e) {
  console.error(`csp-manifest: ${(e as Error).message}`);
  process.exit(1);
}
