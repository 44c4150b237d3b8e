import { rmSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against a production build (`next build` must have run; scripts/test-all.mjs
 * does it) served by `next start`, in Debian's chromium. Set CHROMIUM_PATH to use another binary.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE = `http://localhost:${PORT}`;
// The e2e server uses its own database, created fresh for each run (scripts/db-setup.mjs migrates
// and seeds it). Only the main process removes it: workers load this file too.
const E2E_DB = "prisma/e2e.db";
if (!process.env.TEST_WORKER_INDEX) for (const f of [E2E_DB, `${E2E_DB}-journal`, `${E2E_DB}-wal`, `${E2E_DB}-shm`]) rmSync(f, { force: true });

export default defineConfig({
  testDir: "e2e",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: `node scripts/serve-test.mjs`,
    url: `${BASE}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      NEXTAUTH_URL: BASE,
      SITE_URL: BASE,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `file:./${E2E_DB}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      // `next start` runs with NODE_ENV=production: the test-mode checkout must be enabled explicitly.
      HUNTBOOK_LOCAL_CHECKOUT: "1",
      STRIPE_SECRET_KEY: "",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
