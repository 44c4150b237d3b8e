import { NextResponse } from "next/server";
import { handleStripeWebhook, stripe } from "@/lib/billing/stripe";

export const dynamic = "force-dynamic";

/**
 * Stripe webhook. Authenticated by its signature (not by Origin: Stripe is the caller). A bad
 * signature is a 400 and changes nothing; see lib/billing/apply.ts for idempotency and ordering.
 */
export async function POST(req: Request) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!process.env.STRIPE_SECRET_KEY || !secret) {
    return NextResponse.json({ received: false, error: "Stripe is not configured on this server" }, { status: 404 });
  }
  const body = await req.text();
  if (body.length > 1_000_000) return NextResponse.json({ received: false, error: "payload too large" }, { status: 413 });
  try {
    const r = await handleStripeWebhook(body, req.headers.get("stripe-signature"), { secret, stripe: stripe() });
    return NextResponse.json(r.body, { status: r.status, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error("stripe webhook failed", e);
    return NextResponse.json({ received: false, error: "processing failed; Stripe will retry" }, { status: 500 });
  }
}
