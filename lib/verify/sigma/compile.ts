/**
 * Compilation of a rule's detection section into a fast matcher.
 * Compile once, then call `matches(event)` for as many events as needed.
 */
import { parseCondition, resolveOf, type ConditionNode } from "./condition";
import { prepareEvent, type PreparedEvent } from "./event";
import { hasErrors, issue, SigmaRuleError, unsupported } from "./issues";
import { compileItem, type FieldTest } from "./modifiers";
import type { CompileOptions, CompiledSigmaRule, EvaluationResult, SigmaIssue, SigmaPath, SigmaRule } from "./types";

type Pred = (ev: PreparedEvent) => boolean;

/** Keys of the detection section that are not search identifiers. */
const NON_IDENTIFIER_KEYS = new Set(["condition", "timeframe"]);

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function fieldPred(field: string, test: FieldTest, keyword: boolean): Pred {
  if (keyword) return (ev) => test(ev.leaves(), ev);
  return (ev) => test(ev.field(field), ev);
}

function and(preds: Pred[]): Pred {
  if (preds.length === 1) return preds[0] as Pred;
  return (ev) => {
    for (const p of preds) if (!p(ev)) return false;
    return true;
  };
}

function or(preds: Pred[]): Pred {
  if (preds.length === 1) return preds[0] as Pred;
  return (ev) => {
    for (const p of preds) if (p(ev)) return true;
    return false;
  };
}

function compileMap(map: Record<string, unknown>, path: SigmaPath, opts: CompileOptions, issues: SigmaIssue[]): Pred | null {
  const keys = Object.keys(map);
  if (keys.length === 0) {
    issues.push(issue("detection", "empty map in search identifier", path));
    return null;
  }
  const preds: Pred[] = [];
  let ok = true;
  for (const key of keys) {
    const keyword = key === "" || key.startsWith("|");
    const item = compileItem(key, map[key], { path: [...path, key], placeholders: opts.placeholders, keyword });
    issues.push(...item.issues);
    if (!item.test) ok = false;
    else preds.push(fieldPred(item.field, item.test, keyword));
  }
  return ok ? and(preds) : null;
}

function compileSearch(name: string, value: unknown, opts: CompileOptions, issues: SigmaIssue[]): Pred | null {
  const path: SigmaPath = ["detection", name];
  if (isMap(value)) return compileMap(value, path, opts, issues);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      issues.push(issue("detection", `search identifier '${name}' is an empty list`, path));
      return null;
    }
    const preds: Pred[] = [];
    let ok = true;
    const keywords: unknown[] = [];
    const keywordIdx: number[] = [];
    value.forEach((item, i) => {
      if (isMap(item)) {
        const p = compileMap(item, [...path, i], opts, issues);
        if (p) preds.push(p);
        else ok = false;
      } else if (isScalar(item)) {
        keywords.push(item);
        keywordIdx.push(i);
      } else {
        issues.push(issue("detection", `list items of '${name}' must be maps or keyword strings, not nested lists`, [...path, i]));
        ok = false;
      }
    });
    if (keywords.length > 0) {
      // One keyword item per value so that issues point at the right list index.
      keywords.forEach((kw, j) => {
        const item = compileItem("", kw, { path: [...path, keywordIdx[j] as number], placeholders: opts.placeholders, keyword: true });
        issues.push(...item.issues);
        if (item.test) preds.push(fieldPred("", item.test, true));
        else ok = false;
      });
    }
    return ok ? or(preds) : null;
  }
  issues.push(
    issue(
      "detection",
      `search identifier '${name}' must be a map (field: value) or a list (of maps or keywords), got ${value === null ? "null" : typeof value}`,
      path,
    ),
  );
  return null;
}

interface CompiledDetection {
  identifiers: string[];
  preds: Map<string, Pred>;
  condition: (ev: PreparedEvent, trace?: Record<string, boolean>) => boolean;
}

type TracePred = (ev: PreparedEvent, trace?: Record<string, boolean>) => boolean;

