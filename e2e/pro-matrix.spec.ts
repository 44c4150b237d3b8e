import { expect, test } from "@playwright/test";
import { DEMO, DETECTION, proIsland, signIn } from "./helpers";

test.describe("Pro section of /techniques/T1055/sentinel by viewer", () => {
  test("anonymous: teaser and Sign in", async ({ page }) => {
    await page.goto(DETECTION);
    const island = await proIsland(page);
    await expect(island.getByTestId("pro-teaser")).toHaveAttribute("data-viewer", "anonymous");
    const signInLink = island.getByRole("link", { name: "Sign in" });
    await expect(signInLink).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(DETECTION)}`);
    await expect(page.getByTestId("pro-content")).toHaveCount(0);
  });

  test("free: teaser and Upgrade", async ({ page }) => {
    await signIn(page, DEMO.free.email, DEMO.free.password, DETECTION);
    const island = await proIsland(page);
    await expect(island.getByTestId("pro-teaser")).toHaveAttribute("data-viewer", "free");
    await expect(island.getByRole("link", { name: "Upgrade to Pro" })).toHaveAttribute("href", "/pricing");
    await expect(page.getByTestId("pro-content")).toHaveCount(0);
  });

  test("Pro: the five Pro sections", async ({ page }) => {
    await signIn(page, DEMO.pro.email, DEMO.pro.password, DETECTION);
    await proIsland(page);
    const pro = page.getByTestId("pro-content");
    await expect(pro).toHaveAttribute("data-pro-canary", "HBPRO-CANARY-5b7e2c1a-T1055-sentinel");
    await expect(pro.getByRole("heading", { name: "Response playbook" })).toBeVisible();
    await expect(pro.getByRole("heading", { name: "Hunting queries" })).toBeVisible();
    await expect(pro.getByTestId("pro-hunting-queries").locator("pre.shiki").first()).toBeVisible();
    await expect(page.getByTestId("pro-teaser")).toHaveCount(0);
  });
});
