// Process helpers for the benchmarks and load tests: start servers in their own process group,
// wait until they answer, and end the whole group (next start forks next-server; killing only the
// parent would leave it running). Everything here talks to localhost only.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
export const TMP = path.join(ROOT, "bench", "results", "tmp");

const live = new Set();

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns `cmd` detached (its own process group) with output to a log file under
 * bench/results/tmp. Returns { child, log, stop() }; stop() ends the group (SIGTERM, then SIGKILL).
 */
export function startGroup(name, cmd, args, { cwd = ROOT, env = {} } = {}) {
  mkdirSync(TMP, { recursive: true });
  const log = path.join(TMP, `${name}.log`);
  // Appended: a server restarted under the same name (the crash tests) keeps its earlier log.
  const fd = openSync(log, "a");
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  let exited = false;
  const exitedP = new Promise((r) => child.on("exit", (code, signal) => r({ code, signal })));
  child.on("exit", () => {
    exited = true;
  });
  const handle = {
    name,
    child,
    log,
    exited: () => exited,
    exitedP,
    async stop() {
      live.delete(handle);
      if (exited) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 5000);
      await exitedP;
      clearTimeout(t);
      // next-server may outlive the parent for a moment: make sure the group is gone.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    },
    /** SIGKILL the whole group at once (a crash, for the fault tests). */
    async kill() {
      live.delete(handle);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
      if (!exited) await exitedP;
    },
  };
  live.add(handle);
  return handle;
}

/** Stops every group started by this process (used on exit and on Ctrl-C). */
export async function stopAll() {
  await Promise.all([...live].map((h) => h.stop()));
}

let hooked = false;
export function stopAllOnExit() {
  if (hooked) return;
  hooked = true;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopAll().finally(() => process.exit(130));
    });
  }
  process.on("exit", () => {
    for (const h of live) {
      try {
        process.kill(-h.child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  });
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(url, { timeoutMs = 60_000, handle } = {}) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    if (handle?.exited()) throw new Error(`${handle.name} exited before answering; see ${handle.log}`);
    try {
      const r = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      return r.status;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last?.message ?? "no response"})`);
}

/**
 * `next start` for an already built app in `cwd` on a free port (or `port`), bound to 127.0.0.1.
 * Resolves when the server answers `readyPath`.
 */
export async function startNext({ cwd = ROOT, name = "next", port, env = {}, readyPath = "/" } = {}) {
  port ??= await freePort();
  const handle = startGroup(name, NEXT_BIN, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { NODE_ENV: "production", PORT: String(port), ...env },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin + readyPath, { handle, timeoutMs: 90_000 });
  return { ...handle, port, origin };
}

/** Runs a command to completion; resolves { code, ms, cpuMs, out } (cpuMs: the children's user+sys time). */
export function run(cmd, args, { cwd = ROOT, env = {}, quiet = true, logName } = {}) {
  return new Promise((resolve) => {
    // bash's `times` prints the children's CPU time, so the number survives a busy machine better
    // than wall time does.
    const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
    const script = `${[cmd, ...args].map(q).join(" ")}; rc=$?; times >&2; exit $rc`;
    const started = performance.now();
    const child = spawn("bash", ["-c", script], { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on("data", (d) => {
      err += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on("exit", async (code) => {
      const ms = performance.now() - started;
      // `times` prints two lines: the shell's own, then its children's ("0m1.234s 0m0.123s").
      const lines = err.trim().split("\n");
      const last = lines[lines.length - 1] ?? "";
      const m = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((x) => Number(x[1]) * 60_000 + Number(x[2]) * 1000);
      const cpuMs = m.length === 2 ? m[0] + m[1] : null;
      if (logName) {
        mkdirSync(TMP, { recursive: true });
        const { writeFileSync } = await import("node:fs");
        writeFileSync(path.join(TMP, `${logName}.log`), out + "\n--- stderr ---\n" + err);
      }
      resolve({ code, ms, cpuMs, out, err });
    });
  });
}

/**
 * Writes the build's CSP manifest (scripts/csp-manifest.ts), which `npm run build` does after
 * `next build`: without it proxy.ts falls back to reading the built HTML per path, which is not
 * how the app is deployed. Cheap (a couple of seconds), so it also runs when a build is reused.
 */
export async function writeCspManifest({ env = {} } = {}) {
  const r = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/csp-manifest.ts"], { env, logName: "csp-manifest" });
  if (r.code !== 0) throw new Error("scripts/csp-manifest.ts failed; see bench/results/tmp/csp-manifest.log");
}
