import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { proMarkers, readContent } from "./support/content";

test.describe("technique pages", () => {
  test("open T1055 by ID: name, v19 tactics, platforms, detections, atomic tests", async ({ page }) => {
    const res = await page.goto("/techniques/T1055");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("T1055 Process Injection");
    await expect(page.getByRole("link", { name: "Stealth TA0005" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Privilege Escalation TA0004" })).toBeVisible();
    await expect(page.getByText("Defense Evasion")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /T1055 · Microsoft Sentinel · KQL/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "https://attack.mitre.org/techniques/T1055/" })).toBeVisible();
    await expect(page.locator("#sub-techniques li")).toHaveCount(12);
    await expect(page.getByRole("region", { name: /Atomic Red Team tests for T1055/ })).toContainText("Remote Process Injection with Go using CreateRemoteThread WinAPI");
  });

  test("lower-case and attack.mitre.org-style IDs redirect to the canonical URL", async ({ page }) => {
    await page.goto("/techniques/t1055");
    await expect(page).toHaveURL(/\/techniques\/T1055$/);
    await page.goto("/techniques/t1055.001");
    await expect(page).toHaveURL(/\/techniques\/T1055\.001$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Dynamic-link Library Injection");
    await page.goto("/techniques/T1055/001");
    await expect(page).toHaveURL(/\/techniques\/T1055\.001$/);
    await page.goto("/techniques/t1055/sentinel");
    await expect(page).toHaveURL(/\/techniques\/T1055\/sentinel$/);
  });

  test("a technique without a detection says so", async ({ page }) => {
    await page.goto("/techniques/T1001.001");
    await expect(page.getByTestId("no-detections")).toContainText("We have no detection for T1001.001 yet");
  });

  test("an unknown ID gets the 404 page with close matches", async ({ page }) => {
    const res = await page.goto("/techniques/T1055.999");
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByTestId("suggestions").getByRole("link", { name: /T1055 Process Injection/ })).toBeVisible();
    const bad = await page.goto("/techniques/not-an-id");
    expect(bad?.status()).toBe(404);
  });
});

test.describe("the T1055 Sentinel detection page", () => {
  test("shows every section a detection engineer needs", async ({ page }) => {
    await page.goto("/techniques/T1055/sentinel");
    await expect(page.getByTestId("detection-kicker")).toHaveText("T1055 · Microsoft Sentinel · KQL");
    for (const [id, heading] of [
      ["summary", "Technique summary"],
      ["attack", "ATT&CK mapping"],
      ["query", "KQL query"],
      ["logic", "What the detection does"],
      ["data", "Data sources and required tables"],
      ["false-positives", "False positives and tuning"],
      ["sigma", "Sigma rule"],
      ["platforms", "Other platforms for T1055"],
      ["testing", "Testing methodology"],
      ["pro", "Pro: response and hunting"],
      ["related", "Related detections"],
      ["credits", "Credits"],
    ] as const) {
      await expect(page.locator(`section#${id}`).getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.locator("#attack")).toContainText("Stealth (TA0005)");
    await expect(page.locator("#attack")).toContainText("Privilege Escalation (TA0004)");
    await expect(page.getByTestId("severity-confidence")).toContainText("Severity: high");
    await expect(page.getByTestId("severity-confidence")).toContainText("Confidence: medium");
    await expect(page.locator("#data")).toContainText("DeviceEvents");
    await expect(page.locator("#platforms [data-platform=splunk]")).toContainText("not available yet");
    await expect(page.getByTestId("atomic-test")).toHaveCount(3);
    await expect(page.locator("#testing")).toContainText("mavinject");
    await expect(page.locator("#testing")).toContainText("T1055.009 #3");
    await expect(page.getByTestId("pro-teaser")).toContainText("Response playbook");
    await expect(page.locator("#credits")).toContainText("MITRE ATT&CK®");
    await expect(page.locator("#credits")).toContainText("Atomic Red Team");
    await expect(page.locator("#credits")).toContainText("Detection Rule License");
  });

  test("the copy button puts exactly the query on the clipboard, from the keyboard too", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/techniques/T1055/sentinel");
    const expected = readContent("detections/T1055/sentinel.kql").replace(/\n$/, "");
    const button = page.getByTestId("kql-query").getByRole("button", { name: "Copy query" });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("kql-query").getByRole("button", { name: "Copied" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Copied to clipboard" })).toHaveCount(1);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(expected);
    expect(clip).toContain("DeviceEvents");
  });

  test("the Sigma download is the sidecar byte for byte and parses as a rule", async ({ page, request }) => {
    await page.goto("/techniques/T1055/sentinel");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("sigma-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^t1055_[a-z0-9_]+\.yml$/);
    const file = await download.path();
    const body = readFileSync(file, "utf8");
    expect(body).toBe(readContent("detections/T1055/sentinel.sigma.yml"));
    const rule = parse(body) as { tags: string[]; logsource: unknown; detection: { condition: string } };
    expect(rule.tags).toEqual(expect.arrayContaining(["attack.t1055", "attack.stealth", "attack.privilege-escalation"]));
    expect(rule.detection.condition).toBeTruthy();

    const res = await request.get("/techniques/T1055/sentinel/sigma.yml");
    expect(res.headers()["content-type"]).toContain("application/yaml");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="t1055_[a-z0-9_]+\.yml"$/);
  });

  test("passes an automated accessibility check", async ({ page }) => {
    await page.goto("/techniques/T1055/sentinel");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("no Pro text in the page (the build output is scanned by leak.spec.ts)", async ({ page }) => {
    const markers = proMarkers();
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(m.canary, `${m.file} has a canary`).toMatch(/^HBPRO-CANARY-/);
    await page.goto("/techniques/T1055/sentinel");
    await expect(page.getByTestId("pro-teaser")).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain("HBPRO-CANARY-");
    for (const m of markers) for (const p of m.phrases) expect(html).not.toContain(p);
  });
});
