// Load generators for the benchmarks: wrk (Debian package; cheap on the CPU, so it disturbs a
// 2-core machine least) when installed, autocannon (npm, always there) otherwise. Both report the
// same shape: { tool, requests, rps, latencyMs: { p50, p90, p95, p99, max }, errors, non2xx }.
// Only ever pointed at 127.0.0.1; every run is bounded by its duration.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { TMP } from "./proc.mjs";

export function hasWrk() {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

const WRK_LUA = `
-- Prints the summary as one JSON line for bench/lib/load.mjs.
local hdrs = {}
init = function(args)
  for i = 1, #args, 2 do
    if args[i + 1] then wrk.headers[args[i]] = args[i + 1] end
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50":%.3f,"p90":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
end
`;

function wrkScript() {
  mkdirSync(TMP, { recursive: true });
  const p = path.join(TMP, "report.lua");
  writeFileSync(p, WRK_LUA);
  return p;
}

/** wrk at `connections` for `seconds` on one URL (GET). `headers` go on every request. */
export function runWrk(url, { connections = 50, seconds = 10, threads = 2, headers = {} } = {}) {
  const args = ["-t", String(Math.min(threads, connections)), "-c", String(connections), "-d", `${seconds}s`, "--timeout", "10s", "-s", wrkScript(), url, "--"];
  for (const [k, v] of Object.entries(headers)) args.push(k, v);
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("WRKJSON "));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}): ${out.slice(-500)}`));
      const j = JSON.parse(line.slice(8));
      const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
      resolve({
        tool: "wrk",
        url,
        connections,
        seconds,
        requests: j.requests,
        rps: j.requests / (j.durationUs / 1e6),
        latencyMs: { mean: j.mean, p50: j.p50, p90: j.p90, p95: j.p95, p99: j.p99, max: j.max },
        errors: j.connect + j.read + j.write + j.timeout,
        non2xx: non2xx ? Number(non2xx[1]) : 0,
      });
    });
  });
}

/**
 * autocannon. `requests` (optional) is autocannon's request list, for mixes and POSTs.
 * Returns the common shape plus status classes.
 */
export async function runAutocannon(url, { connections = 50, seconds = 10, headers = {}, method, body, requests, timeout = 30, maxRequests } = {}) {
  const opts = { url, connections, duration: seconds, timeout, headers };
  // autocannon treats an option given as undefined as set: pass only the ones in use.
  for (const [k, v] of Object.entries({ amount: maxRequests, method, body, requests })) if (v !== undefined) opts[k] = v;
  const r = await autocannon(opts);
  const statusClasses = { "1xx": r["1xx"], "2xx": r["2xx"], "3xx": r["3xx"], "4xx": r["4xx"], "5xx": r["5xx"] };
  return {
    tool: "autocannon",
    url,
    connections,
    seconds,
    requests: r.requests.total,
    rps: r.requests.total / (r.duration || seconds),
    latencyMs: { mean: r.latency.mean, p50: r.latency.p50, p90: r.latency.p90, p95: percentileFromHistogram(r, 95), p99: r.latency.p99, max: r.latency.max },
    errors: r.errors + r.timeouts,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusClasses,
  };
}

// autocannon reports p90, p97.5 and p99 but not p95: interpolate between p90 and p97.5.
function percentileFromHistogram(r, p) {
  if (r.latency[`p${p}`] !== undefined) return r.latency[`p${p}`];
  const a = r.latency.p90;
  const b = r.latency.p97_5;
  return a + ((b - a) * (p - 90)) / 7.5;
}

/** GET load on one URL with whichever tool is available (wrk preferred). */
export async function getLoad(url, opts = {}) {
  return hasWrk() && !opts.forceAutocannon ? runWrk(url, opts) : runAutocannon(url, opts);
}

export const round = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d);

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median requests/s and latencies of repeated load runs (latencies to `digits` places), errors summed. */
export function summariseLoadRuns(runs, digits = 2) {
  return {
    rps: round(median(runs.map((r) => r.rps)), 0),
    p50Ms: round(median(runs.map((r) => r.latencyMs.p50)), digits),
    p95Ms: round(median(runs.map((r) => r.latencyMs.p95)), digits),
    p99Ms: round(median(runs.map((r) => r.latencyMs.p99)), digits),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
  };
}
