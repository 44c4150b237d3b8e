"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

interface Suggestion {
  id: string;
  name: string;
}

/** Looks at the path that was not found and offers the closest techniques. */
export function NotFoundSuggestions() {
  const pathname = usePathname();
  const [items, setItems] = useState<Suggestion[] | null>(null);
  useEffect(() => {
    const seg = (pathname ?? "").split("/").filter(Boolean);
    const guess = seg[0] === "techniques" ? seg.slice(1, 3).join(".") : seg.join(" ");
    if (!guess) return setItems([]);
    const ctrl = new AbortController();
    fetch(`/api/suggest?q=${encodeURIComponent(safe(guess).slice(0, 200))}`, { signal: ctrl.signal })
      .then((r) => (r.ok ? r.json() : { results: [] }))
      .then((j: { results: Suggestion[] }) => setItems(j.results))
      .catch(() => setItems([]));
    return () => ctrl.abort();
  }, [pathname]);
  if (!items || items.length === 0) return null;
  return (
    <nav aria-label="Suggested techniques" data-testid="suggestions">
      <h2 className="mt3 mb1">Did you mean</h2>
      <ul>
        {items.map((s) => (
          <li key={s.id}>
            <Link href={`/techniques/${s.id}`} prefetch={false}>
              {`${s.id} ${s.name}`}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function safe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
