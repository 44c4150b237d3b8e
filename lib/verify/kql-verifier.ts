/**
 * content:check's KQL verifier: every detection query and every ```kql block in Pro files must
 * analyse with no errors against the Sentinel flavour of the Defender XDR schema, and a
 * detection's requiredTables must equal the tables its query reads.
 */
import type { CheckedDetection, Verifier } from "@/lib/content/check";
import { proPath } from "@/lib/content/pro";
import { displayPath, lineOf, readText, splitFrontmatter, type ContentIssue } from "@/lib/content/source";
import { checkKql, checkKqlSource, type KqlFlavour } from "@/lib/verify/kql";

export function flavourFor(platform: string): KqlFlavour {
  return platform === "defender-xdr" ? "defender" : "sentinel";
}

export function verifyDetectionKql(d: CheckedDetection): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const flavour = flavourFor(d.frontmatter.platform);
  const file = displayPath(d.source.queryPath);
  const result = checkKql(d.query, { flavour });
  for (const e of result.errors) issues.push({ file, line: e.line, column: e.column, reason: `${e.code} ${e.message}` });
  if (result.ok) {
    const declared = [...d.frontmatter.requiredTables].sort();
    const read = [...result.tables].sort();
    if (declared.join(",") !== read.join(",")) {
      const mdx = displayPath(d.source.mdxPath);
      issues.push({
        file: mdx,
        line: lineOf(readText(d.source.mdxPath) ?? "", "requiredTables"),
        reason: `requiredTables [${declared.join(", ")}] does not match the tables the query reads [${read.join(", ")}]`,
      });
    }
  }
  return issues;
}

export function verifyProKql(d: CheckedDetection): ContentIssue[] {
  const p = proPath(d.frontmatter.technique, d.frontmatter.platform);
  const text = readText(p);
  if (text === null) return []; // reported by the Pro file check
  const { body, bodyLine } = splitFrontmatter(text);
  const res = checkKqlSource(body, "markdown", { flavour: flavourFor(d.frontmatter.platform) });
  return res.diagnostics
    .filter((x) => x.severity === "error")
    .map((x) => ({ file: displayPath(p), line: bodyLine + x.line - 1, column: x.column, reason: `${x.code} ${x.message}` }));
}

export const kqlVerifier: Verifier = {
  name: "kql",
  verify(detections: readonly CheckedDetection[]) {
    return detections.flatMap((d) => [...verifyDetectionKql(d), ...verifyProKql(d)]);
  },
};
