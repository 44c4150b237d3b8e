/**
 * Writes N synthetic detections (valid against the content schema) into a content directory, to
 * check the portal at library scale: CONTENT_DIR=<dir> next build. Each is the T1055 Sentinel
 * detection re-targeted at another technique/platform with synthetic metadata.
 *
 *   npx tsx --conditions=react-server bench/synthetic-content.ts 300 /tmp/huntbook-synth
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, stringify } from "yaml";
import { allTechniques, getTactic } from "@/lib/attack/catalog";
import { splitFrontmatter } from "@/lib/content/source";
import { syntheticDetections } from "./synthetic";

const n = Number(process.argv[2] ?? 300);
const out = path.resolve(process.argv[3] ?? "/tmp/huntbook-synth");
const src = path.join(process.cwd(), "content/detections/T1055");
const mdx = readFileSync(path.join(src, "sentinel.mdx"), "utf8");
const { frontmatter, body } = splitFrontmatter(mdx);
const base = parseDocument(frontmatter ?? "").toJS() as Record<string, unknown>;
const sigmaBase = parseDocument(readFileSync(path.join(src, "sentinel.sigma.yml"), "utf8")).toJS() as Record<string, unknown>;

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "detections"), { recursive: true });
cpSync(path.join(process.cwd(), "content/catalog"), path.join(out, "catalog"), { recursive: true });
// Keep the real detection too.
cpSync(src, path.join(out, "detections/T1055"), { recursive: true });

const seen = new Set(["T1055/sentinel"]);
let written = 0;
for (const d of syntheticDetections(allTechniques(), n + 5, 2026)) {
  if (written >= n || seen.has(`${d.technique}/${d.platform}`)) continue;
  seen.add(`${d.technique}/${d.platform}`);
  const dir = path.join(out, "detections", d.technique);
  mkdirSync(dir, { recursive: true });
  const fm = {
    ...base,
    id: d.id,
    technique: d.technique,
    platform: d.platform,
    title: d.title.slice(0, 120),
    description: d.description,
    tactics: d.tactics,
    severity: d.severity,
    confidence: d.confidence,
    dataSources: d.dataSources,
    requiredTables: d.requiredTables,
    atomicTests: [],
    noAtomicReason: "Synthetic detection for scale testing.",
    relatedDetections: [],
    created: d.created,
    modified: d.modified,
  };
  writeFileSync(path.join(dir, `${d.platform}.mdx`), `---\n${stringify(fm)}---\n${body}`);
  const tags = [`attack.${d.technique.toLowerCase()}`, ...d.tactics.map((t) => `attack.${getTactic(t)?.shortname ?? "execution"}`)];
  const sigma = { ...sigmaBase, id: d.id.replace(/^./, (c) => (c === "f" ? "0" : "f")), title: d.title.slice(0, 120), tags };
  writeFileSync(path.join(dir, `${d.platform}.sigma.yml`), stringify(sigma));
  cpSync(path.join(src, "sentinel.kql"), path.join(dir, `${d.platform}.kql`));
  cpSync(path.join(src, "sentinel.events.json"), path.join(dir, `${d.platform}.events.json`));
  written++;
}
console.log(`wrote ${written} synthetic detections (+ the real one) to ${out}`);
