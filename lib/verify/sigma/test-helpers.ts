/** Helpers for the Vitest suites of this folder (not part of the public API). */
import { compileSigmaRule, tryCompileSigmaRule } from "./compile";
import type { CompileOptions, CompiledSigmaRule, SigmaIssue, SigmaRule } from "./types";

/** A minimal rule around a detection section. */
export function ruleWith(detection: Record<string, unknown>, extra: Partial<SigmaRule> = {}): SigmaRule {
  return { title: "Test rule", logsource: { category: "test" }, detection: detection as SigmaRule["detection"], ...extra };
}

/** Compiles `{ sel: selection, condition: "sel" }`. */
export function compileSelection(selection: unknown, opts: CompileOptions = {}): CompiledSigmaRule {
  return compileSigmaRule(ruleWith({ sel: selection, condition: "sel" }), opts);
}

/** Does `selection` match `event`? */
export function selMatches(selection: unknown, event: unknown, opts: CompileOptions = {}): boolean {
  return compileSelection(selection, opts).matches(event);
}

/** The error issues produced when compiling `{ sel: selection, condition: "sel" }`. */
export function selErrors(selection: unknown, opts: CompileOptions = {}): SigmaIssue[] {
  return tryCompileSigmaRule(ruleWith({ sel: selection, condition: "sel" }), opts).issues.filter((i) => i.severity === "error");
}
