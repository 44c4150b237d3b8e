import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

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
