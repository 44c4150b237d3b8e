import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { walk } from "@/e2e/support/content";
import { allDetections, getDetection, sigmaFileName } from "./detections";

describe("the public detection loader", () => {
  it("loads every detection under content/ as a public detection with resolved facts", async () => {
    const all = await allDetections();
    const files = walk("content/detections").filter((f) => f.endsWith(".mdx"));
    expect(all).toHaveLength(files.length);
    for (const d of all) {
      expect(d.kind).toBe("public-detection");
      expect(d.slug).toBe(`${d.technique}/${d.platform}`);
      expect(d.sigma.fileName).toMatch(/^t\d{4}(_\d{3})?_[a-z0-9_]+\.yml$/);
      expect(d.sigma.text).toBe(readFileSync(`content/detections/${d.technique}/${d.platform}.sigma.yml`, "utf8"));
      expect(d.query).toBe(readFileSync(`content/detections/${d.technique}/${d.platform}.kql`, "utf8"));
    }
  });

  it("resolves atomic tests from the index", async () => {
    const d = await getDetection("T1055", "sentinel");
    expect(d?.atomicTests.map((a) => `${a.technique} #${a.number}`)).toEqual(["T1055 #9", "T1055.001 #1", "T1055.009 #3"]);
    expect(d?.platformLabel).toBe("Microsoft Sentinel");
    expect(d?.language).toBe("KQL");
  });

  it("never carries Pro material", async () => {
    const serialised = JSON.stringify(await allDetections());
    const canaries = walk("content/pro")
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => /^canary:\s*(\S+)/m.exec(readFileSync(f, "utf8"))?.[1] ?? "");
    expect(canaries.length).toBeGreaterThan(0);
    for (const c of canaries) expect(serialised).not.toContain(c);
    expect(serialised).not.toContain("## Response playbook");
  });

  it("names Sigma downloads after the technique and the rule title", () => {
    expect(sigmaFileName("T1055.001", "Remote Thread: LoadLibrary from a Temp Folder!")).toBe("t1055_001_remote_thread_loadlibrary_from_a_temp_folder.yml");
  });
});
