// Stage 3 (with the accounts work merged): the Pro part of a detection page for a signed-in Pro
// user against the public page, both under `next start`, same load tool, interleaved rounds.
// The public detection page is prerendered and identical for everyone; a Pro user's page adds one
// per-request call, the Pro island's server action, which reads the session, reads the
// entitlement from SQLite and renders the Pro material. That request is what is compared.
import { prepareServer, proSectionRequest, signInUsers } from "../load/auth-tests.mjs";
import { round, runAutocannon, summariseLoadRuns } from "../lib/load.mjs";
import { startNext } from "../lib/proc.mjs";
import { raw } from "../load/cache-safety.mjs";

function summary(label, runs) {
  return { label, ...summariseLoadRuns(runs, 1) };
}

export async function proStageImpl(ctx) {
  const { env } = ctx;
  const own = !ctx.server;
  const server = ctx.server ?? (await prepareServer());
  const app = own ? await startNext({ name: "bench-pro-app", env: server.env, port: server.port }) : ctx.app;
  try {
    const s = await signInUsers(app.origin);
    const pro = proSectionRequest(app.origin, s.proCookie);
    const page = "/techniques/T1055/sentinel";
    for (let i = 0; i < 20; i++) {
      await raw(app.origin, { path: page });
      await raw(app.origin, pro);
    }
    const runs = { public: [], pro: [] };
    for (let r = 0; r < env.rounds; r++) {
      const a = await runAutocannon(app.origin + page, { connections: env.connections, seconds: env.seconds });
      runs.public.push(a);
      const b = await runAutocannon(app.origin + page, { connections: env.connections, seconds: env.seconds, method: "POST", headers: pro.headers, body: pro.body });
      runs.pro.push(b);
      console.log(`  round ${r + 1}: public page p95 ${round(a.latencyMs.p95, 1)} ms (${round(a.rps, 0)} req/s); Pro section p95 ${round(b.latencyMs.p95, 1)} ms (${round(b.rps, 0)} req/s)${b.non2xx || b.errors ? `, Pro errors ${b.errors} non-2xx ${b.non2xx}` : ""}`);
    }
    const pub = summary("public detection page (GET, anonymous)", runs.public);
    const pr = summary("Pro section for a signed-in Pro user (server action POST, entitlement from SQLite)", runs.pro);
    const ratio = round(pr.p95Ms / pub.p95Ms, 2);
    console.log(`  p95: Pro ${pr.p95Ms} ms vs public ${pub.p95Ms} ms = ${ratio}x`);
    return {
      description: `autocannon, ${env.connections} connections, ${env.seconds} s per run, median of ${env.rounds} interleaved rounds, next start with a private seeded SQLite database`,
      public: pub,
      pro: pr,
      p95Ratio: ratio,
      targets: [{ name: "Pro section p95 vs public detection page p95", target: "<= 2x", measured: `${ratio}x (${pr.p95Ms} vs ${pub.p95Ms} ms)`, met: ratio <= 2 && pr.errors === 0 && pr.non2xx === 0 }],
    };
  } finally {
    if (own) await app.stop();
  }
}
