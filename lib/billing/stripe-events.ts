/**
 * Stripe event payloads → provider-neutral billing events. Reads the JSON defensively (fields
 * moved between API versions: the billing period lives on subscription items since 2025-03), so
 * it does not depend on one version's TypeScript types.
 */
import { SUBSCRIPTION_STATUSES, type BillingEventInput, type SubscriptionChange, type SubscriptionStatus } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const idOf = (v: unknown): string | null => str(v) ?? (isObj(v) ? str(v.id) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function status(v: unknown): SubscriptionStatus {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(String(v)) ? (v as SubscriptionStatus) : "incomplete";
}

function metadataUser(...objs: unknown[]): string | null {
  for (const o of objs) if (isObj(o) && isObj(o.metadata) && str(o.metadata.userId)) return str(o.metadata.userId);
  return null;
}

function periodEnd(sub: Obj): Date | null {
  const items = isObj(sub.items) && Array.isArray(sub.items.data) ? sub.items.data : [];
  const ends = items.map((i) => (isObj(i) ? num(i.current_period_end) : null)).filter((n): n is number => n !== null);
  const end = ends.length > 0 ? Math.max(...ends) : num(sub.current_period_end);
  return end === null ? null : new Date(end * 1000);
}

function subscriptionChange(sub: Obj): SubscriptionChange | null {
  const externalId = str(sub.id);
  if (!externalId) return null;
  return {
    externalId,
    userId: metadataUser(sub),
    customerId: idOf(sub.customer),
    status: status(sub.status),
    period: { currentPeriodEnd: periodEnd(sub), cancelAtPeriodEnd: sub.cancel_at_period_end === true },
    plan: "pro",
  };
}

export function fromStripeEvent(event: unknown): BillingEventInput | null {
  if (!isObj(event)) return null;
  const id = str(event.id);
  const type = str(event.type);
  const created = num(event.created);
  if (!id || !type || created === null) return null;
  const base = { id, provider: "stripe" as const, type, created: new Date(created * 1000) };
  const object = isObj(event.data) && isObj(event.data.object) ? event.data.object : null;
  if (!object) return { ...base, change: null };
  switch (type) {
    case "checkout.session.completed": {
      const externalId = idOf(object.subscription);
      if (object.mode !== "subscription" || !externalId) return { ...base, change: null };
      const paid = object.payment_status === "paid" || object.payment_status === "no_payment_required";
      return {
        ...base,
        change: {
          externalId,
          userId: str(object.client_reference_id) ?? metadataUser(object),
          customerId: idOf(object.customer),
          status: paid ? "active" : "incomplete",
          period: null,
          plan: "pro",
        },
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const change = subscriptionChange(object);
      if (change && type === "customer.subscription.deleted") change.status = "canceled";
      return { ...base, change };
    }
    case "invoice.payment_failed": {
      const parent = isObj(object.parent) && isObj(object.parent.subscription_details) ? object.parent.subscription_details : null;
      const externalId = idOf(parent?.subscription) ?? idOf(object.subscription);
      if (!externalId) return { ...base, change: null };
      return {
        ...base,
        change: {
          externalId,
          userId: metadataUser(parent, object.subscription_details),
          customerId: idOf(object.customer),
          // Access stops when a renewal payment fails (Stripe keeps retrying; a later
          // customer.subscription.updated with status active restores it).
          status: "past_due",
          period: null,
          plan: "pro",
        },
      };
    }
    default:
      return { ...base, change: null };
  }
}
