import { describe, expect, it } from "vitest";
import { atomFeed, xmlEscape } from "./feed";

const item = (over: Partial<Parameters<typeof atomFeed>[1][number]> = {}) => ({
  id: "de4cfce5-b403-4abf-95d7-e95abd8a6804",
  technique: "T1055",
  techniqueName: "Process Injection",
  platformLabel: "Microsoft Sentinel",
  title: "Code <started> & \"injected\"",
  description: "Flags it.",
  author: "Team",
  created: "2026-11-20",
  modified: "2026-12-03",
  version: "1.1.0",
  href: "/techniques/T1055/sentinel",
  ...over,
});

describe("atomFeed", () => {
  it("escapes XML and marks updated vs new entries, newest first", () => {
    const xml = atomFeed("https://huntbook.example", [item(), item({ id: "b", created: "2026-12-04", modified: "2026-12-04", title: "Fresh", href: "/techniques/T1003/sentinel" })]);
    expect(xml).toContain("<title>Updated: T1055 · Microsoft Sentinel: Code &lt;started&gt; &amp; &quot;injected&quot;</title>");
    expect(xml.indexOf("New: T1055 · Microsoft Sentinel: Fresh")).toBeLessThan(xml.indexOf("Updated:"));
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://huntbook.example/techniques/T1055/sentinel"/>');
    expect(xml).toContain("<updated>2026-12-04T00:00:00Z</updated>");
    expect(xml).not.toMatch(/<started>/);
  });

  it("drops characters XML cannot carry", () => {
    expect(xmlEscape("a\u0001b\u0008c")).toBe("abc");
  });
});
