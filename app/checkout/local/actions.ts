"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAccess } from "@/lib/access";
import { localCheckoutAllowed } from "@/lib/billing/config";
import { localSubscribe } from "@/lib/billing/local";
import { isSameOrigin } from "@/lib/security/origin";

export async function confirmLocalCheckout(_form: FormData): Promise<void> {
  if (!isSameOrigin(await headers())) redirect("/checkout/local?error=origin");
  if (!localCheckoutAllowed()) redirect("/pricing");
  const access = await getAccess();
  if (access.level === "anonymous") redirect(`/signin?callbackUrl=${encodeURIComponent("/checkout/local")}`);
  if (access.level === "free") await localSubscribe(access.user.id);
  redirect("/account?subscribed=1");
}
