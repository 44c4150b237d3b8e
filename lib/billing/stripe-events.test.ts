import { describe, expect, it } from "vitest";
import { fromStripeEvent } from "./stripe-events";

describe("Stripe payloads → billing events", () => {
  it("reads the period end from subscription items (API 2025-03 and later) or the legacy top-level field", () => {
    const base = { id: "evt", type: "customer.subscription.updated", created: 100 };
    const modern = fromStripeEvent({ ...base, data: { object: { id: "sub_1", status: "active", items: { data: [{ current_period_end: 500 }, { current_period_end: 700 }] } } } });
    expect(modern?.change?.period?.currentPeriodEnd?.getTime()).toBe(700_000);
    const legacy = fromStripeEvent({ ...base, data: { object: { id: "sub_1", status: "active", current_period_end: 600 } } });
    expect(legacy?.change?.period?.currentPeriodEnd?.getTime()).toBe(600_000);
  });

  it("finds the subscription of a failed invoice in either API shape", () => {
    const base = { id: "evt", type: "invoice.payment_failed", created: 100 };
    expect(fromStripeEvent({ ...base, data: { object: { subscription: "sub_old" } } })?.change?.externalId).toBe("sub_old");
    const modern = fromStripeEvent({ ...base, data: { object: { parent: { subscription_details: { subscription: "sub_new", metadata: { userId: "u1" } } } } } });
    expect(modern?.change).toMatchObject({ externalId: "sub_new", userId: "u1", status: "past_due", period: null });
  });

  it("deleted always means canceled; unknown statuses are not entitling", () => {
    const del = fromStripeEvent({ id: "e", type: "customer.subscription.deleted", created: 1, data: { object: { id: "s", status: "active" } } });
    expect(del?.change?.status).toBe("canceled");
    const odd = fromStripeEvent({ id: "e", type: "customer.subscription.updated", created: 1, data: { object: { id: "s", status: "wat" } } });
    expect(odd?.change?.status).toBe("incomplete");
  });

  it("one-off checkouts and malformed events change nothing", () => {
    expect(fromStripeEvent({ id: "e", type: "checkout.session.completed", created: 1, data: { object: { mode: "payment" } } })?.change).toBeNull();
    expect(fromStripeEvent({ type: "x" })).toBeNull();
    expect(fromStripeEvent("nope")).toBeNull();
    expect(fromStripeEvent({ id: "e", type: "customer.subscription.updated", created: 1 })?.change).toBeNull();
  });
});
