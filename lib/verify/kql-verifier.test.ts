import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDetectionFiles } from "@/lib/content/check";
import { discoverDetections } from "@/lib/content/source";
import { jobsForDetections, jobsFromSources, runKqlJobs, runKqlJobsCached } from "./kql-verifier";
import type { KqlJob } from "./kql-jobs";

const jobs: KqlJob[] = [
  { kind: "query", flavour: "sentinel", text: "DeviceEvents\n| where TimeGenerated > ago(1h)\n| project DeviceName" },
  { kind: "query", flavour: "sentinel", text: "DeviceEvents\n| where NoSuchColumn == 1" },
  { kind: "markdown", flavour: "sentinel", text: "Intro\n\n```kql\nDeviceProcessEvents | take 1\n```\n\n```kql\nAADSignInEventsBeta | take 1\n```\n" },
  { kind: "query", flavour: "defender", text: "DeviceEvents | where TimeGenerated > ago(1h)" },
];

describe("KQL jobs for content:check", () => {
  it("gives the same results on worker threads as in process", async () => {
    const serial = await runKqlJobs(jobs, { maxWorkers: 1 });
    const parallel = await runKqlJobs(jobs, { maxWorkers: 2, jobsPerWorker: 1 });
    expect(parallel).toEqual(serial);
    expect(serial[0]).toEqual({ errors: [], tables: ["DeviceEvents"] });
    expect(serial[1]?.errors.map((e) => [e.code, e.line])).toEqual([["KS142", 2]]);
    expect(serial[2]?.errors.map((e) => [e.code, e.line])).toEqual([["KS204", 8]]);
    expect(serial[3]?.errors.map((e) => e.code)).toEqual(["KS142"]);
  });
});

describe("the shared work queue", () => {
  it("returns every result in job order when workers take batches in turn", async () => {
    // 40 jobs whose results all differ (the error sits on line i + 2), so a result filed under the
    // wrong job, or a lost batch, shows up.
    const many: KqlJob[] = Array.from({ length: 40 }, (_, i) => ({
      kind: "query",
      flavour: "sentinel",
      text: `DeviceEvents\n${"| take 1\n".repeat(i)}| where NoSuchColumn${i} == 1`,
    }));
    const parallel = await runKqlJobs(many, { maxWorkers: 2, jobsPerWorker: 1 });
    expect(parallel.map((r) => r.errors.map((e) => [e.code, e.line]))).toEqual(many.map((_, i) => [["KS142", i + 2]]));
    expect(parallel).toEqual(await runKqlJobs(many, { maxWorkers: 1 }));
  });
});

describe("the early start", () => {
  it("plans from the raw files exactly the jobs the verifier needs for the real content", async () => {
    const sources = discoverDetections();
    const { detections } = await checkDetectionFiles(sources);
    expect(detections.length).toBe(sources.length);
    const key = (j: KqlJob) => `${j.kind}|${j.flavour}|${j.text}`;
    expect(jobsFromSources(sources).map(key)).toEqual(jobsForDetections(detections).map(key));
  });
});

describe("the KQL result cache", () => {
  it("reuses results for unchanged queries and checks new ones", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "huntbook-kql-cache-"));
    const prev = process.env.HUNTBOOK_CACHE_DIR;
    process.env.HUNTBOOK_CACHE_DIR = dir;
    try {
      const first = await runKqlJobsCached(jobs.slice(0, 2));
      expect(first).toEqual(await runKqlJobs(jobs.slice(0, 2), { maxWorkers: 1 }));
      const file = path.join(dir, "kql-check.json");
      const stored = JSON.parse(readFileSync(file, "utf8")) as { fingerprint: string; results: Record<string, unknown> };
      expect(Object.keys(stored.results)).toHaveLength(2);
      // Prove the second run reads the cache: a planted result comes back for its query.
      const planted = Object.keys(stored.results)[0]!;
      stored.results[planted] = { errors: [{ code: "KS999", message: "planted", line: 1, column: 1 }], tables: [] };
      writeFileSync(file, JSON.stringify(stored));
      const second = await runKqlJobsCached(jobs);
      expect(second.some((r) => r.errors.some((e) => e.code === "KS999"))).toBe(true);
      expect(second[2]?.errors.map((e) => e.code)).toEqual(["KS204"]);
      // A different checker fingerprint discards the file.
      writeFileSync(file, JSON.stringify({ ...stored, fingerprint: "other" }));
      const third = await runKqlJobsCached(jobs);
      expect(third.some((r) => r.errors.some((e) => e.code === "KS999"))).toBe(false);
    } finally {
      if (prev === undefined) delete process.env.HUNTBOOK_CACHE_DIR;
      else process.env.HUNTBOOK_CACHE_DIR = prev;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
