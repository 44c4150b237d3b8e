import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { AppLink } from "@/components/ui/links";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default function SignUpPage() {
  return (
    <>
      <Typography variant="h1">Create an account</Typography>
      <Typography sx={{ mt: 1, mb: 3 }}>
        Already registered? <AppLink href="/signin">Sign in</AppLink>.
      </Typography>
      <SignUpForm action={signUpAction} minLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
