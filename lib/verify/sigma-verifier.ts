/**
 * content:check's Sigma verifier: every rule is valid Sigma per our library, and evaluated on its
 * detection's test events it matches every true positive and none of the benign near-misses.
 */
import type { CheckedDetection, Verifier } from "@/lib/content/check";
import { displayPath, lineOf, readText, type ContentIssue } from "@/lib/content/source";
import { parseSigmaRule, tryCompileSigmaRule } from "@/lib/verify/sigma";

export interface SigmaEventResult {
  truePositives: number;
  benign: number;
  missed: number[];
  falseMatches: number[];
}

export function verifyDetectionSigma(d: CheckedDetection): { issues: ContentIssue[]; result: SigmaEventResult | null } {
  const file = displayPath(d.source.sigmaPath);
  const issues: ContentIssue[] = [];
  const parsed = parseSigmaRule(d.sigmaText, { file });
  for (const i of parsed.issues)
    if (i.severity === "error") issues.push({ file, line: i.line ?? 1, column: i.column, reason: `Sigma: ${i.message}` });
  if (!parsed.rule || issues.length > 0) return { issues, result: null };
  const { compiled, issues: compileIssues } = tryCompileSigmaRule(parsed.rule);
  for (const i of compileIssues)
    if (i.severity === "error") issues.push({ file, line: i.line ?? 1, column: i.column, reason: `Sigma: ${i.message}` });
  if (!compiled) return { issues, result: null };

  const eventsFile = displayPath(d.source.eventsPath);
  const eventsText = readText(d.source.eventsPath) ?? "";
  const result: SigmaEventResult = { truePositives: d.events.truePositives.length, benign: d.events.benign.length, missed: [], falseMatches: [] };
  d.events.truePositives.forEach((c, i) => {
    if (!compiled.matches(c.event)) {
      result.missed.push(i);
      issues.push({ file: eventsFile, line: lineOf(eventsText, c.description), reason: `true positive ${i + 1} ("${c.description}") does not match the Sigma rule` });
    }
  });
  d.events.benign.forEach((c, i) => {
    if (compiled.matches(c.event)) {
      result.falseMatches.push(i);
      issues.push({ file: eventsFile, line: lineOf(eventsText, c.description), reason: `benign event ${i + 1} ("${c.description}") matches the Sigma rule` });
    }
  });
  return { issues, result };
}

export const sigmaVerifier: Verifier = {
  name: "sigma",
  verify(detections: readonly CheckedDetection[]) {
    return detections.flatMap((d) => verifyDetectionSigma(d).issues);
  },
};
