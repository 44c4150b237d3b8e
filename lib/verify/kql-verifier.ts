/**
 * content:check's KQL verifier: every detection query and every ```kql block in Pro files must
 * analyse with no errors against the Sentinel flavour of the Defender XDR schema, and a
 * detection's requiredTables must equal the tables its query reads. Large libraries are checked
 * on worker threads (the Kusto analysis is CPU-bound, about 15 ms a query).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CheckedDetection, Verifier } from "@/lib/content/check";
import { proPath } from "@/lib/content/pro";
import { displayPath, lineOf, readText, splitFrontmatter, type ContentIssue, type DetectionSource } from "@/lib/content/source";
import type { KqlFlavour } from "@/lib/verify/kql";
import { runKqlJob, type KqlJob, type KqlJobResult } from "./kql-jobs";

export function flavourFor(platform: string): KqlFlavour {
  return platform === "defender-xdr" ? "defender" : "sentinel";
}

/** Below this many jobs, starting workers (each loads the parser, about 1.5 s) costs more than it saves. */
const JOBS_PER_WORKER = 60;

/**
 * Results of earlier runs, keyed by the job (kind, flavour, text) and by everything that decides
 * its result: the checker's own source, the committed schema and the parser's version. A change to
 * any of them starts from an empty cache. Stored under node_modules/.cache like other tools'
 * caches; HUNTBOOK_KQL_CACHE=0 turns it off (the benchmark measures both).
 */
function cacheFile(): string | null {
  if (process.env.HUNTBOOK_KQL_CACHE === "0") return null;
  return path.join(process.env.HUNTBOOK_CACHE_DIR ?? path.join(process.cwd(), "node_modules", ".cache", "huntbook"), "kql-check.json");
}

let fingerprint: string | null = null;
function checkerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash("sha256");
  const dir = path.join(process.cwd(), "lib", "verify", "kql");
  for (const f of readdirSync(dir).filter((n) => !n.endsWith(".test.ts")).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  h.update(readFileSync(path.join(process.cwd(), "lib", "verify", "kql-jobs.ts")));
  h.update(readFileSync(path.join(process.cwd(), "node_modules", "@kusto", "language-service-next", "package.json")));
  fingerprint = h.digest("hex");
  return fingerprint;
}

function jobKey(job: KqlJob): string {
  return createHash("sha256").update(`${job.kind}\0${job.flavour}\0${job.text}`).digest("hex");
}

function readCache(file: string): Map<string, KqlJobResult> {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { fingerprint?: string; results?: Record<string, KqlJobResult> };
    if (data.fingerprint === checkerFingerprint() && data.results) return new Map(Object.entries(data.results));
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return new Map();
}

function writeCache(file: string, results: Map<string, KqlJobResult>): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ fingerprint: checkerFingerprint(), results: Object.fromEntries(results) }));
    renameSync(tmp, file);
  } catch {
    // a read-only checkout still checks everything; it just does not remember
  }
}

/** Keys of the jobs this process has asked for: what the cache file keeps. */
const usedKeys = new Set<string>();

/** Runs the jobs, reusing cached results for unchanged queries. */
export async function runKqlJobsCached(jobs: readonly KqlJob[]): Promise<KqlJobResult[]> {
  const file = cacheFile();
  if (!file) return runKqlJobs(jobs);
  const cache = readCache(file);
  const keys = jobs.map(jobKey);
  for (const k of keys) usedKeys.add(k);
  const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
  if (missing.length > 0) {
    const byKey = new Map(jobs.map((j, i) => [keys[i]!, j] as const));
    const fresh = await runKqlJobs(missing.map((k) => byKey.get(k)!));
    missing.forEach((k, i) => cache.set(k, fresh[i]!));
    // Keep only what this process used, so the file does not grow with every edit.
    const kept = new Map<string, KqlJobResult>();
    for (const k of usedKeys) {
      const r = cache.get(k);
      if (r) kept.set(k, r);
    }
    writeCache(file, kept);
  }
  return keys.map((k) => cache.get(k)!);
}

/** Jobs handed to a worker at a time: small enough to balance the load, large enough to keep messages rare. */
const BATCH = 6;

export async function runKqlJobs(
  jobs: readonly KqlJob[],
  { maxWorkers = availableParallelism(), jobsPerWorker = JOBS_PER_WORKER }: { maxWorkers?: number; jobsPerWorker?: number } = {},
): Promise<KqlJobResult[]> {
  const workers = Math.min(maxWorkers, 4, Math.floor(jobs.length / jobsPerWorker));
  if (workers < 2) return jobs.map(runKqlJob);
  // One shared queue: each worker asks for the next batch when it has finished the last, so a
  // worker that started late or drew the long queries does not hold up the others.
  const results: (KqlJobResult | undefined)[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL("./kql-worker.mjs", import.meta.url));
          let batchStart = 0;
          let finished = false;
          const send = (): void => {
            if (next >= jobs.length) {
              finished = true;
              void w.terminate().then(() => resolve(), reject);
              return;
            }
            batchStart = next;
            next = Math.min(jobs.length, next + BATCH);
            w.postMessage(jobs.slice(batchStart, next));
          };
          w.on("message", (m: "ready" | KqlJobResult[]) => {
            if (m !== "ready") m.forEach((r, i) => (results[batchStart + i] = r));
            send();
          });
          w.once("error", reject);
          w.once("exit", (code) => {
            if (!finished) reject(new Error(`KQL worker exited with code ${code} before finishing its jobs`));
          });
        }),
    ),
  );
  return results.map((r) => {
    if (!r) throw new Error("KQL verification lost a result");
    return r;
  });
}

