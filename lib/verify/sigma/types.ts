/**
 * Public types of the Huntbook Sigma library.
 *
 * The rule types mirror the Sigma rules specification v2 (title, id, status, level,
 * logsource, detection, ...). Unknown top-level keys are allowed by the
 * specification ("arbitrary custom fields") and are kept on the object.
 */

/** A scalar as it may appear in a detection value. */
export type SigmaScalar = string | number | boolean | null;

export type SigmaStatus = "stable" | "test" | "experimental" | "deprecated" | "unsupported";
export type SigmaLevel = "informational" | "low" | "medium" | "high" | "critical";
export type SigmaRelationType = "derived" | "obsolete" | "merged" | "renamed" | "similar";

export interface SigmaRelated {
  id: string;
  type: SigmaRelationType;
}

export interface SigmaLogsource {
  category?: string;
  product?: string;
  service?: string;
  definition?: string;
  [key: string]: unknown;
}

/**
 * The detection section. Every key except `condition` (and the legacy `timeframe`)
 * is a search identifier whose value is a map, a list of maps, or a list of keywords.
 * Values are validated at runtime by {@link validateSigmaRule}, hence `unknown`.
 */
export interface SigmaDetection {
  condition: string | string[];
  timeframe?: string;
  [identifier: string]: unknown;
}

export interface SigmaRule {
  title: string;
  id?: string;
  name?: string;
  related?: SigmaRelated[];
  taxonomy?: string;
  status?: SigmaStatus;
  description?: string;
  license?: string;
  author?: string;
  references?: string[];
  date?: string;
  modified?: string;
  logsource: SigmaLogsource;
  detection: SigmaDetection;
  fields?: string[];
  falsepositives?: string[];
  level?: SigmaLevel;
  tags?: string[];
  scope?: string[];
  [custom: string]: unknown;
}

export type SigmaPathSegment = string | number;
export type SigmaPath = SigmaPathSegment[];

export type SigmaIssueCode =
  /** The text is not valid YAML. */
  | "yaml"
  /** A metadata field violates the Sigma rule schema. */
  | "schema"
  /** A search identifier / detection value is malformed. */
  | "detection"
  /** The condition is malformed or references unknown identifiers. */
  | "condition"
  /** A value modifier is misused (wrong value type, conflicting modifiers, bad regex ...). */
  | "modifier"
  /** The construct is valid Sigma but not supported by this library. */
  | "unsupported";

export interface SigmaIssue {
  severity: "error" | "warning";
  code: SigmaIssueCode;
  message: string;
  /** Path inside the rule document, e.g. `["detection", "selection", "Image|endswith", 2]`. */
  path: SigmaPath;
  /** For `unsupported` issues: the construct that is not supported, e.g. `"correlation rule"`, `"aggregation"`, `"modifier 'foo'"`. */
  construct?: string;
  /** File name as given to the parser, if any. */
  file?: string;
  /** 1-based line in the YAML source, when known. */
  line?: number;
  /** 1-based column in the YAML source, when known. */
  column?: number;
  /** Index of the YAML document in a multi-document file (0-based), when the file has more than one. */
  document?: number;
  /** Positioning hint: the issue is about the map key at `path` rather than its value. */
  target?: "key" | "value";
  /** Character offset inside the string value at `path` (e.g. a position inside the condition). */
  offset?: number;
}

/** What kind of Sigma document a YAML document is. */
export type SigmaDocumentKind = "detection" | "correlation" | "filter" | "global" | "unknown";

export interface ParseOptions {
  /** File name used in issues. */
  file?: string;
  /** Values for `%placeholder%` expansion (modifier `expand`); see {@link CompileOptions.placeholders}. */
  placeholders?: Record<string, readonly string[]>;
}

export interface ParseResult {
  /** The rule, if the YAML could be turned into an object that looks like a detection rule (even if invalid). */
  rule: SigmaRule | null;
  /** Every error and warning, with positions when known. */
  issues: SigmaIssue[];
  /** True when there is no issue of severity "error". */
  ok: boolean;
  /** Kind of the (first) document. */
  kind: SigmaDocumentKind;
}

export interface CollectionParseResult {
  /** Detection rules found in the file (after applying `action: global` / `reset` / `repeat`). */
  rules: Array<{ rule: SigmaRule; document: number }>;
  issues: SigmaIssue[];
  ok: boolean;
}

export interface CompileOptions {
  /**
   * Values for placeholders used with the `expand` modifier, e.g.
   * `{ Administrators: ["admin*", "root"] }`. A placeholder without values makes the
   * rule `unsupported`.
   */
  placeholders?: Record<string, readonly string[]>;
}

/** Result of evaluating one event. */
export interface EvaluationResult {
  matched: boolean;
  /** Truth value of every search identifier that was evaluated (short-circuit evaluation may skip some). */
  identifiers: Record<string, boolean>;
}

export interface CompiledSigmaRule {
  readonly rule: SigmaRule;
  readonly title: string;
  readonly id: string | undefined;
  /** Names of the search identifiers in the detection section. */
  readonly identifiers: readonly string[];
  /** Non-fatal issues found while compiling (warnings). */
  readonly warnings: readonly SigmaIssue[];
  /** Does the event match the rule? Accepts a raw event or a {@link PreparedEvent}. */
  matches(event: unknown): boolean;
  /** Like {@link matches} but also reports which search identifiers matched. */
  evaluate(event: unknown): EvaluationResult;
}

export type MatchOutcome =
  | { status: "match"; matched: true; identifiers: Record<string, boolean> }
  | { status: "no-match"; matched: false; identifiers: Record<string, boolean> }
  | { status: "invalid" | "unsupported"; matched: null; issues: SigmaIssue[] };
