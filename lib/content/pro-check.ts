/**
 * Structural checks for Pro files: present for every detection, all sections, enough hunting
 * queries, test commands with cleanup. Run by content:check only (never by page builds).
 */
import { checkBody, type CheckedDetection } from "./check";
import { proCanary, proPath, readProSections } from "./pro";
import { PRO_SECTIONS } from "./schema";
import { displayPath, lineOf, readText, splitFrontmatter, type ContentIssue } from "./source";

export async function checkProFiles(detections: readonly CheckedDetection[]): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
  const canaries = new Map<string, string>();
  for (const d of detections) {
    const p = proPath(d.frontmatter.technique, d.frontmatter.platform);
    const file = displayPath(p);
    const text = readText(p);
    if (text === null) {
      issues.push({ file, line: 1, reason: `missing Pro file for ${d.frontmatter.technique}/${d.frontmatter.platform}` });
      continue;
    }
    const canary = proCanary(text);
    if (!canary) issues.push({ file, line: 1, reason: "Pro file needs a unique `canary:` string in its frontmatter (the leak tests look for it)" });
    else if (!canary.startsWith("HBPRO-CANARY-"))
      issues.push({ file, line: lineOf(text, "canary:"), reason: "the canary must start with HBPRO-CANARY- (the leak scan searches for that prefix)" });
    else if (canaries.has(canary)) issues.push({ file, line: lineOf(text, "canary:"), reason: `canary also used by ${canaries.get(canary)}` });
    else canaries.set(canary, file);
    const split = splitFrontmatter(text);
    await checkBody(file, split.body, split.bodyLine, issues, PRO_SECTIONS);
    const sections = readProSections(p) ?? {};
    const hunting = sections["Hunting queries"] ?? "";
    const blocks = (hunting.match(/^```(kql|kusto)\s*$/gm) ?? []).length;
    if (blocks < 2) issues.push({ file, line: lineOf(text, "## Hunting queries"), reason: `Hunting queries needs at least two \`\`\`kql blocks (found ${blocks})` });
    const tests = sections["Test commands"] ?? "";
    if (!/Invoke-AtomicTest|^```(sh|bash)/m.test(tests) && d.frontmatter.atomicTests.length > 0)
      issues.push({ file, line: lineOf(text, "## Test commands"), reason: "Test commands must give Invoke-AtomicTest command lines (or shell steps) for the atomic tests" });
    if (d.frontmatter.atomicTests.length > 0 && !/cleanup/i.test(tests))
      issues.push({ file, line: lineOf(text, "## Test commands"), reason: "Test commands must say how to clean up" });
  }
  return issues;
}
