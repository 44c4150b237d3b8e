import { NextResponse, type NextRequest } from "next/server";
import { buildCsp } from "@/lib/security/csp";
import { prerenderedScriptHashes } from "@/lib/security/static-html";

/**
 * Runs before routing. It rejects requests the router itself cannot handle (a path with a
 * malformed percent-escape would otherwise surface as a 500) and sets the Content-Security-Policy
 * (lib/security/csp.ts explains the hash + nonce design). It never decides access: pages and
 * route handlers ask lib/access themselves. The other security headers come from next.config.js
 * so that static files get them too.
 */
export async function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    return new NextResponse("Bad request: the URL contains a malformed percent-escape.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" },
    });
  }
  // A multipart POST that does not parse: Next (16.5) reads every multipart POST to a page as a
  // possible no-JavaScript server-action form and answers 500 when the body is not valid form
  // data. Found by the route fuzzer (npm run test:load). Bodies are small here (forms only).
  if (request.method === "POST" && /^\s*multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    if (!(await parsesAsFormData(request))) {
      return new NextResponse("Bad request: the body is not valid multipart/form-data.\n", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" },
      });
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const formTargets = [
    ...(process.env.STRIPE_SECRET_KEY ? ["https://checkout.stripe.com", "https://billing.stripe.com"] : []),
    ...(process.env.GITHUB_ID ? ["https://github.com"] : []),
  ];
  const csp = buildCsp({ nonce, hashes: dev ? [] : prerenderedScriptHashes(raw), dev, formTargets });
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if ((process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "").startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

async function parsesAsFormData(request: NextRequest): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
