/** Builders for Stripe-shaped event payloads (tests only). */
export interface StripeSubEventOpts {
  id: string;
  type: "customer.subscription.created" | "customer.subscription.updated" | "customer.subscription.deleted";
  created: number;
  sub: string;
  userId?: string;
  status: string;
  periodEnd?: number;
  cancelAtPeriodEnd?: boolean;
}

export function subscriptionEvent(o: StripeSubEventOpts) {
  return {
    id: o.id,
    object: "event",
    type: o.type,
    created: o.created,
    data: {
      object: {
        id: o.sub,
        object: "subscription",
        customer: "cus_test",
        status: o.status,
        cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
        metadata: o.userId ? { userId: o.userId } : {},
        items: { data: [{ id: "si_1", current_period_end: o.periodEnd ?? o.created + 30 * 86400 }] },
      },
    },
  };
}

export function checkoutCompleted(o: { id: string; created: number; sub: string; userId: string; paid?: boolean }) {
  return {
    id: o.id,
    object: "event",
    type: "checkout.session.completed",
    created: o.created,
    data: {
      object: {
        id: `cs_${o.id}`,
        object: "checkout.session",
        mode: "subscription",
        subscription: o.sub,
        customer: "cus_test",
        client_reference_id: o.userId,
        payment_status: o.paid === false ? "unpaid" : "paid",
      },
    },
  };
}

export function paymentFailed(o: { id: string; created: number; sub: string; userId?: string }) {
  return {
    id: o.id,
    object: "event",
    type: "invoice.payment_failed",
    created: o.created,
    data: {
      object: {
        id: `in_${o.id}`,
        object: "invoice",
        customer: "cus_test",
        parent: { type: "subscription_details", subscription_details: { subscription: o.sub, metadata: o.userId ? { userId: o.userId } : {} } },
      },
    },
  };
}
