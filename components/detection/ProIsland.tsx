"use client";
import { useEffect, useState, type ReactNode } from "react";

/**
 * The per-request hole in a prerendered detection page. The page ships `children` (the generic
 * teaser, identical for everyone); after hydration this asks the server (`load`, a server action)
 * for the viewer's Pro section and swaps it in. The server renders Pro content only for an
 * entitled viewer, so the static page and its RSC payload never contain any.
 */
export function ProIsland({ load, children }: { load: () => Promise<ReactNode>; children: ReactNode }) {
  const [state, setState] = useState<{ status: "loading" | "ready" | "failed"; node: ReactNode }>({ status: "loading", node: null });
  useEffect(() => {
    let live = true;
    load().then(
      (node) => live && setState({ status: "ready", node }),
      () => live && setState({ status: "failed", node: null }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return (
    <div data-testid="pro-island" data-state={state.status} aria-busy={state.status === "loading"}>
      {state.status === "ready" ? state.node : children}
    </div>
  );
}
