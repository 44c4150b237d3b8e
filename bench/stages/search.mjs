// Stage 7: search. Runs the browse work's bench/search.bench.ts (per-keystroke ranking time over
// the whole index, and the index size) and records its figures.
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT, run } from "../lib/proc.mjs";

export async function searchStage() {
  const script = path.join(ROOT, "bench", "search.bench.ts");
  if (!existsSync(script)) return { skipped: "bench/search.bench.ts is not here yet (it comes with the browse branch)", targets: [] };
  const r = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", script], { logName: "search-bench" });
  process.stdout.write(r.out.replace(/^/gm, "  "));
  const blocks = r.out.split(/\n(?=\S)/).filter((b) => /records:/.test(b));
  const indexes = blocks.map((b) => {
    const num = (re) => {
      const m = re.exec(b);
      return m ? Number(m[1]) : null;
    };
    return {
      label: b.split("\n")[0].trim(),
      techniques: num(/records: (\d+) techniques/),
      detections: num(/(\d+) detections/),
      rawKB: num(/index: ([\d.]+) kB raw/),
      gzKB: num(/([\d.]+) kB gzipped/),
      coldP95Ms: num(/cold pass[^\n]*p95 ([\d.]+) ms/),
      coldMaxMs: num(/cold pass[^\n]*max ([\d.]+) ms/),
      warmP50Ms: num(/warm [^\n]*p50 ([\d.]+) ms/),
      warmP95Ms: num(/warm [^\n]*p95 ([\d.]+) ms/),
      warmMaxMs: num(/warm [^\n]*max ([\d.]+) ms/),
    };
  });
  return {
    description: "bench/search.bench.ts: every prefix of a set of queries, timed cold and warm (median of 7)",
    exitCode: r.code,
    indexes,
    targets: indexes.map((i) => ({
      name: `search keystroke time (${i.label})`,
      target: "< 10 ms",
      measured: `warm p95 ${i.warmP95Ms} ms, max ${i.warmMaxMs} ms; cold p95 ${i.coldP95Ms} ms; index ${i.gzKB} kB gzipped`,
      met: i.warmMaxMs !== null && i.warmMaxMs < 10 && i.coldP95Ms < 10,
    })),
  };
}
