// npm run bench: Huntbook's performance benchmarks, each measured against references run in the
// same session on the same machine, printed as ratios and written to bench/results/*.json.
//
//   npm run bench                         # every stage (builds the app and the floor first)
//   npm run bench -- --only=serve,proxy   # some stages: serve proxy pro firstload lighthouse search check build
//   BENCH_SKIP_BUILD=1 npm run bench      # reuse the existing .next builds
//   BENCH_SECONDS=8 BENCH_ROUNDS=2        # length of each load run and how many interleaved rounds
//   BENCH_SCALE=0,200,1000                # extra synthetic detections for the build-scaling stage
//
// References: the framework floor (bench/floor, a bare Next.js page, same Next version, built from
// the root node_modules) and the ceiling (nginx from Debian serving the same prerendered HTML).
// All traffic goes to 127.0.0.1 and every run stops by itself.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stages, STAGE_NAMES } from "./stages/index.mjs";
import { floorWeights } from "./stages/serve.mjs";
import { ROOT, run, startNext, stopAll, stopAllOnExit, writeCspManifest } from "./lib/proc.mjs";
import { hasWrk } from "./lib/load.mjs";
import { nginxBinary } from "./lib/nginx.mjs";
import { collectResults, writeReadmeTable } from "./lib/report.mjs";

const RESULTS = path.join(ROOT, "bench", "results");
const FLOOR = path.join(ROOT, "bench", "floor");
// The floor plus an empty proxy.ts (bench/floor/with-proxy), built from a copy made here. Two levels
// under the repository like bench/floor, so its config finds the same node_modules.
const FLOOR_PROXY = path.join(ROOT, "bench", ".floor-proxy");

function copyFloorWithProxy() {
  rmSync(FLOOR_PROXY, { recursive: true, force: true });
  cpSync(FLOOR, FLOOR_PROXY, { recursive: true, filter: (src) => !/[\\/](\.next|node_modules|with-proxy)$/.test(src) });
  cpSync(path.join(FLOOR, "with-proxy", "proxy.js"), path.join(FLOOR_PROXY, "proxy.js"));
}

const arg = process.argv.find((a) => a.startsWith("--only="));
const only = arg ? arg.slice("--only=".length).split(",").filter(Boolean) : STAGE_NAMES;
for (const s of only) if (!STAGE_NAMES.includes(s)) {
  console.error(`unknown stage ${s}; stages: ${STAGE_NAMES.join(", ")}`);
  process.exit(2);
}

stopAllOnExit();
mkdirSync(RESULTS, { recursive: true });

const env = {
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
};
const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  loadTool: hasWrk() ? "wrk" : "autocannon",
  nginx: nginxBinary() ? "yes" : "missing",
};
console.log(`Huntbook benchmarks: node ${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(" ")}, load tool ${machine.loadTool}`);

async function build(dir, label, { env = {}, reusable = () => true } = {}) {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(dir, ".next", "BUILD_ID")) && reusable()) {
    console.log(`- ${label}: reusing the existing build (BENCH_SKIP_BUILD=1)`);
    return null;
  }
  console.log(`- building ${label} ...`);
  const r = await run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: dir, env, logName: `build-${label}` });
  if (r.code !== 0) throw new Error(`next build failed for ${label}; see bench/results/tmp/build-${label}.log`);
  console.log(`  ${label} built in ${(r.ms / 1000).toFixed(1)} s`);
  return { seconds: r.ms / 1000, cpuSeconds: r.cpuMs / 1000 };
}

const ctx = { env, machine, results: {}, root: ROOT, floorDir: FLOOR, resultsDir: RESULTS };
const needsServers = only.some((s) => ["serve", "proxy", "pro", "firstload", "lighthouse"].includes(s));
try {
  if (needsServers) {
    const app = await build(ROOT, "app");
    // The floor is also built at the byte size of each measured page (bench/floor/app/weight), so
    // the serve stage can tell page weight from what our code adds. A few seconds: rebuilt
    // whenever the app's pages changed size.
    const weights = floorWeights(ROOT);
    const floorEnv = { FLOOR_WEIGHTS: weights.join(",") };
    const builtAtWeights = (dir) => weights.every((w) => existsSync(path.join(dir, ".next", "server", "app", "weight", `${w}.html`)));
    const floor = await build(FLOOR, "floor", { env: floorEnv, reusable: () => builtAtWeights(FLOOR) });
    // The same floor with an empty proxy.ts, for the serve stage only: copied afresh unless an
    // existing copy with the same proxy.js, built at these weights, may be reused.
    let floorProxy = null;
    if (only.includes("serve")) {
      const proxyFile = path.join(FLOOR_PROXY, "proxy.js");
      const reuse =
        process.env.BENCH_SKIP_BUILD === "1" &&
        existsSync(proxyFile) &&
        readFileSync(proxyFile, "utf8") === readFileSync(path.join(FLOOR, "with-proxy", "proxy.js"), "utf8") &&
        builtAtWeights(FLOOR_PROXY);
      if (!reuse) copyFloorWithProxy();
      floorProxy = await build(FLOOR_PROXY, "floor-proxy", { env: floorEnv, reusable: () => reuse });
    }
    ctx.builds = { floor, floorProxy, app };
    await writeCspManifest();
    // With accounts, the app runs as deployed: a migrated, seeded SQLite database of its own, a
    // session secret and its public origin (without them /api/auth/session and the Pro island fail).
    if (existsSync(path.join(ROOT, "lib", "access", "index.ts"))) {
      const { prepareServer } = await import("./load/auth-tests.mjs");
      ctx.server = await prepareServer();
      ctx.app = await startNext({ name: "bench-app", cwd: ROOT, env: ctx.server.env, port: ctx.server.port });
    } else {
      ctx.app = await startNext({ name: "bench-app", cwd: ROOT });
    }
    ctx.floor = await startNext({ name: "bench-floor", cwd: FLOOR });
    if (only.includes("serve")) ctx.floorProxy = await startNext({ name: "bench-floor-proxy", cwd: FLOOR_PROXY });
  }
  for (const name of only) {
    console.log(`\n=== ${name}`);
    const started = performance.now();
    let result;
    try {
      result = await stages[name](ctx);
    } catch (e) {
      console.error(`  stage ${name} failed: ${e?.stack ?? e}`);
      result = { error: String(e?.message ?? e) };
    }
    result = { stage: name, machine, settings: env, seconds: Math.round((performance.now() - started) / 100) / 10, ...result };
    ctx.results[name] = result;
    writeFileSync(path.join(RESULTS, `${name}.json`), JSON.stringify(result, null, 2) + "\n");
  }
} finally {
  await stopAll();
}

// Merge with earlier results of stages not run this time (and the last load tests), then refresh the README table.
writeReadmeTable(path.join(ROOT, "bench", "README.md"), collectResults(RESULTS, STAGE_NAMES));
const verdicts = Object.values(ctx.results).flatMap((r) => r.targets ?? []);
console.log("\n=== targets (this run)");
for (const v of verdicts) console.log(`${v.met === null ? "n/a " : v.met ? "MET " : "MISS"}  ${v.name}: ${v.measured} (target ${v.target})`);
console.log(`\nresults: bench/results/*.json; table: bench/README.md`);
