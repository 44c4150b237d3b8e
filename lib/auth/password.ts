import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt work factor: 2^12 rounds (about 0.3 s per hash here). */
export const BCRYPT_COST = 12;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`;
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return `Use at most ${MAX_PASSWORD_BYTES} bytes for the password (about 72 plain letters).`;
  return null;
}

export function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// A real hash of a random string: comparing against it costs as much as a real check, so an
// unknown e-mail address takes as long to reject as a wrong password.
let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= bcrypt.hash(crypto.randomUUID(), BCRYPT_COST);
  return dummy;
}

/** Constant-work verification: `hash` null (no such user, or no password set) still costs one compare. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, await dummyHash());
    return false;
  }
  return bcrypt.compare(password, hash);
}

export function hashCost(hash: string): number {
  return bcrypt.getRounds(hash);
}
