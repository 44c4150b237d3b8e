import { NextResponse } from "next/server";
import { suggestTechniques, shortName } from "@/lib/attack/catalog";

/** Close technique matches for a mistyped ID or name (used by the 404 page). Public data only. */
export function GET(req: Request) {
  const q = new URL(req.url).searchParams.get("q") ?? "";
  if (q.length > 200) return NextResponse.json({ error: "query too long (200 characters at most)" }, { status: 400 });
  const results = suggestTechniques(q).map((t) => ({ id: t.id, name: t.parent ? `${shortName(t)} (sub-technique)` : t.name }));
  return NextResponse.json({ query: q, results }, { headers: { "Cache-Control": "public, max-age=3600" } });
}
