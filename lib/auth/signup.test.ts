import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/db";
import { verifyPassword } from "./password";
import { registerWithPassword } from "./signup";

const t = testDatabase();
afterAll(() => t.cleanup());

describe("sign-up", () => {
  it("reports malformed input per field, never throws", async () => {
    const r = await registerWithPassword({ email: "nope", password: "short", confirm: "short" }, t.prisma);
    expect(r.ok).toBe(false);
    expect(r.fields?.email).toMatch(/email address/);
    expect(r.fields?.password).toMatch(/at least 10/);
    const weird = await registerWithPassword({ email: null, password: 42, confirm: undefined }, t.prisma);
    expect(weird.ok).toBe(false);
    const mismatch = await registerWithPassword({ email: "m@x.test", password: "long enough pw", confirm: "different pw!!" }, t.prisma);
    expect(mismatch.fields?.confirm).toMatch(/differ/);
  });

  it("answers the same for a new and an existing address, and never overwrites a password", async () => {
    const first = await registerWithPassword({ email: "Same@X.test", password: "first password 1", confirm: "first password 1" }, t.prisma);
    const again = await registerWithPassword({ email: "same@x.test", password: "second password 2", confirm: "second password 2" }, t.prisma);
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const u = await t.prisma.user.findUniqueOrThrow({ where: { email: "same@x.test" } });
    expect(await verifyPassword("first password 1", u.passwordHash)).toBe(true);
  });
});

describe("isUniqueViolation", () => {
  it("recognises P2002 by its code, whichever copy of the client class made it", async () => {
    const { isUniqueViolation } = await import("./signup");
    class ForeignKnownRequestError extends Error {
      code = "P2002";
    }
    expect(isUniqueViolation(new ForeignKnownRequestError("Unique constraint failed on the fields: (`email`)"))).toBe(true);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
