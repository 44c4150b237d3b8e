import { describe, expect, it } from "vitest";
import { contentPagePath, mitreUrl, normalizeTacticId, normalizeTechniqueId, safeDecode } from "./ids";

describe("normalizeTechniqueId", () => {
  it.each([
    ["T1055", "T1055"],
    ["t1055", "T1055"],
    ["1055", "T1055"],
    ["  T1055  ", "T1055"],
    ["T1055.001", "T1055.001"],
    ["t1055.001", "T1055.001"],
    ["T1055/001", "T1055.001"],
    ["T1055-001", "T1055.001"],
    ["T1055_001", "T1055.001"],
    ["1055.001", "T1055.001"],
    ["T1055 .001", "T1055.001"],
    ["Ｔ１０５５．００１", "T1055.001"], // full-width forms, NFKC
  ])("%s -> %s", (input, want) => {
    expect(normalizeTechniqueId(input)).toBe(want);
  });

  it.each(["", "T", "T105", "T10555", "T1055.01", "T1055.0011", "TA0005", "process injection", "T1055;DROP TABLE", "<script>", "x".repeat(5000)])(
    "rejects %s",
    (input) => {
      expect(normalizeTechniqueId(input)).toBeNull();
    },
  );
});

describe("normalizeTacticId", () => {
  it("accepts TA IDs in any case and rejects bare numbers", () => {
    expect(normalizeTacticId("ta0005")).toBe("TA0005");
    expect(normalizeTacticId(" TA0112 ")).toBe("TA0112");
    expect(normalizeTacticId("0005")).toBeNull();
    expect(normalizeTacticId("TA5")).toBeNull();
  });
});

describe("helpers", () => {
  it("builds attack.mitre.org URLs with a slash for sub-techniques", () => {
    expect(mitreUrl("T1055.001")).toBe("https://attack.mitre.org/techniques/T1055/001/");
  });
  it("safeDecode never throws", () => {
    expect(safeDecode("%E0%A4%A")).toBe("%E0%A4%A");
    expect(safeDecode("T1055%2F001")).toBe("T1055/001");
  });
});

describe("contentPagePath", () => {
  it("gives the canonical path of a page however it is written", () => {
    expect(contentPagePath("/techniques/t1055")).toBe("/techniques/T1055");
    expect(contentPagePath("/techniques/1055")).toBe("/techniques/T1055");
    expect(contentPagePath("/techniques/t1055.001")).toBe("/techniques/T1055.001");
    expect(contentPagePath("/techniques/T1055-001")).toBe("/techniques/T1055.001");
    expect(contentPagePath("/techniques/T1055/001")).toBe("/techniques/T1055.001");
    expect(contentPagePath("/techniques/t1055/Sentinel")).toBe("/techniques/T1055/sentinel");
    expect(contentPagePath("/techniques/T1055.001/SENTINEL")).toBe("/techniques/T1055.001/sentinel");
    expect(contentPagePath("/tactics/ta0005")).toBe("/tactics/TA0005");
    // Unknown but well-formed: the canonical path, which then answers 404 by itself.
    expect(contentPagePath("/techniques/t9999")).toBe("/techniques/T9999");
  });

  it("gives a canonical path itself", () => {
    for (const p of ["/techniques/T1055", "/techniques/T1055.001", "/techniques/T1055/sentinel", "/techniques/T1055.001/001", "/tactics/TA0005"]) expect(contentPagePath(p), p).toBe(p);
  });

  it("returns null for anything that is not a technique, detection or tactic page", () => {
    for (const p of ["/", "/techniques", "/techniques/", "/tactics/", "/techniques/nope", "/techniques/T1055/", "/tactics/0005", "/tactics/TA0005/x", "/techniques/T1055/sentinel/sigma.yml", "/detections", "/pricing", "techniques/t1055"])
      expect(contentPagePath(p), p).toBeNull();
  });
});
