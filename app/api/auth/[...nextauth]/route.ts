import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own routes (sign-in, callback, CSRF token, session, sign-out); every POST it accepts
// is checked against its double-submit CSRF token.
export const dynamic = "force-dynamic";

type RouteHandler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // next-auth 4 detects the App Router from the second argument and awaits `params` itself.
  return (NextAuth(authOptions()) as unknown as RouteHandler)(req, ctx);
}

export { handler as GET, handler as POST };
