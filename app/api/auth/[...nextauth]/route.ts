import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own routes (sign-in, callback, CSRF token, session, sign-out); every POST it accepts
// is checked against its double-submit CSRF token.
export const dynamic = "force-dynamic";

type RouteHandler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const malformed = await rejectMalformed(req);
  if (malformed) return malformed;
  // next-auth 4 detects the App Router from the second argument and awaits `params` itself.
  return (NextAuth(authOptions()) as unknown as RouteHandler)(req, ctx);
}

/**
 * Input next-auth 4 answers with a 500 (found by the route fuzzer, npm run test:load): a
 * callbackUrl that is not an http(s) URL (query or cookie: next-auth's assertConfig throws) and a
 * JSON body that does not parse. Both are client errors: 400, and a bad callback-url cookie is cleared.
 */
async function rejectMalformed(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  const query = url.searchParams.get("callbackUrl");
  if (query !== null && !httpUrl(query, url.origin)) return badRequest("callbackUrl must be a page on this site");
  for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
    const value = cookie(req.headers.get("cookie"), name);
    if (value !== null && !httpUrl(value, url.origin)) {
      return badRequest("invalid callback-url cookie (cleared; try again)", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    }
  }
  if (req.method === "POST" && /application\/json/i.test(req.headers.get("content-type") ?? "")) {
    try {
      await req.clone().json();
    } catch {
      return badRequest("malformed JSON body");
    }
  }
  return null;
}

function httpUrl(raw: string, origin: string): boolean {
  try {
    const u = new URL(raw, origin);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

function cookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return "javascript:"; // undecodable: treated as invalid
      }
    }
  }
  return null;
}

function badRequest(error: string, setCookie?: string): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (setCookie) headers["Set-Cookie"] = setCookie;
  return new Response(JSON.stringify({ error }), { status: 400, headers });
}

export { handler as GET, handler as POST };
