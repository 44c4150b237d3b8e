// Route fuzzer: malformed IDs, paths, query strings, headers, methods and bodies for every route in
// the build's manifest. A response must never be a 5xx and never carry a stack trace or a server
// path. The cases are a fixed, deterministic list (bounded count), sent with a small concurrency.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { ROOT } from "../lib/proc.mjs";

const GOOD = { id: "T1055", platform: "sentinel", nextauth: "session" };
const GOOD_BY_ROUTE = { "/tactics/[id]": { id: "TA0005" } };

const BAD_SEGMENTS = [
  "%",
  "%zz",
  "%00",
  "%2e%2e",
  "..%2f..%2fetc%2fpasswd",
  "%252e%252e%252f",
  "T1055%00",
  "T1055%2Fsentinel",
  "%C0%AF",
  "%E0%A4%A",
  "%F0%9F%92%A9",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20OR%201=1--",
  "T99999",
  "T1055.001.002",
  "t1055",
  "1055",
  "TA9999",
  "T" + "1".repeat(3000),
  "x".repeat(7000),
  "__proto__",
  "constructor",
  "%7B%7D",
  "null",
  "undefined",
  "-1",
  "0x10",
  "sigma.yml",
  "page",
  "_next",
  "%5B...nextauth%5D",
];

const QUERIES = [
  "?q=" + "a".repeat(5000),
  "?q=%ff%fe",
  "?q=%",
  "?q[]=1&q[]=2",
  "?__proto__[polluted]=1",
  "?constructor.prototype.x=1",
  "?_rsc=%00",
  "?callbackUrl=javascript:alert(1)",
  "?callbackUrl=https%3A%2F%2Fevil.example",
  "?platform=%00&tactic=TA9999&severity=%ff&sort=__proto__",
  "?page=-1&page=99999999999999999999",
  "?" + "a=1&".repeat(2000),
];

const HEADER_SETS = [
  { RSC: "1" },
  { RSC: "1", "Next-Router-State-Tree": "not-json" },
  { RSC: "1", "Next-Router-State-Tree": encodeURIComponent('["",{"children":["x",{}]},null,null,true]') },
  { RSC: "1", "Next-Router-State-Tree": "%E0%A4%A" },
  { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/../../x" },
  { "Next-Action": "0000000000000000000000000000000000000000" },
  { "Next-Action": "garbage", "Content-Type": "text/plain;charset=UTF-8" },
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "gopher" },
  { Accept: "application/json;q=abc, */*;q=" },
  { "Accept-Encoding": "gzip;q=2, br;q=-1, x-unknown" },
  { Range: "bytes=999999-0,abc" },
  { "If-None-Match": '"' + "x".repeat(2000) + '"', "If-Modified-Since": "yesterday" },
  { Cookie: "next-auth.session-token=garbage; next-auth.csrf-token=%; __Secure-next-auth.session-token=a.b.c" },
  { Cookie: "authjs.session-token=" + "A".repeat(3000) },
  { "Content-Type": "application/json" },
  { "User-Agent": "\u0000".replace("\u0000", "") + "x".repeat(4000) },
];

const BODIES = [
  { ct: "application/json", body: "{not json" },
  { ct: "application/json", body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}' },
  { ct: "application/x-www-form-urlencoded", body: "a=%&b=%zz&" + "c=1&".repeat(500) },
  { ct: "multipart/form-data; boundary=zzz", body: "--zzz\r\nContent-Disposition: form-data; name=\"1_$ACTION_ID_abc\"\r\n\r\nx\r\n--zzz--" },
  { ct: "multipart/form-data; boundary=", body: "garbage" },
  { ct: "multipart/form-data", body: "garbage" },
  { ct: "multipart/form-data; boundary=abc", body: "not multipart at all" },
  { ct: "multipart/mixed; boundary=abc", body: "--abc\r\n\r\nx\r\n--abc--" },
  { ct: "text/plain;charset=UTF-8", body: '["$K1",{"__proto__":1}]' },
  { ct: "application/octet-stream", body: Buffer.alloc(300 * 1024, 0xff) },
];

const METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"];

export function routePatterns() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "app-paths-manifest.json"), "utf8"));
  return Object.keys(manifest)
    .map((k) => k.replace(/\/(page|route)$/, "") || "/")
    .filter((r) => !r.startsWith("/_global-error") && !r.startsWith("/_not-found"))
    .sort();
}

