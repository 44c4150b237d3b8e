import { describe, expect, it } from "vitest";
import { mitreUrl, normalizeTacticId, normalizeTechniqueId, safeDecode } from "./ids";

describe("normalizeTechniqueId", () => {
  it.each([
    ["T1055", "T1055"],
    ["t1055", "T1055"],
    ["1055", "T1055"],
    [" T1055 ", "T1055"],
    ["T1055.001", "T1055.001"],
    ["t1055.001", "T1055.001"],
    ["T1055/001", "T1055.001"],
    ["t1055/001", "T1055.001"],
    ["T1055-001", "T1055.001"],
    ["T1055_001", "T1055.001"],
    ["1055.001", "T1055.001"],
    ["Ｔ１０５５．００１", "T1055.001"], // full-width forms pasted from documents
  ])("%s -> %s", (input, expected) => {
    expect(normalizeTechniqueId(input)).toBe(expected);
  });

  it.each(["", "T", "T105", "T10555", "T1055.01", "T1055.0011", "TA0005", "process injection", "T1055; DROP TABLE", "x".repeat(1000)])(
    "rejects %j",
    (input) => {
      expect(normalizeTechniqueId(input)).toBeNull();
    },
  );
});

describe("tactics and URLs", () => {
  it("normalises tactic IDs", () => {
    expect(normalizeTacticId("ta0005")).toBe("TA0005");
    expect(normalizeTacticId("TA5")).toBeNull();
  });
  it("builds attack.mitre.org URLs with a slash for sub-techniques", () => {
    expect(mitreUrl("T1055")).toBe("https://attack.mitre.org/techniques/T1055/");
    expect(mitreUrl("T1055.001")).toBe("https://attack.mitre.org/techniques/T1055/001/");
  });
  it("decodes safely", () => {
    expect(safeDecode("T1055%2F001")).toBe("T1055/001");
    expect(safeDecode("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
