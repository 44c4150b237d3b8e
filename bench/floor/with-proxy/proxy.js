// The floor with an empty proxy: copied to the root of a copy of bench/floor (bench/.floor-proxy)
// by `npm run bench`. It does nothing, so that build measures what Next itself costs per request
// once any proxy.ts exists (Huntbook's proxy.ts sets the CSP and must exist), and the serve stage
// can tell that cost from what Huntbook's own code adds. Same matcher as Huntbook's main one.
import { NextResponse } from "next/server";

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
