"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { CheckoutState } from "@/components/billing/SubscribeForm";
import { getAccess } from "@/lib/access";
import { billingMode } from "@/lib/billing/config";
import { createStripeCheckout } from "@/lib/billing/stripe";
import { db } from "@/lib/db/client";
import { isSameOrigin } from "@/lib/security/origin";
import { siteUrl } from "@/lib/site";

export async function startCheckout(_prev: CheckoutState | null, _form: FormData): Promise<CheckoutState> {
  if (!isSameOrigin(await headers())) return { ok: false, message: "This form must be sent from the Huntbook site itself." };
  const access = await getAccess();
  if (access.level === "anonymous") redirect(`/signin?callbackUrl=${encodeURIComponent("/pricing")}`);
  if (access.level === "pro") redirect("/account");
  const mode = billingMode();
  if (mode === "local") redirect("/checkout/local");
  if (mode === "none") return { ok: false, message: "Subscriptions are not available on this server yet (no payment provider is configured)." };
  let url: string;
  try {
    const user = await db().user.findUniqueOrThrow({ where: { id: access.user.id }, select: { id: true, email: true, stripeCustomerId: true } });
    url = await createStripeCheckout(user, siteUrl());
  } catch (e) {
    console.error("checkout failed", e);
    return { ok: false, message: "The payment page could not be opened. Try again in a minute." };
  }
  redirect(url);
}
