import "server-only";
import { db, type PrismaClient } from "@/lib/db/client";

/**
 * Sign-in throttling, stored in the database so it holds across server processes. Two buckets
 * per attempt: the account (normalised e-mail, whether or not it exists, so lockouts reveal
 * nothing) and the client address. A bucket that collects `max` failures within `windowMs` is
 * locked for `lockMs`. A successful sign-in clears the account bucket.
 */
export const LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { max: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type Bucket = keyof typeof LIMITS;

export function throttleKeys(email: string, ip: string): { key: string; bucket: Bucket }[] {
  return [
    { key: `acct:${email}`, bucket: "account" },
    { key: `ip:${ip}`, bucket: "ip" },
  ];
}

/** Milliseconds until the caller may try again, or 0. */
export async function lockedFor(email: string, ip: string, now = new Date(), prisma: PrismaClient = db()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: throttleKeys(email, ip).map((k) => k.key) } } });
  let wait = 0;
  for (const r of rows) if (r.lockedUntil && r.lockedUntil > now) wait = Math.max(wait, r.lockedUntil.getTime() - now.getTime());
  return wait;
}

export async function recordFailure(email: string, ip: string, now = new Date(), prisma: PrismaClient = db()): Promise<void> {
  for (const { key, bucket } of throttleKeys(email, ip)) {
    const limit = LIMITS[bucket];
    await prisma.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > limit.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= limit.max ? new Date(now.getTime() + limit.lockMs) : fresh ? null : row.lockedUntil;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: { failures: failures >= limit.max ? 0 : failures, windowStart: fresh || failures >= limit.max ? now : row.windowStart, lockedUntil },
      });
    });
  }
}

export async function recordSuccess(email: string, prisma: PrismaClient = db()): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: `acct:${email}` } });
}

/**
 * The client address. `next start` appends the socket address to X-Forwarded-For, so the last
 * entry is the one a client cannot forge; behind N trusted reverse proxies set TRUSTED_PROXY_HOPS=N.
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const hops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
  const xff = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pick = xff[xff.length - 1 - hops] ?? xff[0];
  return pick ?? headers.get("x-real-ip") ?? "unknown";
}

/** A plain rate limit: true while `key` has been used fewer than `max` times in the current window. */
export async function consume(key: string, max: number, windowMs: number, now = new Date(), prisma: PrismaClient = db()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
    const used = fresh ? 1 : row.failures + 1;
    await tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures: used, windowStart: now },
      update: { failures: used, ...(fresh ? { windowStart: now } : {}) },
    });
    return used <= max;
  });
}
