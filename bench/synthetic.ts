/**
 * Deterministic synthetic detections shaped like the public `Detection` facts, for scale tests
 * and the search benchmark (60-1000 detections while the real library is being written).
 */
import type { CatalogTechnique } from "@/lib/attack/derive";
import { CONFIDENCES, DATA_COMPONENTS, SEVERITIES, platformIds, type Platform } from "@/lib/content/schema";

export interface SyntheticDetection {
  kind: "public-detection";
  id: string;
  technique: string;
  platform: Platform;
  platformLabel: string;
  title: string;
  description: string;
  tactics: string[];
  severity: (typeof SEVERITIES)[number];
  confidence: (typeof CONFIDENCES)[number];
  dataSources: string[];
  requiredTables: string[];
  relatedDetections: string[];
  created: string;
  modified: string;
}

const TABLES = [
  "DeviceProcessEvents",
  "DeviceEvents",
  "DeviceFileEvents",
  "DeviceRegistryEvents",
  "DeviceNetworkEvents",
  "DeviceLogonEvents",
  "DeviceImageLoadEvents",
  "IdentityLogonEvents",
  "CloudAppEvents",
  "EmailEvents",
  "SigninLogs",
  "AuditLogs",
];

const WORDS = (
  "process parent child command line encoded powershell script registry run key service driver token " +
  "credential dump lsass memory thread remote injection hollow shellcode network beacon domain dns " +
  "http proxy tunnel archive staging exfiltration cloud mailbox rule consent oauth scheduled task wmi " +
  "persistence startup folder module load unsigned binary renamed masquerade signed proxy execution"
).split(" ");

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function uuid(r: () => number): string {
  const h = () => Math.floor(r() * 16).toString(16);
  const s = (n: number) => Array.from({ length: n }, h).join("");
  return `${s(8)}-${s(4)}-4${s(3)}-a${s(3)}-${s(12)}`;
}

export function syntheticDetections(techniques: readonly CatalogTechnique[], n: number, seed = 42): SyntheticDetection[] {
  const r = rng(seed);
  const used = new Set<string>();
  const out: SyntheticDetection[] = [];
  while (out.length < n && used.size < techniques.length * platformIds.length) {
    const t = pick(r, techniques);
    const platform = pick(r, platformIds);
    const slug = `${t.id}/${platform}`;
    if (used.has(slug)) continue;
    used.add(slug);
    const words = Array.from({ length: 28 }, () => pick(r, WORDS));
    const tables = [...new Set([pick(r, TABLES), ...(r() < 0.3 ? [pick(r, TABLES)] : [])])];
    const day = 1 + Math.floor(r() * 28);
    const month = 1 + Math.floor(r() * 12);
    const modified = `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    out.push({
      kind: "public-detection",
      id: uuid(r),
      technique: t.id,
      platform,
      platformLabel: platform,
      title: `${t.name.split(": ").pop()} via ${words.slice(0, 3).join(" ")}`,
      description: `Flags ${words.slice(3).join(" ")}.`.slice(0, 300),
      tactics: t.tactics.length ? [...t.tactics] : ["TA0002"],
      severity: pick(r, SEVERITIES),
      confidence: pick(r, CONFIDENCES),
      dataSources: [...new Set([pick(r, DATA_COMPONENTS), pick(r, DATA_COMPONENTS)])],
      requiredTables: tables,
      relatedDetections: [],
      created: "2026-01-01",
      modified,
    });
  }
  return out;
}
