import { describe, expect, it } from "vitest";
import { BCRYPT_COST, hashCost, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with bcrypt at cost 12 or more and verifies", async () => {
    const h = await hashPassword("correct horse battery staple");
    expect(h).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(BCRYPT_COST).toBeGreaterThanOrEqual(12);
    expect(hashCost(h)).toBe(BCRYPT_COST);
    expect(await verifyPassword("correct horse battery staple", h)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", h)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same password!", 4), hashPassword("same password!", 4)]);
    expect(a).not.toBe(b);
  });

  it("does the same work when there is no hash (unknown account)", async () => {
    const t0 = performance.now();
    expect(await verifyPassword("whatever-password", null)).toBe(false);
    const noUser = performance.now() - t0;
    const h = await hashPassword("whatever-password-2");
    const t1 = performance.now();
    await verifyPassword("whatever-password", h);
    const realUser = performance.now() - t1;
    // Both paths run a cost-12 bcrypt compare: within a factor of 3 of each other.
    expect(noUser).toBeGreaterThan(realUser / 3);
  });

  it("explains weak or over-long passwords", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("x".repeat(73))).toMatch(/at most 72 bytes/);
    expect(passwordProblem("é".repeat(40))).toMatch(/at most 72 bytes/);
    expect(passwordProblem("a fine long passphrase")).toBeNull();
  });
});
