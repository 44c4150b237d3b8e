import AxeBuilder from "@axe-core/playwright";
import { detectionsOnDisk } from "./support/content";
import { expect, test, type Page } from "@playwright/test";

/** Fails the test on any uncaught error in the page. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const searchBox = (page: Page) => page.getByRole("combobox", { name: /search/i });

test.describe("search", () => {
  test('typing "1055" offers a jump to T1055 and Enter goes there', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto("/");
    const box = searchBox(page);
    await box.click();
    await box.fill("1055");
    const first = page.getByRole("listbox", { name: "Search results" }).getByRole("option").first();
    await expect(first).toContainText("Go to T1055 Process Injection");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/techniques\/T1055$/);
    await expect(page.getByTestId("technique-id")).toHaveText("T1055");
    expect(errors).toEqual([]);
  });

  test("the attack.mitre.org form T1055/001 jumps to the sub-technique", async ({ page }) => {
    await page.goto("/detections");
    const box = searchBox(page);
    await box.click();
    await box.fill("T1055/001");
    await expect(page.getByRole("option").first()).toContainText("Go to T1055.001");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/techniques\/T1055\.001$/);
  });

  test("keyboard only: / focuses search, arrows pick a result, Enter opens it, Escape closes", async ({ page }) => {
    await page.goto("/tactics/TA0005");
    await page.keyboard.press("/");
    const box = searchBox(page);
    await expect(box).toBeFocused();
    await page.keyboard.type("proc inj");
    const options = page.getByRole("option");
    await expect(options.first()).toContainText("T1055 Process Injection");
    await page.keyboard.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const firstId = await options.first().getAttribute("id");
    await expect(box).toHaveAttribute("aria-activedescendant", firstId!);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/techniques\/T1055$/);
  });

  test("a tactic ID jumps to the tactic page", async ({ page }) => {
    await page.goto("/");
    const box = searchBox(page);
    await box.click();
    await box.fill("ta0112");
    await expect(page.getByRole("option").first()).toContainText("Go to TA0112 Defense Impairment");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/tactics\/TA0112$/);
  });

  test("finds detections by title and by table", async ({ page }) => {
    await page.goto("/");
    const box = searchBox(page);
    await box.click();
    await box.fill("DeviceEvents");
    const hit = page.locator('[role="option"][data-href="/techniques/T1055/sentinel"]');
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page).toHaveURL(/\/techniques\/T1055\/sentinel$/);
  });

  test("odd, hostile and very long queries show a helpful message, never an error", async ({ page }) => {
    const errors = collectErrors(page);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto("/");
    const box = searchBox(page);
    await box.click();
    for (const q of ["<img src=x onerror=alert(1)>", "'; DROP TABLE detections; --", "\u202e🦀 ＴＡ９９", "zz".repeat(150)]) {
      await box.fill(q);
      await expect(page.getByTestId("search-message")).toContainText("No technique or detection matches");
    }
    await box.fill("T9999");
    await expect(page.getByTestId("search-message")).toContainText("T9999 is not a technique in ATT&CK v19");
    await box.press("Enter");
    // Enter on a well-formed but unknown ID with no result stays put and explains.
    await expect(page).toHaveURL(/\/$/);
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });
});

test.describe("matrix", () => {
  test("15 tactics in matrix order and the detection count for T1055", async ({ page }) => {
    await page.goto("/");
    const columns = page.getByTestId("matrix").locator(":scope > li");
    await expect(columns).toHaveCount(15);
    const order = await columns.evaluateAll((els) => els.map((e) => e.getAttribute("data-tactic")));
    expect(order).toEqual(["TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0112", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"]);
    await expect(columns.nth(6).locator("h3")).toHaveText("Stealth");
    await expect(columns.nth(7).locator("h3")).toHaveText("Defense Impairment");

    const cell = page.locator('[data-tactic="TA0005"] li[data-technique="T1055"]');
    await expect(cell).toHaveAttribute("data-covered", "true");
    await expect(cell.getByTestId("count-T1055")).toHaveText(/1 detection · Sentinel/);
    // "Recently updated" lists the newest detections on disk (the library keeps growing).
    const disk = detectionsOnDisk().sort((a, b) => b.modified.localeCompare(a.modified));
    const latest = page.getByTestId("latest").getByRole("link");
    await expect(latest).toHaveCount(Math.min(5, disk.length));
    const cutoff = disk[Math.min(5, disk.length) - 1]?.modified ?? "";
    const recent = new Set(disk.filter((d) => d.modified >= cutoff).map((d) => `/techniques/${d.technique}/${d.platform}`));
    for (const href of await latest.evaluateAll((els) => els.map((e) => e.getAttribute("href")))) expect(recent.has(href ?? "")).toBe(true);
    await expect(page.locator('[data-tactic="TA0043"] li[data-technique="T1595"]')).toHaveAttribute("data-covered", "false");

    // Sub-techniques are a count on the home page, linking to the technique page's full list.
    const subs = cell.getByRole("link", { name: "12 sub-techniques of T1055" });
    await expect(subs).toHaveAttribute("href", "/techniques/T1055#sub-techniques");
    await expect(page.locator('[data-testid=matrix] li[data-technique="T1055.001"]')).toHaveCount(0);
    await subs.click();
    await expect(page).toHaveURL(/\/techniques\/T1055#sub-techniques$/);
    await expect(page.locator("#sub-techniques").getByRole("link", { name: /^T1055\.001 / })).toHaveAttribute("href", "/techniques/T1055.001");
  });

  test("every technique appears in the matrix, with its number of sub-techniques", async ({ page, request }) => {
    // The catalogue, from the public search index: 697 techniques and sub-techniques in v19.
    const index = (await (await request.get("/search-index.json")).json()) as { t: [string, string, number][] };
    expect(index.t.length).toBe(697);
    const subsOf = new Map<string, number>();
    for (const [id] of index.t) if (!id.includes(".")) subsOf.set(id, 0);
    for (const [id] of index.t) {
      const parent = id.split(".")[0] ?? id;
      if (id !== parent) subsOf.set(parent, (subsOf.get(parent) ?? 0) + 1);
    }
    await page.goto("/");
    const cells = await page.locator("[data-testid=matrix] li[data-technique]").evaluateAll((els) =>
      els.map((e) => {
        const id = e.getAttribute("data-technique") ?? "";
        const link = e.querySelector(`a[href="/techniques/${id}#sub-techniques"]`);
        return { id, subs: link ? Number(/^(\d+) sub-technique/.exec(link.textContent ?? "")?.[1]) : 0 };
      }),
    );
    // Every parent technique has a cell (in each of its tactics), and each cell counts all its subs.
    expect(new Set(cells.map((c) => c.id))).toEqual(new Set(subsOf.keys()));
    for (const c of cells) expect(c.subs, c.id).toBe(subsOf.get(c.id));
  });

  test("on a phone the matrix scrolls sideways inside itself, not the page", async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    await page.goto("/");
    const m = page.getByTestId("matrix");
    const { inner, outer } = await m.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
    expect(inner).toBeGreaterThan(outer * 5);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageOverflow).toBeLessThanOrEqual(1);
    await ctx.close();
  });

  test("the Navigator button downloads a 4.5 layer with T1055 scored", async ({ page }) => {
    await page.goto("/");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("navigator-download").click()]);
    const body = JSON.parse(await streamText(await download.createReadStream())) as {
      versions: { layer: string; attack: string };
      domain: string;
      techniques: { techniqueID: string; score?: number }[];
    };
    expect(body.versions).toMatchObject({ layer: "4.5", attack: "19" });
    expect(body.domain).toBe("enterprise-attack");
    expect(body.techniques.find((t) => t.techniqueID === "T1055")?.score).toBe(1);
  });
});

test.describe("tactic pages", () => {
  test("/tactics/TA0005 lists its techniques and our detections", async ({ page }) => {
    await page.goto("/tactics/ta0005");
    await expect(page).toHaveURL(/\/tactics\/TA0005$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("TA0005 Stealth");
    const t1055 = page.getByTestId("technique-grid").locator(':scope > li[data-technique="T1055"]');
    await expect(t1055).toHaveAttribute("data-covered", "true");
    // Tactic pages keep each technique's sub-techniques, folded in <details>.
    const sub = t1055.locator('li[data-technique="T1055.001"]');
    await expect(sub).toBeHidden();
    await t1055.locator("summary").click();
    await expect(sub.getByRole("link")).toHaveAttribute("href", "/techniques/T1055.001");
    await expect(page.getByTestId("detection-list").getByRole("link", { name: /untrusted injector/ })).toHaveAttribute("href", "/techniques/T1055/sentinel");
    await expect(page).toHaveTitle(/TA0005 Stealth/);
  });

  test("an unknown technique, detection or tactic gets a 404 page rendered on the server", async ({ request }) => {
    // Rendered on demand, notFound() used to answer with an empty document drawn by script (no
    // layout, no theme, nothing without JavaScript). The 404 page must be in the HTML itself.
    for (const p of ["/techniques/T9999", "/techniques/t9999", "/techniques/T9999.001", "/techniques/T1055/nope", "/techniques/T1001.001/sentinel", "/techniques/T1055/999", "/tactics/TA9999"]) {
      const res = await request.get(p);
      expect(res.status(), p).toBe(404);
      const html = await res.text();
      expect(html, p).toContain('<html lang="en"');
      expect(html, p).toContain('data-testid="not-found"');
      expect(html, p).not.toContain("__next_error__");
    }
  });

  test("an unknown tactic is a 404 with help", async ({ page }) => {
    const res = await page.goto("/tactics/TA9999");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});

test.describe("detection library", () => {
  test("filter by tactic and table, share the URL, back button restores", async ({ page, browser }) => {
    await page.goto("/detections");
    await page.getByTestId("filter-tactic").selectOption("TA0005");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/detections\?tactic=TA0005$/);
    await expect(page.getByRole("link", { name: /Remove filter Tactic: Stealth/ })).toBeVisible();

    await page.getByTestId("filter-table").selectOption("DeviceEvents");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/detections\?tactic=TA0005&table=DeviceEvents$/);
    const disk = detectionsOnDisk();
    const expected = disk.filter((d) => d.tactics.includes("TA0005") && d.requiredTables.includes("DeviceEvents")).length;
    expect(expected).toBeGreaterThan(0);
    await expect(page.getByTestId("detection-list").locator(":scope > li")).toHaveCount(expected);
    const shared = page.url();

    // A tactic none of whose detections reads DeviceEvents (computed from the library on disk).
    const emptyTactic = ["TA0043", "TA0042", "TA0009", "TA0010", "TA0001"].find(
      (t) => !disk.some((d) => d.tactics.includes(t) && d.requiredTables.includes("DeviceEvents")),
    );
    expect(emptyTactic).toBeDefined();
    await page.getByTestId("filter-tactic").selectOption(emptyTactic ?? "");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("empty-state")).toContainText("No detection matches");

    await page.goBack();
    await expect(page).toHaveURL(shared);
    await expect(page.getByTestId("filter-tactic")).toHaveValue("TA0005");
    await expect(page.getByTestId("detection-list").locator(":scope > li")).toHaveCount(expected);

    // Someone else opens the shared link.
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await other.goto(shared);
    await expect(other.getByTestId("filter-tactic")).toHaveValue("TA0005");
    await expect(other.getByTestId("filter-table")).toHaveValue("DeviceEvents");
    await expect(other.getByTestId("detection-list").getByRole("link", { name: /untrusted injector/ })).toBeVisible();
    await expect(other.getByTestId("navigator-download")).toHaveAttribute("href", "/navigator-layer.json?tactic=TA0005&table=DeviceEvents");
    await ctx.close();
  });

  test("sorting by last update is in the URL", async ({ page }) => {
    await page.goto("/detections");
    await page.getByTestId("filter-sort").selectOption("updated");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/detections\?sort=updated$/);
    await expect(page.getByTestId("result-count")).toContainText("newest first");
  });

  test("unknown and hostile filter values give a helpful empty state", async ({ page }) => {
    const errors = collectErrors(page);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const res = await page.goto(`/detections?tactic=${encodeURIComponent("<script>alert(1)</script>")}&table=${encodeURIComponent("' OR 1=1 --")}&sort=%F0%9F%A6%80`);
    expect(res?.status()).toBe(200);
    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("not recognised");
    await expect(empty.getByTestId("invalid-value").first()).toHaveText("<script>alert(1)</script>");
    await expect(empty.getByRole("link", { name: "Show all detections" })).toHaveAttribute("href", "/detections");
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });

  test("the filtered Navigator layer only holds the filtered techniques", async ({ request }) => {
    const disk = detectionsOnDisk();
    const emptyTactic = ["TA0043", "TA0042", "TA0009", "TA0010", "TA0001"].find(
      (t) => !disk.some((d) => d.tactics.includes(t) && d.requiredTables.includes("DeviceEvents")),
    );
    const none = (await (await request.get(`/navigator-layer.json?tactic=${emptyTactic}&table=DeviceEvents`)).json()) as { techniques: unknown[] };
    expect(none.techniques).toEqual([]);
    const stealth = (await (await request.get("/navigator-layer.json?tactic=TA0005")).json()) as { techniques: { techniqueID: string }[] };
    // The filtered detections' techniques, plus the parents of sub-techniques (scored as partly covered).
    const covered = disk.filter((d) => d.tactics.includes("TA0005")).flatMap((d) => [d.technique, d.technique.split(".")[0] ?? d.technique]);
    expect(new Set(stealth.techniques.map((t) => t.techniqueID))).toEqual(new Set(covered));
    const some = (await (await request.get("/navigator-layer.json?tactic=TA0005&table=DeviceEvents")).json()) as { techniques: { techniqueID: string }[] };
    expect(some.techniques.map((t) => t.techniqueID)).toContain("T1055");
  });
});

test.describe("discoverability", () => {
  test("sitemap, robots, feed, search index and page metadata", async ({ request, page }) => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap.match(/<loc>[^<]*\/techniques\/T\d{4}(\.\d{3})?<\/loc>/g)?.length).toBe(697);
    expect(sitemap).toMatch(/\/tactics\/TA0112<\/loc>/);
    expect(sitemap).toMatch(/\/techniques\/T1055\/sentinel<\/loc>/);
    expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: .*\/sitemap\.xml/);
    const feed = await request.get("/feed.xml");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const newest = detectionsOnDisk().sort((a, b) => b.modified.localeCompare(a.modified))[0];
    const feedText = await feed.text();
    expect(feedText).toContain(`/techniques/${newest?.technique}/${newest?.platform}`);
    expect(feedText.match(/<entry>/g)?.length).toBe(Math.min(50, detectionsOnDisk().length));
    const index = (await (await request.get("/search-index.json")).json()) as { t: unknown[] };
    expect(index.t.length).toBe(697);

    await page.goto("/tactics/TA0005");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/tactics\/TA0005$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Stealth/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Stealth/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  });
});

test.describe("accessibility (axe: no serious or critical violations)", () => {
  for (const path of ["/", "/tactics/TA0005", "/detections", "/detections?tactic=TA0005&table=DeviceEvents", "/detections?tactic=nope"]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      if (path === "/") {
        // Include the open search popup in the check.
        await searchBox(page).click();
        await searchBox(page).fill("inj");
        await expect(page.getByRole("option").first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
    });
  }
});

test("accessibility in the dark scheme: home, detections and a detection page's code (axe)", async ({ browser }) => {
  const ctx = await browser.newContext({ colorScheme: "dark" });
  const page = await ctx.newPage();
  for (const path of ["/", "/detections?tactic=TA0005", "/detections?tactic=nope", "/tactics/TA0005", "/techniques/T1055/sentinel"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-mui-color-scheme", "dark");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
  }
  // Highlighted code takes the dark theme's token colours (classes from app/code-colors.css): the
  // KQL keyword `let` is github-dark's #F97583, not github-light's #D73A49; comments are github-dark's
  // grey lightened to 4.5:1 (#8F969E; the theme's #6A737D fails axe's contrast check above).
  const code = page.getByTestId("kql-query").locator("pre.shiki");
  await expect(code.locator(".line > span", { hasText: /^let$/ }).first()).toHaveCSS("color", "rgb(249, 117, 131)");
  await expect(code.locator(".line > span", { hasText: /^\/\/ Window: last 1 hour; schedule every hour\.$/ })).toHaveCSS("color", "rgb(143, 150, 158)");
  await ctx.close();
});

test("accessibility of the remaining public pages in both schemes (axe)", async ({ browser }) => {
  // A technique and a sub-technique page, another detection, pricing, sign-in and sign-up, credits,
  // and an unknown technique's 404: every public page kind the two tests above do not cover.
  const paths = ["/techniques/T1055", "/techniques/T1055.001", "/techniques/T1003.001/sentinel", "/pricing", "/signin", "/signup", "/credits", "/techniques/T9999"];
  for (const scheme of ["light", "dark"] as const) {
    const ctx = await browser.newContext({ colorScheme: scheme });
    const page = await ctx.newPage();
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-mui-color-scheme", scheme);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${scheme} ${path} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
    }
    await ctx.close();
  }
});

test("highlighted code takes the light theme's token colours in the light scheme", async ({ browser }) => {
  const ctx = await browser.newContext({ colorScheme: "light" });
  const page = await ctx.newPage();
  await page.goto("/techniques/T1055/sentinel");
  await expect(page.locator("html")).toHaveAttribute("data-mui-color-scheme", "light");
  const code = page.getByTestId("kql-query").locator("pre.shiki");
  await expect(code.locator(".line > span", { hasText: /^let$/ }).first()).toHaveCSS("color", "rgb(215, 58, 73)");
  await expect(code.locator(".line > span", { hasText: /^\/\/ Window: last 1 hour; schedule every hour\.$/ })).toHaveCSS("color", "rgb(106, 115, 125)");
  await ctx.close();
});

async function streamText(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
