/**
 * npm run content:check — validates every detection (frontmatter schema, catalogue facts, sidecars,
 * MDX), then runs the verifiers (KQL against the schema, Sigma rules on their test events, Pro files).
 * Prints a progress line per file, every problem as `file:line[:column]: reason`, and a summary.
 * Exit 0 when clean, 1 when any problem was found.
 */
import { checkDetectionFiles } from "../lib/content/check";
import { contentRoot, discoverDetections, displayPath, formatIssue } from "../lib/content/source";
import { contentVerifiers } from "../lib/verify/content-verifiers";

async function main(): Promise<number> {
  const started = performance.now();
  const root = contentRoot();
  const sources = discoverDetections(root);
  const quiet = process.argv.includes("--quiet");
  const { detections, issues } = await checkDetectionFiles(sources, contentVerifiers(), (src, fileIssues) => {
    if (!quiet) console.log(`${fileIssues.length === 0 ? "ok  " : "FAIL"} ${displayPath(src.mdxPath)}`);
  });
  for (const i of issues) console.error(formatIssue(i));
  const ms = Math.round(performance.now() - started);
  console.log(
    `content:check: ${sources.length} detection(s), ${detections.length} valid, ${issues.length} problem(s) in ${ms} ms (${displayPath(root)})`,
  );
  return issues.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
