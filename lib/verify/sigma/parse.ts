/**
 * Parsing Sigma YAML into rules, with validation issues located in the source.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node as YamlNode } from "yaml";
import { hasErrors, issue, unsupported } from "./issues";
import type { CollectionParseResult, ParseOptions, ParseResult, SigmaIssue, SigmaRule } from "./types";
import { documentKind, validateSigmaRule } from "./validate";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------- YAML helpers

/**
 * Plain scalars that YAML resolves to numbers but whose text is not the canonical
 * number (`0x17`, `1.0`, `007`, `.inf`) are kept as the text the author wrote, so
 * they can be compared with event values as written.
 */
function preserveNumberSources(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "number" && node.type === "PLAIN" && typeof node.source === "string" && node.source !== String(node.value)) {
        node.value = node.source;
      }
    },
  });
}

interface Located {
  line: number;
  column: number;
}

function scalarKey(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (typeof k === "string" || typeof k === "number") return String(k);
  return undefined;
}

/** Finds the source position of `path` in a YAML document (nearest existing ancestor). */
function locate(doc: Document, lc: LineCounter, i: SigmaIssue): Located | undefined {
  let node: unknown = doc.contents;
  let pos: number | undefined = (node as YamlNode | null)?.range?.[0];
  let lastKeyPos: number | undefined;
  let complete = true;
  for (const seg of i.path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === String(seg));
      if (!pair) {
        complete = false;
        break;
      }
      lastKeyPos = (pair.key as YamlNode | null)?.range?.[0];
      node = pair.value;
      pos = (node as YamlNode | null)?.range?.[0] ?? lastKeyPos;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) {
        complete = false;
        break;
      }
      lastKeyPos = undefined;
      node = item;
      pos = (node as YamlNode | null)?.range?.[0];
    } else {
      complete = false;
      break;
    }
  }
  if (complete && i.target === "key" && lastKeyPos !== undefined) pos = lastKeyPos;
  if (complete && i.offset !== undefined && isScalar(node) && pos !== undefined) {
    const src = node.source ?? (typeof node.value === "string" ? node.value : undefined);
    const singleLine = typeof src === "string" && !src.includes("\n");
    if (singleLine && (node.type === "PLAIN" || node.type === "QUOTE_SINGLE" || node.type === "QUOTE_DOUBLE")) {
      pos += i.offset + (node.type === "PLAIN" ? 0 : 1);
    }
  }
  if (pos === undefined) return undefined;
  const lp = lc.linePos(pos);
  return { line: lp.line, column: lp.col };
}

function yamlIssue(e: { message: string; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }, severity: "error" | "warning", file?: string): SigmaIssue {
  const first = e.message.split("\n")[0] ?? e.message;
  const msg = first.replace(/ at line \d+, column \d+:?$/, "");
  const out: SigmaIssue = { severity, code: "yaml", message: `YAML: ${msg}`, path: [] };
  if (file !== undefined) out.file = file;
  const lp = e.linePos?.[0];
  if (lp) {
    out.line = lp.line;
    out.column = lp.col;
  }
  return out;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (isObj(base) && isObj(over)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
  }
  return over;
}

interface ParsedDoc {
  index: number;
  doc: Document;
  value: unknown;
}

function parseDocs(text: string, file: string | undefined): { docs: ParsedDoc[]; lc: LineCounter; issues: SigmaIssue[] } {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true });
  const issues: SigmaIssue[] = [];
  const docs: ParsedDoc[] = [];
  if ("empty" in parsed) {
    for (const e of parsed.errors) issues.push(yamlIssue(e, "error", file));
  }
  const list: Document[] = "empty" in parsed ? [] : parsed;
  list.forEach((doc, index) => {
    for (const e of doc.errors) issues.push({ ...yamlIssue(e, "error", file), ...(list.length > 1 ? { document: index } : {}) });
    for (const w of doc.warnings) issues.push({ ...yamlIssue(w, "warning", file), ...(list.length > 1 ? { document: index } : {}) });
    if (doc.errors.length > 0) return;
    preserveNumberSources(doc);
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    // an empty trailing document ("---" at the end) is ignored
    if (value === null && doc.contents === null) return;
    docs.push({ index, doc, value });
  });
  if (list.length === 0 && issues.length === 0) issues.push({ severity: "error", code: "yaml", message: "the file is empty", path: [], ...(file !== undefined ? { file } : {}) });
  return { docs, lc, issues };
}

