import type { SigmaIssue, SigmaIssueCode, SigmaPath } from "./types";

export function issue(
  code: SigmaIssueCode,
  message: string,
  path: SigmaPath,
  extra: Partial<Omit<SigmaIssue, "code" | "message" | "path">> = {},
): SigmaIssue {
  return { severity: "error", code, message, path, ...extra };
}

export function unsupported(construct: string, message: string, path: SigmaPath, extra: Partial<SigmaIssue> = {}): SigmaIssue {
  return { severity: "error", code: "unsupported", construct, message, path, ...extra };
}

export function hasErrors(issues: readonly SigmaIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

export function isUnsupported(issues: readonly SigmaIssue[]): boolean {
  const errors = issues.filter((i) => i.severity === "error");
  return errors.length > 0 && errors.every((i) => i.code === "unsupported");
}

/** Formats a path as `detection.selection["Image|endswith"][2]`. */
export function formatPath(path: SigmaPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:column: severity: message` (or `file: ...` when no position is known). */
export function formatIssue(i: SigmaIssue, fallbackFile = "<input>"): string {
  const file = i.file ?? fallbackFile;
  const loc = i.line !== undefined ? `${file}:${i.line}:${i.column ?? 1}` : file;
  const where = i.path.length > 0 ? ` (at ${formatPath(i.path)})` : "";
  const sev = i.severity === "warning" ? "warning: " : i.code === "unsupported" ? "unsupported: " : "";
  return `${loc}: ${sev}${i.message}${where}`;
}

/** Thrown by {@link compileSigmaRule} when a rule is invalid or uses unsupported constructs. */
export class SigmaRuleError extends Error {
  readonly issues: SigmaIssue[];
  /** True when every error is an `unsupported` construct (the rule itself may be valid Sigma). */
  readonly unsupported: boolean;
  constructor(issues: SigmaIssue[], title?: string) {
    const errors = issues.filter((i) => i.severity === "error");
    const head = errors[0];
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : "";
    super(`${title ? `Sigma rule "${title}": ` : ""}${head ? head.message : "invalid rule"}${more}`);
    this.name = "SigmaRuleError";
    this.issues = issues;
    this.unsupported = isUnsupported(issues);
  }
}
