import { expect, request as pwRequest, test } from "@playwright/test";
import { generateETag } from "next/dist/server/lib/etag.js";
import { disallowedInlineScripts, inlineScripts, scriptSources } from "../lib/security/csp";
import { DEMO, DETECTION, proIsland, signIn, uniqueEmail } from "./helpers";

const BASE = `http://localhost:${process.env.E2E_PORT ?? 3210}`;
const PAGES = ["/", DETECTION, "/techniques/T1055", "/pricing", "/signin", "/signup", "/this-does-not-exist", "/techniques/T9999/sentinel"];

test.describe("Content-Security-Policy", () => {
  test("every inline script of each page is allowed by that response's CSP (hash or nonce)", async ({ request }) => {
    for (const url of [...PAGES, ...PAGES]) {
      const res = await request.get(url, { failOnStatusCode: false });
      const html = await res.text();
      const csp = res.headers()["content-security-policy"] ?? "";
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(scriptSources(csp), url).not.toContain("'unsafe-inline'");
      expect(inlineScripts(html).length, url).toBeGreaterThan(0);
      expect(disallowedInlineScripts(html, csp), url).toEqual([]);
    }
  });

  test("prerendered pages stay static: served from the build cache with hashes, not rendered per request", async ({ request }) => {
    const res = await request.get(DETECTION);
    expect(res.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(res.headers()["content-security-policy"]).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    // From the build's CSP manifest (npm run build): hashes only, no nonce. A nonce here means
    // the proxy fell back to reading the HTML per request (csp-manifest.json missing or stale).
    expect(scriptSources(res.headers()["content-security-policy"] ?? "").some((s) => s.startsWith("'nonce-"))).toBe(false);
    // Pages Next renders per request still get one.
    const signin = await request.get("/signin");
    expect(scriptSources(signin.headers()["content-security-policy"] ?? "").some((s) => s.startsWith("'nonce-"))).toBe(true);
  });

  test("prerendered pages carry the build's ETag of the very HTML served, and revalidate with 304", async ({ request }) => {
    for (const path of ["/", "/techniques/T1055", DETECTION]) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const etag = res.headers()["etag"];
      // Next's own ETag function over the body received: the manifest hashed exactly what is served.
      expect(etag, path).toBe(generateETag(await res.text()));
      const again = await request.get(path, { headers: { "If-None-Match": etag! } });
      expect(again.status(), path).toBe(304);
      expect(again.headers()["etag"]).toBe(etag);
      expect((await again.body()).length).toBe(0);
      expect((await request.get(path, { headers: { "If-None-Match": '"stale"' } })).status()).toBe(200);
    }
  });

  test("the browser reports no CSP violation and hydrates the main pages", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    for (const url of ["/", DETECTION, "/pricing", "/signin", "/signup", "/this-does-not-exist"]) {
      await page.goto(url);
      await expect(page.getByTestId("account-menu")).toHaveAttribute("data-state", /signed-(in|out)/);
    }
    await signIn(page, DEMO.pro.email, DEMO.pro.password, DETECTION);
    await proIsland(page);
    await page.goto("/account");
    await expect(page.getByTestId("account-plan")).toHaveText("Pro");
    expect(violations).toEqual([]);
  });
});

test("security headers on pages, static files, APIs and 404s", async ({ request }) => {
  const home = await (await request.get("/")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1];
  expect(asset).toBeTruthy();
  for (const url of ["/", DETECTION, "/api/health", "/nope", asset ?? "/"]) {
    const h = (await request.get(url, { failOnStatusCode: false })).headers();
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], url).toBe("DENY");
  }
});

