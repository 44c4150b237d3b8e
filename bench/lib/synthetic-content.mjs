// Synthetic but valid detections for the build-scaling and content:check benchmarks.
//
// makeContentDir(dir, extra) copies content/ to `dir` and adds `extra` detections, each a copy of
// the T1055 Sentinel detection (mdx, query, Sigma rule, test events, Pro file) re-pointed at
// another ATT&CK technique: a new id, that technique's tactics (frontmatter and Sigma tags), a new
// Sigma id, a unique Pro canary, and no Atomic tests (with the reason given). Techniques without a
// real detection are used first for sentinel, then for defender-xdr (the query's TimeGenerated
// becomes Timestamp, the Defender portal column). Deterministic: the same `extra` gives the same files.
// The result passes `npm run content:check` (the benchmark checks that it does).
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, stringify } from "yaml";
import { ROOT } from "./proc.mjs";

const SRC = path.join(ROOT, "content");
const TEMPLATE = { technique: "T1055", platform: "sentinel" };

function uuidFrom(seed) {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function splitFm(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/.exec(text);
  if (!m) throw new Error("template without frontmatter");
  return { fm: m[1], body: text.slice(m[0].length) };
}

/** The (technique, platform) pairs a synthetic set of size `extra` uses, in order. */
export function syntheticTargets(extra) {
  const catalog = JSON.parse(readFileSync(path.join(SRC, "catalog", "attack-v19.json"), "utf8"));
  const taken = new Set();
  for (const dir of readdirSync(path.join(SRC, "detections"))) {
    for (const f of readdirSync(path.join(SRC, "detections", dir))) if (f.endsWith(".mdx")) taken.add(`${dir}/${f.slice(0, -4)}`);
  }
  const techniques = catalog.techniques.filter((t) => t.tactics.length > 0).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  const out = [];
  for (const platform of ["sentinel", "defender-xdr"]) {
    for (const t of techniques) {
      if (out.length >= extra) return { catalog, targets: out };
      if (!taken.has(`${t.id}/${platform}`)) out.push({ technique: t, platform });
    }
  }
  if (out.length < extra) throw new Error(`only ${out.length} free technique/platform pairs for ${extra} synthetic detections`);
  return { catalog, targets: out };
}

/**
 * Writes a content folder with the real content plus `extra` synthetic detections.
 * `onlyReal` (a number) keeps only the first N real detections (for a fixed-size content:check run).
 */
export function makeContentDir(dir, extra, { realLimit } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(SRC)) {
    if (f === "detections" || f === "pro") continue;
    cpSync(path.join(SRC, f), path.join(dir, f), { recursive: true });
  }
  const real = readdirSync(path.join(SRC, "detections")).sort();
  const keep = realLimit === undefined ? real : real.slice(0, realLimit);
  if (!keep.includes(TEMPLATE.technique)) keep.push(TEMPLATE.technique);
  for (const t of keep) {
    cpSync(path.join(SRC, "detections", t), path.join(dir, "detections", t), { recursive: true });
    if (existsSync(path.join(SRC, "pro", t))) cpSync(path.join(SRC, "pro", t), path.join(dir, "pro", t), { recursive: true });
  }
  const tdir = path.join(SRC, "detections", TEMPLATE.technique);
  const stem = path.join(tdir, TEMPLATE.platform);
  const mdx = splitFm(readFileSync(`${stem}.mdx`, "utf8"));
  const kql = readFileSync(`${stem}.kql`, "utf8");
  const sigmaText = readFileSync(`${stem}.sigma.yml`, "utf8");
  const events = readFileSync(`${stem}.events.json`, "utf8");
  const pro = splitFm(readFileSync(path.join(SRC, "pro", TEMPLATE.technique, `${TEMPLATE.platform}.mdx`), "utf8"));

  const { catalog, targets } = syntheticTargets(extra);
  const tactics = new Map(catalog.tactics.map((t) => [t.id, t]));
  for (const { technique, platform } of targets) {
    const key = `${technique.id}/${platform}`;
    const id = uuidFrom(`detection:${key}`);
    const defender = platform === "defender-xdr";
    const fixQuery = (s) => (defender ? s.replaceAll("TimeGenerated", "Timestamp") : s);
    // Every copy's KQL text differs (a comment line naming the copy), so nothing that dedupes or
    // caches by query text can make a synthetic library cheaper to check than a real one.
    const tag = `// synthetic copy of T1055 for ${key}\n`;
    const tagQuery = (s) => tag + s;
    const tagBlocks = (s) => s.replace(/^```kql[ \t]*\n/gm, (open) => open + tag);

    const fm = parseDocument(mdx.fm).toJS();
    fm.id = id;
    fm.technique = technique.id;
    fm.platform = platform;
    fm.title = `Synthetic ${technique.id} ${platform} detection (benchmark copy of T1055)`;
    fm.tactics = [...technique.tactics];
    fm.atomicTests = [];
    fm.noAtomicReason = "Synthetic benchmark detection: a copy of the T1055 rule under another technique id.";
    fm.relatedDetections = [];
    const body = mdx.body;

    const sigma = parseDocument(sigmaText).toJS();
    sigma.id = uuidFrom(`sigma:${key}`);
    sigma.title = `${sigma.title} (synthetic ${technique.id})`;
    sigma.tags = [...technique.tactics.map((t) => `attack.${tactics.get(t).shortname}`), `attack.${technique.id.toLowerCase()}`];

    const out = path.join(dir, "detections", technique.id);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `${platform}.mdx`), `---\n${stringify(fm, { lineWidth: 0 })}---\n${body}`);
    writeFileSync(path.join(out, `${platform}.kql`), tagQuery(fixQuery(kql)));
    writeFileSync(path.join(out, `${platform}.sigma.yml`), stringify(sigma, { lineWidth: 0 }));
    writeFileSync(path.join(out, `${platform}.events.json`), events);

    const pfm = parseDocument(pro.fm).toJS();
    pfm.detection = id;
    pfm.canary = `HBPRO-CANARY-SYNTH-${createHash("sha256").update(key).digest("hex").slice(0, 12)}-${technique.id}-${platform}`;
    const pout = path.join(dir, "pro", technique.id);
    mkdirSync(pout, { recursive: true });
    writeFileSync(path.join(pout, `${platform}.mdx`), `---\n${stringify(pfm, { lineWidth: 0 })}---\n${tagBlocks(fixQuery(pro.body))}`);
  }
  return { dir, detections: keep.length + targets.length, synthetic: targets.length };
}
