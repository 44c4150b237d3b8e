import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db, type PrismaClient } from "@/lib/db/client";
import { _mintGrant, type ProGrant } from "./grant";

export type { ProGrant };

/**
 * The one place that decides what a viewer may see. Pages, route handlers and server actions call
 * `getAccess()`; the proxy never decides. Entitlement is read from the database on every call, so a
 * cancelled or expired subscription loses access on the next request.
 */

export interface ViewerUser {
  id: string;
  email: string;
  name: string | null;
}

export type Access =
  | { level: "anonymous" }
  | { level: "free"; user: ViewerUser }
  | { level: "pro"; user: ViewerUser; expiresAt: Date | null; grant: ProGrant };

interface EntitlementRow {
  active: boolean;
  expiresAt: Date | null;
}

/** Pure decision, unit-tested: a user with an active, unexpired "pro" entitlement is Pro. */
export function decideAccess(user: ViewerUser | null, entitlement: EntitlementRow | null, now: Date): Access {
  if (!user) return { level: "anonymous" };
  if (entitlement?.active && (entitlement.expiresAt === null || entitlement.expiresAt.getTime() > now.getTime())) {
    return { level: "pro", user, expiresAt: entitlement.expiresAt, grant: _mintGrant(user.id, now) };
  }
  return { level: "free", user };
}

/** Access for a user id taken from a verified session (database read every time). */
export async function accessForUserId(userId: string | null | undefined, now = new Date(), prisma: PrismaClient = db()): Promise<Access> {
  if (!userId) return { level: "anonymous" };
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, entitlements: { where: { feature: "pro" }, select: { active: true, expiresAt: true } } },
  });
  // A session for a deleted account is treated as no session.
  if (!user) return { level: "anonymous" };
  return decideAccess({ id: user.id, email: user.email, name: user.name }, user.entitlements[0] ?? null, now);
}

/** The current request's viewer. Reads the session cookie, so callers render per request. */
export async function getAccess(): Promise<Access> {
  const session = await getServerSession(authOptions());
  return accessForUserId(session?.user?.id);
}

export function canSeePro(access: Access): access is Extract<Access, { level: "pro" }> {
  return access.level === "pro";
}
