/**
 * npm run content:check — validates every detection (frontmatter schema, catalogue facts, sidecars,
 * MDX), then runs the verifiers (KQL against the schema, Sigma rules on their test events, Pro files).
 * Prints a line per detection, every problem as `file:line[:column]: reason`, and a summary.
 * Exit 0 when clean, 1 when any problem was found, 2 when the checker itself failed.
 */
import path from "node:path";
import { proPath } from "../lib/content/pro";
import { contentRoot, discoverDetections, displayPath, formatIssue } from "../lib/content/source";
import { startKqlJobs } from "../lib/verify/kql-verifier";

async function main(): Promise<number> {
  const started = performance.now();
  const root = contentRoot();
  const sources = discoverDetections(root);
  const quiet = process.argv.includes("--quiet");
  // The KQL analysis is the slow part: start its worker threads before loading the rest of the
  // checker (MDX compiler, catalogue, Sigma engine), so the two overlap.
  startKqlJobs(sources);
  const [{ checkDetectionFiles }, { contentVerifiers }] = await Promise.all([
    import("../lib/content/check"),
    import("../lib/verify/content-verifiers"),
  ]);
  const { detections, issues } = await checkDetectionFiles(sources, contentVerifiers());
  for (const src of sources) {
    const own = new Set(
      [src.mdxPath, src.queryPath, src.sigmaPath, src.eventsPath, proPath(src.dirName, src.baseName, root)].map(displayPath),
    );
    const mine = issues.filter((i) => own.has(i.file));
    if (!quiet || mine.length > 0) console.log(`${mine.length === 0 ? "ok  " : "FAIL"} ${displayPath(src.mdxPath)}`);
    for (const i of mine) console.error(`  ${formatIssue(i)}`);
  }
  const claimed = new Set(sources.flatMap((s) => [s.mdxPath, s.queryPath, s.sigmaPath, s.eventsPath, proPath(s.dirName, s.baseName, root)].map(displayPath)));
  for (const i of issues.filter((x) => !claimed.has(x.file))) console.error(formatIssue(i));
  const ms = Math.round(performance.now() - started);
  console.log(
    `content:check: ${sources.length} detection(s), ${detections.length} valid, ${issues.length} problem(s) in ${ms} ms (${displayPath(root) || path.basename(root)})`,
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
