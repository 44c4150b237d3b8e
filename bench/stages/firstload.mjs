// Stage 4: first-load JavaScript per route, gzipped, from the build output. Next 16 no longer
// prints sizes, so this reads what a browser would load: every <script src> in the route's HTML
// (as served by `next start` for a sample URL), each file read from .next/static and gzipped
// (level 9, as Next's own size report did). The framework floor is measured the same way.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { round } from "../lib/load.mjs";

/** Sample URLs for dynamic routes without a prerendered example (keys: route patterns). */
const SAMPLES = {
  "/techniques/[id]": "/techniques/T1055",
  "/techniques/[id]/[platform]": "/techniques/T1055/sentinel",
  "/tactics/[id]": "/tactics/TA0005",
};

function pageRoutes(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"));
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/page") && !k.startsWith("/_global-error"))
    .map((k) => k.slice(0, -"/page".length) || "/")
    .sort();
}

function sampleUrl(route, distDir) {
  if (route === "/_not-found") return "/this-page-does-not-exist-bench";
  if (!route.includes("[")) return route;
  if (SAMPLES[route]) return SAMPLES[route];
  const pre = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"));
  for (const [url, r] of Object.entries(pre.routes ?? {})) if (r.srcRoute === route) return url;
  return null;
}

const gzCache = new Map();
function gzSize(distDir, src) {
  const rel = decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0]);
  const file = path.join(distDir, rel);
  if (gzCache.has(file)) return gzCache.get(file);
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  const v = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  gzCache.set(file, v);
  return v;
}

export async function firstLoadOf(origin, urlPath, distDir, headers = {}) {
  const r = await fetch(origin + urlPath, { redirect: "manual", headers });
  const html = await r.text();
  if (r.status >= 300 && r.status < 400) return { status: r.status, redirect: r.headers.get("location") };
  // The <script src> tags plus the client chunks the inline RSC payload names (pages rendered per
  // request list some chunks only there); all of them load before the page is interactive.
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")).filter((s) => s.startsWith("/_next/"));
  const refs = [...html.matchAll(/(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_\-~.]+\.js/g)].map((m) => (m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`));
  const srcs = [...new Set([...tags.map((s) => s.split("?")[0]), ...refs])];
  let raw = 0;
  let gz = 0;
  const missing = [];
  for (const s of srcs) {
    const v = gzSize(distDir, s);
    if (!v) missing.push(s);
    else {
      raw += v.raw;
      gz += v.gz;
    }
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((a, m) => a + m[1].length, 0);
  return { status: r.status, scripts: srcs.length, kB: round(gz / 1024, 1), rawKB: round(raw / 1024, 1), inlineScriptKB: round(inline / 1024, 1), missing };
}

export async function firstloadStage(ctx, { headers = {}, extraSamples = {} } = {}) {
  const floor = await firstLoadOf(ctx.floor.origin, "/", path.join(ctx.floorDir, ".next"));
  const distDir = path.join(ctx.root, ".next");
  const routes = [];
  for (const route of pageRoutes(distDir)) {
    const url = extraSamples[route] ?? sampleUrl(route, distDir);
    if (!url) {
      routes.push({ route, url: null, note: "no sample URL" });
      continue;
    }
    const v = await firstLoadOf(ctx.app.origin, url, distDir, headers);
    routes.push({ route, url, ...v, aboveFloorKB: v.kB === undefined ? null : round(v.kB - floor.kB, 1) });
  }
  console.log(`  framework floor: ${floor.kB} kB gzipped (${floor.scripts} scripts, ${floor.rawKB} kB raw)`);
  for (const r of routes)
    console.log(`  ${r.route.padEnd(32)} ${r.kB !== undefined ? `${r.kB} kB (+${r.aboveFloorKB} kB over the floor, ${r.scripts} scripts)` : r.redirect ? `redirects to ${r.redirect}` : r.note}`);
  const det = routes.find((r) => r.route === "/techniques/[id]/[platform]");
  return {
    description: "gzip -9 of every /_next script the route's HTML loads (what a first visit downloads before hydration)",
    reference: { floor },
    routes,
    targets: [
      {
        name: "detection page first-load JS over the framework floor",
        target: "<= +40 kB",
        measured: det?.kB !== undefined ? `+${det.aboveFloorKB} kB (${det.kB} kB vs floor ${floor.kB} kB)` : "not measured",
        met: det?.kB !== undefined ? det.aboveFloorKB <= 40 : false,
      },
    ],
  };
}
