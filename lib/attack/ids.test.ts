import { describe, expect, it } from "vitest";
import { mitreUrl, normalizeTacticId, normalizeTechniqueId, safeDecode } from "./ids";

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
