import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before routing. It only rejects requests the router itself cannot handle (a path with a
 * malformed percent-escape would otherwise surface as a 500). It never decides access: pages and
 * route handlers ask lib/access themselves.
 */
export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    return new NextResponse("Bad request: the URL contains a malformed percent-escape.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
