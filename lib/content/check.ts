/**
 * Validation of detection content: one function used by `npm run content:check`, by the loader
 * (so `next build` fails on the same problems) and by the tests. Every problem is reported as
 * `file:line: reason`; nothing is silently dropped.
 */
import { createProcessor } from "@mdx-js/mdx";
import { getAtomicTest, getTactic, getTechnique } from "@/lib/attack/catalog";
import {
  PUBLIC_SECTIONS,
  frontmatterSchema,
  testEventsSchema,
  type DetectionFrontmatter,
  type TestEvents,
} from "./schema";
import {
  contentRoot,
  discoverDetections,
  displayPath,
  lineOf,
  lineOfPath,
  parseYamlWithPositions,
  readText,
  splitFrontmatter,
  type ContentIssue,
  type DetectionSource,
} from "./source";

/** A detection whose files all passed the structural checks (verification comes on top). */
export interface CheckedDetection {
  source: DetectionSource;
  frontmatter: DetectionFrontmatter;
  body: string;
  bodyLine: number;
  query: string;
  sigmaText: string;
  /** The parsed Sigma YAML (validated further by the Sigma library). */
  sigma: Record<string, unknown>;
  events: TestEvents;
}

/** Extra checks that need the KQL parser or the Sigma engine; plugged in by lib/verify. */
export interface Verifier {
  name: string;
  /** Called with the files before any check runs, so slow verifiers can start early. */
  prepare?(sources: readonly DetectionSource[]): void;
  verify(detections: readonly CheckedDetection[]): Promise<ContentIssue[]> | ContentIssue[];
}

export interface CheckResult {
  detections: CheckedDetection[];
  issues: ContentIssue[];
}

/** Components MDX bodies may use; anything else is an error (content is linted like code). */
export const ALLOWED_MDX_COMPONENTS = new Set<string>(["Callout", "Kbd"]);

export async function checkDetectionFiles(
  sources: readonly DetectionSource[] = discoverDetections(contentRoot()),
  verifiers: readonly Verifier[] = [],
  onFile?: (source: DetectionSource, issues: readonly ContentIssue[]) => void,
): Promise<CheckResult> {
  const detections: CheckedDetection[] = [];
  const issues: ContentIssue[] = [];
  const seenIds = new Map<string, string>();
  const seenSlugs = new Map<string, string>();
  for (const v of verifiers) v.prepare?.(sources);

  for (const src of sources) {
    const fileIssues: ContentIssue[] = [];
    const checked = await checkOne(src, fileIssues, (fm, line) => {
      const file = displayPath(src.mdxPath);
      const prev = seenIds.get(fm.id);
      if (prev) fileIssues.push({ file, line, reason: `duplicate id ${fm.id} (also in ${prev})` });
      else seenIds.set(fm.id, file);
      const slug = `${fm.technique}/${fm.platform}`;
      const prevSlug = seenSlugs.get(slug);
      if (prevSlug) fileIssues.push({ file, line: 1, reason: `a second ${slug} detection (also in ${prevSlug})` });
      else seenSlugs.set(slug, file);
    });
    if (checked && fileIssues.length === 0) detections.push(checked);
    onFile?.(src, fileIssues);
    issues.push(...fileIssues);
  }

  // Cross-file references.
  for (const d of detections) {
    for (const rel of d.frontmatter.relatedDetections) {
      if (!seenIds.has(rel)) {
        const text = readText(d.source.mdxPath) ?? "";
        issues.push({ file: displayPath(d.source.mdxPath), line: lineOf(text, rel), reason: `related detection ${rel} does not exist` });
      }
    }
  }

  for (const v of verifiers) issues.push(...(await v.verify(detections)));
  return { detections: detections.filter((d) => !issues.some((i) => sameFile(i.file, d.source))), issues };
}

function sameFile(file: string, src: DetectionSource): boolean {
  return [src.mdxPath, src.queryPath, src.sigmaPath, src.eventsPath].some((p) => displayPath(p) === file);
}

