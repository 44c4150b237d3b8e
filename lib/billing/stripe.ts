import "server-only";
import Stripe from "stripe";
import { db, type PrismaClient } from "@/lib/db/client";
import { applyBillingEvent } from "./apply";
import { fromStripeEvent } from "./stripe-events";
import type { ApplyResult } from "./types";

let client: Stripe | null = null;
export function stripe(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  client ??= new Stripe(key);
  return client;
}

export interface WebhookResponse {
  status: number;
  body: { received: boolean; outcome?: ApplyResult["outcome"]; error?: string };
}

/**
 * Verifies the Stripe-Signature header against the raw body, then applies the event. A bad or
 * missing signature is a 400 and touches nothing. Processing errors are a 500 so Stripe retries.
 */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  opts: { secret: string; stripe: Stripe; prisma?: PrismaClient },
): Promise<WebhookResponse> {
  if (!signature) return { status: 400, body: { received: false, error: "missing Stripe-Signature header" } };
  let event: unknown;
  try {
    event = await opts.stripe.webhooks.constructEventAsync(rawBody, signature, opts.secret);
  } catch {
    return { status: 400, body: { received: false, error: "invalid signature" } };
  }
  const input = fromStripeEvent(event);
  if (!input) return { status: 400, body: { received: false, error: "malformed event" } };
  const result = await applyBillingEvent(input, opts.prisma ?? db());
  return { status: 200, body: { received: true, outcome: result.outcome } };
}

export async function createStripeCheckout(user: { id: string; email: string; stripeCustomerId: string | null }, origin: string): Promise<string> {
  const price = process.env.STRIPE_PRICE_ID;
  if (!price) throw new Error("STRIPE_PRICE_ID is not set");
  const session = await stripe().checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price, quantity: 1 }],
    client_reference_id: user.id,
    ...(user.stripeCustomerId ? { customer: user.stripeCustomerId } : { customer_email: user.email }),
    subscription_data: { metadata: { userId: user.id } },
    metadata: { userId: user.id },
    success_url: `${origin}/account?checkout=success`,
    cancel_url: `${origin}/pricing?checkout=cancelled`,
  });
  if (!session.url) throw new Error("Stripe returned no checkout URL");
  return session.url;
}

export async function createBillingPortal(customerId: string, origin: string): Promise<string> {
  const s = await stripe().billingPortal.sessions.create({ customer: customerId, return_url: `${origin}/account` });
  return s.url;
}

/** Cancels at the end of the paid period; the webhook then updates our records. */
export async function cancelStripeSubscription(externalId: string): Promise<void> {
  await stripe().subscriptions.update(externalId, { cancel_at_period_end: true });
}
