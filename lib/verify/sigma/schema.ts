/**
 * Metadata validation of a Sigma detection rule against the Sigma rules specification v2
 * (the JSON schema `sigma-detection-rule-schema.json`, re-expressed with zod).
 * The detection section is only checked for its shape here; its content (search
 * identifiers, modifiers, condition) is validated by the compiler.
 */
import { z } from "zod";
import type { SigmaIssue, SigmaPath } from "./types";

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE_RE = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/;
const TAG_RE = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;

export const STATUSES = ["stable", "test", "experimental", "deprecated", "unsupported"] as const;
export const LEVELS = ["informational", "low", "medium", "high", "critical"] as const;
export const RELATION_TYPES = ["derived", "obsolete", "merged", "renamed", "similar"] as const;

const uuid = z.string({ error: "must be a string" }).regex(UUID_RE, { error: "must be a UUID (e.g. 929a690e-bef0-4204-a928-ef5e620d6fcc)" });

function isValidDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const date = z.string({ error: "must be a date string YYYY-MM-DD" }).superRefine((s, ctx) => {
  if (!DATE_RE.test(s)) ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date YYYY-MM-DD" });
  else if (!isValidDate(s)) ctx.addIssue({ code: "custom", message: `is not a valid calendar date (YYYY-MM-DD)` });
});

function uniqueStrings(item: z.ZodString, what: string) {
  return z.array(item, { error: `must be a list of ${what}` }).superRefine((arr, ctx) => {
    const seen = new Map<string, number>();
    arr.forEach((v, i) => {
      const first = seen.get(v);
      if (first !== undefined) ctx.addIssue({ code: "custom", message: `duplicate entry '${v}' (also at index ${first})`, path: [i] });
      else seen.set(v, i);
    });
  });
}

const str = (what = "a string") => z.string({ error: `must be ${what}` });

export const sigmaRuleMetadataSchema = z.looseObject({
  title: str().min(1, { error: "must not be empty" }).max(256, { error: "must be at most 256 characters" }),
  id: uuid.optional(),
  name: str().max(256, { error: "must be at most 256 characters" }).optional(),
  related: z
    .array(
      z.looseObject({
        id: uuid,
        type: z.enum(RELATION_TYPES, { error: `must be one of ${RELATION_TYPES.join(", ")}` }),
      }),
      { error: "must be a list of {id, type}" },
    )
    .optional(),
  taxonomy: str().max(256, { error: "must be at most 256 characters" }).optional(),
  status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` }).optional(),
  description: str().max(65535, { error: "must be at most 65535 characters" }).optional(),
  license: str().optional(),
  author: str().optional(),
  references: uniqueStrings(str(), "strings").optional(),
  date: date.optional(),
  modified: date.optional(),
  logsource: z.looseObject(
    {
      category: str().optional(),
      product: str().optional(),
      service: str().optional(),
      definition: str().optional(),
    },
    { error: "must be a map (category / product / service / definition)" },
  ),
  detection: z.looseObject(
    {
      condition: z.union([str(), z.array(str(), { error: "must be a list of strings" }).min(1, { error: "must not be empty" })], {
        error: "must be a string (or a list of strings)",
      }),
    },
    { error: "must be a map of search identifiers and a condition" },
  ),
  fields: uniqueStrings(str(), "strings").optional(),
  falsepositives: uniqueStrings(str().min(2, { error: "must be at least 2 characters" }), "strings").optional(),
  level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(", ")}` }).optional(),
  tags: uniqueStrings(str().regex(TAG_RE, { error: "must look like 'namespace.value' (lower-case letters, digits, _ - .)" }), "tags").optional(),
  scope: z.array(str().min(2, { error: "must be at least 2 characters" }), { error: "must be a list of strings" }).optional(),
});

function valueAt(root: unknown, path: SigmaPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Validates the metadata (everything but the detection content). */
export function validateMetadata(input: unknown): SigmaIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [{ severity: "error", code: "schema", message: "a Sigma rule must be a YAML map", path: [] }];
  }
  const res = sigmaRuleMetadataSchema.safeParse(input);
  if (res.success) return [];
  const out: SigmaIssue[] = [];
  for (const zi of res.error.issues) {
    const path: SigmaPath = zi.path.filter((p): p is string | number => typeof p !== "symbol");
    const where = path.length > 0 ? `'${path.join(".")}' ` : "";
    const raw = zi.message;
    const message = valueAt(input, path) === undefined ? `missing required field '${path.join(".")}'` : `${where}${raw}`;
    out.push({ severity: "error", code: "schema", message, path });
  }
  return out;
}