function every(ps: TracePred[]): TracePred {
  if (ps.length === 1) return ps[0] as TracePred;
  return (ev, tr) => {
    for (const p of ps) if (!p(ev, tr)) return false;
    return true;
  };
}

function some(ps: TracePred[]): TracePred {
  if (ps.length === 1) return ps[0] as TracePred;
  return (ev, tr) => {
    for (const p of ps) if (p(ev, tr)) return true;
    return false;
  };
}

function compileCondition(
  node: ConditionNode,
  identifiers: readonly string[],
  preds: Map<string, Pred>,
  condPath: SigmaPath,
  issues: SigmaIssue[],
  used: Set<string>,
): ((ev: PreparedEvent, trace?: Record<string, boolean>) => boolean) | null {
  type TPred = (ev: PreparedEvent, trace?: Record<string, boolean>) => boolean;
  const ref = (name: string): TPred => {
    const p = preds.get(name) as Pred;
    return (ev, trace) => {
      const r = p(ev);
      if (trace) trace[name] = r;
      return r;
    };
  };
  const walk = (n: ConditionNode): TPred | null => {
    switch (n.type) {
      case "id": {
        if (!identifiers.includes(n.name)) {
          issues.push(issue("condition", `condition references unknown search identifier '${n.name}'`, condPath, { offset: n.offset }));
          return null;
        }
        used.add(n.name);
        return ref(n.name);
      }
      case "of": {
        const names = resolveOf(n, identifiers);
        if (names.length === 0) {
          issues.push(
            issue("condition", n.them ? "'them' refers to no search identifier" : `pattern '${n.pattern}' matches no search identifier`, condPath, {
              offset: n.offset,
            }),
          );
          return null;
        }
        names.forEach((name) => used.add(name));
        return n.quantifier === "all" ? every(names.map(ref)) : some(names.map(ref));
      }
      case "not": {
        const p = walk(n.expr);
        return p ? (ev, tr) => !p(ev, tr) : null;
      }
      case "and":
      case "or": {
        const ps = n.exprs.map(walk);
        if (ps.some((p) => p === null)) return null;
        const list = ps as TPred[];
        return n.type === "and" ? every(list) : some(list);
      }
    }
  };
  return walk(node);
}

/** Compiles the detection section; returns `null` with error issues when that is not possible. */
export function compileDetection(detection: unknown, opts: CompileOptions = {}): { detection: CompiledDetection | null; issues: SigmaIssue[] } {
  const issues: SigmaIssue[] = [];
  if (!isMap(detection)) {
    issues.push(issue("detection", "'detection' must be a map", ["detection"]));
    return { detection: null, issues };
  }
  const identifiers = Object.keys(detection).filter((k) => !NON_IDENTIFIER_KEYS.has(k));
  if (identifiers.length === 0) issues.push(issue("detection", "the detection section has no search identifier", ["detection"]));
  const preds = new Map<string, Pred>();
  for (const name of identifiers) {
    const p = compileSearch(name, detection[name], opts, issues);
    if (p) preds.set(name, p);
  }
  if ("timeframe" in detection) {
    issues.push({
      ...issue("detection", "'timeframe' is only meaningful for aggregations / correlations and is ignored", ["detection", "timeframe"]),
      severity: "warning",
    });
  }

  const rawCond = detection["condition"];
  const conds: Array<{ text: string; path: SigmaPath }> = [];
  if (typeof rawCond === "string") conds.push({ text: rawCond, path: ["detection", "condition"] });
  else if (Array.isArray(rawCond) && rawCond.length > 0 && rawCond.every((c) => typeof c === "string")) {
    rawCond.forEach((c, i) => conds.push({ text: c as string, path: ["detection", "condition", i] }));
  } else {
    issues.push(issue("condition", rawCond === undefined ? "missing 'condition' in the detection section" : "'condition' must be a string or a list of strings", ["detection", "condition"]));
  }

  const condPreds: Array<(ev: PreparedEvent, trace?: Record<string, boolean>) => boolean> = [];
  let condOk = conds.length > 0;
  const used = new Set<string>();
  for (const c of conds) {
    const parsed = parseCondition(c.text);
    if (!parsed.ok) {
      const e = parsed.error;
      issues.push(
        e.unsupported
          ? unsupported(e.unsupported, `${e.message} (condition: '${c.text}')`, c.path, { offset: e.offset })
          : issue("condition", `${e.message} (condition: '${c.text}')`, c.path, { offset: e.offset }),
      );
      condOk = false;
      continue;
    }
    const p = compileCondition(parsed.ast, identifiers, preds, c.path, issues, used);
    if (p) condPreds.push(p);
    else condOk = false;
  }
  if (condOk) {
    for (const name of identifiers) {
      if (!used.has(name)) {
        issues.push({ ...issue("detection", `search identifier '${name}' is not used by the condition`, ["detection", name], { target: "key" }), severity: "warning" });
      }
    }
  }

  if (hasErrors(issues) || !condOk) return { detection: null, issues };
  const condition =
    condPreds.length === 1
      ? (condPreds[0] as (ev: PreparedEvent, trace?: Record<string, boolean>) => boolean)
      : (ev: PreparedEvent, trace?: Record<string, boolean>) => condPreds.some((p) => p(ev, trace));
  return { detection: { identifiers, preds, condition }, issues };
}

