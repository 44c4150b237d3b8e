import "server-only";
import { randomUUID } from "node:crypto";
import { db, type PrismaClient } from "@/lib/db/client";
import { applyBillingEvent } from "./apply";
import { LOCAL_PERIOD_DAYS, localCheckoutAllowed } from "./config";
import type { ApplyResult } from "./types";

/**
 * The local test-mode checkout: no payment provider, no money. It produces the same billing
 * events a Stripe webhook would and hands them to the same applyBillingEvent().
 */

export class LocalCheckoutDisabled extends Error {
  constructor() {
    super("The local test-mode checkout is disabled (Stripe is configured, or NODE_ENV=production without HUNTBOOK_LOCAL_CHECKOUT=1).");
  }
}

export async function localSubscribe(userId: string, now = new Date(), prisma: PrismaClient = db()): Promise<ApplyResult> {
  if (!localCheckoutAllowed()) throw new LocalCheckoutDisabled();
  const end = new Date(now.getTime() + LOCAL_PERIOD_DAYS * 24 * 3600 * 1000);
  return applyBillingEvent(
    {
      id: `local_evt_${randomUUID()}`,
      provider: "local",
      type: "customer.subscription.created",
      created: now,
      change: {
        externalId: `local_sub_${randomUUID()}`,
        userId,
        customerId: null,
        status: "active",
        period: { currentPeriodEnd: end, cancelAtPeriodEnd: false },
        plan: "pro",
      },
    },
    prisma,
  );
}

/** Cancels immediately (test mode has no paid period to honour). */
export async function localCancel(userId: string, externalId: string, now = new Date(), prisma: PrismaClient = db()): Promise<ApplyResult> {
  if (!localCheckoutAllowed()) throw new LocalCheckoutDisabled();
  const sub = await prisma.subscription.findUnique({ where: { externalId } });
  if (!sub || sub.userId !== userId || sub.provider !== "local") throw new Error("no such subscription");
  return applyBillingEvent(
    {
      id: `local_evt_${randomUUID()}`,
      provider: "local",
      type: "customer.subscription.deleted",
      created: now,
      change: { externalId, userId, customerId: null, status: "canceled", period: null, plan: sub.plan },
    },
    prisma,
  );
}
