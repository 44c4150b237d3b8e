import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { accessForUserId } from "@/lib/access";
import { testDatabase } from "@/test/db";
import { applyBillingEvent, eventKey } from "./apply";
import { ENTITLING_STATUSES, type BillingEventInput, type SubscriptionStatus } from "./types";

/**
 * Property: whatever order webhook events arrive in, and however often each is repeated, the
 * final entitlement equals the model's: for each subscription, the status of its greatest event
 * (by eventKey) and the period of its greatest period-carrying event; Pro iff some subscription
 * is entitling and its period has not ended.
 */
const t = testDatabase();
afterAll(() => t.cleanup());

const T0 = Date.parse("2026-06-01T00:00:00Z");
const NOW = new Date(T0 + 50_000);
const TYPES = ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "invoice.payment_failed", "customer.subscription.deleted"] as const;
const STATUSES: SubscriptionStatus[] = ["active", "trialing", "past_due", "canceled", "incomplete", "unpaid"];

const eventArb = (userId: string) =>
  fc
    .record({
      n: fc.nat(),
      sub: fc.constantFrom("sub_a", "sub_b"),
      type: fc.constantFrom(...TYPES),
      // Coarse times (seconds, few values) so that ties are common, as with Stripe.
      second: fc.integer({ min: 0, max: 6 }),
      status: fc.constantFrom(...STATUSES),
      // Period ends around NOW: some already over, some not.
      periodEnd: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
      cancelAtPeriodEnd: fc.boolean(),
    })
    .map((r): BillingEventInput => {
      const status: SubscriptionStatus =
        r.type === "customer.subscription.deleted" ? "canceled" : r.type === "invoice.payment_failed" ? "past_due" : r.type === "checkout.session.completed" ? "active" : r.status;
      const carriesPeriod = r.type.startsWith("customer.subscription.");
      return {
        id: `evt_${r.n}_${r.sub}_${r.type}_${r.second}`,
        provider: "stripe",
        type: r.type,
        created: new Date(T0 + r.second * 1000),
        change: {
          externalId: r.sub,
          userId,
          customerId: "cus_1",
          status,
          period: carriesPeriod ? { currentPeriodEnd: r.periodEnd === null ? null : new Date(NOW.getTime() + r.periodEnd * 1000), cancelAtPeriodEnd: r.cancelAtPeriodEnd } : null,
          plan: "pro",
        },
      };
    });

function model(events: BillingEventInput[]): boolean {
  const unique = new Map(events.map((e) => [e.id, e]));
  const bySub = new Map<string, BillingEventInput[]>();
  for (const e of unique.values()) if (e.change) bySub.set(e.change.externalId, [...(bySub.get(e.change.externalId) ?? []), e]);
  let entitled = false;
  for (const evs of bySub.values()) {
    const sorted = [...evs].sort((a, b) => (eventKey(a) < eventKey(b) ? -1 : 1));
    const last = sorted[sorted.length - 1];
    const lastPeriod = sorted.filter((e) => e.change?.period).pop();
    const status = last?.change?.status ?? "incomplete";
    const end = lastPeriod?.change?.period?.currentPeriodEnd ?? null;
    if (ENTITLING_STATUSES.has(status) && (end === null || end.getTime() > NOW.getTime())) entitled = true;
  }
  return entitled;
}

describe("billing events: order and repetition do not matter", () => {
  it("final entitlement matches the model for random sequences with duplicates and reordering", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb("U"), { minLength: 1, maxLength: 8 }).chain((evs) =>
          // Deliveries: every event at least once, some twice, in a random order.
          fc.tuple(
            fc.constant(evs),
            fc.shuffledSubarray(evs, { minLength: 0 }).chain((dups) => fc.shuffledSubarray([...evs, ...dups], { minLength: evs.length + dups.length })),
          ),
        ),
        async ([events, deliveries]) => {
          // A fresh user per run (shrinking replays runs), with its own subscriptions and event ids.
          const uid = `user_${run++}`;
          await t.prisma.user.create({ data: { id: uid, email: `${uid}@x.test` } });
          const mine = (e: BillingEventInput): BillingEventInput => ({
            ...e,
            id: `${uid}_${e.id}`,
            change: e.change ? { ...e.change, userId: uid, customerId: `${uid}_cus`, externalId: `${uid}_${e.change.externalId}` } : null,
          });
          for (const e of deliveries) await applyBillingEvent(mine(e), t.prisma);
          const got = (await accessForUserId(uid, NOW, t.prisma)).level === "pro";
          expect(got).toBe(model(events.map(mine)));
          // Replaying everything again changes nothing.
          for (const e of deliveries) expect((await applyBillingEvent(mine(e), t.prisma)).outcome).toBe("duplicate");
        },
      ),
      { numRuns: 120, seed: Number(process.env.FC_SEED ?? 20261204) },
    );
  });
});
