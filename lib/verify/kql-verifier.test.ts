import { describe, expect, it } from "vitest";
import { runKqlJobs } from "./kql-verifier";
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
