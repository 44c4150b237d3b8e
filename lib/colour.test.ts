import { describe, expect, it } from "vitest";
import { contrast, readableOn } from "./colour";

describe("colour", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrast("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
    expect(contrast("#6a737d", "#24292e")).toBeCloseTo(3.05, 2);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("keeps a readable colour and moves an unreadable one just far enough", () => {
    expect(readableOn("#005cc5", "#ffffff", 4.5)).toBe("#005cc5");
    const lighter = readableOn("#6a737d", "#24292e", 4.5);
    expect(contrast(lighter, "#24292e")).toBeGreaterThanOrEqual(4.5);
    expect(lighter > "#6a737d").toBe(true);
    const darker = readableOn("#e36209", "#ffffff", 4.5);
    expect(contrast(darker, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darker, "#ffffff")).toBeLessThan(5.5);
    expect(readableOn("#ffffff", "#ffffff", 21)).toBe("#000000");
  });
});
