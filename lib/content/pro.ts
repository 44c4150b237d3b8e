import "server-only";
import path from "node:path";
import { PRO_SECTIONS } from "./schema";
import { contentRoot, readText, splitFrontmatter, splitH2Sections } from "./source";
import type { Detection, ProMaterial } from "./types";

/**
 * The only reader of Pro files (content/pro/<technique>/<platform>.mdx). Callers must have asked
 * lib/access whether the viewer is entitled first; nothing that runs at build time for public pages,
 * the search index builder, or a client component may import this module.
 */

export function proPath(technique: string, platform: string, root = contentRoot()): string {
  return path.join(root, "pro", technique, `${platform}.mdx`);
}

/** The H2 sections of a Pro file, or null when the file does not exist. */
export function readProSections(file: string): Record<string, string> | null {
  const text = readText(file);
  return text === null ? null : splitH2Sections(splitFrontmatter(text).body);
}

export function loadProMaterial(detection: Detection): ProMaterial | null {
  const sections = readProSections(proPath(detection.technique, detection.platform));
  if (!sections) return null;
  const picked: Record<string, string> = {};
  for (const name of PRO_SECTIONS) picked[name] = sections[name] ?? "";
  return { kind: "pro-material", detectionId: detection.id, slug: detection.slug, sections: picked };
}
