/** Billing events in one provider-neutral shape: Stripe webhooks and the local test-mode checkout both produce these. */

export const SUBSCRIPTION_STATUSES = [
  "active",
  "trialing",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
  "paused",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Statuses that give access (until the paid period ends). */
export const ENTITLING_STATUSES: ReadonlySet<string> = new Set<SubscriptionStatus>(["active", "trialing"]);

/**
 * The event types we act on, in lifecycle order. When two events carry the same timestamp the
 * later one in this list wins (Stripe timestamps have one-second resolution).
 */
export const EVENT_TYPES = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "invoice.payment_failed",
  "customer.subscription.deleted",
] as const;
export type HandledEventType = (typeof EVENT_TYPES)[number];

export interface SubscriptionChange {
  externalId: string;
  /** Our user id when the event names it (metadata / client_reference_id). */
  userId: string | null;
  customerId: string | null;
  status: SubscriptionStatus;
  /** Present only when the event carries the billing period; null = this event says nothing about it. */
  period: { currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean } | null;
  plan: string;
}

export interface BillingEventInput {
  /** Stripe's event id, or `local_evt_…` for the test-mode checkout. */
  id: string;
  provider: "stripe" | "local";
  type: string;
  created: Date;
  /** null: an event we record (for idempotency) but that changes no subscription. */
  change: SubscriptionChange | null;
}

export interface ApplyResult {
  outcome: "applied" | "stale" | "duplicate" | "ignored";
  userId: string | null;
}
