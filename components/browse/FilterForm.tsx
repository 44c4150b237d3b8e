"use client";
/**
 * The /detections filter form. Without JavaScript it is a plain GET form; with it, submitting
 * pushes a clean URL (empty fields dropped) with a client-side navigation, so the filter state
 * lives in the URL, can be shared, and the back button steps through earlier filters.
 * Filters apply on "Apply" rather than on every change, so arrowing through a select with the
 * keyboard does not navigate (WCAG 3.2.2).
 */
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import styles from "./browse.module.css";

export function FilterForm({ action, children }: { action: string; children: ReactNode }) {
  const router = useRouter();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const sp = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v !== "") sp.append(k, v);
    const qs = sp.toString();
    router.push(qs ? `${action}?${qs}` : action, { scroll: false });
  }
  return (
    <form method="get" action={action} className={styles.form} onSubmit={onSubmit} aria-label="Filter detections" data-testid="filter-form">
      {children}
    </form>
  );
}
