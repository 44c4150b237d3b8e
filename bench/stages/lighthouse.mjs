// Stage 5: Lighthouse (npm package, default mobile profile with simulated throttling) driving
// Debian's chromium on home, a technique page and a detection page under `next start`.
// Reports the four category scores and every audit that does not pass.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import { freePort, startGroup, TMP, waitForHttp } from "../lib/proc.mjs";
import { PUBLIC_PAGES } from "./serve.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95, seo: 100 };

export function chromiumPath() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p)) ?? null;
}

async function startChromium() {
  const bin = chromiumPath();
  if (!bin) throw new Error("chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)");
  const port = await freePort();
  const profile = path.join(TMP, "chromium-profile");
  rmSync(profile, { recursive: true, force: true });
  const handle = startGroup("chromium", bin, [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    `--user-data-dir=${profile}`,
    `--remote-debugging-port=${port}`,
    "about:blank",
  ]);
  await waitForHttp(`http://127.0.0.1:${port}/json/version`, { handle, timeoutMs: 30_000 });
  return { ...handle, port };
}

function failing(lhr) {
  const out = {};
  for (const cat of CATEGORIES) {
    const refs = lhr.categories[cat]?.auditRefs ?? [];
    out[cat] = refs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
      .filter((a) => cat !== "performance" || a.scoreDisplayMode === "numeric" || a.score < 0.9)
      .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? null, items: (a.details?.items ?? []).slice(0, 5).map((i) => i.node?.snippet ?? i.url ?? i.source?.url ?? i.description ?? null).filter(Boolean) }));
  }
  return out;
}

export async function lighthouseStage(ctx, { origin = ctx.app.origin, pages = PUBLIC_PAGES } = {}) {
  const chrome = await startChromium();
  const reports = path.join(TMP, "lighthouse");
  mkdirSync(reports, { recursive: true });
  const results = [];
  try {
    for (const p of pages) {
      const url = origin + p.path;
      let lhr;
      // A trace that fails to record (NO_NAVSTART, NO_FCP) is a flake of the browser: one retry.
      for (let attempt = 0; attempt < 2; attempt++) {
        lhr = (await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES })).lhr;
        if (!lhr.runtimeError) break;
        console.log(`  ${p.name}: ${lhr.runtimeError.code}, running again`);
      }
      writeFileSync(path.join(reports, `${p.name}.json`), JSON.stringify(lhr));
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score === null ? null : Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const metrics = Object.fromEntries(
        ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [id, lhr.audits[id]?.displayValue ?? null]),
      );
      results.push({ page: p.name, path: p.path, scores, metrics, benchmarkIndex: lhr.environment?.benchmarkIndex ?? null, failing: failing(lhr), runWarnings: lhr.runWarnings });
      console.log(`  ${p.name.padEnd(10)} perf ${scores.performance}  a11y ${scores.accessibility}  best ${scores["best-practices"]}  seo ${scores.seo}  (LCP ${metrics["largest-contentful-paint"]}, TBT ${metrics["total-blocking-time"]}, CLS ${metrics["cumulative-layout-shift"]}; benchmarkIndex ${lhr.environment?.benchmarkIndex})`);
      for (const [cat, list] of Object.entries(results.at(-1).failing)) for (const a of list) console.log(`      ${cat}: ${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ""})`);
    }
  } finally {
    await chrome.stop();
  }
  return {
    description: "Lighthouse 12 default (mobile, simulated throttling), Debian chromium headless; reports in bench/results/tmp/lighthouse/",
    pages: results,
    targets: results.flatMap((r) =>
      CATEGORIES.map((c) => ({ name: `Lighthouse ${c} on ${r.page}`, target: `>= ${TARGETS[c]}`, measured: String(r.scores[c]), met: r.scores[c] !== null && r.scores[c] >= TARGETS[c] })),
    ),
  };
}
