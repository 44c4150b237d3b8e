// Load and fault tests that need the accounts work: signed-in Pro traffic for the mixed load,
// concurrent sign-ups and sign-ins on SQLite, and the server killed in the middle of local
// checkouts and webhook deliveries. Loaded by bench/load/run.mjs only when lib/access exists.
//
// Everything runs against a private SQLite database in bench/results/tmp (migrated and seeded
// with scripts/db-setup.mjs), never the developer's prisma/dev.db.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { raw } from "./cache-safety.mjs";
import { freePort, ROOT, run, sleep, startNext, TMP } from "../lib/proc.mjs";
import { round } from "../lib/load.mjs";

const require = createRequire(import.meta.url);
const DEMO = { free: ["free@huntbook.local", "huntbook-free-demo"], pro: ["pro@huntbook.local", "huntbook-pro-demo"] };
const DETECTION = { path: "/techniques/T1055/sentinel", technique: "T1055", platform: "sentinel" };
const PASSWORD = "load-test-password-123";
// Sign-ups and sign-ins hash with bcrypt (cost 12) on the server's one thread: 50 at once queue for
// tens of seconds on a 2-core machine. They are allowed 2 minutes; the latency is reported.
const SLOW_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Server and database

export async function prepareServer() {
  const dbFile = path.join(TMP, "load.db");
  // SQLite cannot create a database in a missing folder, and on a fresh clone bench/results/tmp
  // does not exist until a log is written there (after db-setup has run).
  mkdirSync(TMP, { recursive: true });
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(f, { force: true });
  const url = `file:${dbFile}`;
  const setup = await run(process.execPath, ["scripts/db-setup.mjs"], { env: { DATABASE_URL: url, NODE_ENV: "development" }, logName: "load-db-setup" });
  if (setup.code !== 0) throw new Error("db-setup failed; see bench/results/tmp/load-db-setup.log");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    NEXTAUTH_URL: origin,
    SITE_URL: origin,
    HUNTBOOK_LOCAL_CHECKOUT: "1",
    // The load test plays many clients behind one trusted reverse proxy: each sends its own
    // X-Forwarded-For, as nginx would, so per-address limits apply per simulated client.
    TRUSTED_PROXY_HOPS: "1",
  };
  return { env, port, origin, dbFile };
}

function openDb(dbFile) {
  const Database = require("better-sqlite3");
  return new Database(dbFile, { readonly: true, fileMustExist: true });
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers: sign in with next-auth's CSRF flow, and post forms the way a browser without
// JavaScript does (React renders the server action's hidden fields into the form).

function cookiesFrom(res) {
  const set = res.headers["set-cookie"] ?? [];
  return set.map((c) => c.split(";")[0]).filter((c) => !/=$/.test(c));
}

function decodeEntities(s) {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Hidden inputs of the first form in `html` that contains a field named `marker`. */
export function formFields(html, marker) {
  const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]);
  // The form with the server action's hidden fields (the header's search form has none).
  const form = forms.find((f) => f.includes('name="$ACTION_') && (!marker || f.includes(`name="${marker}"`)));
  if (!form) return null;
  const fields = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1];
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    if (name) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  return fields;
}

function multipart(fields) {
  const boundary = `----huntbookload${randomBytes(8).toString("hex")}`;
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, "%22")}"\r\n\r\n${v}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

export async function signIn(origin, email, password, xff) {
  const ip = xff ? { "X-Forwarded-For": xff } : {};
  const csrfRes = await raw(origin, { path: "/api/auth/csrf", headers: ip });
  const { csrfToken } = JSON.parse(csrfRes.body);
  const jar = cookiesFrom(csrfRes);
  const body = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${origin}/account` }).toString();
  const res = await raw(origin, {
    timeoutMs: SLOW_MS,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), Origin: origin, ...ip },
    body,
  });
  const session = cookiesFrom(res).find((c) => /session-token=/.test(c));
  return { ok: Boolean(session), status: res.status, cookie: session ?? null };
}

export async function signUp(origin, email, password, xff) {
  const page = await raw(origin, { path: "/signup", headers: { "X-Forwarded-For": xff } });
  const hidden = formFields(page.body, "email");
  if (!hidden) throw new Error(`no sign-up form on /signup (status ${page.status})`);
  const { body, type } = multipart([...hidden, ["email", email], ["password", password], ["confirm", password]]);
  const res = await raw(origin, { method: "POST", path: "/signup", headers: { "Content-Type": type, Origin: origin, "X-Forwarded-For": xff }, body, timeoutMs: SLOW_MS });
  const ok = res.status === 200 && /data-testid="signup-message"/.test(res.body) && /role="status"/.test(res.body);
  return { ok, status: res.status, excerpt: ok ? "" : res.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 200) };
}

/** The id of server action `name` (e.g. loadProSection), read from the client chunks of the build. */
export function actionId(name) {
  const dir = path.join(ROOT, ".next", "static", "chunks");
  const re = new RegExp(`"([0-9a-f]{40,})"[^"]{0,300}?"${name}"`);
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".js")) continue;
    const m = re.exec(readFileSync(path.join(dir, f), "utf8"));
    if (m) return m[1];
  }
  const manifest = path.join(ROOT, ".next", "server", "server-reference-manifest.json");
  if (existsSync(manifest)) {
    const j = JSON.parse(readFileSync(manifest, "utf8"));
    for (const [id, v] of Object.entries(j.node ?? {})) if (v.exportedName === name) return id;
  }
  return null;
}

