// Mixed load: many concurrent connections over public pages, search data, Sigma downloads and
// (once accounts exist) signed-in Pro requests. Zero socket errors, zero timeouts, zero 5xx.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { runAutocannon, round } from "../lib/load.mjs";
import { ROOT } from "../lib/proc.mjs";

/** Public GET paths: every detection page and its Sigma file, technique pages, the home page, JSON. */
export function publicPaths() {
  const dets = [];
  const dir = path.join(ROOT, "content", "detections");
  for (const t of readdirSync(dir).sort())
    for (const f of readdirSync(path.join(dir, t))) if (f.endsWith(".mdx")) dets.push(`/techniques/${t}/${f.slice(0, -4)}`);
  const paths = [
    "/",
    ...dets,
    ...dets.map((d) => `${d}/sigma.yml`),
    ...dets.map((d) => d.split("/").slice(0, 3).join("/")),
    "/techniques/T1003",
    "/techniques/T1566.001",
    "/api/suggest?q=T1055",
    "/api/suggest?q=credential%20dump",
  ];
  // Routes from the browse work, when present.
  const app = path.join(ROOT, "app");
  if (existsSync(path.join(app, "search-index.json"))) paths.push("/search-index.json");
  if (existsSync(path.join(app, "detections"))) paths.push("/detections", "/detections?platform=sentinel");
  if (existsSync(path.join(app, "tactics"))) paths.push("/tactics/TA0005");
  if (existsSync(path.join(app, "feed.xml"))) paths.push("/feed.xml");
  return [...new Set(paths)];
}

/**
 * `extra` is a list of autocannon request objects (e.g. signed-in Pro requests) mixed in with the
 * public GETs: one in every `extraEvery` requests.
 */
export async function mixedLoad(origin, { connections, seconds, extra = [], extraEvery = 5 }) {
  const paths = publicPaths();
  let i = 0;
  const requests = [
    {
      setupRequest: (req) => {
        const n = i++;
        if (extra.length && n % extraEvery === extraEvery - 1) {
          const e = extra[Math.floor(n / extraEvery) % extra.length];
          return { ...req, ...e, headers: { ...req.headers, ...e.headers } };
        }
        return { ...req, method: "GET", path: paths[n % paths.length], body: undefined };
      },
    },
  ];
  const r = await runAutocannon(origin, { connections, seconds, requests, timeout: 30 });
  return {
    connections,
    seconds,
    distinctPaths: paths.length,
    extraKinds: extra.length,
    requests: r.requests,
    rps: round(r.rps, 0),
    latencyMs: { p50: r.latencyMs.p50, p90: r.latencyMs.p90, p99: r.latencyMs.p99, max: r.latencyMs.max },
    errors: r.errors,
    timeouts: r.timeouts,
    statusClasses: r.statusClasses,
  };
}
