import { describe, expect, it } from "vitest";
import { syntheticDetections } from "@/bench/synthetic";
import { allTechniques, getTechnique } from "@/lib/attack/catalog";
import { allDetections } from "@/lib/content/detections";
import type { Detection } from "@/lib/content/types";
import { layerFor } from "./export";
import { coverageColor, COVERAGE_COLORS } from "./layer";

const synthetic = syntheticDetections(allTechniques(), 400, 3).map((d) => ({ ...d, platformLabel: d.platform })) as unknown as Detection[]; // synthetic rows carry every field layerFor reads

function roundTrip(layer: unknown) {
  return JSON.parse(JSON.stringify(layer)) as {
    versions: Record<string, string>;
    domain: string;
    techniques: { techniqueID: string; score?: number; color?: string; showSubtechniques: boolean }[];
    gradient: { minValue: number; maxValue: number };
  };
}

describe("Navigator layer export", () => {
  it("is layer format 4.5 for enterprise-attack ATT&CK 19, valid JSON", () => {
    const layer = roundTrip(layerFor(synthetic, "t", "d"));
    expect(layer.versions).toMatchObject({ layer: "4.5", attack: "19" });
    expect(layer.domain).toBe("enterprise-attack");
  });

  it("only names techniques that exist in the catalogue, each once", () => {
    const layer = roundTrip(layerFor(synthetic, "t", "d"));
    const ids = layer.techniques.map((t) => t.techniqueID);
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) expect(getTechnique(id), id).toBeDefined();
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("scores each covered technique by its detection count and colours by platforms", () => {
    const layer = roundTrip(layerFor(synthetic, "t", "d"));
    const counts = new Map<string, number>();
    for (const d of synthetic) counts.set(d.technique, (counts.get(d.technique) ?? 0) + 1);
    for (const t of layer.techniques) {
      if (t.score === undefined) {
        // A parent only expanded to show covered sub-techniques.
        expect(t.showSubtechniques).toBe(true);
        expect(counts.has(t.techniqueID)).toBe(false);
        continue;
      }
      expect(t.score).toBe(counts.get(t.techniqueID));
      expect(COVERAGE_COLORS).toContain(t.color);
    }
    expect(layer.gradient.maxValue).toBe(Math.max(...counts.values()));
  });

  it("drops detections for techniques the catalogue does not know", () => {
    const bogus = [{ ...synthetic[0]!, technique: "T9999" }];
    expect(roundTrip(layerFor(bogus, "t", "d")).techniques).toEqual([]);
  });

  it("coverageColor clamps to the three buckets", () => {
    expect(coverageColor(0)).toBe(COVERAGE_COLORS[0]);
    expect(coverageColor(2)).toBe(COVERAGE_COLORS[1]);
    expect(coverageColor(9)).toBe(COVERAGE_COLORS[2]);
  });

  it("exports the real library", async () => {
    const layer = roundTrip(layerFor(await allDetections(), "Huntbook coverage", "d"));
    expect(layer.techniques.some((t) => t.techniqueID === "T1055" && t.score === 1)).toBe(true);
  });
});
