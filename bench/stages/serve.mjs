// Stages 1 and 2: public pages under `next start` against the framework floor, and through
// deploy/nginx.conf against nginx serving the same prerendered HTML files.
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { request } from "node:http";
import { getLoad, round, summariseLoadRuns } from "../lib/load.mjs";
import { startProxy, startStatic, nginxBinary } from "../lib/nginx.mjs";
import { TMP } from "../lib/proc.mjs";

export const PUBLIC_PAGES = [
  { name: "home", path: "/", html: "index.html" },
  { name: "technique", path: "/techniques/T1055", html: "techniques/T1055.html" },
  { name: "detection", path: "/techniques/T1055/sentinel", html: "techniques/T1055/sentinel.html" },
];

/** The build's prerendered HTML file of a measured page; throws if the page is no longer static. */
function prerenderedFile(root, p) {
  const file = path.join(root, ".next", "server", "app", p.html);
  if (!existsSync(file)) throw new Error(`no prerendered file ${file}: is ${p.path} still static?`);
  return file;
}

/** Byte size of each measured page's prerendered HTML: the weights the floor is also built at. */
export function floorWeights(root) {
  return PUBLIC_PAGES.map((p) => statSync(prerenderedFile(root, p)).size);
}

async function warm(url, n = 50, headers = {}) {
  for (let i = 0; i < n; i++) {
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url} answered ${r.status} while warming up`);
  }
}

/** A GET with no Accept-Encoding (fetch always sends one), like wrk's requests. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

function summarise(runs) {
  return {
    ...summariseLoadRuns(runs),
    runs: runs.map((r) => ({ rps: round(r.rps, 0), p50Ms: round(r.latencyMs.p50, 2), p99Ms: round(r.latencyMs.p99, 2), requests: r.requests })),
  };
}

/**
 * Runs each target once per round, interleaved (A B C D, A B C D ...), so a neighbour's build that
 * slows the machine for a while hits every target alike; reports the median of the rounds.
 */
async function interleaved(targets, { rounds, seconds, connections }) {
  const runs = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const res = await getLoad(t.url, { connections, seconds, headers: t.headers });
      runs[t.name].push(res);
      console.log(`  round ${r + 1} ${t.name.padEnd(22)} ${round(res.rps, 0)} req/s  p50 ${round(res.latencyMs.p50, 2)} ms  p99 ${round(res.latencyMs.p99, 2)} ms${res.errors || res.non2xx ? `  errors ${res.errors} non-2xx ${res.non2xx}` : ""}`);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarise(v)]));
}

export async function serveStage(ctx) {
  const { env } = ctx;
  // Each page's bytes, and the floor built at the same size (see bench/run.mjs).
  const weights = floorWeights(ctx.root);
  const sizedOn = async (origin) => {
    const out = [];
    for (const [i, p] of PUBLIC_PAGES.entries()) {
      const url = `${origin}/weight/${weights[i]}`;
      const r = await rawGet(url);
      out.push(r.status === 200 ? { page: p.name, url, bytes: Number(r.headers["content-length"]) } : null);
    }
    return out;
  };
  const sized = await sizedOn(ctx.floor.origin);
  // The same, with an empty proxy.ts: what Next costs once a proxy exists (bench/floor/with-proxy).
  const sizedProxy = ctx.floorProxy ? await sizedOn(ctx.floorProxy.origin) : [];
  const targets = [
    { name: "floor", url: ctx.floor.origin + "/" },
    ...PUBLIC_PAGES.flatMap((p, i) => [
      ...(sized[i] ? [{ name: `floor at ${p.name} weight`, url: sized[i].url }] : []),
      ...(sizedProxy[i] ? [{ name: `floor+proxy at ${p.name} weight`, url: sizedProxy[i].url }] : []),
      { name: p.name, url: ctx.app.origin + p.path },
    ]),
  ];
  for (const t of targets) await warm(t.url);
  const m = await interleaved(targets, env);
  const floor = m.floor.rps;
  const pages = PUBLIC_PAGES.map((p, i) => {
    const same = sized[i] && m[`floor at ${p.name} weight`];
    const withProxy = sizedProxy[i] && m[`floor+proxy at ${p.name} weight`];
    return {
      page: p.name,
      path: p.path,
      bytes: weights[i],
      ...m[p.name],
      ratioToFloor: round(m[p.name].rps / floor, 2),
      // Not the target (that is the bare page): the same comparison with the floor serving as many bytes.
      sameWeightFloor: same ? { bytes: sized[i].bytes, ...same, ratio: round(m[p.name].rps / same.rps, 2) } : null,
      // ... and with an empty proxy.ts too: what our own code adds over the framework features it uses.
      sameWeightProxyFloor: withProxy ? { bytes: sizedProxy[i].bytes, ...withProxy, ratio: round(m[p.name].rps / withProxy.rps, 2) } : null,
    };
  });
  console.log(`\n  framework floor (bare Next page): ${floor} req/s, p50 ${m.floor.p50Ms} ms, p99 ${m.floor.p99Ms} ms`);
  for (const p of pages)
    console.log(
      `  ${p.page.padEnd(10)} ${p.rps} req/s (${p.ratioToFloor}x floor${p.sameWeightFloor ? `, ${p.sameWeightFloor.ratio}x the floor at ${p.sameWeightFloor.bytes} bytes` : ""}${p.sameWeightProxyFloor ? `, ${p.sameWeightProxyFloor.ratio}x that floor with an empty proxy` : ""}), p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms`,
    );
  return {
    description: `next start, ${env.connections} connections, ${env.seconds} s per run, median of ${env.rounds} interleaved rounds`,
    reference: { floor: m.floor, floorBytes: Number((await rawGet(ctx.floor.origin + "/")).headers["content-length"]) },
    pages,
    targets: pages.map((p) => ({
      name: `${p.page} page throughput vs framework floor`,
      target: ">= 0.9x",
      measured: `${p.ratioToFloor}x (${p.rps} vs ${floor} req/s)${p.sameWeightFloor ? `; ${p.sameWeightFloor.ratio}x the floor serving as many bytes` : ""}${p.sameWeightProxyFloor ? `, ${p.sameWeightProxyFloor.ratio}x it with an empty proxy.ts` : ""}`,
      met: p.ratioToFloor >= 0.9 && p.errors === 0 && p.non2xx === 0,
    })),
  };
}

export async function proxyStage(ctx) {
  const { env } = ctx;
  if (!nginxBinary()) return { skipped: "nginx is not installed (apt-get install -y nginx)", targets: [] };
  // The ceiling: the build's own prerendered HTML files, served by nginx as static files.
  const staticRoot = path.join(TMP, "static-root");
  rmSync(staticRoot, { recursive: true, force: true });
  for (const p of PUBLIC_PAGES) {
    const src = prerenderedFile(ctx.root, p);
    mkdirSync(path.dirname(path.join(staticRoot, p.html)), { recursive: true });
    cpSync(src, path.join(staticRoot, p.html));
  }
  const stat = await startStatic(staticRoot);
  const proxy = await startProxy(ctx.app.port);
  try {
    const cache = {};
    for (const p of PUBLIC_PAGES) {
      // Warm the cache with requests shaped like the load tool's (no Accept-Encoding: the cache
      // keeps one variant per encoding), then read the cache status the same way.
      await rawGet(proxy.origin + p.path);
      await rawGet(proxy.origin + p.path);
      cache[p.name] = (await rawGet(proxy.origin + p.path)).headers["x-cache-status"];
      await rawGet(stat.origin + p.path);
    }
    console.log(`  cache status after warm-up: ${JSON.stringify(cache)}`);
    const targets = PUBLIC_PAGES.flatMap((p) => [
      { name: `static ${p.name}`, url: stat.origin + p.path },
      { name: `proxy ${p.name}`, url: proxy.origin + p.path },
    ]);
    const m = await interleaved(targets, env);
    const pages = PUBLIC_PAGES.map((p) => {
      const s = m[`static ${p.name}`];
      const x = m[`proxy ${p.name}`];
      return { page: p.name, path: p.path, cacheStatus: cache[p.name], proxy: x, staticFile: s, ratioToStatic: round(x.rps / s.rps, 2) };
    });
    for (const p of pages) console.log(`  ${p.page.padEnd(10)} proxy ${p.proxy.rps} req/s vs static file ${p.staticFile.rps} req/s: ${p.ratioToStatic}x (cache ${p.cacheStatus})`);
    return {
      description: `deploy/nginx.conf in front of next start vs nginx serving the prerendered HTML file; ${env.connections} connections, ${env.seconds} s per run, median of ${env.rounds} interleaved rounds; both nginx with worker_processes auto`,
      pages,
      targets: pages.map((p) => ({
        name: `${p.page} page through the proxy vs nginx static file`,
        target: ">= 0.8x",
        measured: `${p.ratioToStatic}x (${p.proxy.rps} vs ${p.staticFile.rps} req/s)`,
        met: p.ratioToStatic >= 0.8 && p.proxy.errors === 0 && p.proxy.non2xx === 0 && p.cacheStatus === "HIT",
      })),
    };
  } finally {
    await proxy.stop();
    await stat.stop();
  }
}
