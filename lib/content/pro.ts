import "server-only";
import { statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { ProGrant } from "@/lib/access/grant";
import { PRO_SECTIONS } from "./schema";
import { boundedMemo } from "@/lib/memo";
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

/** The `canary:` frontmatter value of a Pro file's text, or null. */
export function proCanary(text: string): string | null {
  const fm = splitFrontmatter(text).frontmatter;
  if (fm === null) return null;
  try {
    const data: unknown = parseYaml(fm);
    const c = typeof data === "object" && data !== null ? (data as Record<string, unknown>).canary : undefined;
    return typeof c === "string" && c.trim() ? c.trim() : null;
  } catch {
    return null;
  }
}

/**
 * Pro material for one detection. `grant` comes only from lib/access for an entitled viewer: the
 * argument is unused at run time, it makes "read Pro without asking lib/access" fail to compile.
 */
export function loadProMaterial(grant: ProGrant, detection: Detection): ProMaterial | null {
  void grant;
  const file = proPath(detection.technique, detection.platform);
  let version: string;
  try {
    const st = statSync(file);
    version = `${st.mtimeMs}:${st.size}`;
  } catch {
    return null;
  }
  // Parsed once per file version: every entitled request would otherwise read and split the file
  // and parse its YAML again. Still reached only through the grant above.
  return parsed(`${file}\0${version}\0${detection.id}\0${detection.slug}`, () => parseProMaterial(readText(file), detection));
}

const parsed = boundedMemo<ProMaterial | null>(2000);

function parseProMaterial(text: string | null, detection: Detection): ProMaterial | null {
  if (text === null) return null;
  const sections = splitH2Sections(splitFrontmatter(text).body);
  const picked: Record<string, string> = {};
  for (const name of PRO_SECTIONS) picked[name] = sections[name] ?? "";
  return { kind: "pro-material", detectionId: detection.id, slug: detection.slug, canary: proCanary(text) ?? "", sections: picked };
}
