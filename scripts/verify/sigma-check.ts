/**
 * sigma-check: validate Sigma rule files.
 *
 *   npm run verify -- sigma-check [--json] [--quiet] [--placeholder NAME=V1,V2] RULE|DIR...
 *   npx tsx scripts/verify/sigma-check.ts RULE...
 *
 * Prints one line per issue as `file:line:column: message` (or `file: message` when the
 * position is unknown) and a summary. Directories are searched for *.yml / *.yaml.
 * Exit status: 0 all rules valid, 1 some rule invalid or unsupported, 2 bad input
 * (unreadable file, invalid YAML, bad arguments).
 */
import { readFileSync } from "node:fs";
import { parsePlaceholderOption, processIO, runIfMain, type CliIO } from "../../lib/verify/sigma/cli-util";
import { findRuleFiles } from "../../lib/verify/sigma/files";
import { formatIssue, parseSigmaCollection, type SigmaIssue } from "../../lib/verify/sigma/index";

const USAGE = `usage: sigma-check [--json] [--quiet] [--placeholder NAME=VALUE[,VALUE...]]... RULE|DIR...
  --json          machine-readable output on stdout
  --quiet         only print errors (no warnings)
  --placeholder   values for %NAME% placeholders used with the 'expand' modifier
exit status: 0 valid, 1 invalid/unsupported rule(s), 2 bad input`;

export interface CheckFileResult {
  file: string;
  status: "valid" | "invalid" | "unsupported" | "unreadable" | "bad-yaml";
  rules: number;
  issues: SigmaIssue[];
  /** Rule ids defined in the file. */
  ids: string[];
  /** Position of each id, for duplicate-id messages. */
  idLines: Map<string, { line: number; column: number }>;
}

function checkFile(file: string, placeholders: Record<string, string[]>): CheckFileResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return { file, status: "unreadable", rules: 0, ids: [], idLines: new Map(), issues: [{ severity: "error", code: "yaml", message: `cannot read file: ${(e as Error).message}`, path: [], file }] };
  }
  const res = parseSigmaCollection(text, { file, placeholders });
  const errors = res.issues.filter((i) => i.severity === "error");
  let status: CheckFileResult["status"] = "valid";
  if (errors.some((i) => i.code === "yaml")) status = "bad-yaml";
  else if (errors.length > 0) status = errors.every((i) => i.code === "unsupported") ? "unsupported" : "invalid";
  const ids = res.rules.map((r) => r.rule.id).filter((id): id is string => typeof id === "string");
  const idLines = new Map<string, { line: number; column: number }>();
  const lines = text.split("\n");
  for (const id of ids) {
    const i = lines.findIndex((l) => /^id:/.test(l) && l.includes(id));
    if (i >= 0) idLines.set(id, { line: i + 1, column: (lines[i] as string).indexOf(id) + 1 });
  }
  return { file, status, rules: res.rules.length, ids: [...new Set(ids)], idLines, issues: res.issues };
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let json = false;
  let quiet = false;
  const placeholders: Record<string, string[]> = {};
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--json") json = true;
    else if (a === "--quiet" || a === "-q") quiet = true;
    else if (a === "--help" || a === "-h") {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (a === "--placeholder" || a.startsWith("--placeholder=")) {
      const v = a.startsWith("--placeholder=") ? a.slice("--placeholder=".length) : argv[++i];
      const err = v === undefined ? "--placeholder needs a value" : parsePlaceholderOption(v, placeholders);
      if (err) {
        io.stderr(`sigma-check: ${err}\n${USAGE}\n`);
        return 2;
      }
    } else if (a === "--") {
      targets.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("-")) {
      io.stderr(`sigma-check: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else targets.push(a);
  }
  if (targets.length === 0) {
    io.stderr(`sigma-check: no rule files given\n${USAGE}\n`);
    return 2;
  }

  const results: CheckFileResult[] = [];
  for (const t of targets) {
    let files: string[];
    try {
      files = findRuleFiles(t);
    } catch (e) {
      results.push({ file: t, status: "unreadable", rules: 0, ids: [], idLines: new Map(), issues: [{ severity: "error", code: "yaml", message: `cannot read: ${(e as Error).message}`, path: [], file: t }] });
      continue;
    }
    if (files.length === 0) io.stderr(`sigma-check: warning: no *.yml files under ${t}\n`);
    for (const f of files) results.push(checkFile(f, placeholders));
  }

  // The same rule id in two places is an error (ids must be globally unique).
  const seenIds = new Map<string, string>();
  for (const r of results) {
    for (const id of r.ids) {
      const first = seenIds.get(id);
      if (first === undefined) {
        seenIds.set(id, r.file);
        continue;
      }
      r.issues.push({ severity: "error", code: "schema", message: `duplicate rule id ${id} (also in ${first})`, path: ["id"], file: r.file, ...(r.idLines.get(id) ?? {}) });
      if (r.status === "valid" || r.status === "unsupported") r.status = "invalid";
    }
  }

  const count = (s: CheckFileResult["status"]): number => results.filter((r) => r.status === s).length;
  const summary = {
    files: results.length,
    valid: count("valid"),
    invalid: count("invalid"),
    unsupported: count("unsupported"),
    badInput: count("unreadable") + count("bad-yaml"),
    errors: results.reduce((n, r) => n + r.issues.filter((i) => i.severity === "error").length, 0),
    warnings: results.reduce((n, r) => n + r.issues.filter((i) => i.severity === "warning").length, 0),
  };
  const exitCode = summary.badInput > 0 ? 2 : summary.invalid + summary.unsupported > 0 ? 1 : 0;

  if (json) {
    const files = results.map(({ idLines: _idLines, ...rest }) => rest);
    io.stdout(`${JSON.stringify({ ok: exitCode === 0, exitCode, summary, files }, null, 2)}\n`);
    return exitCode;
  }

  for (const r of results) {
    const shown = quiet ? r.issues.filter((i) => i.severity === "error") : r.issues;
    const lines = shown.map((i) => formatIssue(i, r.file));
    if (r.status === "unreadable" || r.status === "bad-yaml") io.stderr(lines.map((l) => `${l}\n`).join(""));
    else if (lines.length > 0) io.stdout(lines.map((l) => `${l}\n`).join(""));
  }
  const parts = [`${summary.valid} valid`];
  if (summary.invalid) parts.push(`${summary.invalid} invalid`);
  if (summary.unsupported) parts.push(`${summary.unsupported} unsupported`);
  if (summary.badInput) parts.push(`${summary.badInput} unreadable/bad YAML`);
  io.stdout(
    `sigma-check: ${summary.files} file${summary.files === 1 ? "" : "s"} checked: ${parts.join(", ")} (${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"})\n`,
  );
  return exitCode;
}

runIfMain(import.meta.url, "sigma-check", main);
