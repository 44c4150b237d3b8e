import { describe, expect, it } from "vitest";
import { billingMode, localCheckoutAllowed } from "./config";

describe("the local test-mode checkout cannot be on in production by accident", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "test" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", HUNTBOOK_LOCAL_CHECKOUT: "true" }, false],
    [{ NODE_ENV: "production", HUNTBOOK_LOCAL_CHECKOUT: "1" }, true],
    [{ NODE_ENV: "development", HUNTBOOK_LOCAL_CHECKOUT: "0" }, false],
    [{ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_x" }, false],
    [{ NODE_ENV: "production", HUNTBOOK_LOCAL_CHECKOUT: "1", STRIPE_SECRET_KEY: "sk_live_x" }, false],
  ])("%j → %s", (env, want) => expect(localCheckoutAllowed(env)).toBe(want));

  it("Stripe wins when configured", () => {
    expect(billingMode({ STRIPE_SECRET_KEY: "sk_test_x", NODE_ENV: "development" })).toBe("stripe");
    expect(billingMode({ NODE_ENV: "production" })).toBe("none");
    expect(billingMode({ NODE_ENV: "development" })).toBe("local");
  });
});
