import "server-only";

/** Which checkout is in use. Stripe wins when its secret key is set. */
export type BillingMode = "stripe" | "local" | "none";

export function billingMode(env: Record<string, string | undefined> = process.env): BillingMode {
  if (env.STRIPE_SECRET_KEY) return "stripe";
  return localCheckoutAllowed(env) ? "local" : "none";
}

/**
 * The local test-mode checkout grants Pro without payment, so it must never be on in production
 * by accident: it is off whenever Stripe is configured, and under NODE_ENV=production (which
 * `next start` sets) it needs an explicit HUNTBOOK_LOCAL_CHECKOUT=1.
 */
export function localCheckoutAllowed(env: Record<string, string | undefined> = process.env): boolean {
  if (env.STRIPE_SECRET_KEY) return false;
  if (env.HUNTBOOK_LOCAL_CHECKOUT === "0") return false;
  if (env.NODE_ENV === "production") return env.HUNTBOOK_LOCAL_CHECKOUT === "1";
  return true;
}

export const PRO_PRICE_LABEL = "US$19 per month";
export const LOCAL_PERIOD_DAYS = 30;