function fill(pattern, override = {}) {
  const good = { ...GOOD, ...(GOOD_BY_ROUTE[pattern] ?? {}) };
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name) => override[name] ?? good[name] ?? "x");
}

export function fuzzCases() {
  const cases = [];
  const routes = routePatterns();
  for (const route of routes) {
    const base = fill(route);
    const names = [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]);
    // Malformed dynamic segments, one at a time; and for static routes, junk appended.
    for (const n of names) for (const bad of BAD_SEGMENTS) cases.push({ method: "GET", path: fill(route, { [n]: bad }) });
    if (names.length === 0) for (const bad of BAD_SEGMENTS.slice(0, 12)) cases.push({ method: "GET", path: `${base.replace(/\/$/, "")}/${bad}` });
    // Path shapes.
    cases.push({ method: "GET", path: `${base}/` }, { method: "GET", path: `/${base}` }, { method: "GET", path: `${base}//x` }, { method: "GET", path: `${base}/..` });
    for (const q of QUERIES) cases.push({ method: "GET", path: base + q });
    for (const h of HEADER_SETS) cases.push({ method: "GET", path: base, headers: h });
    for (const m of METHODS) cases.push({ method: m, path: base });
    for (const b of BODIES) cases.push({ method: "POST", path: base, headers: { "Content-Type": b.ct }, body: b.body });
    cases.push({ method: "POST", path: base, headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" });
    // A server action call skips proxy.ts unless the path has a percent-escape; a malformed one must still be a 4xx.
    cases.push({ method: "POST", path: `${base.replace(/\/$/, "")}/%E0%A4%A`, headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }, body: "[]" });
  }
  // Paths no route owns.
  for (const p of ["/%", "/%zz/..", "/_next/static/..%2f..%2fpackage.json", "/_next/image?url=%2F..%2F&w=-1&q=0", "/_next/data/x/y.json", "/.env", "/.next/BUILD_ID", "/" + "a/".repeat(500)])
    cases.push({ method: "GET", path: p });
  return { routes, cases };
}

const STACK = [
  /\n\s+at [\w.<>$\[\] ]+ \(/, // a V8 stack frame
  /\bat (?:async )?[\w.$<>]+ \((?:file:\/\/)?\/[^)]+:\d+:\d+\)/,
  /node_modules\//,
  /webpack-internal:/,
  /\.next\/server\//,
];

export function leaks(body) {
  const hits = STACK.filter((re) => re.test(body)).map(String);
  if (body.includes(ROOT + "/")) hits.push(`server path ${ROOT}`);
  return hits;
}

function send(origin, c, timeoutMs = 20_000) {
  return new Promise((resolve) => {
    const u = new URL(origin);
    const body = c.body === undefined ? undefined : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body);
    const headers = { ...(c.headers ?? {}) };
    if (body) headers["Content-Length"] = String(body.length);
    let req;
    try {
      req = request({ host: u.hostname, port: u.port, method: c.method, path: c.path, headers, timeout: timeoutMs }, (res) => {
        const chunks = [];
        let size = 0;
        res.on("data", (d) => {
          if (size < 2_000_000) chunks.push(d);
          size += d.length;
        });
        res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (e) => resolve({ status: -1, body: String(e) }));
      });
    } catch (e) {
      // Node refuses to send some malformed requests itself (e.g. invalid header characters).
      return resolve({ status: 0, body: `client refused: ${e.message}`, clientRefused: true });
    }
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: -1, body: String(e.message) }));
    if (body) req.write(body);
    req.end();
  });
}

export async function fuzz(origin, { concurrency = 6, limit } = {}) {
  const { routes, cases: all } = fuzzCases();
  const cases = limit ? all.slice(0, limit) : all;
  const failures = [];
  const statuses = {};
  let next = 0;
  let refused = 0;
  async function worker() {
    while (next < cases.length) {
      const c = cases[next++];
      const r = await send(origin, c);
      if (r.clientRefused) {
        refused++;
        continue;
      }
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const problems = [];
      if (r.status >= 500) problems.push(`status ${r.status}`);
      if (r.status === -1) problems.push(`connection error: ${r.body}`);
      problems.push(...leaks(r.body));
      if (problems.length) failures.push({ method: c.method, path: c.path.length > 200 ? `${c.path.slice(0, 200)}… (${c.path.length} chars)` : c.path, headers: c.headers, bodyType: c.headers?.["Content-Type"], status: r.status, problems, excerpt: r.body.slice(0, 300) });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { routes, cases: cases.length, refusedByClient: refused, statuses, failures };
}
