// npm run test:load: load and fault tests against the production build (`next start`), localhost only.
//
//   npm run test:load                     # full size: 200 connections for 60 s
//   LOAD_SCALE=small npm run test:load    # CI size: 50 connections for 10 s (whole run well under 3 min)
//   LOAD_ONLY=fuzz,cache npm run test:load
//
// Tests: mixed (concurrent load over public pages, search data, Sigma downloads and signed-in Pro
// requests), fuzz (malformed input to every route), cache (deploy/nginx.conf never serves per-user
// content; needs nginx), accounts (concurrent sign-ups and sign-ins on SQLite) and checkout (the
// server killed in the middle of a local checkout). The last two need the accounts work and report
// "skipped" without it. Builds the app first when there is no build. Results: bench/results/load.json.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheSafety } from "./cache-safety.mjs";
import { fuzz } from "./fuzz.mjs";
import { mixedLoad } from "./mixed.mjs";
import { nginxBinary, startProxy } from "../lib/nginx.mjs";
import { ROOT, run, startNext, stopAll, stopAllOnExit, writeCspManifest } from "../lib/proc.mjs";
import { collectResults, writeReadmeTable } from "../lib/report.mjs";
import { STAGE_NAMES } from "../stages/index.mjs";

const SCALES = {
  small: { connections: 50, seconds: 10, signups: 10, crashRounds: 2, fuzzConcurrency: 4 },
  full: { connections: 200, seconds: 60, signups: 50, crashRounds: 3, fuzzConcurrency: 8 },
};
const scaleName = process.env.LOAD_SCALE ?? "full";
const scale = SCALES[scaleName];
if (!scale) {
  console.error(`LOAD_SCALE must be one of ${Object.keys(SCALES).join(", ")}`);
  process.exit(2);
}
const only = process.env.LOAD_ONLY?.split(",").filter(Boolean);
const want = (name) => !only || only.includes(name);

// Known framework issues the fuzzer reports but does not fail on: exact method + status + body.
const KNOWN = [
  {
    method: "TRACE",
    status: 500,
    body: "Internal Server Error",
    why: "Next 16.5 builds a WHATWG Request for proxy.ts and undici refuses TRACE, so next start answers 500 (no stack trace in the response). deploy/nginx.conf answers TRACE with 405 before it reaches the app (checked by the cache test).",
  },
];