async function checkOne(
  src: DetectionSource,
  issues: ContentIssue[],
  onIdentity: (fm: DetectionFrontmatter, idLine: number) => void,
): Promise<CheckedDetection | null> {
  const file = displayPath(src.mdxPath);
  const text = readText(src.mdxPath);
  if (text === null) {
    issues.push({ file, line: 1, reason: "cannot read file" });
    return null;
  }
  const split = splitFrontmatter(text);
  if (split.frontmatter === null) {
    issues.push({ file, line: 1, reason: "missing frontmatter (the file must start with a --- block)" });
    return null;
  }
  const parsed = parseYamlWithPositions(split.frontmatter);
  const fmLine = (l: number) => split.frontmatterLine + l - 1;
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors) issues.push({ file, line: fmLine(e.line), column: e.column, reason: `malformed YAML frontmatter: ${e.message}` });
    return null;
  }
  const result = frontmatterSchema.safeParse(parsed.doc.toJS());
  if (!result.success) {
    for (const iss of result.error.issues) {
      const where = iss.path.length ? `${iss.path.join(".")}: ` : "";
      issues.push({ file, line: fmLine(lineOfPath(parsed, iss.path)), reason: `${where}${iss.message}` });
    }
    return null;
  }
  const fm = result.data;
  const at = (p: PropertyKey[]) => fmLine(lineOfPath(parsed, p));
  onIdentity(fm, at(["id"]));

  // Location must agree with the frontmatter: content/detections/<technique>/<platform>.mdx
  if (src.dirName !== fm.technique) issues.push({ file, line: at(["technique"]), reason: `technique ${fm.technique} does not match its folder ${src.dirName}` });
  if (src.baseName !== fm.platform) issues.push({ file, line: at(["platform"]), reason: `platform ${fm.platform} does not match the file name ${src.baseName}.mdx` });

  // Catalogue facts.
  const technique = getTechnique(fm.technique);
  if (!technique) {
    issues.push({ file, line: at(["technique"]), reason: `unknown technique id ${fm.technique} (not in ATT&CK v19)` });
  } else {
    fm.tactics.forEach((tid, i) => {
      const tactic = getTactic(tid);
      if (!tactic) issues.push({ file, line: at(["tactics", i]), reason: `unknown tactic id ${tid}` });
      else if (!technique.tactics.includes(tid))
        issues.push({
          file,
          line: at(["tactics", i]),
          reason: `tactic mismatch: ${tid} (${tactic.name}) is not a tactic of ${fm.technique}; it has ${technique.tactics.join(", ")}`,
        });
    });
  }
  fm.atomicTests.forEach((a, i) => {
    const t = getAtomicTest(a.guid);
    if (!t) issues.push({ file, line: at(["atomicTests", i, "guid"]), reason: `atomic test ${a.guid} is not in the Atomic Red Team index` });
    else if (t.technique !== fm.technique && t.technique.split(".")[0] !== fm.technique && t.technique !== fm.technique.split(".")[0])
      issues.push({ file, line: at(["atomicTests", i, "guid"]), reason: `atomic test ${a.guid} exercises ${t.technique}, not ${fm.technique} or its family` });
  });
  if (fm.atomicTests.length === 0 && !fm.noAtomicReason)
    issues.push({ file, line: at(["atomicTests"]), reason: "no atomic tests: add them or say why in noAtomicReason" });
  if (fm.modified < fm.created) issues.push({ file, line: at(["modified"]), reason: `modified ${fm.modified} is before created ${fm.created}` });
  const dupTables = fm.requiredTables.filter((t, i) => fm.requiredTables.indexOf(t) !== i);
  if (dupTables.length) issues.push({ file, line: at(["requiredTables"]), reason: `requiredTables lists ${dupTables.join(", ")} twice` });

  // Body: required sections and MDX that compiles, with only allow-listed components.
  await checkBody(file, split.body, split.bodyLine, issues);

  // Sidecars.
  const query = readSidecar(src.queryPath, "KQL query", issues);
  const sigmaText = readSidecar(src.sigmaPath, "Sigma rule", issues);
  const eventsText = readSidecar(src.eventsPath, "test events", issues);

  let sigma: Record<string, unknown> | null = null;
  if (sigmaText !== null) sigma = checkSigmaShape(src.sigmaPath, sigmaText, fm, issues);

  let events: TestEvents | null = null;
  if (eventsText !== null) events = parseEvents(src.eventsPath, eventsText, issues);

  if (query !== null && query.trim() === "") issues.push({ file: displayPath(src.queryPath), line: 1, reason: "the query is empty" });

  if (issues.length > 0 || query === null || sigmaText === null || sigma === null || events === null) return null;
  return { source: src, frontmatter: fm, body: split.body, bodyLine: split.bodyLine, query, sigmaText, sigma, events };
}

function readSidecar(p: string, what: string, issues: ContentIssue[]): string | null {
  const text = readText(p);
  if (text === null) issues.push({ file: displayPath(p), line: 1, reason: `missing sidecar: ${what} (${displayPath(p)}) not found` });
  return text;
}

let processor: ReturnType<typeof createProcessor> | null = null;
function mdxProcessor() {
  processor ??= createProcessor({ format: "mdx" });
  return processor;
}

