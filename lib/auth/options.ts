import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { db } from "@/lib/db/client";
import { siteUrl } from "@/lib/site";
import { normalizeEmail } from "./email";
import { verifyPassword } from "./password";
import { clientIp, lockedFor, recordFailure, recordSuccess } from "./throttle";
import { safeRedirectUrl } from "./urls";

/** Error codes the sign-in form turns into messages (lib/auth/messages.ts). */
export const THROTTLED = "Throttled";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;
function headerGetter(h: HeaderBag): { get(name: string): string | null } {
  if (!h) return { get: () => null };
  if (typeof (h as Headers).get === "function") return h as Headers;
  const rec = h as Record<string, string | string[] | undefined>;
  return {
    get: (name) => {
      const v = rec[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : (v ?? null);
    },
  };
}

/**
 * E-mail links are available when SMTP is configured (EMAIL_SERVER). Without SMTP they are
 * printed to the server log instead: in development always, elsewhere only with the explicit
 * HUNTBOOK_EMAIL_LINKS_TO_LOG=1 (for local testing; never set it on a shared server).
 */
export function emailSignInEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.EMAIL_SERVER) || env.NODE_ENV === "development" || env.HUNTBOOK_EMAIL_LINKS_TO_LOG === "1";
}

export function githubSignInEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}

/** Cookies are Secure exactly when the site is served over https (NEXTAUTH_URL / SITE_URL). */
export function useSecureCookies(url = siteUrl()): boolean {
  return url.startsWith("https://");
}

export async function authorizeWithPassword(
  credentials: Record<string, unknown> | undefined,
  headers: { get(name: string): string | null },
): Promise<{ id: string; email: string; name: string | null } | null> {
  const email = normalizeEmail(credentials?.email);
  const password = typeof credentials?.password === "string" ? credentials.password : "";
  if (!email || !password || password.length > 1024) return null;
  const ip = clientIp(headers);
  if ((await lockedFor(email, ip)) > 0) throw new Error(THROTTLED);
  const user = await db().user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user) {
    await recordFailure(email, ip);
    return null;
  }
  await recordSuccess(email);
  return { id: user.id, email: user.email, name: user.name };
}

let cached: NextAuthOptions | null = null;

/** The secret next-auth signs and encrypts session tokens with. */
export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET ?? (process.env.NODE_ENV === "production" ? undefined : "huntbook-development-secret-not-for-production");
}

/** The session cookie's name (next-auth's default, with the __Secure- prefix on https). */
export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function authOptions(): NextAuthOptions {
  cached ??= build();
  return cached;
}

function build(): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeWithPassword(credentials, headerGetter(req.headers as HeaderBag)),
    }),
  ];
  if (emailSignInEnabled()) {
    providers.push(
      EmailProvider({
        server: process.env.EMAIL_SERVER ?? "smtp://localhost:25",
        from: process.env.EMAIL_FROM ?? "Huntbook <no-reply@huntbook.local>",
        maxAge: 30 * 60,
        async sendVerificationRequest({ identifier, url, provider }) {
          if (!process.env.EMAIL_SERVER) {
            // Development without SMTP: the link goes to the server log.
            console.log(`[huntbook] sign-in link for ${identifier}: ${url}`);
            return;
          }
          const { createTransport } = await import("nodemailer");
          const host = new URL(url).host;
          await createTransport(provider.server).sendMail({
            to: identifier,
            from: provider.from,
            subject: `Sign in to ${host}`,
            text: `Sign in to Huntbook:\n${url}\n\nThe link works once and expires in 30 minutes. If you did not ask for it, ignore this e-mail.\n`,
          });
        },
      }),
    );
  }
  if (githubSignInEnabled()) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" }));
  }
  return {
    // @auth/prisma-adapter is typed against @auth/core; next-auth 4's Adapter is the same contract.
    adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]) as unknown as Adapter,
    providers,
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    useSecureCookies: useSecureCookies(),
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      jwt: ({ token, user }) => {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session: ({ session, token }) => {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
