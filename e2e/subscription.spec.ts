import { expect, test } from "@playwright/test";
import { DETECTION, proIsland, signIn, uniqueEmail } from "./helpers";

test("sign up, sign in, teaser as free, subscribe (test mode), Pro, cancel, teaser again", async ({ page }) => {
  const email = uniqueEmail("journey");
  const password = "correct horse battery staple";

  // Sign up.
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signup-message")).toContainText("sign in with the password you chose");

  // Sign in; the header knows.
  await signIn(page, email, password, "/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
  await expect(page.getByTestId("account-menu")).toHaveAttribute("data-state", "signed-in");

  // Free: teaser with Upgrade, no Pro content.
  await page.goto(DETECTION);
  const island = await proIsland(page);
  await expect(island.getByTestId("pro-teaser")).toHaveAttribute("data-viewer", "free");
  await expect(island.getByRole("link", { name: "Upgrade to Pro" })).toBeVisible();
  await expect(page.getByTestId("pro-content")).toHaveCount(0);

  // Subscribe through the local test-mode checkout.
  await page.goto("/pricing");
  await page.getByTestId("subscribe").click();
  await page.waitForURL("**/checkout/local");
  await expect(page.getByTestId("test-mode-banner")).toContainText("TEST MODE");
  await page.getByTestId("confirm-test-checkout").click();
  await page.waitForURL("**/account?subscribed=1");
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await expect(page.getByTestId("account-status")).toContainText("Active");
  await expect(page.getByTestId("account-renewal")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // Pro: every section, KQL copyable, canary present.
  await page.goto(DETECTION);
  await proIsland(page);
  const pro = page.getByTestId("pro-content");
  await expect(pro).toBeVisible();
  await expect(pro).toHaveAttribute("data-pro-canary", /^HBPRO-CANARY-/);
  for (const s of ["response-playbook", "investigation-guide", "hunting-queries", "test-commands", "tuning-guidance"]) {
    await expect(pro.getByTestId(`pro-${s}`)).toBeVisible();
  }
  // The copy button of a Pro hunting query works (a client component inside server-rendered Pro
  // content) and copies exactly the query shown.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const hunting = pro.getByTestId("pro-hunting-queries").locator("figure").first();
  await hunting.getByRole("button", { name: "Copy" }).click();
  await expect(hunting.getByRole("status")).toHaveText("Copied to clipboard");
  const shown = (await hunting.locator(".code-block").innerText()).trim();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe(shown);
  expect(copied).toMatch(/\bDevice\w+|\bSigninLogs|\bIdentity\w+|\bAuditLogs|\bCloudAppEvents|\bEmail\w+/);
  await expect(pro.getByTestId("pro-test-commands")).toContainText("-Cleanup");

  // Cancel: Pro is gone on the next request.
  await page.goto("/account");
  await page.getByTestId("cancel-subscription").click();
  await page.waitForURL("**/account?cancelled=1");
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
  await expect(page.getByTestId("account-status")).toContainText("Cancelled");
  await page.goto(DETECTION);
  const after = await proIsland(page);
  await expect(after.getByTestId("pro-teaser")).toHaveAttribute("data-viewer", "free");
  await expect(page.getByTestId("pro-content")).toHaveCount(0);

  // Sign out.
  await page.goto("/account");
  await page.getByTestId("sign-out").click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.getByTestId("account-menu")).toHaveAttribute("data-state", "signed-out");
});
