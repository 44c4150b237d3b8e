/**
 * The one schema for detection content. Used by the loader (build and runtime), by
 * `npm run content:check`, and by the tests. Pure: no file access here.
 */
import { z } from "zod";

export const PLATFORMS = {
  sentinel: { label: "Microsoft Sentinel", language: "KQL", queryExtension: "kql" },
  "defender-xdr": { label: "Microsoft Defender XDR", language: "KQL", queryExtension: "kql" },
  splunk: { label: "Splunk", language: "SPL", queryExtension: "spl" },
  elastic: { label: "Elastic Security", language: "EQL", queryExtension: "eql" },
} as const;

export type Platform = keyof typeof PLATFORMS;
export const platformIds = Object.keys(PLATFORMS) as Platform[];

export const SEVERITIES = ["informational", "low", "medium", "high", "critical"] as const;
export const CONFIDENCES = ["low", "medium", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * ATT&CK data components (the "what telemetry" vocabulary ATT&CK uses for detection). Kept as an
 * explicit list so a typo fails the content check instead of creating a new facet in the filters.
 */
export const DATA_COMPONENTS = [
  "Active Directory Object Access",
  "Active Directory Object Modification",
  "Application Log Content",
  "Cloud Service Modification",
  "Command Execution",
  "Driver Load",
  "Email Content",
  "Email Metadata",
  "File Access",
  "File Creation",
  "File Deletion",
  "File Modification",
  "Firewall Rule Modification",
  "Logon Session Creation",
  "Module Load",
  "Network Connection Creation",
  "Network Traffic Content",
  "Network Traffic Flow",
  "OS API Execution",
  "Process Access",
  "Process Creation",
  "Process Metadata",
  "Process Modification",
  "Process Termination",
  "Scheduled Job Creation",
  "Script Execution",
  "Service Creation",
  "Service Modification",
  "User Account Authentication",
  "User Account Creation",
  "User Account Modification",
  "Web Credential Usage",
  "Windows Registry Key Creation",
  "Windows Registry Key Modification",
  "WMI Creation",
] as const;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD"));

const nonEmpty = z.string().trim().min(1, "must not be empty");

export const falsePositiveSchema = z.strictObject({
  source: nonEmpty.describe("the product, tool or admin practice that triggers it"),
  detail: nonEmpty,
});

export const atomicRefSchema = z.strictObject({
  guid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "expected a lower-case GUID"),
  behaviour: nonEmpty,
  expectedTelemetry: z.array(nonEmpty).min(1, "say what telemetry the test should produce"),
});

export const frontmatterSchema = z.strictObject({
  id: z.uuid({ message: "expected a UUID" }),
  technique: z.string().regex(/^T\d{4}(\.\d{3})?$/, "expected a technique ID such as T1055 or T1055.001"),
  platform: z.enum(platformIds as [Platform, ...Platform[]]),
  title: nonEmpty.max(120),
  description: nonEmpty.max(300).describe("one or two sentences for listings, search and meta description"),
  tactics: z.array(z.string().regex(/^TA\d{4}$/, "expected a tactic ID such as TA0005")).min(1),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  dataSources: z.array(z.enum(DATA_COMPONENTS)).min(1),
  requiredTables: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)).min(1),
  queryWindow: z.string().regex(/^\d+[mhd]$/, "expected a window such as 1h, 24h or 7d"),
  falsePositives: z.array(falsePositiveSchema).min(1),
  tuning: z.array(nonEmpty).min(1),
  atomicTests: z.array(atomicRefSchema),
  noAtomicReason: nonEmpty.optional(),
  relatedDetections: z.array(z.uuid()).default([]),
  author: nonEmpty,
  created: isoDate,
  modified: isoDate,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "expected a semantic version such as 1.0.0"),
});

export type DetectionFrontmatter = z.infer<typeof frontmatterSchema>;

const eventCase = z.strictObject({
  description: nonEmpty,
  event: z.record(z.string(), z.unknown()),
});

/** content/detections/<T>/<platform>.events.json: what the Sigma rule is tested on. */
export const testEventsSchema = z.strictObject({
  truePositives: z.array(eventCase).min(1, "at least one true positive"),
  benign: z.array(eventCase).min(1, "at least one benign near-miss"),
});

export type TestEvents = z.infer<typeof testEventsSchema>;

/** The H2 sections a public detection body must contain, in this order. */
export const PUBLIC_SECTIONS = ["Technique summary", "What the detection does"] as const;

/** The H2 sections a Pro file must contain, in this order. */
export const PRO_SECTIONS = [
  "Response playbook",
  "Investigation guide",
  "Hunting queries",
  "Test commands",
  "Tuning guidance",
] as const;