/** The request the detection page's Pro island makes (server action POST, bound technique/platform). */
export function proSectionRequest(origin, cookie) {
  const id = actionId("loadProSection");
  if (!id) throw new Error("cannot find the loadProSection server action id in the build");
  return {
    method: "POST",
    path: DETECTION.path,
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify([DETECTION.technique, DETECTION.platform]),
  };
}

function withoutCookie(headers) {
  const { Cookie: _drop, ...rest } = headers;
  return rest;
}

function canaryOf(technique, platform) {
  const text = readFileSync(path.join(ROOT, "content", "pro", technique, `${platform}.mdx`), "utf8");
  return /^canary:\s*(\S+)\s*$/m.exec(text)?.[1];
}

// ---------------------------------------------------------------------------------------------

/** Signs in the demo Pro and Free users; returns the Pro requests for the mixed load and the cache check. */
export async function signInUsers(origin) {
  const pro = await signIn(origin, ...DEMO.pro, "10.20.0.1");
  const free = await signIn(origin, ...DEMO.free, "10.20.0.2");
  if (!pro.ok || !free.ok) throw new Error(`demo sign-in failed (pro ${pro.status}, free ${free.status})`);
  const req = proSectionRequest(origin, pro.cookie);
  const canary = canaryOf(DETECTION.technique, DETECTION.platform);
  const check = await raw(origin, req);
  if (!check.body.includes(canary)) throw new Error(`the Pro user did not get the Pro section (status ${check.status}): ${check.body.slice(0, 200)}`);
  return {
    proCookie: pro.cookie,
    freeCookie: free.cookie,
    proRequests: [
      req,
      { method: "GET", path: "/api/auth/session", headers: { Cookie: pro.cookie } },
      { method: "GET", path: "/account", headers: { Cookie: pro.cookie } },
    ],
    cacheCheck: { proCookie: pro.cookie, freeCookie: free.cookie, canary, action: { path: req.path, headers: withoutCookie(req.headers), body: req.body }, accountPath: "/account", proEmail: DEMO.pro[0] },
  };
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null;
}

