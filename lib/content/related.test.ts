import { describe, expect, it } from "vitest";
import { syntheticDetections } from "@/bench/synthetic";
import { allTechniques } from "@/lib/attack/catalog";
import { buildRelatedIndex, relatedTo, rootTechnique, type RelatableDetection } from "./related";

const d = (id: string, technique: string, platform: string, tactics: string[], tables: string[], related: string[] = []): RelatableDetection => ({
  id,
  technique,
  platform,
  tactics,
  requiredTables: tables,
  relatedDetections: related,
});

describe("relatedTo", () => {
  const list = [
    d("self", "T1055", "sentinel", ["TA0005"], ["DeviceEvents"], ["named"]),
    d("named", "T1003", "sentinel", ["TA0006"], ["DeviceProcessEvents"]),
    d("other-platform", "T1055", "splunk", ["TA0005"], ["x"]),
    d("sub", "T1055.001", "sentinel", ["TA0005"], ["y"]),
    d("shared", "T1070", "sentinel", ["TA0005"], ["DeviceEvents"]),
    d("tactic-only", "T1027", "sentinel", ["TA0005"], ["z"]),
    d("table-only", "T1021", "sentinel", ["TA0008"], ["DeviceEvents"]),
  ];
  const index = buildRelatedIndex(list);

  it("orders: named, same technique, parent/sub, shared tactic and table; never itself", () => {
    expect(relatedTo(index, list[0]!).map((x) => x.id)).toEqual(["named", "other-platform", "sub", "shared"]);
  });

  it("a sub-technique's detection finds the parent's", () => {
    expect(relatedTo(index, list[3]!).map((x) => x.id)).toEqual(["self", "other-platform"]);
  });

  it("respects the limit and ignores unknown named ids", () => {
    expect(relatedTo(index, { ...list[0]!, relatedDetections: ["missing", "named"] }, 2).map((x) => x.id)).toEqual(["named", "other-platform"]);
    expect(relatedTo(index, list[0]!, 0)).toEqual([]);
  });

  it("rootTechnique", () => {
    expect(rootTechnique("T1055.001")).toBe("T1055");
    expect(rootTechnique("T1055")).toBe("T1055");
  });

  it("scales: 1000 detections, related for every one, without quadratic work", () => {
    const big = syntheticDetections(allTechniques(), 1000, 11);
    const t0 = performance.now();
    const idx = buildRelatedIndex(big);
    let total = 0;
    for (const x of big) total += relatedTo(idx, x).length;
    const ms = performance.now() - t0;
    expect(total).toBeGreaterThan(1000);
    // A naive scan is ~10^6 comparisons times several passes; bucketed work is ~10^4.
    expect(ms).toBeLessThan(500);
    for (const x of big.slice(0, 50)) {
      const rel = relatedTo(idx, x);
      expect(rel.some((r) => r.id === x.id)).toBe(false);
      expect(new Set(rel.map((r) => r.id)).size).toBe(rel.length);
    }
  });
});