export async function checkBody(file: string, body: string, bodyLine: number, issues: ContentIssue[], required: readonly string[] = PUBLIC_SECTIONS): Promise<void> {
  const lines = body.split("\n");
  const headings: { text: string; line: number }[] = [];
  let inFence = false;
  lines.forEach((l, i) => {
    if (/^\s*(```|~~~)/.test(l)) inFence = !inFence;
    if (inFence) return;
    const h = /^##\s+(.+?)\s*$/.exec(l);
    if (h?.[1]) headings.push({ text: h[1], line: bodyLine + i });
    if (/^(import|export)\s/.test(l)) issues.push({ file, line: bodyLine + i, reason: "import/export statements are not allowed in content" });
    // Inline code is plain text in MDX: `<TaskName>` there is not a component.
    for (const m of l.replace(/`[^`]*`/g, (c) => " ".repeat(c.length)).matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      if (m[1] && !ALLOWED_MDX_COMPONENTS.has(m[1]))
        issues.push({ file, line: bodyLine + i, column: (m.index ?? 0) + 1, reason: `component <${m[1]}> is not allowed (allowed: ${[...ALLOWED_MDX_COMPONENTS].join(", ")})` });
    }
    const expr = /(^|[^\\`])\{[^}]*\}/.exec(l.replace(/`[^`]*`/g, ""));
    if (expr) issues.push({ file, line: bodyLine + i, reason: "JavaScript expressions ({...}) are not allowed in content; escape the brace as \\{" });
  });
  let cursor = 0;
  for (const name of required) {
    const idx = headings.findIndex((h, i) => i >= cursor && h.text === name);
    if (idx < 0) issues.push({ file, line: bodyLine, reason: `missing section "## ${name}" (required, in this order: ${required.join(", ")})` });
    else cursor = idx + 1;
  }
  try {
    // Parsing finds every MDX syntax error with its position; the rest of compilation (JS
    // generation) adds nothing for content we render through an allow-list, and costs twice as much.
    mdxProcessor().parse(body);
  } catch (e) {
    const err = e as { reason?: string; message?: string; line?: number; column?: number };
    issues.push({ file, line: bodyLine + (err.line ?? 1) - 1, column: err.column, reason: `MDX does not compile: ${err.reason ?? err.message ?? String(e)}` });
  }
}

function checkSigmaShape(p: string, text: string, fm: DetectionFrontmatter, issues: ContentIssue[]): Record<string, unknown> | null {
  const file = displayPath(p);
  const parsed = parseYamlWithPositions(text);
  if (parsed.errors.length > 0) {
    for (const e of parsed.errors) issues.push({ file, line: e.line, column: e.column, reason: `malformed YAML: ${e.message}` });
    return null;
  }
  const rule: unknown = parsed.doc.toJS();
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    issues.push({ file, line: 1, reason: "a Sigma rule must be a YAML mapping" });
    return null;
  }
  const r = rule as Record<string, unknown>;
  const tags = Array.isArray(r.tags) ? r.tags.map(String) : [];
  const tagLine = lineOfPath(parsed, ["tags"]);
  const techniqueTag = `attack.${fm.technique.toLowerCase()}`;
  if (!tags.includes(techniqueTag)) issues.push({ file, line: tagLine, reason: `tags must include ${techniqueTag}` });
  for (const tid of fm.tactics) {
    const short = getTactic(tid)?.shortname;
    if (short && !tags.includes(`attack.${short}`)) issues.push({ file, line: tagLine, reason: `tags must include attack.${short} (tactic ${tid} in the frontmatter)` });
  }
  for (const t of tags) {
    if (t === "attack.defense-evasion" || t === "attack.defense_evasion")
      issues.push({ file, line: tagLine, reason: `${t} does not exist in ATT&CK v19: use attack.stealth or attack.defense-impairment` });
  }
  if (r.id !== undefined && r.id === fm.id) issues.push({ file, line: lineOfPath(parsed, ["id"]), reason: "the Sigma rule id must differ from the detection id (they identify different things)" });
  return r;
}

function parseEvents(p: string, text: string, issues: ContentIssue[]): TestEvents | null {
  const file = displayPath(p);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = pos?.[1] ? text.slice(0, Number(pos[1])).split("\n").length : 1;
    issues.push({ file, line, reason: `invalid JSON: ${msg}` });
    return null;
  }
  const r = testEventsSchema.safeParse(data);
  if (!r.success) {
    for (const iss of r.error.issues) {
      const key = iss.path.find((k) => typeof k === "string" && k !== "truePositives" && k !== "benign");
      issues.push({ file, line: key ? lineOf(text, `"${String(key)}"`) : 1, reason: `${iss.path.join(".")}: ${iss.message}` });
    }
    return null;
  }
  return r.data;
}
