import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/db";
import { encode } from "next-auth/jwt";
import { accessForUserId, canSeePro, decideAccess, sessionUserId } from "./index";

const t = testDatabase();
afterAll(() => t.cleanup());
const user = { id: "u1", email: "u@x.test", name: null };
const now = new Date("2026-06-01T00:00:00Z");

describe("decideAccess", () => {
  it("anonymous without a user", () => expect(decideAccess(null, { active: true, expiresAt: null }, now).level).toBe("anonymous"));
  it("free without an entitlement", () => expect(decideAccess(user, null, now).level).toBe("free"));
  it("free with an inactive entitlement", () => expect(decideAccess(user, { active: false, expiresAt: null }, now).level).toBe("free"));
  it("free once the paid period has ended", () =>
    expect(decideAccess(user, { active: true, expiresAt: new Date("2026-05-31T23:59:59Z") }, now).level).toBe("free"));
  it("pro with an active, unexpired entitlement, and hands out a grant", () => {
    const a = decideAccess(user, { active: true, expiresAt: new Date("2026-07-01T00:00:00Z") }, now);
    expect(a.level).toBe("pro");
    expect(canSeePro(a) && a.grant.userId).toBe("u1");
  });
  it("expiry is exclusive: access ends at expiresAt", () => expect(decideAccess(user, { active: true, expiresAt: now }, now).level).toBe("free"));
});

describe("accessForUserId reads the database every time", () => {
  it("follows entitlement changes immediately", async () => {
    const u = await t.prisma.user.create({ data: { email: "db@x.test" } });
    expect((await accessForUserId(u.id, now, t.prisma)).level).toBe("free");
    await t.prisma.entitlement.create({ data: { userId: u.id, feature: "pro", active: true, expiresAt: new Date("2026-07-01Z") } });
    expect((await accessForUserId(u.id, now, t.prisma)).level).toBe("pro");
    await t.prisma.entitlement.update({ where: { userId_feature: { userId: u.id, feature: "pro" } }, data: { active: false } });
    expect((await accessForUserId(u.id, now, t.prisma)).level).toBe("free");
  });
  it("reads the end of the paid period from the database, and no end date means no end", async () => {
    const u = await t.prisma.user.create({ data: { email: "period@x.test", name: "Period" } });
    const end = new Date("2026-06-15T12:00:00Z");
    await t.prisma.entitlement.create({ data: { userId: u.id, feature: "pro", active: true, expiresAt: end } });
    const a = await accessForUserId(u.id, now, t.prisma);
    expect(a.level).toBe("pro");
    expect(a.level === "pro" && a.expiresAt?.toISOString()).toBe(end.toISOString());
    expect(a.level === "pro" && a.user).toEqual({ id: u.id, email: "period@x.test", name: "Period" });
    expect((await accessForUserId(u.id, new Date("2026-06-15T12:00:01Z"), t.prisma)).level).toBe("free");
    await t.prisma.entitlement.update({ where: { userId_feature: { userId: u.id, feature: "pro" } }, data: { expiresAt: null } });
    expect((await accessForUserId(u.id, new Date("2030-01-01Z"), t.prisma)).level).toBe("pro");
    // Another feature's entitlement does not make anyone Pro.
    const v = await t.prisma.user.create({ data: { email: "other@x.test" } });
    await t.prisma.entitlement.create({ data: { userId: v.id, feature: "teams", active: true, expiresAt: null } });
    expect((await accessForUserId(v.id, now, t.prisma)).level).toBe("free");
  });
  it("a session for a missing user is anonymous", async () => {
    expect((await accessForUserId("no-such-user", now, t.prisma)).level).toBe("anonymous");
    expect((await accessForUserId(undefined, now, t.prisma)).level).toBe("anonymous");
  });
});

describe("sessionUserId reads next-auth's session token", () => {
  const secret = "test-secret-for-session-tokens";
  const name = "next-auth.session-token";
  const jar = (c: Record<string, string>) => (n: string) => c[n];
  it("returns the token's subject for a valid token, whole or in chunks", async () => {
    const token = await encode({ token: { sub: "user-42", email: "a@x.test" }, secret });
    expect(await sessionUserId(jar({ [name]: token }), name, secret)).toBe("user-42");
    const mid = Math.floor(token.length / 2);
    expect(await sessionUserId(jar({ [`${name}.0`]: token.slice(0, mid), [`${name}.1`]: token.slice(mid) }), name, secret)).toBe("user-42");
  });
  it("returns null without a cookie, for another secret, a tampered or an expired token", async () => {
    const token = await encode({ token: { sub: "user-42" }, secret });
    expect(await sessionUserId(jar({}), name, secret)).toBeNull();
    expect(await sessionUserId(jar({ [name]: token }), name, "another-secret")).toBeNull();
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionUserId(jar({ [name]: tampered }), name, secret)).toBeNull();
    const expired = await encode({ token: { sub: "user-42" }, secret, maxAge: -60 });
    expect(await sessionUserId(jar({ [name]: expired }), name, secret)).toBeNull();
    expect(await sessionUserId(jar({ [name]: token }), name, undefined)).toBeNull();
  });
});
