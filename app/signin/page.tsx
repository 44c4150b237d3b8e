import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { AppLink } from "@/components/ui/links";
import { getAccess } from "@/lib/access";
import { EMAIL_LINK_SENT, SIGNIN_FAILED, SIGNIN_THROTTLED, signInErrorMessage } from "@/lib/auth/messages";
import { emailSignInEnabled, githubSignInEnabled } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/urls";
import { siteUrl } from "@/lib/site";

// Per viewer: reads the session on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(one(sp.callbackUrl), siteUrl(), "/account");
  if ((await getAccess()).level !== "anonymous") redirect(callbackUrl);
  const email = (one(sp.email) ?? "").slice(0, 254);
  return (
    <>
      <Typography variant="h1">Sign in</Typography>
      <Typography sx={{ mt: 1, mb: 3 }}>
        No account yet? <AppLink href={`/signup`}>Create one</AppLink>: it is free, and Pro is one click away.
      </Typography>
      <SignInForm
        callbackUrl={callbackUrl}
        initialEmail={email}
        error={signInErrorMessage(one(sp.error))}
        emailLink={emailSignInEnabled()}
        github={githubSignInEnabled()}
        messages={{ failed: SIGNIN_FAILED, throttled: SIGNIN_THROTTLED, linkSent: EMAIL_LINK_SENT }}
      />
    </>
  );
}