/** N concurrent sign-ups (plus duplicate submissions of some addresses), then N concurrent sign-ins. */
export async function accountsTest(origin, scale, dbFile = path.join(TMP, "load.db")) {
  const n = scale.signups;
  const tag = `load-${Date.now().toString(36)}`;
  const emails = Array.from({ length: n }, (_, i) => `${tag}-${i}@example.test`);
  const dupes = emails.slice(0, Math.max(1, Math.floor(n / 10)));
  const t0 = performance.now();
  const ups = await Promise.all(
    [...emails, ...dupes].map(async (e, i) => {
      const a = performance.now();
      try {
        return { email: e, ...(await signUp(origin, e, PASSWORD, `10.30.${Math.floor(i / 250)}.${(i % 250) + 1}`)), ms: performance.now() - a };
      } catch (err) {
        return { email: e, ok: false, error: String(err.message ?? err), ms: performance.now() - a };
      }
    }),
  );
  const upMs = performance.now() - t0;
  const t1 = performance.now();
  const ins = await Promise.all(
    emails.map(async (e, i) => {
      const a = performance.now();
      try {
        const r = await signIn(origin, e, PASSWORD, `10.40.${Math.floor(i / 250)}.${(i % 250) + 1}`);
        let who = null;
        if (r.ok) who = JSON.parse((await raw(origin, { path: "/api/auth/session", headers: { Cookie: r.cookie } })).body)?.user?.email ?? null;
        return { email: e, ...r, who, ms: performance.now() - a };
      } catch (err) {
        return { email: e, ok: false, error: String(err.message ?? err), ms: performance.now() - a };
      }
    }),
  );
  const inMs = performance.now() - t1;
  const db = openDb(dbFile);
  const rows = db.prepare(`SELECT email, COUNT(*) AS n FROM "User" WHERE email LIKE ? GROUP BY email`).all(`${tag}-%`);
  const journal = db.pragma("journal_mode", { simple: true });
  db.close();
  const failedUps = ups.filter((u) => !u.ok);
  const failedIns = ins.filter((u) => !u.ok || u.who !== u.email);
  const lost = emails.filter((e) => !rows.some((r) => r.email === e));
  const duplicated = rows.filter((r) => r.n > 1);
  // The database as db-setup leaves it: WAL journal (checked here, because the numbers above hold
  // for that mode), with the client's busy timeout.
  const ok = failedUps.length === 0 && failedIns.length === 0 && lost.length === 0 && duplicated.length === 0 && rows.length === n && journal === "wal";
  return [
    `${n} concurrent sign-ups (+${dupes.length} duplicate submissions) and ${n} concurrent sign-ins on SQLite`,
    ok ? "pass" : "fail",
    {
      summary: `sign-ups ${ups.length - failedUps.length}/${ups.length} ok in ${round(upMs / 1000, 1)} s (p99 ${round(pct(ups.map((u) => u.ms), 99), 0)} ms), sign-ins ${ins.length - failedIns.length}/${ins.length} ok in ${round(inMs / 1000, 1)} s (p99 ${round(pct(ins.map((u) => u.ms), 99), 0)} ms); users in the database ${rows.length}/${n}, lost ${lost.length}, duplicated ${duplicated.length}; journal_mode ${journal}${journal === "wal" ? "" : " (want wal)"}`,
      journalMode: journal,
      failures: [...failedUps, ...failedIns].slice(0, 20),
      lost,
      duplicated,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Crash in the middle of a checkout

function userState(dbFile, email) {
  const db = openDb(dbFile);
  try {
    const u = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email);
    if (!u) return null;
    const subs = db.prepare(`SELECT id, status, provider, externalId FROM "Subscription" WHERE userId = ?`).all(u.id);
    const ent = db.prepare(`SELECT active, subscriptionId FROM "Entitlement" WHERE userId = ? AND feature = 'pro'`).all(u.id);
    return { userId: u.id, subs, ent };
  } finally {
    db.close();
  }
}

/** All or nothing: no subscription and no active entitlement, or entitling subscription(s) and an active entitlement. */
function consistent(s) {
  const activeSubs = s.subs.filter((x) => ["active", "trialing", "past_due"].includes(x.status));
  const entActive = s.ent.some((e) => e.active === 1 || e.active === true);
  if (s.ent.length > 1) return false;
  return (activeSubs.length === 0 && !entActive) || (activeSubs.length > 0 && entActive);
}

async function checkoutPost(origin, cookie, xff) {
  const page = await raw(origin, { path: "/checkout/local", headers: { Cookie: cookie, "X-Forwarded-For": xff } });
  const hidden = formFields(page.body);
  if (page.status !== 200 || !hidden) return { status: page.status, skipped: "no checkout form" };
  const { body, type } = multipart(hidden);
  return raw(origin, { method: "POST", path: "/checkout/local", headers: { "Content-Type": type, Cookie: cookie, Origin: origin, "X-Forwarded-For": xff }, body }).catch((e) => ({ status: -1, error: e.message }));
}

function stripeSignature(payload, secret) {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex")}`;
}

/**
 * For several fresh users: concurrent checkout submissions, the server SIGKILLed after a random
 * delay, restart, then retries (concurrent and sequential). Each user must end all-or-nothing
 * after the crash and with exactly one active subscription after the retries. Then the same for a
 * Stripe webhook delivered repeatedly (with a signature made from a test secret) around a crash.
 */
export async function checkoutCrashTest(app, server, scale = {}) {
  const rounds = scale.crashRounds ?? 3;
  const details = [];
  let current = app;
  const restart = async (env = server.env) => {
    current = await startNext({ name: "load-app", port: server.port, env });
    return current;
  };
  const problems = [];
  for (let r = 0; r < rounds; r++) {
    const email = `crash-${Date.now().toString(36)}-${r}@example.test`;
    const xff = `10.50.0.${r + 1}`;
    const up = await signUp(server.origin, email, PASSWORD, xff);
    const si = up.ok ? await signIn(server.origin, email, PASSWORD, xff) : { ok: false };
    if (!si.ok) {
      problems.push(`round ${r}: could not create and sign in ${email}`);
      continue;
    }
    // Spread the kill over the checkout: early rounds die before the grant, later ones during or after.
    const delay = r === 0 ? 30 + Math.floor(Math.random() * 150) : r * 500 + Math.floor(Math.random() * 500);
    const posts = Array.from({ length: 3 }, () => checkoutPost(server.origin, si.cookie, xff).catch((e) => ({ status: -1, error: e.message })));
    await sleep(delay);
    await current.kill();
    await Promise.allSettled(posts);
    const afterCrash = userState(server.dbFile, email);
    await restart();
    const retries = await Promise.all([checkoutPost(server.origin, si.cookie, xff), checkoutPost(server.origin, si.cookie, xff)]);
    await checkoutPost(server.origin, si.cookie, xff);
    const afterRetry = userState(server.dbFile, email);
    const activeAfter = afterRetry.subs.filter((s) => s.status === "active").length;
    const row = {
      email,
      killAfterMs: delay,
      afterCrash: { subscriptions: afterCrash.subs.length, entitlementActive: afterCrash.ent.map((e) => Boolean(e.active)), consistent: consistent(afterCrash) },
      afterRetry: { subscriptions: afterRetry.subs.length, activeSubscriptions: activeAfter, entitlementActive: afterRetry.ent.map((e) => Boolean(e.active)) },
      retryStatuses: retries.map((x) => x.status),
    };
    details.push(row);
    if (!row.afterCrash.consistent) problems.push(`${email}: inconsistent after the crash (${JSON.stringify(row.afterCrash)})`);
    if (activeAfter !== 1 || !afterRetry.ent.some((e) => e.active)) problems.push(`${email}: ${activeAfter} active subscriptions after retrying the checkout (want exactly 1)`);
  }

  // Webhook: the same signed event delivered repeatedly, with a crash in between.
  const webhook = {};
  try {
    await current.stop();
    const secret = `whsec_${randomBytes(12).toString("hex")}`;
    const stripeEnv = { ...server.env, STRIPE_SECRET_KEY: "sk_test_load_dummy_no_network", STRIPE_WEBHOOK_SECRET: secret, HUNTBOOK_LOCAL_CHECKOUT: "0" };
    await restart(stripeEnv);
    const email = `webhook-${Date.now().toString(36)}@example.test`;
    const up = await signUp(server.origin, email, PASSWORD, "10.60.0.1");
    const user = up.ok ? userState(server.dbFile, email) : null;
    if (!user) throw new Error("could not create the webhook test user");
    const now = Math.floor(Date.now() / 1000);
    const event = {
      id: `evt_load_${randomBytes(8).toString("hex")}`,
      object: "event",
      type: "customer.subscription.created",
      created: now,
      data: { object: { id: `sub_load_${randomBytes(6).toString("hex")}`, object: "subscription", customer: `cus_load_${randomBytes(6).toString("hex")}`, status: "active", metadata: { userId: user.userId }, items: { data: [{ current_period_end: now + 30 * 86400 }] }, cancel_at_period_end: false } },
    };
    const payload = JSON.stringify(event);
    const deliver = () =>
      raw(server.origin, { method: "POST", path: "/api/billing/webhook", headers: { "Content-Type": "application/json", "Stripe-Signature": stripeSignature(payload, secret) }, body: payload }).then(
        (r) => r.status,
        () => -1,
      );
    const first = Promise.all([deliver(), deliver(), deliver()]).catch(() => [-1]);
    await sleep(10 + Math.floor(Math.random() * 60));
    await current.kill();
    const crashStatuses = await first;
    const afterCrash = userState(server.dbFile, email);
    await restart(stripeEnv);
    const retryStatuses = await Promise.all([deliver(), deliver(), deliver()]);
    const afterRetry = userState(server.dbFile, email);
    const db = openDb(server.dbFile);
    const events = db.prepare(`SELECT COUNT(*) AS n FROM "BillingEvent" WHERE id = ?`).get(event.id).n;
    db.close();
    Object.assign(webhook, {
      crashStatuses,
      retryStatuses,
      afterCrash: { subscriptions: afterCrash.subs.length, consistent: consistent(afterCrash) },
      afterRetry: { subscriptions: afterRetry.subs.length, entitlementActive: afterRetry.ent.map((e) => Boolean(e.active)) },
      billingEventRows: events,
    });
    if (!consistent(afterCrash)) problems.push(`webhook: inconsistent after the crash (${JSON.stringify(webhook.afterCrash)})`);
    if (afterRetry.subs.length !== 1 || events !== 1 || !afterRetry.ent.some((e) => e.active)) problems.push(`webhook: ${afterRetry.subs.length} subscriptions and ${events} event rows after redelivery (want 1 and 1)`);
    if (!retryStatuses.every((s) => s === 200)) problems.push(`webhook: redeliveries answered ${retryStatuses.join(", ")}`);
    await current.stop();
    await restart();
  } catch (e) {
    problems.push(`webhook test: ${e.message}`);
    if (current.exited()) await restart();
  }
  return [
    `server killed during ${rounds} local checkouts and a webhook delivery, then retried`,
    problems.length ? "fail" : "pass",
    { summary: problems.length ? problems.join("; ") : "every checkout all-or-nothing after the crash, exactly one subscription after retries; webhook applied once", rounds: details, webhook },
    current,
  ];
}
