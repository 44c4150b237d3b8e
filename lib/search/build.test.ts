import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allTechniques } from "@/lib/attack/catalog";
import { buildSearchIndex } from "./build";

describe("buildSearchIndex", () => {
  it("indexes all 697 techniques and the public detections", async () => {
    const index = await buildSearchIndex();
    expect(index.t.length).toBe(allTechniques().length);
    expect(index.t.length).toBe(697);
    expect(index.t.find((t) => t[0] === "T1055")?.[2]).toBeGreaterThanOrEqual(1);
    expect(index.d.some(([technique, platform]) => technique === "T1055" && platform === "sentinel")).toBe(true);
  });

  it("contains nothing from Pro files", async () => {
    const json = JSON.stringify(await buildSearchIndex());
    const pro = readFileSync(path.join(process.cwd(), "content/pro/T1055/sentinel.mdx"), "utf8");
    // Every substantial line of the Pro file is absent from the index.
    const lines = pro
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 40 && !l.startsWith("---"));
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(json.includes(l.slice(0, 40)), l).toBe(false);
    for (const heading of ["Response playbook", "Investigation guide", "Hunting queries"]) expect(json).not.toContain(heading);
  });

  it("does not import the Pro loader", () => {
    const src = readFileSync(path.join(process.cwd(), "lib/search/build.ts"), "utf8");
    expect(src).not.toMatch(/from\s+["'][^"']*content\/pro["']/);
    expect(src).toMatch(/from "@\/lib\/content\/detections"/);
  });
});