interface Planned {
  detection: CheckedDetection;
  job: KqlJob;
  /** Where diagnostics land: the .kql file (line 1 = query line 1) or the Pro file (offset by its body line). */
  file: string;
  lineOffset: number;
}

/** The job for a detection's Pro file (every ```kql block of its body), or null when it has none. */
function proJob(technique: string, platform: string): Omit<Planned, "detection"> | null {
  const p = proPath(technique, platform);
  const text = readText(p);
  if (text === null) return null; // reported by the Pro file check
  const { body, bodyLine } = splitFrontmatter(text);
  return { job: { kind: "markdown", text: body, flavour: flavourFor(platform) }, file: displayPath(p), lineOffset: bodyLine - 1 };
}

function plan(detections: readonly CheckedDetection[]): Planned[] {
  const out: Planned[] = [];
  for (const d of detections) {
    const { technique, platform } = d.frontmatter;
    out.push({ detection: d, job: { kind: "query", text: d.query, flavour: flavourFor(platform) }, file: displayPath(d.source.queryPath), lineOffset: 0 });
    const pro = proJob(technique, platform);
    if (pro) out.push({ detection: d, ...pro });
  }
  return out;
}

/**
 * Results under way or done in this process, by job key. content:check starts the KQL jobs from
 * the raw files before the structural checks run (startKqlJobs), so the workers load the parser
 * and analyse while the main thread checks schemas, MDX and Sigma rules; verifyKql then picks the
 * results up, and runs anything that was not started (a file changed in between, say) itself.
 */
const underway = new Map<string, Promise<KqlJobResult>>();

function startJobs(jobs: readonly KqlJob[]): Promise<KqlJobResult>[] {
  const keys = jobs.map(jobKey);
  const fresh = new Map<string, KqlJob>();
  jobs.forEach((j, i) => {
    const k = keys[i]!;
    if (!underway.has(k) && !fresh.has(k)) fresh.set(k, j);
  });
  if (fresh.size > 0) {
    const run = runKqlJobsCached([...fresh.values()]);
    [...fresh.keys()].forEach((k, i) =>
      underway.set(
        k,
        run.then((r) => r[i]!),
      ),
    );
    // Failures surface through verifyKql's await; do not let an early start crash the process first.
    run.catch(() => undefined);
  }
  return keys.map((k) => underway.get(k)!);
}

/** The KQL jobs of detection files as they are on disk (before any other check has run). */
export function jobsFromSources(sources: readonly DetectionSource[]): KqlJob[] {
  const jobs: KqlJob[] = [];
  for (const src of sources) {
    // A valid detection lives at <technique>/<platform>.mdx (the structural check enforces it).
    const query = readText(src.queryPath);
    if (query !== null) jobs.push({ kind: "query", text: query, flavour: flavourFor(src.baseName) });
    const pro = proJob(src.dirName, src.baseName);
    if (pro) jobs.push(pro.job);
  }
  return jobs;
}

/** File lists whose jobs were started (content:check starts early, then the verifier's prepare). */
const startedFor = new WeakSet<readonly DetectionSource[]>();

/** Starts checking the KQL of these detection files now; verifyKql collects the results. */
export function startKqlJobs(sources: readonly DetectionSource[]): void {
  // The same list again: its files were read and its jobs queued already.
  if (startedFor.has(sources)) return;
  startedFor.add(sources);
  startJobs(jobsFromSources(sources));
}

/** The jobs verifyKql runs for these detections (what jobsFromSources must predict). */
export function jobsForDetections(detections: readonly CheckedDetection[]): KqlJob[] {
  return plan(detections).map((p) => p.job);
}

export async function verifyKql(detections: readonly CheckedDetection[]): Promise<ContentIssue[]> {
  const planned = plan(detections);
  const results = await Promise.all(startJobs(planned.map((p) => p.job)));
  const issues: ContentIssue[] = [];
  planned.forEach((p, i) => {
    const r = results[i];
    if (!r) throw new Error("KQL verification lost a result");
    for (const e of r.errors) issues.push({ file: p.file, line: p.lineOffset + e.line, column: e.column, reason: `${e.code} ${e.message}` });
    if (p.job.kind === "query" && r.errors.length === 0) {
      const d = p.detection;
      const declared = [...d.frontmatter.requiredTables].sort();
      const read = [...r.tables].sort();
      if (declared.join(",") !== read.join(",")) {
        issues.push({
          file: displayPath(d.source.mdxPath),
          line: lineOf(readText(d.source.mdxPath) ?? "", "requiredTables"),
          reason: `requiredTables [${declared.join(", ")}] does not match the tables the query reads [${read.join(", ")}]`,
        });
      }
    }
  });
  return issues;
}

export const kqlVerifier: Verifier = { name: "kql", prepare: startKqlJobs, verify: (detections) => verifyKql(detections) };
