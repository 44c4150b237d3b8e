// Writes the measured table into bench/README.md between the results markers.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const START = "<!-- results:start (written by npm run bench) -->";
const END = "<!-- results:end -->";

const verdict = (m) => (m === null || m === undefined ? "n/a" : m ? "met" : "**missed**");

export function resultsMarkdown(all) {
  const lines = [];
  const stamp = Object.values(all).map((r) => r.machine?.date).filter(Boolean).sort();
  const any = Object.values(all).find((r) => r.machine);
  if (any?.machine) {
    const m = any.machine;
    lines.push(`Last run: ${stamp[0]?.slice(0, 16)}–${stamp.at(-1)?.slice(0, 16)} UTC, node ${m.node}, ${m.cpus} CPUs (${m.cpuModel}), load average at start ${m.loadAverageAtStart?.join(" ")}, load tool ${m.loadTool}.`);
    lines.push("");
  }
  lines.push("| stage | target | measured | verdict |", "|---|---|---|---|");
  for (const [name, r] of Object.entries(all)) {
    if (r.load) continue;
    if (r.skipped) lines.push(`| ${name} | | skipped: ${r.skipped} | n/a |`);
    else if (r.error) lines.push(`| ${name} | | failed: ${r.error.replace(/\|/g, "\\|").slice(0, 200)} | **failed** |`);
    for (const t of r.targets ?? []) lines.push(`| ${t.name} | ${t.target} | ${t.measured} | ${verdict(t.met)} |`);
  }
  const s = all.serve;
  if (s?.pages) {
    lines.push(
      "",
      `**Public pages under next start** (${s.description}). The target compares with the bare floor page. The other columns compare with the floor built at the page's own size (bench/floor/app/weight), which shows what our code adds apart from page weight, and with that floor plus an empty proxy.ts (bench/floor/with-proxy), which also takes out what Next costs per request once any proxy exists.`,
      "",
      "| page | bytes | req/s | p50 ms | p99 ms | x floor | floor at the same size: bytes, req/s | x floor at the same size | same size + empty proxy: req/s | x that |",
      "|---|---|---|---|---|---|---|---|---|---|",
    );
    const f = s.reference.floor;
    lines.push(`| framework floor (bench/floor) | ${s.reference.floorBytes ?? ""} | ${f.rps} | ${f.p50Ms} | ${f.p99Ms} | 1 | | | | |`);
    for (const p of s.pages) {
      const w = p.sameWeightFloor;
      const x = p.sameWeightProxyFloor;
      lines.push(`| ${p.page} \`${p.path}\` | ${p.bytes ?? ""} | ${p.rps} | ${p.p50Ms} | ${p.p99Ms} | ${p.ratioToFloor} | ${w ? `${w.bytes}, ${w.rps}` : ""} | ${w?.ratio ?? ""} | ${x?.rps ?? ""} | ${x?.ratio ?? ""} |`);
    }
  }
  const x = all.proxy;
  if (x?.pages) {
    lines.push("", `**Through deploy/nginx.conf** (${x.description})`, "", "| page | proxy req/s | proxy p99 ms | nginx static file req/s | static p99 ms | ratio | cache |", "|---|---|---|---|---|---|---|");
    for (const p of x.pages) lines.push(`| ${p.page} | ${p.proxy.rps} | ${p.proxy.p99Ms} | ${p.staticFile.rps} | ${p.staticFile.p99Ms} | ${p.ratioToStatic} | ${p.cacheStatus} |`);
  }
  const pr = all.pro;
  if (pr?.pro) {
    lines.push("", `**Pro section vs public page** (${pr.description})`, "", "| request | req/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|");
    for (const row of [pr.public, pr.pro]) lines.push(`| ${row.label} | ${row.rps} | ${row.p50Ms} | ${row.p95Ms} | ${row.p99Ms} |`);
  }
  const fl = all.firstload;
  if (fl?.routes) {
    lines.push("", `**First-load JS, gzipped** (${fl.description}); floor ${fl.reference.floor.kB} kB`, "", "| route | sample | kB | over floor |", "|---|---|---|---|");
    for (const r of fl.routes) lines.push(`| \`${r.route}\` | ${r.url ?? ""} | ${r.kB ?? (r.redirect ? `redirect to ${r.redirect}` : r.note ?? "")} | ${r.aboveFloorKB ?? ""} |`);
  }
  const lh = all.lighthouse;
  if (lh?.pages) {
    lines.push("", "**Lighthouse (mobile)**", "", "| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | not passing |", "|---|---|---|---|---|---|---|---|---|");
    for (const p of lh.pages) {
      const fails = Object.entries(p.failing).flatMap(([c, l]) => l.map((a) => `${c}: ${a.id}`)).join("; ");
      lines.push(`| ${p.page} | ${p.scores.performance} | ${p.scores.accessibility} | ${p.scores["best-practices"]} | ${p.scores.seo} | ${p.metrics["largest-contentful-paint"]} | ${p.metrics["total-blocking-time"]} | ${p.metrics["cumulative-layout-shift"]} | ${fails} |`);
    }
  }
  const b = all.build;
  if (b?.points) {
    lines.push("", "**Build scaling**", "", "| extra synthetic detections | detections | prerendered routes | build s | build CPU s |", "|---|---|---|---|---|");
    for (const p of b.points) lines.push(`| ${p.extra} | ${p.detections} | ${p.pages} | ${p.seconds} | ${p.cpuSeconds} |`);
    if (b.fitCpu) lines.push("", `Marginal cost: ${b.fitWall.msPerPage} ms per page wall (R² ${b.fitWall.r2}), ${b.fitCpu.msPerPage} ms per page CPU (R² ${b.fitCpu.r2}).`);
  }
  const ck = all.check;
  if (ck?.cold) {
    lines.push("", `**content:check** (${ck.description})`, "", "| KQL results | wall s (median) | runs | CPU s |", "|---|---|---|---|");
    lines.push(`| none cached (every query analysed) | ${ck.cold.seconds} | ${ck.cold.runs.join(", ")} | ${ck.cold.cpuSeconds} |`);
    lines.push(`| cached from a previous run | ${ck.warm.seconds} | ${ck.warm.runs.join(", ")} | ${ck.warm.cpuSeconds} |`);
  }
  const se = all.search;
  if (se?.indexes?.length) {
    lines.push("", "**Search**", "", "| index | records | gzipped kB | warm p50 ms | warm p95 ms | warm max ms | cold p95 ms |", "|---|---|---|---|---|---|---|");
    for (const i of se.indexes) lines.push(`| ${i.label} | ${i.techniques} techniques, ${i.detections} detections | ${i.gzKB} | ${i.warmP50Ms} | ${i.warmP95Ms} | ${i.warmMaxMs} | ${i.coldP95Ms} |`);
  }
  lines.push(...loadMarkdown(all));
  return lines.join("\n");
}

