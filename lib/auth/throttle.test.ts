import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/db";
import { clientIp, consume, LIMITS, lockedFor, recordFailure, recordSuccess } from "./throttle";

const t = testDatabase();
afterAll(() => t.cleanup());

describe("sign-in throttling", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  beforeAll(async () => {
    await t.prisma.loginThrottle.deleteMany();
  });

  it("locks an account after 5 failures, from any address, and unlocks after 15 minutes", async () => {
    for (let i = 0; i < LIMITS.account.max - 1; i++) await recordFailure("a@x.test", `10.0.0.${i}`, now, t.prisma);
    expect(await lockedFor("a@x.test", "10.9.9.9", now, t.prisma)).toBe(0);
    await recordFailure("a@x.test", "10.0.0.99", now, t.prisma);
    expect(await lockedFor("a@x.test", "10.9.9.9", now, t.prisma)).toBeGreaterThan(14 * 60_000);
    expect(await lockedFor("b@x.test", "10.9.9.9", now, t.prisma)).toBe(0);
    expect(await lockedFor("a@x.test", "10.9.9.9", new Date(now.getTime() + LIMITS.account.lockMs + 1), t.prisma)).toBe(0);
  });

  it("locks an address after 30 failures across many accounts", async () => {
    for (let i = 0; i < LIMITS.ip.max; i++) await recordFailure(`user${i}@x.test`, "192.0.2.1", now, t.prisma);
    expect(await lockedFor("fresh@x.test", "192.0.2.1", now, t.prisma)).toBeGreaterThan(0);
    expect(await lockedFor("fresh@x.test", "192.0.2.2", now, t.prisma)).toBe(0);
  });

  it("a success clears the account bucket", async () => {
    await recordFailure("c@x.test", "198.51.100.1", now, t.prisma);
    await recordSuccess("c@x.test", t.prisma);
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: "acct:c@x.test" } })).toBeNull();
  });

  it("consume() is a fixed-window rate limit", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume("signup:1.2.3.4", 3, 60_000, now, t.prisma));
    expect(results).toEqual([true, true, true, false]);
    expect(await consume("signup:1.2.3.4", 3, 60_000, new Date(now.getTime() + 61_000), t.prisma)).toBe(true);
  });

  it("takes the client address Next appended to X-Forwarded-For (not a forged first entry)", () => {
    const h = (v: Record<string, string>) => ({ get: (n: string) => v[n] ?? null });
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(h({}))).toBe("unknown");
  });
});
