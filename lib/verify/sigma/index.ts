/**
 * Huntbook's Sigma rule library: parse and validate Sigma rules (specification v2),
 * compile them once and match events (flat JSON or Windows event JSON) many times.
 *
 * ```ts
 * const { rule, issues, ok } = parseSigmaRule(yamlText, { file: "rule.yml" });
 * const compiled = compileSigmaRule(rule!);          // throws SigmaRuleError if invalid/unsupported
 * compiled.matches({ Image: "C:\\Windows\\System32\\whoami.exe" });
 * ```
 */
export type * from "./types";
export { parseSigmaRule, parseSigmaCollection } from "./parse";
export { validateSigmaRule, documentKind } from "./validate";
export { compileSigmaRule, tryCompileSigmaRule, compileDetection } from "./compile";
export { matchRule, matchingIndexes } from "./match";
export { PreparedEvent, prepareEvent, getField, type FieldEntry } from "./event";
export { parseCondition, renderCondition, type ConditionNode, type ConditionParse } from "./condition";
export { SUPPORTED_MODIFIERS, splitFieldKey, type SigmaModifier } from "./modifiers";
export { SigmaRuleError, formatIssue, formatPath, hasErrors, isUnsupported } from "./issues";
export { parseEventsText, summarizeEvent, EventsInputError, type EventsFormat } from "./events-input";
export { validateMetadata } from "./schema";
