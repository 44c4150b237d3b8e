"use server";
import { headers } from "next/headers";
import type { SignUpState } from "@/components/auth/SignUpForm";
import { registerWithPassword } from "@/lib/auth/signup";
import { clientIp, consume } from "@/lib/auth/throttle";
import { isSameOrigin } from "@/lib/security/origin";

export async function signUpAction(_prev: SignUpState | null, form: FormData): Promise<SignUpState> {
  const h = await headers();
  if (!isSameOrigin(h)) return { ok: false, message: "This form must be sent from the Huntbook site itself." };
  if (!(await consume(`signup:${clientIp(h)}`, 10, 60 * 60_000))) {
    return { ok: false, message: "Too many sign-ups from your network. Wait an hour, then try again." };
  }
  return registerWithPassword({ email: form.get("email"), password: form.get("password"), confirm: form.get("confirm") });
}
