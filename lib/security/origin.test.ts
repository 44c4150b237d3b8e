import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const h = (v: Record<string, string>) => ({ get: (n: string) => v[n] ?? null });
const SITE = "http://localhost:3210";

describe("same-origin check for state-changing requests", () => {
  it("accepts our Origin", () => expect(isSameOrigin(h({ origin: SITE }), SITE)).toBe(true));
  it("rejects another Origin", () => expect(isSameOrigin(h({ origin: "https://evil.example" }), SITE)).toBe(false));
  it("rejects another port or scheme", () => {
    expect(isSameOrigin(h({ origin: "http://localhost:3211" }), SITE)).toBe(false);
    expect(isSameOrigin(h({ origin: "https://localhost:3210" }), SITE)).toBe(false);
  });
  it("falls back to Referer, and rejects when both are missing or null", () => {
    expect(isSameOrigin(h({ referer: `${SITE}/pricing` }), SITE)).toBe(true);
    expect(isSameOrigin(h({ referer: "https://evil.example/x" }), SITE)).toBe(false);
    expect(isSameOrigin(h({}), SITE)).toBe(false);
    expect(isSameOrigin(h({ origin: "null" }), SITE)).toBe(false);
  });
});
