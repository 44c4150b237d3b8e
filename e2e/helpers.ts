import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  free: { email: "free@huntbook.local", password: "huntbook-free-demo" },
  pro: { email: "pro@huntbook.local", password: "huntbook-pro-demo" },
} as const;

export const DETECTION = "/techniques/T1055/sentinel";

/** Signs in through the real form (next-auth credentials with its CSRF token). */
export async function signIn(page: Page, email: string, password: string, callbackUrl = "/account") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => u.pathname === callbackUrl.split("?")[0]);
}

/** Waits until the detection page's Pro island has asked the server who is looking. */
export async function proIsland(page: Page) {
  const island = page.getByTestId("pro-island");
  await expect(island).toHaveAttribute("data-state", "ready");
  return island;
}

/** Every Pro canary (content/pro/<T>/<platform>.mdx frontmatter `canary:`). */
export function proCanaries(root = path.join(process.cwd(), "content", "pro")): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".mdx")) {
        const m = /^canary:\s*(\S+)\s*$/m.exec(readFileSync(p, "utf8"));
        if (!m?.[1]) throw new Error(`${p} has no canary`);
        out.push(m[1]);
      }
    }
  };
  walk(root);
  return out;
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
