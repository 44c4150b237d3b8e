import "server-only";
import { db, type PrismaClient } from "@/lib/db/client";
import { normalizeEmail } from "./email";
import { SIGNUP_DONE } from "./messages";
import { hashPassword, passwordProblem } from "./password";

export interface FormState {
  ok: boolean;
  message: string;
  fields?: Partial<Record<"email" | "password" | "confirm", string>>;
  /** Echoed back so the form keeps what was typed (never the password). */
  email?: string;
}

/**
 * Registers an account. Validation problems are reported per field; otherwise the answer is the
 * same whether the address was new or already registered (no account enumeration), and both
 * paths hash a password so they take the same time.
 */
export async function registerWithPassword(input: { email: unknown; password: unknown; confirm: unknown }, prisma: PrismaClient = db()): Promise<FormState> {
  const rawEmail = typeof input.email === "string" ? input.email.slice(0, 300) : "";
  const email = normalizeEmail(rawEmail);
  const password = typeof input.password === "string" ? input.password : "";
  const confirm = typeof input.confirm === "string" ? input.confirm : "";
  const fields: FormState["fields"] = {};
  if (!email) fields.email = "Enter an email address such as name@example.com.";
  const pw = password.length > 1024 ? "That password is far too long." : passwordProblem(password);
  if (pw) fields.password = pw;
  else if (password !== confirm) fields.confirm = "The two passwords differ.";
  if (!email || Object.keys(fields).length > 0) return { ok: false, message: "Check the highlighted fields.", fields, email: rawEmail };
  const passwordHash = await hashPassword(password);
  try {
    await prisma.user.create({ data: { email, passwordHash } });
  } catch (e) {
    // Already registered: same answer as success.
    if (!isUniqueViolation(e)) throw e;
  }
  return { ok: true, message: SIGNUP_DONE, email };
}

/**
 * Prisma's unique-constraint error (P2002). Checked by its code, not `instanceof`: the bundler may
 * load the generated client twice (server action and page chunks), and an error made by one copy
 * is not an instance of the other copy's class.
 */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