class CompiledRule implements CompiledSigmaRule {
  readonly title: string;
  readonly id: string | undefined;
  readonly identifiers: readonly string[];
  constructor(
    readonly rule: SigmaRule,
    private readonly det: CompiledDetection,
    readonly warnings: readonly SigmaIssue[],
  ) {
    this.title = typeof rule.title === "string" ? rule.title : "";
    this.id = typeof rule.id === "string" ? rule.id : undefined;
    this.identifiers = det.identifiers;
  }

  matches(event: unknown): boolean {
    return this.det.condition(prepareEvent(event));
  }

  evaluate(event: unknown): EvaluationResult {
    const identifiers: Record<string, boolean> = {};
    const matched = this.det.condition(prepareEvent(event), identifiers);
    return { matched, identifiers };
  }
}

/**
 * Compiles a rule without throwing. `compiled` is null when the detection section is
 * invalid or uses unsupported constructs (see `issues`). Metadata is not validated here
 * (use {@link validateSigmaRule}).
 */
export function tryCompileSigmaRule(rule: SigmaRule | unknown, opts: CompileOptions = {}): { compiled: CompiledSigmaRule | null; issues: SigmaIssue[] } {
  if (!isMap(rule)) return { compiled: null, issues: [issue("schema", "a Sigma rule must be a map", [])] };
  if ("correlation" in rule && !("detection" in rule)) {
    return { compiled: null, issues: [unsupported("correlation rule", "correlation (meta) rules are not supported", ["correlation"])] };
  }
  if ("filter" in rule && !("detection" in rule)) {
    return { compiled: null, issues: [unsupported("filter rule", "Sigma filter (meta) rules are not supported", ["filter"])] };
  }
  if (!("detection" in rule)) return { compiled: null, issues: [issue("schema", "missing required field 'detection'", [])] };
  const { detection, issues } = compileDetection(rule["detection"], opts);
  if (!detection) return { compiled: null, issues };
  return { compiled: new CompiledRule(rule as SigmaRule, detection, issues), issues };
}

/**
 * Compiles a rule for matching. Throws {@link SigmaRuleError} (with `issues` and an
 * `unsupported` flag) when the detection is invalid or uses unsupported constructs.
 */
export function compileSigmaRule(rule: SigmaRule, opts: CompileOptions = {}): CompiledSigmaRule {
  const { compiled, issues } = tryCompileSigmaRule(rule, opts);
  if (!compiled) throw new SigmaRuleError(issues, typeof rule?.title === "string" ? rule.title : undefined);
  return compiled;
}
