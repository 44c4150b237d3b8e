/** One-shot matching helpers on top of {@link compileSigmaRule}. */
import { tryCompileSigmaRule } from "./compile";
import { prepareEvent } from "./event";
import { isUnsupported } from "./issues";
import type { CompileOptions, CompiledSigmaRule, MatchOutcome, SigmaRule } from "./types";

function isCompiled(r: SigmaRule | CompiledSigmaRule): r is CompiledSigmaRule {
  return typeof (r as CompiledSigmaRule).matches === "function" && typeof (r as CompiledSigmaRule).evaluate === "function";
}

/**
 * Evaluates a rule on one event. Never throws for rule problems: an invalid rule gives
 * `status: "invalid"`, a rule using unsupported constructs `status: "unsupported"`, each
 * with the issues naming the problem. Prefer {@link compileSigmaRule} when matching many events.
 */
export function matchRule(rule: SigmaRule | CompiledSigmaRule, event: unknown, opts: CompileOptions = {}): MatchOutcome {
  let compiled: CompiledSigmaRule;
  if (isCompiled(rule)) compiled = rule;
  else {
    const r = tryCompileSigmaRule(rule, opts);
    if (!r.compiled) {
      const issues = r.issues.filter((i) => i.severity === "error");
      return { status: isUnsupported(issues) ? "unsupported" : "invalid", matched: null, issues };
    }
    compiled = r.compiled;
  }
  const { matched, identifiers } = compiled.evaluate(prepareEvent(event));
  return matched ? { status: "match", matched: true, identifiers } : { status: "no-match", matched: false, identifiers };
}

/** Indexes (0-based) of the events that match. */
export function matchingIndexes(rule: CompiledSigmaRule, events: readonly unknown[]): number[] {
  const out: number[] = [];
  events.forEach((e, i) => {
    if (rule.matches(e)) out.push(i);
  });
  return out;
}