test.describe("sign-in security", () => {
  test("session cookie is httpOnly and SameSite=Lax (Secure follows the https scheme of NEXTAUTH_URL)", async ({ page, context }) => {
    await signIn(page, DEMO.free.email, DEMO.free.password, "/account");
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toBeTruthy();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBe(BASE.startsWith("https://"));
  });

  test("callback URLs to other origins are ignored", async ({ page }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
    await page.getByLabel("Email").fill(DEMO.free.email);
    await page.getByLabel("Password").fill(DEMO.free.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/account");
    expect(new URL(page.url()).origin).toBe(BASE);
  });

  test("same message for an unknown address and a wrong password; throttled after repeated failures", async ({ page }) => {
    const tryOnce = async (email: string) => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("wrong-password-123");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      return (await page.getByTestId("signin-message").textContent()) ?? "";
    };
    const unknown = await tryOnce(uniqueEmail("nobody"));
    const wrong = await tryOnce(DEMO.pro.email);
    expect(unknown).toBe(wrong);
    expect(unknown).toContain("do not match");
    const target = uniqueEmail("locked");
    for (let i = 0; i < 5; i++) await tryOnce(target);
    expect(await tryOnce(target)).toContain("Too many sign-in attempts");
  });

  test("next-auth rejects a credentials POST without its CSRF token", async () => {
    const ctx = await pwRequest.newContext({ baseURL: BASE });
    const res = await ctx.post("/api/auth/callback/credentials", {
      form: { email: DEMO.pro.email, password: DEMO.pro.password, json: "true" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(res.headers()["location"] ?? (await res.text())).toContain("csrf=true");
    const session = (await (await ctx.get("/api/auth/session")).json()) as { user?: unknown };
    expect(session.user).toBeUndefined();
    await ctx.dispose();
  });

  test("sign-up: malformed input gets field messages, an existing address the same answer as a new one", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signup-message")).toHaveText("Check the highlighted fields.");
    await expect(page.getByText("Enter an email address such as name@example.com.")).toBeVisible();
    await expect(page.getByText(/at least 10 characters/)).toBeVisible();

    const messages: string[] = [];
    for (const email of [DEMO.free.email, uniqueEmail("new")]) {
      await page.goto("/signup");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("another long password");
      await page.getByLabel("Repeat password").fill("another long password");
      await page.getByRole("button", { name: "Create account" }).click();
      messages.push((await page.getByTestId("signup-message").textContent()) ?? "");
    }
    expect(messages[0]).toBe(messages[1]);
    // The existing account's password was not changed by the second sign-up.
    await signIn(page, DEMO.free.email, DEMO.free.password, "/account");
  });

  test("a server action posted from another origin is refused and changes nothing", async ({ request }) => {
    const html = await (await request.get("/signup")).text();
    const field = /name="(\$ACTION_ID_[^"]+)"/.exec(html)?.[1] ?? /name="(\$ACTION_REF_[^"]+)"/.exec(html)?.[1];
    expect(field).toBeTruthy();
    const email = uniqueEmail("forged");
    const res = await request.post("/signup", {
      multipart: { [field ?? "x"]: "", email, password: "forged password 123", confirm: "forged password 123" },
      headers: { Origin: "https://evil.example" },
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    expect(await res.text()).not.toContain("your account now exists");
    // The account does not exist: signing in with it fails.
    const ctx = await pwRequest.newContext({ baseURL: BASE });
    const csrf = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await ctx.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password: "forged password 123", json: "true" },
      failOnStatusCode: false,
    });
    expect(((await (await ctx.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
    await ctx.dispose();
  });

  test("malformed sign-in and checkout requests get 4xx or a message, never a 500", async () => {
    const ctx = await pwRequest.newContext({ baseURL: BASE });
    const csrf = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const odd: Record<string, string>[] = [
      { csrfToken: csrf.csrfToken, json: "true" },
      { csrfToken: csrf.csrfToken, email: "x".repeat(5000), password: "y".repeat(5000), json: "true" },
      { csrfToken: csrf.csrfToken, email: "\u0000@\u0000", password: "\u0000", json: "true" },
    ];
    for (const form of odd) {
      const res = await ctx.post("/api/auth/callback/credentials", { form, maxRedirects: 0, failOnStatusCode: false });
      expect(res.status(), JSON.stringify(form).slice(0, 60)).toBeLessThan(500);
    }
    for (const url of ["/signin?callbackUrl=%E0%A4%A", "/signin?error=%3Cscript%3E", "/techniques/T1055/sentinel/%ZZ"]) {
      const res = await ctx.get(url, { failOnStatusCode: false, maxRedirects: 0 });
      expect(res.status(), url).toBeLessThan(500);
    }
    await ctx.dispose();
  });

  test("the Stripe webhook refuses unsigned posts without a 500", async ({ request }) => {
    const res = await request.post("/api/billing/webhook", { data: "{not json", failOnStatusCode: false });
    expect([400, 404]).toContain(res.status());
  });
});
