import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** Helpers for specs that compare what the site serves with what is committed. */

export function readContent(rel: string): string {
  return readFileSync(path.join(process.cwd(), "content", rel), "utf8");
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e);
    const s = statSync(p);
    if (s.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Every Pro file's canary plus a distinctive sentence from each Pro section. */
export function proMarkers(): { file: string; canary: string; phrases: string[] }[] {
  return walk(path.join(process.cwd(), "content/pro"))
    .filter((f) => f.endsWith(".mdx"))
    .map((file) => {
      const text = readFileSync(file, "utf8");
      const canary = /^canary:\s*(\S+)/m.exec(text)?.[1] ?? "";
      const phrases = text
        .split("\n")
        .filter((l) => /^[A-Z][^`|#<>{}*]{60,}$/.test(l.trim()))
        .slice(0, 3)
        .map((l) => l.trim().slice(0, 60));
      return { file, canary, phrases };
    });
}

export interface DiskDetection {
  technique: string;
  platform: string;
  title: string;
  tactics: string[];
  requiredTables: string[];
  modified: string;
}

/** The committed detections' frontmatter, so specs compute expectations instead of hard-coding counts. */
export function detectionsOnDisk(): DiskDetection[] {
  return walk(path.join(process.cwd(), "content/detections"))
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => {
      const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(f, "utf8"))?.[1] ?? "";
      const d = parseYaml(fm) as Record<string, unknown>;
      const modified = d.modified instanceof Date ? d.modified.toISOString().slice(0, 10) : String(d.modified);
      return {
        technique: String(d.technique),
        platform: String(d.platform),
        title: String(d.title),
        tactics: (d.tactics as string[]) ?? [],
        requiredTables: (d.requiredTables as string[]) ?? [],
        modified,
      };
    });
}
