/**
 * User-facing auth messages. Sign-in, sign-up and e-mail-link messages are the same whether or not
 * an account exists for the address, so they cannot be used to find out who has an account.
 */
export const SIGNIN_FAILED = "That email and password do not match an account, or the account has no password. Check them and try again.";
export const SIGNIN_THROTTLED = "Too many sign-in attempts. Wait 15 minutes, then try again.";
export const SIGNUP_DONE =
  "Thanks. If this address was not registered yet, your account now exists: sign in with the password you chose. If it was, sign in with its existing password.";
export const EMAIL_LINK_SENT = "If the address can receive mail, a sign-in link is on its way. It works once and expires in 30 minutes.";

/** next-auth error codes (the `error` query parameter) → messages. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "CredentialsSignin":
      return SIGNIN_FAILED;
    case "Throttled":
      return SIGNIN_THROTTLED;
    case "EmailSignin":
      return "The sign-in link could not be sent. Try again later.";
    case "Verification":
      return "That sign-in link has expired or was already used. Ask for a new one.";
    case "OAuthAccountNotLinked":
      return "Sign in the way you first signed in with this address, then link GitHub from your account.";
    case "SessionRequired":
      return "Sign in to continue.";
    default:
      return "Sign-in failed. Try again.";
  }
}
