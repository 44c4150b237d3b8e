import "server-only";
import { db, type PrismaClient } from "@/lib/db/client";
import { ENTITLING_STATUSES } from "./types";

export interface SubscriptionSummary {
  provider: string;
  externalId: string;
  plan: string;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
}

/** The subscription the account page shows: an entitling one if any, else the latest. */
export async function currentSubscription(userId: string, prisma: PrismaClient = db()): Promise<SubscriptionSummary | null> {
  const subs = await prisma.subscription.findMany({ where: { userId }, orderBy: { updatedAt: "desc" } });
  const pick = subs.find((s) => ENTITLING_STATUSES.has(s.status)) ?? subs[0];
  if (!pick) return null;
  return {
    provider: pick.provider,
    externalId: pick.externalId,
    plan: pick.plan,
    status: pick.status,
    currentPeriodEnd: pick.currentPeriodEnd,
    cancelAtPeriodEnd: pick.cancelAtPeriodEnd,
  };
}
