/**
 * App-facing shapes of detection content. Public and Pro data are distinct types with a brand, so
 * handing Pro material to a public renderer (or into the search index) fails to compile.
 */
import type { Confidence, DetectionFrontmatter, Platform, Severity, TestEvents } from "./schema";

export type { Confidence, Platform, Severity, TestEvents };

export interface AtomicTestRef {
  guid: string;
  /** From the Atomic Red Team index. */
  number: number;
  name: string;
  technique: string;
  platforms: string[];
  executor: string;
  behaviour: string;
  expectedTelemetry: string[];
}

export interface Detection {
  readonly kind: "public-detection";
  id: string;
  slug: string;
  technique: string;
  platform: Platform;
  platformLabel: string;
  language: string;
  title: string;
  description: string;
  tactics: string[];
  severity: Severity;
  confidence: Confidence;
  dataSources: string[];
  requiredTables: string[];
  queryWindow: string;
  falsePositives: DetectionFrontmatter["falsePositives"];
  tuning: string[];
  atomicTests: AtomicTestRef[];
  noAtomicReason: string | null;
  relatedDetections: string[];
  author: string;
  created: string;
  modified: string;
  version: string;
  query: string;
  /** MDX source of the public body. */
  body: string;
  sigma: {
    text: string;
    fileName: string;
    title: string;
    ruleId: string;
  };
  events: TestEvents;
}

/** Pro material for one detection: only lib/content/pro.ts creates it. */
export interface ProMaterial {
  readonly kind: "pro-material";
  detectionId: string;
  slug: string;
  /** Unique marker from the file's frontmatter: the leak tests look for it in every public output. */
  canary: string;
  /** MDX source of each required Pro section, keyed by heading. */
  sections: Record<string, string>;
}
