"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAccess } from "@/lib/access";
import { currentSubscription } from "@/lib/billing/account";
import { localCancel } from "@/lib/billing/local";
import { cancelStripeSubscription, createBillingPortal } from "@/lib/billing/stripe";
import { db } from "@/lib/db/client";
import { isSameOrigin } from "@/lib/security/origin";
import { siteUrl } from "@/lib/site";

async function signedInUser() {
  if (!isSameOrigin(await headers())) redirect("/account?error=origin");
  const access = await getAccess();
  if (access.level === "anonymous") redirect("/signin?callbackUrl=%2Faccount");
  return access.user;
}

export async function cancelSubscription(_form: FormData): Promise<void> {
  const user = await signedInUser();
  const sub = await currentSubscription(user.id);
  if (!sub || sub.status === "canceled") redirect("/account");
  try {
    if (sub.provider === "local") await localCancel(user.id, sub.externalId);
    else await cancelStripeSubscription(sub.externalId);
  } catch (e) {
    console.error("cancel failed", e);
    redirect("/account?error=cancel");
  }
  redirect("/account?cancelled=1");
}

export async function openBillingPortal(_form: FormData): Promise<void> {
  const user = await signedInUser();
  const row = await db().user.findUnique({ where: { id: user.id }, select: { stripeCustomerId: true } });
  if (!row?.stripeCustomerId || !process.env.STRIPE_SECRET_KEY) redirect("/account?error=portal");
  let url: string;
  try {
    url = await createBillingPortal(row.stripeCustomerId, siteUrl());
  } catch (e) {
    console.error("billing portal failed", e);
    redirect("/account?error=portal");
  }
  redirect(url);
}