/** Every stage's last result plus the last load-test runs, from bench/results. */
export function collectResults(resultsDir, stageNames) {
  const all = {};
  for (const name of stageNames) {
    const f = path.join(resultsDir, `${name}.json`);
    if (existsSync(f)) all[name] = JSON.parse(readFileSync(f, "utf8"));
  }
  for (const scale of ["full", "small"]) {
    const f = path.join(resultsDir, `load-${scale}.json`);
    if (existsSync(f)) all[`load-${scale}`] = { load: JSON.parse(readFileSync(f, "utf8")) };
  }
  return all;
}

function loadMarkdown(all) {
  const lines = [];
  for (const scale of ["full", "small"]) {
    const l = all[`load-${scale}`]?.load;
    if (!l) continue;
    lines.push("", `**npm run test:load** (LOAD_SCALE=${l.scale}: ${l.settings.connections} connections for ${l.settings.seconds} s, ${l.settings.signups} sign-ups; ${l.date.slice(0, 16)} UTC)`, "", "| test | outcome | result |", "|---|---|---|");
    for (const t of l.tests) lines.push(`| ${t.name} | ${t.outcome} | ${(t.summary ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 400)} |`);
  }
  return lines;
}

export function writeReadmeTable(file, all) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  if (i < 0 || j < i) return;
  writeFileSync(file, `${text.slice(0, i + START.length)}\n${resultsMarkdown(all)}\n${text.slice(j)}`);
}
