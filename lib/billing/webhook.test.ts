import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { accessForUserId } from "@/lib/access";
import { testDatabase } from "@/test/db";
import { handleStripeWebhook } from "./stripe";
import { checkoutCompleted, paymentFailed, subscriptionEvent } from "@/test/stripe-events";

const t = testDatabase();
afterAll(() => t.cleanup());
const stripe = new Stripe("sk_test_unit_tests_no_network");
const secret = "whsec_unit_test_secret";
const NOW = Math.floor(Date.parse("2026-06-01T00:00:00Z") / 1000);

let userId = "";
beforeEach(async () => {
  await t.prisma.billingEvent.deleteMany();
  await t.prisma.entitlement.deleteMany();
  await t.prisma.subscription.deleteMany();
  await t.prisma.user.deleteMany();
  userId = (await t.prisma.user.create({ data: { email: "buyer@x.test" } })).id;
});

async function deliver(event: object, opts: { sign?: boolean; secret?: string } = {}) {
  const payload = JSON.stringify(event);
  const header = opts.sign === false ? "t=1,v1=deadbeef" : stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? secret });
  return handleStripeWebhook(payload, header, { secret, stripe, prisma: t.prisma });
}
const level = async () => (await accessForUserId(userId, new Date(NOW * 1000 + 1000), t.prisma)).level;
const snapshot = async () => ({
  subs: await t.prisma.subscription.findMany({ orderBy: { externalId: "asc" } }),
  ents: await t.prisma.entitlement.findMany(),
  events: await t.prisma.billingEvent.count(),
});

describe("Stripe webhook", () => {
  it("a bad signature gets 400 and changes nothing", async () => {
    const before = await snapshot();
    const ev = checkoutCompleted({ id: "evt_bad", created: NOW, sub: "sub_1", userId });
    expect((await deliver(ev, { sign: false })).status).toBe(400);
    expect((await deliver(ev, { secret: "whsec_someone_else" })).status).toBe(400);
    const missing = await handleStripeWebhook(JSON.stringify(ev), null, { secret, stripe, prisma: t.prisma });
    expect(missing.status).toBe(400);
    // Body tampered after signing.
    const payload = JSON.stringify(ev);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    const tampered = await handleStripeWebhook(payload.replace(userId, "someone-else"), header, { secret, stripe, prisma: t.prisma });
    expect(tampered.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(await level()).toBe("free");
  });

  it("checkout.session.completed grants Pro", async () => {
    const r = await deliver(checkoutCompleted({ id: "evt_1", created: NOW, sub: "sub_1", userId }));
    expect(r).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await level()).toBe("pro");
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: userId } })).stripeCustomerId).toBe("cus_test");
  });

  it("the same event twice changes nothing the second time", async () => {
    const ev = subscriptionEvent({ id: "evt_dup", type: "customer.subscription.created", created: NOW, sub: "sub_1", userId, status: "active" });
    await deliver(ev);
    const after1 = await snapshot();
    const r2 = await deliver(ev);
    expect(r2.body.outcome).toBe("duplicate");
    expect(await snapshot()).toEqual(after1);
  });

  it("subscription.updated sets the renewal date; deleted revokes at once", async () => {
    await deliver(subscriptionEvent({ id: "evt_c", type: "customer.subscription.created", created: NOW, sub: "sub_1", userId, status: "active", periodEnd: NOW + 86400 }));
    await deliver(subscriptionEvent({ id: "evt_u", type: "customer.subscription.updated", created: NOW + 10, sub: "sub_1", userId, status: "active", periodEnd: NOW + 40 * 86400, cancelAtPeriodEnd: true }));
    const sub = await t.prisma.subscription.findUniqueOrThrow({ where: { externalId: "sub_1" } });
    expect(sub.currentPeriodEnd?.getTime()).toBe((NOW + 40 * 86400) * 1000);
    expect(sub.cancelAtPeriodEnd).toBe(true);
    expect(await level()).toBe("pro");
    await deliver(subscriptionEvent({ id: "evt_d", type: "customer.subscription.deleted", created: NOW + 20, sub: "sub_1", userId, status: "canceled" }));
    expect(await level()).toBe("free");
  });

  it("tolerates out-of-order delivery: an older 'active' after 'deleted' does not restore Pro", async () => {
    await deliver(subscriptionEvent({ id: "evt_d", type: "customer.subscription.deleted", created: NOW + 20, sub: "sub_1", userId, status: "canceled" }));
    const r = await deliver(subscriptionEvent({ id: "evt_u", type: "customer.subscription.updated", created: NOW + 10, sub: "sub_1", userId, status: "active" }));
    expect(r.body.outcome).toBe("stale");
    await deliver(checkoutCompleted({ id: "evt_1", created: NOW, sub: "sub_1", userId }));
    expect(await level()).toBe("free");
  });

  it("invoice.payment_failed revokes; a later recovery restores", async () => {
    await deliver(subscriptionEvent({ id: "evt_c", type: "customer.subscription.created", created: NOW, sub: "sub_1", userId, status: "active" }));
    await deliver(paymentFailed({ id: "evt_f", created: NOW + 5, sub: "sub_1" }));
    expect(await level()).toBe("free");
    expect((await t.prisma.subscription.findUniqueOrThrow({ where: { externalId: "sub_1" } })).status).toBe("past_due");
    await deliver(subscriptionEvent({ id: "evt_ok", type: "customer.subscription.updated", created: NOW + 9, sub: "sub_1", userId, status: "active" }));
    expect(await level()).toBe("pro");
  });

  it("an invoice event before any other still counts once the user is known", async () => {
    await deliver(paymentFailed({ id: "evt_f", created: NOW + 5, sub: "sub_9" }));
    await deliver(subscriptionEvent({ id: "evt_c", type: "customer.subscription.created", created: NOW, sub: "sub_9", userId, status: "active" }));
    expect(await level()).toBe("free");
  });

  it("a customer id already linked to another account does not make delivery fail", async () => {
    await t.prisma.user.create({ data: { email: "other@x.test", stripeCustomerId: "cus_test" } });
    const r = await deliver(checkoutCompleted({ id: "evt_1", created: NOW, sub: "sub_1", userId }));
    expect(r.status).toBe(200);
    expect(await level()).toBe("pro");
  });

  it("ignores unrelated event types but records them", async () => {
    const r = await deliver({ id: "evt_x", object: "event", type: "customer.created", created: NOW, data: { object: { id: "cus_1" } } });
    expect(r.body.outcome).toBe("ignored");
    expect(await t.prisma.billingEvent.count()).toBe(1);
  });

  it("malformed but correctly signed JSON is a 400, not a crash", async () => {
    const payload = "{}";
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect((await handleStripeWebhook(payload, header, { secret, stripe, prisma: t.prisma })).status).toBe(400);
  });
});
