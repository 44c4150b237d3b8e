import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as pwRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, DETECTION, proCanaries, proIsland, signIn } from "./helpers";

/**
 * The Pro leak test. Every Pro file carries a unique canary. Anonymous and free viewers fetch
 * every route the build knows (HTML, the RSC payload, APIs, sitemap/robots, search data if any) and
 * call the Pro section's server action; none of it may contain a canary. A Pro viewer gets the
 * canary from the server action (positive control). Finally every file under .next/ and public/
 * is scanned: zero canaries, even after a Pro user has been served.
 */
test.describe.configure({ mode: "serial" });

const canaries = proCanaries();
const BASE = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

function buildRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as { routes: Record<string, unknown> };
  const prerendered = Object.keys(manifest.routes);
  const extra = [
    "/account",
    "/signin",
    "/signin?callbackUrl=%2Ftechniques%2FT1055%2Fsentinel",
    "/signup",
    "/pricing",
    "/checkout/local",
    "/api/auth/session",
    "/api/auth/providers",
    "/api/auth/csrf",
    "/api/health",
    "/api/suggest?q=T1055",
    "/api/billing/webhook",
    "/sitemap.xml",
    "/robots.txt",
    "/search-index.json",
    "/api/search?q=T1055",
    "/detections",
    "/techniques/T1055/sentinel/pro",
    "/this-does-not-exist",
    "/techniques/T9999/sentinel",
  ];
  return [...new Set([...prerendered, ...extra])];
}

function findCanary(text: string): string | null {
  return canaries.find((c) => text.includes(c)) ?? null;
}

async function scanRoutes(ctx: APIRequestContext, who: string): Promise<{ fetched: number; leaks: string[] }> {
  const routes = buildRoutes();
  const leaks: string[] = [];
  let fetched = 0;
  const jobs: { url: string; headers: Record<string, string> }[] = [];
  for (const r of routes) {
    jobs.push({ url: r, headers: {} });
    if (!r.startsWith("/api/")) jobs.push({ url: r, headers: { RSC: "1" } });
  }
  let i = 0;
  const worker = async () => {
    while (i < jobs.length) {
      const job = jobs[i++];
      if (!job) break;
      const res = await ctx.get(job.url, { headers: job.headers, maxRedirects: 0, failOnStatusCode: false });
      const body = (await res.body()).toString("utf8");
      fetched++;
      const c = findCanary(body) ?? findCanary(JSON.stringify(res.headers()));
      if (c) leaks.push(`${who} ${job.headers.RSC ? "RSC " : ""}${job.url} -> ${c}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { fetched, leaks };
}

async function signedInContext(email: string, password: string): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL: BASE });
  const csrf = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/account", json: "true" },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(res.status()).toBeLessThan(400);
  const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
  return ctx;
}

/** The bodies of the server-action responses the detection page receives (read through a route, so none is missed). */
async function actionResponses(page: Page): Promise<string[]> {
  const bodies: string[] = [];
  await page.route(`**${DETECTION}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    bodies.push(body);
    await route.fulfill({ response, body });
  });
  await page.goto(DETECTION);
  await proIsland(page);
  expect(bodies.length).toBeGreaterThan(0);
  await page.unroute(`**${DETECTION}`);
  return bodies;
}

test("there is at least one canary and the route list covers the build", () => {
  expect(canaries.length).toBeGreaterThan(0);
  expect(new Set(canaries).size).toBe(canaries.length);
  expect(buildRoutes()).toContain(DETECTION);
});

test("anonymous: no canary in any route, RSC payload or server action response", async ({ page }) => {
  const ctx = await pwRequest.newContext({ baseURL: BASE });
  const { fetched, leaks } = await scanRoutes(ctx, "anonymous");
  console.log(`anonymous: ${fetched} responses scanned`);
  expect(leaks).toEqual([]);
  const bodies = await actionResponses(page);
  for (const b of bodies) expect(findCanary(b)).toBeNull();
  await ctx.dispose();
});

test("free user: no canary in any route, RSC payload or server action response", async ({ page }) => {
  const ctx = await signedInContext(DEMO.free.email, DEMO.free.password);
  const { fetched, leaks } = await scanRoutes(ctx, "free");
  console.log(`free: ${fetched} responses scanned`);
  expect(leaks).toEqual([]);
  await signIn(page, DEMO.free.email, DEMO.free.password, "/account");
  const bodies = await actionResponses(page);
  for (const b of bodies) expect(findCanary(b)).toBeNull();
  await ctx.dispose();
});

test("Pro user: the canary arrives in the Pro section, and only there", async ({ page }) => {
  const ctx = await signedInContext(DEMO.pro.email, DEMO.pro.password);
  const { leaks } = await scanRoutes(ctx, "pro");
  // Pages are static: even for a Pro viewer, no route except the per-request Pro section has Pro text.
  expect(leaks).toEqual([]);
  await signIn(page, DEMO.pro.email, DEMO.pro.password, "/account");
  const bodies = await actionResponses(page);
  expect(bodies.some((b) => b.includes("HBPRO-CANARY-5b7e2c1a-T1055-sentinel"))).toBe(true);
  await expect(page.locator(`[data-pro-canary="HBPRO-CANARY-5b7e2c1a-T1055-sentinel"]`)).toBeVisible();
  await ctx.dispose();
});

test("no canary in any file under .next/ or public/ (after Pro was served)", () => {
  let files = 0;
  const hits: string[] = [];
  // Every canary starts with this prefix (content:check enforces it), so one search per file
  // finds any of them, including a canary from a Pro file this run does not know about.
  const prefix = Buffer.from("HBPRO-CANARY-", "utf8");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && statSync(p).size < 512 * 1024 * 1024) {
        files++;
        const buf = readFileSync(p);
        const at = buf.indexOf(prefix);
        if (at >= 0) hits.push(`${p}: ${buf.subarray(at, at + 60).toString("utf8")}`);
      }
    }
  };
  walk(".next");
  walk("public");
  console.log(`${files} files scanned under .next/ and public/`);
  expect(files).toBeGreaterThan(100);
  expect(hits).toEqual([]);
});
