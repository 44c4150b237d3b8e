import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/db";
import { accessForUserId, canSeePro, decideAccess } from "./index";

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
  it("a session for a missing user is anonymous", async () => {
    expect((await accessForUserId("no-such-user", now, t.prisma)).level).toBe("anonymous");
    expect((await accessForUserId(undefined, now, t.prisma)).level).toBe("anonymous");
  });
});