function positionIssues(issues: SigmaIssue[], d: ParsedDoc, lc: LineCounter, file: string | undefined, multi: boolean): SigmaIssue[] {
  return issues.map((i) => {
    const out: SigmaIssue = { ...i };
    if (file !== undefined) out.file = file;
    if (multi) out.document = d.index;
    const loc = locate(d.doc, lc, i);
    if (loc) {
      out.line = loc.line;
      out.column = loc.column;
    }
    return out;
  });
}

/**
 * Parses every document of a Sigma YAML file. Supports Sigma v1 rule collections
 * (`action: global` / `reset` / `repeat`); correlation and filter documents are reported
 * as `unsupported`.
 */
export function parseSigmaCollection(text: string, opts: ParseOptions = {}): CollectionParseResult {
  const { file } = opts;
  const { docs, lc, issues } = parseDocs(text, file);
  const multi = docs.length > 1;
  const rules: Array<{ rule: SigmaRule; document: number }> = [];
  let global: unknown = undefined;
  let previous: unknown = undefined;
  for (const d of docs) {
    const kind = documentKind(d.value);
    if (!isObj(d.value)) {
      issues.push(...positionIssues([issue("schema", "a Sigma rule must be a YAML map", [])], d, lc, file, multi));
      continue;
    }
    if (kind === "global") {
      const { action: _action, ...rest } = d.value;
      if (d.value["action"] === "global") global = deepMerge(global ?? {}, rest);
      else if (d.value["action"] === "reset") global = undefined;
      else if (d.value["action"] === "repeat") {
        if (previous === undefined) {
          issues.push(...positionIssues([issue("schema", "'action: repeat' without a previous rule", ["action"])], d, lc, file, multi));
          continue;
        }
        const merged = deepMerge(previous, rest);
        previous = merged;
        const vi = validateSigmaRule(merged, opts);
        issues.push(...positionIssues(vi, d, lc, file, multi));
        rules.push({ rule: merged as SigmaRule, document: d.index });
      }
      continue;
    }
    if (kind === "correlation") {
      issues.push(...positionIssues([unsupported("correlation rule", "correlation (meta) rules are not supported", ["correlation"], { target: "key" })], d, lc, file, multi));
      continue;
    }
    if (kind === "filter") {
      issues.push(...positionIssues([unsupported("filter rule", "Sigma filter (meta) rules are not supported", ["filter"], { target: "key" })], d, lc, file, multi));
      continue;
    }
    const merged = global === undefined ? d.value : deepMerge(global, d.value);
    previous = merged;
    const vi = validateSigmaRule(merged, opts);
    issues.push(...positionIssues(vi, d, lc, file, multi));
    rules.push({ rule: merged as SigmaRule, document: d.index });
  }
  return { rules, issues, ok: !hasErrors(issues) };
}

/**
 * Parses and validates one Sigma rule. Multi-document files are accepted when they
 * yield exactly one detection rule (e.g. a global document plus one rule); otherwise an
 * issue says to use {@link parseSigmaCollection}.
 */
export function parseSigmaRule(text: string, opts: ParseOptions = {}): ParseResult {
  const { file } = opts;
  const { docs, lc, issues } = parseDocs(text, file);
  if (docs.length === 1) {
    const d = docs[0] as ParsedDoc;
    const kind = documentKind(d.value);
    const vi = validateSigmaRule(d.value, opts);
    issues.push(...positionIssues(vi, d, lc, file, false));
    const rule = isObj(d.value) && kind === "detection" ? (d.value as SigmaRule) : null;
    return { rule, issues, ok: !hasErrors(issues), kind };
  }
  if (docs.length === 0) return { rule: null, issues, ok: false, kind: "unknown" };
  const col = parseSigmaCollection(text, opts);
  const kind = documentKind(docs[0]?.value);
  if (col.rules.length === 1) {
    return { rule: (col.rules[0] as { rule: SigmaRule }).rule, issues: col.issues, ok: col.ok, kind: "detection" };
  }
  const extra = unsupported(
    "rule collection",
    `this file holds ${docs.length} YAML documents yielding ${col.rules.length} detection rules; parse it as a collection`,
    [],
    file !== undefined ? { file } : {},
  );
  return { rule: col.rules[0]?.rule ?? null, issues: [...col.issues, extra], ok: false, kind };
}
