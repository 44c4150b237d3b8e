/** Validation of rule objects (metadata schema + detection semantics). */
import { tryCompileSigmaRule } from "./compile";
import { unsupported } from "./issues";
import { validateMetadata } from "./schema";
import type { CompileOptions, SigmaDocumentKind, SigmaIssue } from "./types";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Which kind of Sigma document a parsed object is. */
export function documentKind(doc: unknown): SigmaDocumentKind {
  if (!isObj(doc)) return "unknown";
  if (doc["action"] === "global" || doc["action"] === "reset" || doc["action"] === "repeat") return "global";
  if ("correlation" in doc) return "correlation";
  if ("filter" in doc && !("detection" in doc)) return "filter";
  if ("detection" in doc || "logsource" in doc || "title" in doc) return "detection";
  return "unknown";
}

/**
 * Validates a rule object: metadata against the Sigma v2 schema, then the detection
 * section (search identifiers, modifiers, values, condition). Returns every issue found;
 * positions are not known here (see {@link parseSigmaRule}).
 */
export function validateSigmaRule(rule: unknown, opts: CompileOptions = {}): SigmaIssue[] {
  const kind = documentKind(rule);
  if (kind === "correlation") return [unsupported("correlation rule", "correlation (meta) rules are not supported", ["correlation"], { target: "key" })];
  if (kind === "filter") return [unsupported("filter rule", "Sigma filter (meta) rules are not supported", ["filter"], { target: "key" })];
  const issues = validateMetadata(rule);
  if (isObj(rule) && isObj(rule["detection"])) {
    const { issues: det } = tryCompileSigmaRule(rule, opts);
    // the schema already reports a missing / non-string condition
    const schemaCovers = issues.some((i) => i.path[0] === "detection" && i.path[1] === "condition");
    issues.push(...det.filter((i) => !(schemaCovers && i.code === "condition" && i.path.length === 2 && i.path[1] === "condition" && !("offset" in i))));
  }
  return issues;
}
