"use client";
import { useEffect, useState } from "react";
import Link from "next/link";

/**
 * Header account link. The layout is prerendered and identical for everyone, so who is signed in
 * is asked after hydration (next-auth's session endpoint; no Pro data involved).
 */
export function AccountMenu() {
  const [email, setEmail] = useState<string | null | undefined>(undefined);
  const [here, setHere] = useState("/");
  useEffect(() => {
    setHere(window.location.pathname + window.location.search);
    let live = true;
    fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { user?: { email?: string } } | null) => live && setEmail(s?.user?.email ?? null))
      .catch(() => live && setEmail(null));
    return () => {
      live = false;
    };
  }, []);
  if (email === undefined) return <span className="account" data-testid="account-menu" data-state="loading" />;
  return email ? (
    <Link href="/account" prefetch={false} className="account" data-testid="account-menu" data-state="signed-in" title={email}>
      Account
    </Link>
  ) : (
    <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} prefetch={false} className="account" data-testid="account-menu" data-state="signed-out">
      Sign in
    </Link>
  );
}
