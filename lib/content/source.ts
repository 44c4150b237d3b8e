/**
 * Reading detection files from disk and locating things inside them (line numbers for errors).
 * No validation here: see check.ts. No Pro files here: see pro.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";

export interface ContentIssue {
  file: string;
  line: number;
  column?: number;
  reason: string;
}

export function formatIssue(i: ContentIssue): string {
  return `${i.file}:${i.line}${i.column ? `:${i.column}` : ""}: ${i.reason}`;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`invalid content:\n${issues.map(formatIssue).join("\n")}`);
    this.name = "ContentError";
  }
}

export function contentRoot(): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(process.cwd(), "content");
}

/** The files that make up one public detection. Paths are relative to the repository when possible. */
export interface DetectionSource {
  /** e.g. T1055 */
  dirName: string;
  /** e.g. sentinel */
  baseName: string;
  mdxPath: string;
  queryPath: string;
  sigmaPath: string;
  eventsPath: string;
}

export function discoverDetections(root = contentRoot()): DetectionSource[] {
  const dir = path.join(root, "detections");
  if (!existsSync(dir)) return [];
  const out: DetectionSource[] = [];
  for (const techniqueDir of readdirSync(dir, { withFileTypes: true })) {
    if (!techniqueDir.isDirectory()) continue;
    const tdir = path.join(dir, techniqueDir.name);
    for (const f of readdirSync(tdir).sort()) {
      if (!f.endsWith(".mdx")) continue;
      const baseName = f.slice(0, -".mdx".length);
      const stem = path.join(tdir, baseName);
      out.push({
        dirName: techniqueDir.name,
        baseName,
        mdxPath: `${stem}.mdx`,
        queryPath: `${stem}.kql`,
        sigmaPath: `${stem}.sigma.yml`,
        eventsPath: `${stem}.events.json`,
      });
    }
  }
  return out.sort((a, b) => a.mdxPath.localeCompare(b.mdxPath, "en", { numeric: true }));
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith("..") ? p : rel;
}

export function readText(p: string): string | null {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return null;
  }
}

export interface SplitMdx {
  /** Raw YAML between the --- fences, or null if the file has none. */
  frontmatter: string | null;
  /** 1-based line of the first frontmatter line in the file. */
  frontmatterLine: number;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): SplitMdx {
  const src = text.replace(/^\uFEFF/, "");
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) return { frontmatter: null, frontmatterLine: 1, body: src, bodyLine: 1 };
  const consumed = m[0];
  return {
    frontmatter: m[1] ?? "",
    frontmatterLine: 2,
    body: src.slice(consumed.length),
    bodyLine: consumed.split("\n").length - (consumed.endsWith("\n") ? 0 : 1),
  };
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Syntax errors with 1-based positions relative to the YAML text. */
  errors: { line: number; column: number; message: string }[];
}

export function parseYamlWithPositions(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { line: pos.line, column: pos.col, message: e.message.split("\n")[0] ?? e.message };
  });
  return { doc, lineCounter, errors };
}

/**
 * 1-based line (relative to the YAML text) of the value at `pathInDoc`, falling back to the
 * nearest ancestor that exists (a missing key points at its parent map).
 */
export function lineOfPath(parsed: ParsedYaml, pathInDoc: readonly PropertyKey[]): number {
  for (let n = pathInDoc.length; n >= 0; n--) {
    const node = parsed.doc.getIn(pathInDoc.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return parsed.lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/** 1-based line of the first occurrence of `needle` in `text`, or 1. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split("\n").length;
}

/** Splits an MDX body into its `## ` sections (headings inside code fences do not count). */
export function splitH2Sections(body: string): Record<string, string> {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  let buf: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current) sections[current] = buf.join("\n").trim();
  };
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (h?.[1]) {
      flush();
      current = h[1];
      buf = [];
    } else {
      buf.push(line);
    }
  }
  flush();
  return sections;
}
