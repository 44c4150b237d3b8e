import "server-only";
import { db, type PrismaClient, type Tx } from "@/lib/db/client";
import { ENTITLING_STATUSES, EVENT_TYPES, type ApplyResult, type BillingEventInput } from "./types";

/**
 * THE function that grants and revokes Pro. Both the Stripe webhook and the local test-mode
 * checkout call it. In one transaction it:
 *   1. records the event id (a second delivery of the same event changes nothing),
 *   2. stores the subscription snapshot unless a newer event already did (out-of-order
 *      deliveries cannot roll state back: see eventKey),
 *   3. recomputes the user's entitlement from all their subscriptions.
 * The result depends only on the set of events delivered, not on their order or repetition.
 */

/** A total order on events: time, then lifecycle position of the type, then id. Fixed-width so strings compare. */
export function eventKey(e: Pick<BillingEventInput, "created" | "type" | "id">): string {
  const t = String(Math.max(0, e.created.getTime())).padStart(15, "0");
  const rank = EVENT_TYPES.indexOf(e.type as (typeof EVENT_TYPES)[number]);
  return `${t}:${rank < 0 ? 9 : rank}:${e.id}`;
}

export async function applyBillingEvent(event: BillingEventInput, prisma: PrismaClient = db()): Promise<ApplyResult> {
  return prisma.$transaction(async (tx) => {
    if (await tx.billingEvent.findUnique({ where: { id: event.id } })) return { outcome: "duplicate", userId: null };
    const result = await applyChange(tx, event);
    await tx.billingEvent.create({
      data: { id: event.id, provider: event.provider, type: event.type, createdAt: event.created, outcome: result.outcome },
    });
    return result;
  });
}

async function applyChange(tx: Tx, event: BillingEventInput): Promise<ApplyResult> {
  const c = event.change;
  if (!c) return { outcome: "ignored", userId: null };
  const key = eventKey(event);
  // Only link users that exist (metadata is ours, but a deleted account must not break delivery).
  const userId = c.userId && (await tx.user.findUnique({ where: { id: c.userId }, select: { id: true } })) ? c.userId : null;
  const existing = await tx.subscription.findUnique({ where: { externalId: c.externalId } });
  let outcome: ApplyResult["outcome"];
  if (!existing) {
    await tx.subscription.create({
      data: {
        provider: event.provider,
        externalId: c.externalId,
        userId,
        customerId: c.customerId,
        plan: c.plan,
        status: c.status,
        eventKey: key,
        currentPeriodEnd: c.period?.currentPeriodEnd ?? null,
        cancelAtPeriodEnd: c.period?.cancelAtPeriodEnd ?? false,
        periodEventKey: c.period ? key : "",
      },
    });
    outcome = "applied";
  } else {
    const newerStatus = key > existing.eventKey;
    const newerPeriod = c.period !== null && key > existing.periodEventKey;
    await tx.subscription.update({
      where: { id: existing.id },
      data: {
        userId: existing.userId ?? userId,
        customerId: existing.customerId ?? c.customerId,
        ...(newerStatus ? { status: c.status, plan: c.plan, eventKey: key } : {}),
        ...(newerPeriod && c.period
          ? { currentPeriodEnd: c.period.currentPeriodEnd, cancelAtPeriodEnd: c.period.cancelAtPeriodEnd, periodEventKey: key }
          : {}),
      },
    });
    outcome = newerStatus || newerPeriod ? "applied" : "stale";
  }
  const owner = existing?.userId ?? userId;
  if (owner) {
    // Remember the Stripe customer for the billing portal, unless another account already has it
    // (a unique-constraint failure here would fail the delivery for ever).
    if (c.customerId && event.provider === "stripe" && !(await tx.user.findUnique({ where: { stripeCustomerId: c.customerId }, select: { id: true } }))) {
      await tx.user.updateMany({ where: { id: owner, stripeCustomerId: null }, data: { stripeCustomerId: c.customerId } });
    }
    await recomputeEntitlement(tx, owner);
  }
  return { outcome, userId: owner };
}

/** Pro entitlement = any subscription in an entitling status; it expires with the latest paid period. */
export async function recomputeEntitlement(tx: Tx, userId: string): Promise<void> {
  const subs = await tx.subscription.findMany({ where: { userId } });
  const entitling = subs.filter((s) => ENTITLING_STATUSES.has(s.status));
  const active = entitling.length > 0;
  const expiresAt = !active || entitling.some((s) => s.currentPeriodEnd === null) ? null : new Date(Math.max(...entitling.map((s) => s.currentPeriodEnd?.getTime() ?? 0)));
  const subscriptionId = entitling[0]?.id ?? subs[0]?.id ?? null;
  await tx.entitlement.upsert({
    where: { userId_feature: { userId, feature: "pro" } },
    create: { userId, feature: "pro", active, expiresAt, subscriptionId },
    update: { active, expiresAt, subscriptionId },
  });
}
