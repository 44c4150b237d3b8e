import { describe, expect, it } from "vitest";
import { syntheticDetections } from "@/bench/synthetic";
import { allTactics, allTechniques, attackVersion } from "@/lib/attack/catalog";
import { PLATFORM_SHORT } from "@/lib/content/platform-labels";
import { searchIndexFrom } from "./build";
import { idPrefix, normalizeQuery, SCORE, SearchEngine } from "./engine";

const techniques = allTechniques();
const detections = syntheticDetections(techniques, 1000);
const withReal = [
  ...detections,
  {
    kind: "public-detection" as const,
    technique: "T1055",
    platform: "sentinel" as const,
    title: "Code started in another process by an untrusted injector",
    description: "Flags a process that starts a thread inside another process.",
    requiredTables: ["DeviceEvents"],
    dataSources: ["OS API Execution"],
  },
];
const engine = new SearchEngine(searchIndexFrom(techniques, withReal, attackVersion, PLATFORM_SHORT, allTactics()));

describe("exact IDs", () => {
  it.each([
    ["T1055", "T1055"],
    ["1055", "T1055"],
    ["t1055.001", "T1055.001"],
    ["T1055/001", "T1055.001"],
    [" t1055-001 ", "T1055.001"],
  ])("%s offers a jump to %s first", (q, id) => {
    const out = engine.search(q);
    expect(out.exact?.techniqueId).toBe(id);
    expect(out.exact?.href).toBe(`/techniques/${id}`);
    expect(out.results[0]).toBe(out.exact);
    expect(out.results[0]?.score).toBe(SCORE.exactId);
  });

  it("does not claim an exact match for a well-formed but unknown ID", () => {
    const out = engine.search("T9999");
    expect(out.exact).toBeNull();
    expect(out.results).toEqual([]);
  });

  it("offers the parent for a well-formed sub-technique ID that does not exist", () => {
    const out = engine.search("T1055.099");
    expect(out.exact).toBeNull();
    expect(out.results[0]?.techniqueId).toBe("T1055");
  });

  it("lists the technique's own detections and sub-techniques after the exact match", () => {
    const out = engine.search("T1055", 20);
    const ids = out.results.map((r) => r.techniqueId);
    expect(ids[0]).toBe("T1055");
    expect(ids.slice(1).every((id) => id.startsWith("T1055"))).toBe(true);
    // Detections for T1055 itself come before the sub-techniques.
    const firstSub = out.results.findIndex((r) => r.techniqueId.startsWith("T1055."));
    const realDetection = out.results.findIndex((r) => r.kind === "detection" && r.techniqueId === "T1055");
    expect(realDetection).toBeGreaterThan(0);
    expect(realDetection).toBeLessThan(firstSub);
  });
});

describe("tactics", () => {
  it("an exact tactic ID jumps to the tactic page", () => {
    const out = engine.search("ta0005");
    expect(out.exact).toMatchObject({ kind: "tactic", href: "/tactics/TA0005", label: "TA0005 Stealth" });
  });

  it("a tactic name prefix lists the tactic first", () => {
    expect(engine.search("defense imp").results[0]).toMatchObject({ kind: "tactic", href: "/tactics/TA0112" });
  });
});

describe("ranking", () => {
  it("ranks ID prefix matches for partial IDs", () => {
    const out = engine.search("T105", 50);
    expect(out.exact).toBeNull();
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.every((r) => r.techniqueId.startsWith("T105"))).toBe(true);
    expect(idPrefix("105")).toBe("t105");
    expect(idPrefix("t1055/0")).toBe("t1055.0");
  });

  it("puts name-prefix matches before word and text matches", () => {
    const out = engine.search("process", 30);
    const scores = out.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(out.results[0]?.label).toMatch(/^T\d{4}(\.\d{3})? Process/);
    expect(out.results[0]?.score).toBe(SCORE.namePrefix);
  });

  it("matches every query word against word starts (\"proc inj\" finds Process Injection)", () => {
    const out = engine.search("proc inj");
    expect(out.results[0]?.techniqueId).toBe("T1055");
  });

  it("searches detection titles, descriptions and tables", () => {
    const byTitle = engine.search("untrusted injector");
    expect(byTitle.results.some((r) => r.kind === "detection" && r.href === "/techniques/T1055/sentinel")).toBe(true);
    const byTable = engine.search("deviceevents", 200);
    expect(byTable.results.some((r) => r.href === "/techniques/T1055/sentinel")).toBe(true);
    expect(byTable.results.every((r) => r.kind === "detection")).toBe(true);
    const byText = engine.search("starts a thread inside");
    expect(byText.results[0]?.href).toBe("/techniques/T1055/sentinel");
    expect(byText.results[0]?.score).toBe(SCORE.text);
  });

  it("orders techniques before detections and parents before sub-techniques within a tier", () => {
    const out = engine.search("injection", 40);
    const tier = out.results.filter((r) => r.score === out.results[0]?.score);
    const kinds = tier.map((r) => r.kind);
    expect(kinds.indexOf("detection") === -1 || kinds.lastIndexOf("technique") < kinds.indexOf("detection")).toBe(true);
  });

  it("caps results at the limit", () => {
    expect(engine.search("e", 8).results.length).toBe(8);
  });
});

describe("bad input never throws", () => {
  it.each(["", "   ", "x".repeat(10_000), "'; DROP TABLE detections; --", "<script>alert(1)</script>", "\u0000\u202e\ud800", "🦀🦀", "(.*)+$", "\\", "%00%2e%2e/"])(
    "%s",
    (q) => {
      expect(() => engine.search(q)).not.toThrow();
      expect(engine.search(q).results.length).toBeLessThanOrEqual(8);
    },
  );

  it("normalises queries", () => {
    expect(normalizeQuery("  Process\tINJECTION  ")).toBe("process injection");
    expect(normalizeQuery("x".repeat(500)).length).toBe(100);
    expect(normalizeQuery("")).toBe("");
  });
});

describe("speed", () => {
  it("answers each keystroke of a typed query in well under 10 ms (1000 detections)", () => {
    const queries = ["process injection", "T1055.001", "credential dumping lsass", "deviceprocessevents", "scheduled task"];
    let keystrokes = 0;
    const start = performance.now();
    for (const q of queries) for (let i = 1; i <= q.length; i++, keystrokes++) engine.search(q.slice(0, i));
    const perKey = (performance.now() - start) / keystrokes;
    expect(perKey).toBeLessThan(10);
  });
});
