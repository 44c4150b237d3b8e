// deploy/nginx.conf must never serve anything per-user or Pro from its cache to someone else.
// Checks, through the real config in front of `next start`:
// - public prerendered pages are cached (HIT on repeat) and identical for everyone;
// - a response produced for a request with a session cookie is never stored;
// - POSTs (server actions, sign-in, checkout) and private/no-store responses never come from the cache;
// - TRACE is refused by nginx (Next 16.5 answers it with a 500 when a proxy.ts exists);
// - with accounts (the `pro` option): a Pro user's Pro section and account page, requested through
//   the proxy, are never served to an anonymous user or a Free user afterwards.
import { request } from "node:http";

export function raw(origin, { method = "GET", path, headers = {}, body, timeoutMs = 30_000 }) {
  return new Promise((resolve, reject) => {
    const u = new URL(origin);
    const data = body === undefined ? undefined : Buffer.from(body);
    const h = { ...headers };
    if (data) h["Content-Length"] = String(data.length);
    const req = request({ host: u.hostname, port: u.port, method, path, headers: h, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

/**
 * Runs the checks; returns { checks: [{ name, ok, detail }] }.
 * `pro` (optional): { proCookie, freeCookie, canary, action: { path, headers, body }, accountPath, proEmail }.
 */
export async function cacheSafety(proxyOrigin, { pro } = {}) {
  const checks = [];
  const check = (name, ok, detail = "") => checks.push({ name, ok: Boolean(ok), detail });
  const status = (r) => r.headers["x-cache-status"] ?? "none";

  // Public pages are cached and then served as HITs.
  for (const p of ["/", "/techniques/T1055", "/techniques/T1055/sentinel"]) {
    await raw(proxyOrigin, { path: p });
    const r = await raw(proxyOrigin, { path: p });
    check(`public page ${p} is served from the cache`, r.status === 200 && status(r) === "HIT", `status ${r.status}, cache ${status(r)}`);
  }

  // deploy/nginx.conf ignores Vary because its cache key already holds every header the app varies
  // on. Every cacheable response must vary on nothing else, or two visitors could get each
  // other's variant.
  const KEYED = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "accept-encoding"]);

  for (const c of [
    { path: "/", page: true },
    { path: "/techniques/T1055", page: true },
    { path: "/techniques/T1055/sentinel", page: true },
    { path: "/techniques/T1055/sentinel?_rsc", headers: { RSC: "1" }, page: true },
    { path: "/techniques/T1055/sentinel/sigma.yml" },
    { path: "/api/suggest?q=T1055" },
    { path: "/techniques/T1055", headers: { "Accept-Encoding": "gzip, deflate, br" } },
  ]) {
    const r = await raw(proxyOrigin, c);
    const vary = String(r.headers.vary ?? "").split(",").map((v) => v.trim().toLowerCase()).filter(Boolean);
    const unkeyed = vary.filter((v) => !KEYED.has(v));
    // Pages must still tell browsers and other caches what they vary on (nginx passes Vary on).
    check(
      `${c.path}${c.headers ? ` (${Object.keys(c.headers).join(", ")})` : ""} varies only on headers in nginx's cache key`,
      r.status === 200 && unkeyed.length === 0 && (!c.page || vary.includes("rsc")),
      `status ${r.status}, Vary: ${r.headers.vary ?? "none"}`,
    );
  }
  // Each encoding gets its own entry: a client without gzip never gets a gzip body from the cache.
  for (let i = 0; i < 2; i++) await raw(proxyOrigin, { path: "/techniques/T1055", headers: { "Accept-Encoding": "gzip" } });
  const plainAfterGzip = await raw(proxyOrigin, { path: "/techniques/T1055" });
  const gz = await raw(proxyOrigin, { path: "/techniques/T1055", headers: { "Accept-Encoding": "br;q=1, gzip;q=0.5" } });
  check(
    "a cached page is stored per encoding: identity without gzip, gzip for any gzip-capable client",
    !plainAfterGzip.headers["content-encoding"] && plainAfterGzip.body.includes("<html") && gz.headers["content-encoding"] === "gzip" && status(gz) === "HIT",
    `without: ${plainAfterGzip.headers["content-encoding"] ?? "identity"} ${status(plainAfterGzip)}, with: ${gz.headers["content-encoding"] ?? "identity"} ${status(gz)}`,
  );

  // A cacheable URL first requested with a session cookie is not stored.
  const fresh = `/api/suggest?q=cache-safety-${Date.now()}`;
  const signed = await raw(proxyOrigin, { path: fresh, headers: { Cookie: "next-auth.session-token=bench-fake-session" } });
  const anon = await raw(proxyOrigin, { path: fresh });
  check("a response to a request with a session cookie is not stored", status(anon) !== "HIT", `signed-in request: ${status(signed)}, then anonymous: ${status(anon)}`);
  const fresh2 = `/api/suggest?q=cache-safety-auth-${Date.now()}`;
  await raw(proxyOrigin, { path: fresh2, headers: { Authorization: "Bearer x" } });
  check("a response to a request with an Authorization header is not stored", status(await raw(proxyOrigin, { path: fresh2 })) !== "HIT");

  // Private / no-store responses are never served from the cache.
  for (const p of ["/api/health", "/no-such-page-cache-safety"]) {
    await raw(proxyOrigin, { path: p });
    const r = await raw(proxyOrigin, { path: p });
    check(`no-store response ${p} is not cached`, status(r) !== "HIT", `cache ${status(r)}, Cache-Control ${r.headers["cache-control"]}`);
  }

  // POST is never cached.
  for (let i = 0; i < 2; i++) await raw(proxyOrigin, { method: "POST", path: "/techniques/T1055/sentinel", headers: { "Content-Type": "text/plain" }, body: "x" });
  const post = await raw(proxyOrigin, { method: "POST", path: "/techniques/T1055/sentinel", headers: { "Content-Type": "text/plain" }, body: "x" });
  check("POST is never served from the cache", status(post) !== "HIT", `cache ${status(post)}`);

  // A GET forged with a next-action header skips the app's proxy.ts, so it gets the page without the
  // page's CSP: it must never be stored and served to the next visitor.
  const forgedPath = `/techniques/T1055?forged-action=${Date.now()}`;
  const forged = await raw(proxyOrigin, { path: forgedPath, headers: { "Next-Action": "0".repeat(42) } });
  const after = await raw(proxyOrigin, { path: forgedPath });
  check(
    "a GET forged with a Next-Action header is not stored; the next visitor gets the page's own CSP",
    status(after) !== "HIT" && /script-src 'self' 'sha256-/.test(after.headers["content-security-policy"] ?? ""),
    `forged: ${forged.status} ${status(forged)} (Cache-Control ${forged.headers["cache-control"]}), then: ${status(after)}, CSP ${(after.headers["content-security-policy"] ?? "none").slice(0, 60)}`,
  );

  const trace = await raw(proxyOrigin, { method: "TRACE", path: "/" });
  check("TRACE is refused by nginx, not passed to the app", trace.status === 405, `status ${trace.status}`);

  if (pro) {
    // The Pro section (a server action POST) for a Pro user, then the same request anonymously and
    // as Free. Sent as a browser on the proxy's origin would (Next checks Origin against Host).
    pro.action.headers = { ...pro.action.headers, Origin: proxyOrigin };
    const asPro = await raw(proxyOrigin, { method: "POST", path: pro.action.path, headers: { ...pro.action.headers, Cookie: pro.proCookie }, body: pro.action.body });
    check("the Pro user gets the Pro section through the proxy", asPro.body.includes(pro.canary), `status ${asPro.status}, cache ${status(asPro)}`);
    for (const [who, cookie] of [["an anonymous user", undefined], ["a Free user", pro.freeCookie]]) {
      const r = await raw(proxyOrigin, { method: "POST", path: pro.action.path, headers: { ...pro.action.headers, ...(cookie ? { Cookie: cookie } : {}) }, body: pro.action.body });
      check(`${who} never gets the Pro section after a Pro user fetched it`, !r.body.includes(pro.canary) && status(r) !== "HIT", `status ${r.status}, cache ${status(r)}`);
    }
    // The detection page itself, fetched by the Pro user then anonymously (GET, cacheable page).
    const page = pro.action.path;
    await raw(proxyOrigin, { path: page, headers: { Cookie: pro.proCookie } });
    const anonPage = await raw(proxyOrigin, { path: page });
    check("the detection page served from the cache holds no Pro material", !anonPage.body.includes(pro.canary), `cache ${status(anonPage)}`);
    // RSC variant of the page too.
    // (Next 16 answers an RSC request without its `_rsc` search parameter with a redirect.)
    await raw(proxyOrigin, { path: `${page}?_rsc`, headers: { Cookie: pro.proCookie, RSC: "1" } });
    const anonRsc = await raw(proxyOrigin, { path: `${page}?_rsc`, headers: { RSC: "1" } });
    check(
      "the cached RSC payload of the detection page holds no Pro material",
      anonRsc.status === 200 && /text\/x-component/.test(anonRsc.headers["content-type"] ?? "") && anonRsc.body.includes("pro-teaser") && !anonRsc.body.includes(pro.canary),
      `status ${anonRsc.status}, ${anonRsc.headers["content-type"]}, cache ${status(anonRsc)}`,
    );
    if (pro.accountPath) {
      const mine = await raw(proxyOrigin, { path: pro.accountPath, headers: { Cookie: pro.proCookie } });
      const other = await raw(proxyOrigin, { path: pro.accountPath });
      check("the account page is per user and never cached", mine.body.includes(pro.proEmail) && !other.body.includes(pro.proEmail) && status(other) !== "HIT", `pro: ${mine.status} ${status(mine)}, anonymous: ${other.status} ${status(other)}`);
    }
  }
  return { checks };
}