stopAllOnExit();
// The crash tests SIGKILL the server with requests in flight; a reset that surfaces outside the
// request's own promise must not end the run (the test checks the outcome in the database).
process.on("uncaughtException", (e) => {
  if (e?.code === "ECONNRESET" || e?.code === "EPIPE") {
    console.error(`  (connection reset by a killed server: ${e.message})`);
    return;
  }
  console.error(e);
  process.exit(1);
});
const auth = existsSync(path.join(ROOT, "lib", "access", "index.ts")) ? await import("./auth-tests.mjs") : null;
const results = { scale: scaleName, settings: scale, date: new Date().toISOString(), tests: [] };
let passed = 0;
let failed = 0;
let skipped = 0;
function record(name, outcome, detail) {
  results.tests.push({ name, outcome, ...detail });
  if (outcome === "pass") passed++;
  else if (outcome === "fail") failed++;
  else skipped++;
  console.log(`${outcome === "pass" ? "ok  " : outcome === "fail" ? "FAIL" : "skip"} ${name}${detail?.summary ? `: ${detail.summary}` : ""}`);
  if (outcome === "fail" && detail?.failures?.length) for (const f of detail.failures.slice(0, 10)) console.log(`     ${JSON.stringify(f).slice(0, 400)}`);
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || process.env.LOAD_BUILD === "1") {
    console.log("building the app (no build found) ...");
    const r = await run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { logName: "load-build" });
    if (r.code !== 0) throw new Error("next build failed; see bench/results/tmp/load-build.log");
  }
  await writeCspManifest();
  const server = auth ? await auth.prepareServer() : { env: {} };
  let app = await startNext({ name: "load-app", env: server.env, port: server.port });
  const session = auth ? await auth.signInUsers(app.origin) : null;

  if (want("mixed")) {
    const extra = session ? session.proRequests : [];
    const r = await mixedLoad(app.origin, { connections: scale.connections, seconds: scale.seconds, extra });
    const ok = r.errors === 0 && r.statusClasses["5xx"] === 0 && r.requests > 0 && !app.exited();
    record(`mixed load, ${scale.connections} connections for ${scale.seconds} s`, ok ? "pass" : "fail", {
      summary: `${r.requests} requests (${r.rps} req/s) over ${r.distinctPaths} paths${r.extraKinds ? " + signed-in Pro requests" : " (no signed-in Pro requests: accounts not merged)"}, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}, 5xx ${r.statusClasses["5xx"]}, 4xx ${r.statusClasses["4xx"]}`,
      result: r,
    });
  }

  if (want("fuzz")) {
    const r = await fuzz(app.origin, { concurrency: scale.fuzzConcurrency });
    const known = [];
    const real = [];
    for (const f of r.failures) {
      const k = KNOWN.find((k) => k.method === f.method && k.status === f.status && f.excerpt.trim() === k.body && f.problems.length === 1);
      (k ? known : real).push(k ? { ...f, knownIssue: k.why } : f);
    }
    record(`route fuzzer, ${r.cases} cases over ${r.routes.length} routes`, real.length === 0 && !app.exited() ? "pass" : "fail", {
      summary: `${real.length} failures${known.length ? `, ${known.length} known framework issue(s) (TRACE -> 500 from next start itself; see load.json)` : ""}; statuses ${JSON.stringify(r.statuses)}`,
      routes: r.routes,
      statuses: r.statuses,
      failures: real,
      knownIssues: known,
    });
    for (const f of real.slice(0, 20)) console.log(`     ${f.method} ${f.path} ${f.headers ? JSON.stringify(f.headers) : ""} -> ${f.status}: ${f.problems.join("; ")}`);
  }

  if (want("cache")) {
    if (!nginxBinary()) record("nginx cache never serves per-user content", "skip", { summary: "nginx not installed (apt-get install -y nginx)" });
    else {
      const proxy = await startProxy(app.port, { workers: 1 });
      try {
        const r = await cacheSafety(proxy.origin, { pro: session?.cacheCheck });
        const bad = r.checks.filter((c) => !c.ok);
        record(`nginx cache never serves per-user content (${r.checks.length} checks${session ? ", with a Pro user" : ", no accounts yet"})`, bad.length ? "fail" : "pass", {
          summary: bad.length ? bad.map((c) => `${c.name} (${c.detail})`).join("; ") : "all checks hold",
          checks: r.checks,
        });
      } finally {
        await proxy.stop();
      }
    }
  }

  if (want("accounts")) {
    if (!auth) record("concurrent sign-ups and sign-ins", "skip", { summary: "needs the accounts work (not merged yet)" });
    else record(...(await auth.accountsTest(app.origin, scale, server.dbFile)));
  }
  if (want("checkout")) {
    if (!auth) record("server killed during a local checkout", "skip", { summary: "needs the accounts work (not merged yet)" });
    else {
      const [name, outcome, detail, restarted] = await auth.checkoutCrashTest(app, server, scale);
      app = restarted ?? app;
      record(name, outcome, detail);
    }
  }
  await app.stop();
}

try {
  await main();
} catch (e) {
  record("load test harness", "fail", { summary: e?.stack ?? String(e) });
} finally {
  await stopAll();
}
mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(path.join(ROOT, "bench", "results", `load-${scaleName}.json`), JSON.stringify(results, null, 2) + "\n");
writeReadmeTable(path.join(ROOT, "bench", "README.md"), collectResults(path.join(ROOT, "bench", "results"), STAGE_NAMES));
console.log(`\nload: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
