// Stage 6: build scaling. Builds the app on content folders with 0, 200 and 1,000 extra synthetic
// (valid) detections, each into its own output folder, and reports build seconds, pages, and the
// marginal milliseconds per added page (wall and CPU), with a least-squares line to show whether
// growth is linear.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeContentDir } from "../lib/synthetic-content.mjs";
import { round } from "../lib/load.mjs";
import { ROOT, run, TMP } from "../lib/proc.mjs";

function fit(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((a, p) => a + (p.y - my) ** 2, 0);
  const ssRes = points.reduce((a, p) => a + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

function countPages(distDir) {
  const pre = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8"));
  return Object.keys(pre.routes ?? {}).length;
}

export async function buildStage(ctx) {
  const scale = (process.env.BENCH_SCALE ?? "0,200,1000").split(",").map(Number);
  const points = [];
  for (const extra of scale) {
    const dir = path.join(TMP, `content-${extra}`);
    const made = makeContentDir(dir, extra);
    const distRel = path.join("bench", "results", "tmp", `dist-${extra}`);
    rmSync(path.join(ROOT, distRel), { recursive: true, force: true });
    console.log(`  building with ${made.detections} detections (${extra} synthetic) ...`);
    // next build adds its output folder's type paths to tsconfig.json: put the file back after.
    const tsconfig = readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
    // The type check does not depend on the content, so it is skipped (HUNTBOOK_TYPECHECKED=1):
    // it would only add a constant to every point.
    const r = await run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
      env: { CONTENT_DIR: dir, HUNTBOOK_DIST_DIR: distRel, HUNTBOOK_TYPECHECKED: "1" },
      logName: `build-scale-${extra}`,
    }).finally(() => writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig));
    if (r.code !== 0) throw new Error(`build with ${extra} extra detections failed; see bench/results/tmp/build-scale-${extra}.log`);
    const pages = countPages(path.join(ROOT, distRel));
    points.push({ extra, detections: made.detections, pages, seconds: round(r.ms / 1000, 1), cpuSeconds: round(r.cpuMs / 1000, 1) });
    console.log(`    ${pages} prerendered routes in ${round(r.ms / 1000, 1)} s (CPU ${round(r.cpuMs / 1000, 1)} s)`);
    rmSync(path.join(ROOT, distRel), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  const wall = points.length >= 2 ? fit(points.map((p) => ({ x: p.pages, y: p.seconds * 1000 }))) : null;
  const cpu = points.length >= 2 ? fit(points.map((p) => ({ x: p.pages, y: p.cpuSeconds * 1000 }))) : null;
  const steps = points.slice(1).map((p, i) => ({
    from: points[i].extra,
    to: p.extra,
    msPerPage: round(((p.seconds - points[i].seconds) * 1000) / (p.pages - points[i].pages), 1),
    cpuMsPerPage: round(((p.cpuSeconds - points[i].cpuSeconds) * 1000) / (p.pages - points[i].pages), 1),
  }));
  if (wall) console.log(`  marginal: ${round(wall.slope, 1)} ms per page wall (R² ${round(wall.r2, 3)}), ${round(cpu.slope, 1)} ms per page CPU (R² ${round(cpu.r2, 3)})`);
  for (const s of steps) console.log(`    ${s.from} -> ${s.to} extra: ${s.msPerPage} ms/page wall, ${s.cpuMsPerPage} ms/page CPU`);

  // Linear: the marginal cost of the later, larger step is no more than twice that of the first.
  const linear = cpu && steps.length >= 2 ? cpu.r2 >= 0.95 && steps.at(-1).cpuMsPerPage <= 2 * Math.max(steps[0].cpuMsPerPage, 1) : null;
  return {
    description: "next build (Turbopack) with CONTENT_DIR pointing at the real content plus N synthetic detections; pages = prerendered routes; CPU = build's user+sys time",
    points,
    fitWall: wall && { msPerPage: round(wall.slope, 1), interceptSeconds: round(wall.intercept / 1000, 1), r2: round(wall.r2, 3) },
    fitCpu: cpu && { msPerPage: round(cpu.slope, 1), interceptSeconds: round(cpu.intercept / 1000, 1), r2: round(cpu.r2, 3) },
    steps,
    targets: [
      { name: "build time grows linearly with detections", target: "linear (CPU fit R² >= 0.95, later marginal cost <= 2x earlier)", measured: cpu ? `R² ${round(cpu.r2, 3)}, ${steps.map((s) => `${s.cpuMsPerPage} ms/page CPU`).join(" then ")}` : "not measured", met: linear },
    ],
  };
}
